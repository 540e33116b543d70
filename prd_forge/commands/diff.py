"""`prd-forge diff`: what a change did to PRDs' risk coverage."""

from __future__ import annotations

from pathlib import Path

import click

from prd_forge.commands._common import EXIT_FINDINGS, EXIT_OK, InputError
from prd_forge.terms import STAGES
from prd_forge.workflow.collect import DiffInputError, diff_files, diff_git
from prd_forge.workflow.diff_format import FORMATTERS


@click.command()
@click.argument("paths", nargs=-1, metavar="BASE HEAD | [PATH]...")
@click.option(
    "--git",
    "ref",
    metavar="REF",
    help="Compare each Markdown file changed since REF (its text at REF) with the working "
    "tree; PATHs, if given, limit which files.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(FORMATTERS)),
    default="text",
    show_default=True,
    help="markdown is a body a bot can post as a pull-request comment.",
)
@click.option("--stage", type=click.Choice(STAGES), help="Lint both sides at this stage.")
@click.pass_context
def diff(
    ctx: click.Context,
    paths: tuple[str, ...],
    ref: str | None,
    output_format: str,
    stage: str | None,
) -> None:
    """Show what a change did to PRDs' risk coverage: concerns lost and gained, findings added
    and resolved (matched by rule and message, so text that only moved is no change).

    Give two files, BASE and HEAD, or --git REF. Exit 0 when no concern lost coverage, 1 when
    one did (e.g. present -> partial, hollow or missing), 2 on bad input.
    """
    if ref is None and len(paths) != 2:
        raise click.UsageError("give two files, BASE and HEAD, or --git REF [PATH]...")
    try:
        if ref is None:
            result = diff_files(Path(paths[0]), Path(paths[1]), stage=stage)
        else:
            result = diff_git(Path.cwd(), ref, paths, stage=stage)
    except DiffInputError as error:
        raise InputError(str(error)) from None
    text = FORMATTERS[output_format](result)
    # A file name that is not UTF-8 reaches us with surrogate escapes: show its bad bytes as �.
    click.echo(text.encode("utf-8", "surrogateescape").decode("utf-8", "replace"), nl=False)
    ctx.exit(EXIT_FINDINGS if result.regressed else EXIT_OK)
