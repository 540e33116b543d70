"""`prd-forge template check`: prove a PRD template cannot drop a required concern."""

from __future__ import annotations

from pathlib import Path

import click

from prd_forge.commands._common import EXIT_FINDINGS, InputError
from prd_forge.render import api, template_check
from prd_forge.spec.load import SpecError


@click.group()
def template() -> None:
    """Work with PRD templates."""


@template.command("check")
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--spec",
    "specs",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="A complete answers file to render (repeatable; default: the shipped samples).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(("text", "json", "sarif", "github", "junit")),
    default="text",
    show_default=True,
    help="json, sarif, github and junit are lint's formats, so a template change in a pull "
    "request gets the same annotations and alerts as a PRD.",
)
@click.pass_context
def check(ctx: click.Context, path: Path, specs: tuple[Path, ...], output_format: str) -> None:
    """Render complete specs through the template at PATH; report each required concern it
    drops or leaves hollow.

    PATH is a template file, or a folder holding prd.md.j2. Exit 0 when the template renders
    every required concern, 1 when it drops one, 2 when it cannot be used.
    """
    template_path = api.template_file(path)
    try:
        loaded = template_check.complete(specs or template_check.shipped_samples())
    except SpecError as error:
        raise InputError("\n".join(str(problem) for problem in error.problems)) from None
    except template_check.IncompleteSpec as error:
        raise InputError(str(error)) from None
    if not loaded:
        raise InputError("no spec to render; pass a complete one with --spec FILE")
    try:
        dropped = template_check.check_template(template_path, loaded)
    except api.TemplateError as error:
        raise InputError(str(error)) from None
    if output_format != "text":
        from prd_forge.lint.formats import Options, get
        from prd_forge.workflow.template_report import to_run_result

        result = to_run_result(template_path, dropped, specs=len(loaded))
        click.echo(get(output_format)(result, Options()), nl=False)
        ctx.exit(EXIT_FINDINGS if dropped else 0)
    for item in sorted(dropped):
        click.echo(str(item))
    if dropped:
        click.echo(
            f"{template_path}: drops or empties {len(dropped)} required concern(s)", err=True
        )
        ctx.exit(EXIT_FINDINGS)
    click.echo(f"{template_path}: renders every required concern for {len(loaded)} spec(s)")
