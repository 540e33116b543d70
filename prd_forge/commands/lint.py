"""`prd-forge lint PATH...`: find missing and hollow risk sections in any Markdown PRD.

Exit 0 clean, 1 findings at or above the fail level, 2 usage or input error (a bad config,
or a file that could not be read; the other files are still linted and reported).
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from prd_forge._io import OutputExistsError, non_regular, write_atomic
from prd_forge.commands._common import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, InputError
from prd_forge.lint import cache
from prd_forge.lint.config import PRESETS, STAGES, Config, ConfigError
from prd_forge.lint.files import MAX_BYTES
from prd_forge.lint.formats import NAMES, Options, get
from prd_forge.lint.run import RunResult, run
from prd_forge.terms import Severity

_LEVELS = ("error", "warning", "info")


def _selectors(values: Sequence[str], option: str) -> tuple[str, ...]:
    selectors = tuple(part.strip() for value in values for part in value.split(",") if part.strip())
    if not selectors:
        return ()
    # here: checking a selector needs the rule registry, which imports the whole analysis
    from prd_forge import catalogue
    from prd_forge.lint.selectors import known, unknown_message

    for selector in selectors:
        if not known(selector, catalogue.BY_ID):
            raise click.BadParameter(unknown_message(selector, catalogue.BY_ID), param_hint=option)
    return selectors


def _overrides(
    preset: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_level: str | None,
    ai: str,
) -> Callable[[Config], Config]:
    def apply(config: Config) -> Config:
        changes: dict[str, object] = {}
        if preset:
            changes["preset"] = preset
        if select:
            changes["select"] = select
        if ignore:
            changes["ignore"] = (*config.ignore, *ignore)
        if fail_level:
            changes["fail_level"] = Severity(fail_level)
        if ai != "auto":
            changes["ai"] = ai == "yes"
        return config.replace(**changes) if changes else config

    return apply


def _color(choice: str, to_file: bool) -> bool:
    """--color always/never wins; then NO_COLOR, then FORCE_COLOR, then whether it is a tty."""
    if choice != "auto":
        return choice == "always" and not os.environ.get("NO_COLOR")
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return not to_file and sys.stdout.isatty()


def _format(choice: str) -> str:
    if choice == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return choice


def _step_summary(result: RunResult) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        from prd_forge.lint.formats.tally import coverage_markdown

        try:
            kind = non_regular(Path(target).stat().st_mode) if Path(target).exists() else None
            if kind is not None:  # a FIFO would block the append
                raise OSError(errno.EINVAL, f"is {kind}, not a regular file")
            with Path(target).open("a", encoding="utf-8") as handle:
                handle.write(coverage_markdown(result))
        except OSError as error:
            reason = error.strerror or str(error)
            raise InputError(f"GITHUB_STEP_SUMMARY {target}: cannot be written: {reason}") from None


@click.command("lint")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(("auto", *NAMES)),
    default="auto",
    show_default=True,
    help="Output format; auto is github under GitHub Actions, else text.",
)
@click.option("--summary", is_flag=True, help="Print the coverage table (concerns by files).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file.")
@click.option("--preset", type=click.Choice(PRESETS), help="default, or strict for launch.")
@click.option("--stage", type=click.Choice(STAGES), help="How finished the PRD should be.")
@click.option("--select", multiple=True, help="Only these rules/concerns (codes, names, ids).")
@click.option("--ignore", multiple=True, help="Skip these rules/concerns (codes, names, ids).")
@click.option("--fail-level", type=click.Choice(_LEVELS), help="Lowest severity that fails.")
@click.option(
    "--ai",
    type=click.Choice(("auto", "yes", "no")),
    default="auto",
    show_default=True,
    help="Whether the PRDs describe an AI feature (auto: read front matter, then the text).",
)
@click.option(
    "--exclude",
    multiple=True,
    help="Gitignore-style pattern (relative to the current folder) of paths to skip in folders.",
)
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Apply exclude patterns to files named outright too (as pre-commit names them).",
)
@click.option("--stdin-filename", help="Name (and config location) for `-` input.")
@click.option("--jobs", type=click.IntRange(min=1), help="Processes (default: all cores).")
@click.option(
    "--no-cache",
    is_flag=True,
    help=f"Lint every file afresh, using no result cache (also: ${cache.NO_CACHE_VAR}=1).",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    help=f"Result cache folder (default: ${cache.ENV_VAR}, else {cache.DIR_NAME} at the root).",
)
@click.option(
    "--color",
    type=click.Choice(("auto", "always", "never")),
    default="auto",
    show_default=True,
    help="Colour text output (auto: on a terminal or with FORCE_COLOR; never with NO_COLOR).",
)
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), help="Write the report here.")
@click.option("--quiet", "-q", is_flag=True, help="Text: findings only, no tally line.")
@click.option("--statistics", is_flag=True, help="Text: counts by rule instead of findings.")
@click.option("--sarif-category", help="SARIF: automationDetails id (one per analysis).")
@click.option(
    "--fix",
    is_flag=True,
    help="Add each missing required section (heading and questions) and mark hollow ones.",
)
@click.option("--diff", is_flag=True, help="Show what --fix would add as a diff; write nothing.")
@click.option(
    "--base-path",
    type=click.Path(exists=True, file_okay=False),
    help="SARIF/gitlab: paths relative to this folder (default: the git top level).",
)
def lint(
    paths: tuple[str, ...],
    output_format: str,
    stdin_filename: str | None,
    color: str,
    output_file: str | None,
    **settings: Any,
) -> None:
    """Lint Markdown PRDs (files, folders, globs, or - for stdin) for missing and hollow
    sections."""
    name = _format(output_format)
    _check_usage(name, paths, stdin_filename, settings)
    # One byte over the cap is enough to refuse it; /dev/zero on stdin must not fill memory.
    stdin = sys.stdin.buffer.read(MAX_BYTES + 1) if "-" in paths else None
    result = _run(paths, stdin, stdin_filename, settings)
    if settings["diff"] or settings["fix"]:
        from prd_forge.commands import lint_fix

        if settings["diff"]:
            changed = lint_fix.diff(result, stdin, settings["config_path"])
            _problems(result)
            sys.exit(EXIT_INPUT if result.problems else EXIT_FINDINGS if changed else EXIT_OK)
        rerun = lambda: _run(paths, stdin, stdin_filename, settings)  # noqa: E731
        result = lint_fix.apply(result, settings["config_path"], rerun)
    options = Options(
        color=_color(color, output_file is not None) and name == "text",
        summary=settings["summary"],
        quiet=settings["quiet"],
        statistics=settings["statistics"],
        sarif_category=settings["sarif_category"],
        base_path=settings["base_path"],
    )
    _emit(get(name)(result, options), output_file, options.color)
    _problems(result)
    if name == "github":
        _step_summary(result)
    if result.problems:
        sys.exit(EXIT_INPUT)
    sys.exit(EXIT_FINDINGS if result.failed else EXIT_OK)


def _problems(result: RunResult) -> None:
    for warning in result.warnings:
        click.echo(f"prd-forge: warning: {warning.path}: {warning.message}", err=True)
    for problem in result.problems:
        click.echo(f"prd-forge: error: {problem.path}: {problem.message}", err=True)


def _check_usage(
    name: str, paths: tuple[str, ...], stdin_filename: str | None, settings: dict[str, Any]
) -> None:
    if (settings["statistics"] or settings["quiet"]) and name != "text":
        flag = "--statistics" if settings["statistics"] else "--quiet"
        raise click.UsageError(f"{flag} goes with --format text")
    if settings["fix"] and "-" in paths:
        raise click.UsageError("--fix writes files; for stdin use --diff")
    if name in ("sarif", "gitlab") and "-" in paths and not stdin_filename:
        raise click.UsageError(
            f"--format {name} needs a path for stdin: give --stdin-filename PATH"
        )


def _run(
    paths: tuple[str, ...], stdin: bytes | None, stdin_filename: str | None, s: dict[str, Any]
) -> RunResult:
    chosen = _selectors(s["select"], "--select")
    overrides = _overrides(
        s["preset"], chosen, _selectors(s["ignore"], "--ignore"), s["fail_level"], s["ai"]
    )
    try:
        return run(
            paths,
            overrides=overrides,
            config_path=s["config_path"],
            stage=s["stage"],
            stdin=stdin,
            stdin_name=stdin_filename or "-",
            jobs=s["jobs"],
            exclude=s["exclude"],
            force_exclude=s["force_exclude"],
            cache=_cache(s["no_cache"], s["cache_dir"]),
        )
    except ConfigError as error:
        raise InputError(str(error)) from None


def _cache(off: bool, folder: str | None) -> cache.Cache | None:
    if off or cache.disabled():
        return None
    return cache.Cache(Path(folder) if folder else cache.default_dir(Path.cwd()))


def _emit(report: str, output_file: str | None, color: bool) -> None:
    if output_file is None:
        click.echo(report, nl=False, color=color)
        return
    try:
        if not Path(output_file).parent.is_dir():  # a report does not create folders
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT))
        write_atomic(Path(output_file), report, force=True)
    except OutputExistsError as error:  # a device, a FIFO: never replaced
        raise InputError(str(error)) from None
    except OSError as error:
        raise InputError(f"{output_file}: cannot write the report ({error.strerror})") from None
