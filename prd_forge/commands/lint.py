"""`prd-forge lint PATH...`: find missing and hollow risk sections in any Markdown PRD.

Exit 0 clean, 1 findings at or above the fail level, 2 usage or input error (a bad config,
or a file that could not be read; the other files are still linted and reported).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import click

from prd_forge.commands._common import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, InputError
from prd_forge.lint.config import PRESETS, STAGES, Config, ConfigError
from prd_forge.lint.formats import NAMES, Options, get
from prd_forge.lint.run import RunResult, run

_LEVELS = ("error", "warning", "info")


def _selectors(values: Sequence[str], option: str) -> tuple[str, ...]:
    from prd_forge import catalogue
    from prd_forge.lint.rules import find

    selectors = tuple(part.strip() for value in values for part in value.split(",") if part.strip())
    for selector in selectors:
        upper = selector.upper()
        known = upper == "ALL" or selector in catalogue.BY_ID or find(selector) is not None
        if not known and not (upper.startswith("PRD") and upper[3:].isdigit()):
            raise click.BadParameter(
                f"unknown rule or concern {selector!r}; see `prd-forge rules`", param_hint=option
            )
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
            changes["fail_level"] = fail_level
        if ai != "auto":
            changes["ai"] = ai == "yes"
        return config.replace(**changes) if changes else config

    return apply


def _color(choice: str) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return choice == "always" or (choice == "auto" and sys.stdout.isatty())


def _format(choice: str) -> str:
    if choice == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return choice


def _step_summary(result: RunResult) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        from prd_forge.lint.formats.tally import coverage_markdown

        with Path(target).open("a", encoding="utf-8") as handle:
            handle.write(coverage_markdown(result))


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
@click.option("--exclude", multiple=True, help="Glob of paths to skip in folders.")
@click.option("--stdin-filename", help="Name (and config location) for `-` input.")
@click.option("--jobs", type=click.IntRange(min=1), help="Processes (default: all cores).")
@click.option(
    "--color",
    type=click.Choice(("auto", "always", "never")),
    default="auto",
    show_default=True,
    help="Colour text output (never with NO_COLOR set).",
)
def lint(
    paths: tuple[str, ...],
    output_format: str,
    summary: bool,
    config_path: str | None,
    preset: str | None,
    stage: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_level: str | None,
    ai: str,
    exclude: tuple[str, ...],
    stdin_filename: str | None,
    jobs: int | None,
    color: str,
) -> None:
    """Lint Markdown PRDs (files, folders, or - for stdin) for missing and hollow sections."""
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    chosen = _selectors(select, "--select")
    overrides = _overrides(preset, chosen, _selectors(ignore, "--ignore"), fail_level, ai)
    try:
        result = run(
            paths,
            overrides=overrides,
            config_path=config_path,
            stage=stage,
            stdin=stdin,
            stdin_name=stdin_filename or "-",
            jobs=jobs,
            exclude=exclude,
        )
    except ConfigError as error:
        raise InputError(str(error)) from None
    name = _format(output_format)
    options = Options(color=_color(color) and name == "text", summary=summary)
    click.echo(get(name)(result, options), nl=False, color=options.color)
    for problem in result.problems:
        click.echo(f"prd-forge: error: {problem.path}: {problem.message}", err=True)
    if name == "github":
        _step_summary(result)
    if result.problems:
        sys.exit(EXIT_INPUT)
    if result.failed:
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)
