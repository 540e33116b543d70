"""`prd-forge export`: the answers file as another reader's document (see export/registry.py)."""

from __future__ import annotations

from pathlib import Path

import click

from prd_forge._io import OutputExistsError, check_writable, refuse_inputs, write_atomic
from prd_forge.commands._common import InputError, Refused
from prd_forge.commands.render import load, refusal
from prd_forge.export import team
from prd_forge.export.registry import VIEWS
from prd_forge.export.view import View, view_template, write
from prd_forge.render import api
from prd_forge.spec.completeness import blocking, find_gaps


def _views_help() -> str:
    return "; ".join(f"{name}: {view.summary}" for name, view in sorted(VIEWS.items()))


@click.command()
@click.argument("spec", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--view",
    "view_name",
    required=True,
    metavar="VIEW",
    help=f"The view to write. {_views_help()}. With --template FOLDER, also each of your "
    "own views: FOLDER/views/<name>.<ext>.j2 is the view <name>.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write the view here (default: standard output).",
)
@click.option(
    "--template",
    type=click.Path(path_type=Path),
    default=None,
    help="Your own template for the view: a .j2 file, or a template folder holding "
    "views/<the view's template file> (it sees the same values as the shipped one) and "
    "your own views.",
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@click.option("--draft", is_flag=True, help="Export an incomplete spec anyway.")
def export(
    spec: Path,
    view_name: str,
    output: Path | None,
    template: Path | None,
    force: bool,
    draft: bool,
) -> None:
    """Write the answers file SPEC as another document: an evaluation config, and more views.

    Like render, an incomplete spec is refused unless --draft. Exit 0 when written, 1 when
    refused (nothing is written), 2 on a bad spec or usage.
    """
    try:
        if output is not None:
            refuse_inputs(output, [spec])
            check_writable(output, force=force)
        view = _view(view_name, template)
        loaded = load(spec)
        gaps = blocking(loaded.spec, find_gaps(loaded.spec))
        if gaps and not draft:
            message = refusal(loaded, gaps).replace("to render", f"to export {view_name} of")
            raise Refused(message.replace("render with --draft", "export with --draft"))
        text = write(view, loaded.spec, loaded.file, template and view_template(view, template))
        if output is None:
            click.echo(text, nl=False)  # a failing stdout is one line in cli.main
        else:
            write_atomic(output, text, force=force)
    except api.TemplateError as error:
        raise InputError(str(error)) from None
    except (OutputExistsError, team.TeamViewError) as error:
        raise InputError(str(error)) from None
    except OSError as error:
        if output is None:
            raise  # standard output: cli turns it into one line
        raise InputError(f"{output}: cannot be written: {error.strerror}") from None


def _view(name: str, template: Path | None) -> View:
    """The view `--view` names: a shipped one, or one of the team's in `--template`."""
    if name in VIEWS:
        return VIEWS[name]
    own = team.views(template) if template is not None else {}
    if name in own:
        return own[name]
    found = f"; yours in {template}: {', '.join(sorted(own)) or 'none'}" if template else ""
    raise InputError(
        f"--view {name}: no such view; shipped: {', '.join(sorted(VIEWS))}{found}"
        + ("" if template else " (your own views need --template FOLDER)")
    )
