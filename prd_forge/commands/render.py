"""`prd-forge render`: an answers file in, a PRD out, or a refusal that lists the gaps."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from prd_forge._io import OutputExistsError, check_writable, refuse_inputs, write_atomic
from prd_forge.commands._common import InputError, Refused
from prd_forge.render import api, html
from prd_forge.spec.completeness import Gap
from prd_forge.spec.load import LoadedSpec, SpecError, load_spec

# --format value -> how the Markdown becomes the output text.
FORMATS: dict[str, Callable[[str, LoadedSpec], str]] = {
    "markdown": lambda text, loaded: text,
    "html": lambda text, loaded: html.page(text, title=loaded.spec.feature.name or "PRD"),
}


def load(path: Path) -> LoadedSpec:
    """The spec at `path`, or an InputError (exit 2) listing every problem."""
    try:
        return load_spec(path)
    except SpecError as error:
        raise InputError("\n".join(str(problem) for problem in error.problems)) from None


def refusal(loaded: LoadedSpec, gaps: list[Gap]) -> str:
    """The refusal message: each blocking gap with its place and the question that fills it."""
    status = loaded.spec.feature.status.value
    lines = [f"refused to render {loaded.file}: {len(gaps)} gap(s) block a spec at status {status}"]
    for gap in gaps:
        line = loaded.line_of(gap.path)
        place = f"{loaded.file}:{line}" if line else loaded.file
        lines.append(f"  {place}: {gap.path}: {gap.message} ({gap.fix})")
    lines.append("fill them in, or render with --draft to see them in the document")
    return "\n".join(lines)


def produce(loaded: LoadedSpec, template: Path | None, draft: bool) -> str:
    """The rendered Markdown, with every render failure mapped to its exit code."""
    try:
        return api.render_markdown(loaded.spec, template=template, draft=draft)
    except api.RenderRefused as error:
        raise Refused(refusal(loaded, error.gaps)) from None
    except api.TemplateDropsConcern as error:
        lines = [
            f"template {error.template} does not render concern {concern} ({state})"
            for concern, state in error.concerns
        ]
        raise Refused("\n".join([*lines, "refused: nothing was written"])) from None
    except api.TemplateError as error:
        raise InputError(str(error)) from None


@click.command()
@click.argument("spec", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write the PRD here (default: standard output).",
)
@click.option(
    "--template",
    type=click.Path(path_type=Path),
    default=None,
    help="A Jinja template file, or a folder holding prd.md.j2 (default: the shipped one).",
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@click.option(
    "--draft", is_flag=True, help="Render an incomplete spec anyway, each gap shown as a warning."
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(FORMATS)),
    default="markdown",
    show_default=True,
    help="Output format.",
)
def render(
    spec: Path,
    output: Path | None,
    template: Path | None,
    force: bool,
    draft: bool,
    output_format: str,
) -> None:
    """Render the answers file SPEC into a PRD.

    Exit 0 when written, 1 when the spec is incomplete at its status or the template drops a
    required concern (nothing is written), 2 on a bad spec, template or usage.
    """
    try:
        if output is not None:
            refuse_inputs(output, [spec, template])
            check_writable(output, force=force)
        loaded = load(spec)
        chosen = api.template_file(template) if template is not None else None
        text = FORMATS[output_format](produce(loaded, chosen, draft), loaded)
        if output is None:
            click.echo(text, nl=False)  # a failing stdout is one line in cli.main
        else:
            write_atomic(output, text, force=force)
    except OutputExistsError as error:
        raise InputError(str(error)) from None
    except OSError as error:
        if output is None:
            raise  # standard output: cli turns it into one line
        raise InputError(f"{output}: cannot be written: {error.strerror}") from None
