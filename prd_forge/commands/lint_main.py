"""What `prd-forge lint` does once its options are parsed, without click.

Two callers: the click command (commands/lint.py) and the fast entry point (prd_forge/entry.py),
which parses plain command lines itself so linting one file does not pay for importing click.
Both go through `prepare`, then `execute`; errors are click-free exceptions each caller words
the same way.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Sequence

from prd_forge._exits import EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK, echo
from prd_forge._io import OutputExistsError, non_regular, write_atomic
from prd_forge._records import TYPE_CHECKING, NamedTuple
from prd_forge.lint import cache
from prd_forge.lint.config import Config, ConfigError
from prd_forge.lint.files import MAX_BYTES
from prd_forge.lint.formats import Options, get
from prd_forge.lint.run import RunResult, run
from prd_forge.terms import Severity

if TYPE_CHECKING:
    from typing import Any


class Usage(Exception):
    """A usage error (click's UsageError, or BadParameter when `option` is named)."""

    def __init__(self, message: str, option: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.option = option


class LintInputError(Exception):
    """An input error: one line, exit 2 (click's InputError)."""


class Plan(NamedTuple):
    """A checked command line: what to lint, how, and the settings it came with."""

    paths: tuple[str, ...]
    settings: dict[str, Any]
    format: str
    overrides: Callable[[Config], Config]


def prepare(paths: tuple[str, ...], settings: dict[str, Any]) -> Plan:
    """Check the command line before anything is read or written (raises Usage)."""
    name = _format(settings["output_format"])
    _check_usage(name, paths, settings)
    chosen = _selectors(settings["select"], "--select")
    ignored = _selectors(settings["ignore"], "--ignore")
    overrides = _overrides(settings, chosen, ignored)
    return Plan(paths, settings, name, overrides)


def execute(plan: Plan) -> None:
    """Lint, print, and exit with the code (0 clean, 1 findings, 2 input error, 130 Ctrl-C)."""
    try:
        _execute(plan)
    except KeyboardInterrupt:
        echo("\ninterrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)


def _execute(plan: Plan) -> None:
    settings = plan.settings
    # One byte over the cap is enough to refuse it; /dev/zero on stdin must not fill memory.
    stdin = sys.stdin.buffer.read(MAX_BYTES + 1) if "-" in plan.paths else None
    result = _run(plan, stdin)
    if settings["diff"] or settings["fix"]:
        from prd_forge.commands import lint_fix

        if settings["diff"]:
            changed = lint_fix.diff(result, stdin, settings["config_path"])
            _problems(result)
            sys.exit(EXIT_INPUT if result.problems else EXIT_FINDINGS if changed else EXIT_OK)
        result = lint_fix.apply(result, settings["config_path"], lambda: _run(plan, stdin))
    output_file = settings["output_file"]
    options = Options(
        color=_color(settings["color"], output_file is not None) and plan.format == "text",
        summary=settings["summary"],
        quiet=settings["quiet"],
        statistics=settings["statistics"],
        sarif_category=settings["sarif_category"],
        base_path=settings["base_path"],
    )
    _emit(get(plan.format)(result, options), output_file, options.color)
    _problems(result)
    if plan.format == "github":
        _step_summary(result)
    if result.problems:
        sys.exit(EXIT_INPUT)
    sys.exit(EXIT_FINDINGS if result.failed else EXIT_OK)


def _selectors(values: Sequence[str], option: str) -> tuple[str, ...]:
    selectors = tuple(part.strip() for value in values for part in value.split(",") if part.strip())
    if not selectors:
        return ()
    # here: checking a selector needs the rule registry, which imports the whole analysis
    from prd_forge import catalogue
    from prd_forge.lint.selectors import known, unknown_message

    for selector in selectors:
        if not known(selector, catalogue.BY_ID):
            raise Usage(unknown_message(selector, catalogue.BY_ID), option)
    return selectors


def _overrides(
    settings: dict[str, Any], select: tuple[str, ...], ignore: tuple[str, ...]
) -> Callable[[Config], Config]:
    preset, fail_level, ai = settings["preset"], settings["fail_level"], settings["ai"]

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
        from pathlib import Path  # here: what a plain run needs is os.path's

        from prd_forge.lint.formats.tally import coverage_markdown

        try:
            kind = non_regular(Path(target).stat().st_mode) if Path(target).exists() else None
            if kind is not None:  # a FIFO would block the append
                raise OSError(errno.EINVAL, f"is {kind}, not a regular file")
            with Path(target).open("a", encoding="utf-8") as handle:
                handle.write(coverage_markdown(result))
        except OSError as error:
            reason = error.strerror or str(error)
            message = f"GITHUB_STEP_SUMMARY {target}: cannot be written: {reason}"
            raise LintInputError(message) from None


def _problems(result: RunResult) -> None:
    for warning in result.warnings:
        echo(f"prd-forge: warning: {warning.path}: {warning.message}", err=True)
    for problem in result.problems:
        echo(f"prd-forge: error: {problem.path}: {problem.message}", err=True)


def _check_usage(name: str, paths: tuple[str, ...], settings: dict[str, Any]) -> None:
    if (settings["statistics"] or settings["quiet"]) and name != "text":
        flag = "--statistics" if settings["statistics"] else "--quiet"
        raise Usage(f"{flag} goes with --format text")
    if settings["fix"] and "-" in paths:
        raise Usage("--fix writes files; for stdin use --diff")
    if name in ("sarif", "gitlab") and "-" in paths and not settings["stdin_filename"]:
        raise Usage(f"--format {name} needs a path for stdin: give --stdin-filename PATH")


def _run(plan: Plan, stdin: bytes | None) -> RunResult:
    s = plan.settings
    try:
        return run(
            plan.paths,
            overrides=plan.overrides,
            config_path=s["config_path"],
            stage=s["stage"],
            stdin=stdin,
            stdin_name=s["stdin_filename"] or "-",
            jobs=s["jobs"],
            exclude=s["exclude"],
            force_exclude=s["force_exclude"],
            cache=_cache(s["no_cache"], s["cache_dir"]),
        )
    except ConfigError as error:
        raise LintInputError(str(error)) from None


def _cache(off: bool, folder: str | None) -> cache.Cache | None:
    if off or cache.disabled():
        return None
    return cache.Cache(folder or cache.default_dir(os.getcwd()))  # noqa: PTH109


def _emit(report: str, output_file: str | None, color: bool) -> None:
    if output_file is None:
        echo(report, nl=False, color=color)
        return
    from pathlib import Path

    try:
        if not Path(output_file).parent.is_dir():  # a report does not create folders
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT))
        write_atomic(Path(output_file), report, force=True)
    except OutputExistsError as error:  # a device, a FIFO: never replaced
        raise LintInputError(str(error)) from None
    except OSError as error:
        raise LintInputError(f"{output_file}: cannot write the report ({error.strerror})") from None
