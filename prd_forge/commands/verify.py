"""`prd-forge verify`: measured results against the PRD's thresholds, a go/no-go verdict."""

from __future__ import annotations

from pathlib import Path

import click

from prd_forge.commands._common import EXIT_FINDINGS, InputError
from prd_forge.commands.render import load
from prd_forge.verify import checks, evaluate, source
from prd_forge.verify.formats import FORMATS
from prd_forge.verify.results import ResultsError


@click.command()
@click.argument("spec", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--actuals",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The measured results: JSON or CSV (metric, value, set, slice, unit, window, date), "
    "or promptfoo's results JSON.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(FORMATS)),
    default="text",
    show_default=True,
    help="markdown is a pull-request comment; junit shows in CI test reports.",
)
@click.pass_context
def verify(ctx: click.Context, spec: Path, actuals: Path, output_format: str) -> None:
    """Check the results in --actuals against the thresholds, launch criteria, guardrails,
    alert thresholds and rollback triggers of the answers file SPEC.

    Exit 0 on go; 1 on no-go (a promise missed, or a launch criterion not measured);
    2 on a bad spec or results file.
    """
    loaded = load(spec)
    try:
        results = source.read(actuals, loaded.spec)
        verdict = evaluate.verify(loaded.file, str(actuals), checks.checks(loaded.spec), results)
    except ResultsError as error:
        raise InputError(str(error)) from None
    click.echo(FORMATS[output_format](verdict), nl=False)
    if not verdict.go:
        ctx.exit(EXIT_FINDINGS)
