"""`prd-forge report`: every PRD a row, every concern a column, worst first."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

import click

from prd_forge._io import OutputExistsError, check_writable, write_atomic
from prd_forge.commands._common import EXIT_INPUT, InputError
from prd_forge.lint.config import ConfigError
from prd_forge.report import html, text
from prd_forge.report.rows import Portfolio, build

FORMATS: dict[str, Callable[[Portfolio], str]] = {
    "html": html.page,
    "json": text.as_json,
    "markdown": text.markdown,
}


def _today(value: str | None) -> datetime.date:
    if value is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--today {value!r} is not a date; write it as YYYY-MM-DD") from None


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write the report here (default: standard output).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(FORMATS)),
    default="html",
    show_default=True,
    help="html: one self-contained page, readable offline and in print.",
)
@click.option(
    "--revisions",
    type=click.IntRange(0, 50),
    default=5,
    show_default=True,
    help="In a git repository, the trend covers each PRD's last N revisions.",
)
@click.option("--today", default=None, help="The date questions are due against (default: today).")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@click.pass_context
def report(
    ctx: click.Context,
    paths: tuple[str, ...],
    output: Path | None,
    output_format: str,
    revisions: int,
    today: str | None,
    force: bool,
) -> None:
    """Report on every Markdown PRD under PATH...: coverage of each concern, findings by
    severity, open questions past due, stale approvals and the coverage trend, worst first.

    Exit 0 when written; 2 on a usage error, or when a file could not be read (it is listed
    in the report and on standard error). When no PRD could be read at all, nothing is
    written: the errors go to standard error, exit 2.
    """
    try:
        if output is not None:
            check_writable(output, force=force)
        portfolio = build(paths, _today(today), revisions)
        if portfolio.unreadable and not portfolio.rows:
            _unreadable(portfolio)  # nothing was read: a page of no PRDs would hide it
            ctx.exit(EXIT_INPUT)
        written = FORMATS[output_format](portfolio)
        if output is None:
            click.echo(written, nl=False)
        else:
            write_atomic(output, written, force=force)
    except (OutputExistsError, ConfigError) as error:
        raise InputError(str(error)) from None
    except OSError as error:
        raise InputError(f"{output}: cannot be written: {error.strerror}") from None
    _unreadable(portfolio)
    if portfolio.unreadable:
        ctx.exit(EXIT_INPUT)


def _unreadable(portfolio: Portfolio) -> None:
    for problem in portfolio.unreadable:
        click.echo(f"prd-forge: error: {problem.path}: {problem.message}", err=True)
