"""`prd-forge template check`: prove a PRD template cannot drop a required concern, and that a
team's export views still list what the answers cannot supply."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import click

from prd_forge.commands._common import EXIT_FINDINGS, EXIT_INPUT, InputError
from prd_forge.export import team, view_check
from prd_forge.export.registry import VIEWS
from prd_forge.export.view import VIEWS_FOLDER, View
from prd_forge.export.view_check import passes_what
from prd_forge.render import api, template_check
from prd_forge.spec.load import LoadedSpec, SpecError

# A template to check: the view it is (None for a PRD template) and its file.
Target = tuple[View | None, Path]


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
    help="A complete answers file to render (repeatable; default: the shipped samples, and "
    "for views the incomplete ones too).",
)
@click.option(
    "--view",
    "view_name",
    type=click.Choice(sorted(VIEWS)),
    default=None,
    help="Check the template file PATH as this export view (default: from its file name).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(("text", "json", "sarif", "github", "junit")),
    default="text",
    show_default=True,
    help="json, sarif, github and junit are lint's formats, so a template change in a pull "
    "request gets the same annotations and alerts as a PRD (the PRD template's concerns; "
    "view problems go to standard error).",
)
@click.pass_context
def check(
    ctx: click.Context,
    path: Path,
    specs: tuple[Path, ...],
    view_name: str | None,
    output_format: str,
) -> None:
    """Render complete specs through the template at PATH; report each required concern it
    drops or leaves hollow and, for an export view, each item the answers cannot supply that
    it does not list (and output that is not the view's format).

    PATH is a template file (a view when named like one, see --view), or a template folder:
    its prd.md.j2 and every view in its views/ (a shipped view's file name replaces that
    view, any other <name>.<ext>.j2 is your own view <name>). Exit 0 when every template
    passes, 1 when one has a problem, 2 when one cannot be used.
    """
    targets = _targets(path, view_name)
    if output_format != "text" and all(view is not None for view, _ in targets):
        raise InputError(
            f"--format {output_format} reports a PRD template's concerns; check views with "
            "--format text"
        )
    loaded = _load(specs)
    drafts = [] if specs else view_check.shipped_drafts()
    failed, errors = False, []
    for view, file in targets:
        try:
            if view is None:
                failed |= _check_prd(ctx, file, loaded, output_format)
            else:
                failed |= _check_view(view, file, loaded + drafts, output_format)
        except api.TemplateError as error:
            errors.append(str(error))
    if errors and len(targets) == 1:
        raise InputError(errors[0])
    for message in errors:
        click.echo(f"prd-forge: error: {message}", err=True)
    ctx.exit(EXIT_INPUT if errors else EXIT_FINDINGS if failed else 0)


def _load(specs: tuple[Path, ...]) -> list[LoadedSpec]:
    try:
        loaded = template_check.complete(specs or template_check.shipped_samples())
    except SpecError as error:
        raise InputError("\n".join(str(problem) for problem in error.problems)) from None
    except template_check.IncompleteSpec as error:
        raise InputError(str(error)) from None
    if not loaded:
        raise InputError("no spec to render; pass a complete one with --spec FILE")
    return loaded


def _targets(path: Path, view_name: str | None) -> list[Target]:
    """The templates PATH names, each with its view (None: the PRD template)."""
    if not path.is_dir():
        return [(VIEWS[view_name] if view_name else _file_view(path), path)]
    if view_name:
        raise InputError(f"--view needs a template file; {path} is a folder")
    main = api.template_file(path)
    try:
        views: list[Target] = list(view_check.view_templates(path))
    except team.TeamViewError as error:
        raise InputError(str(error)) from None
    prd: list[Target] = [(None, main)] if main.exists() or not views else []
    return prd + views


def _file_view(path: Path) -> View | None:
    """The view a template file is: a shipped view's by its name, a team's own when it sits in
    a views/ folder, else None (a PRD template)."""
    shipped = view_check.view_named(path)
    if shipped is not None or path.parent.name != VIEWS_FOLDER:
        return shipped
    try:
        return team.view_of(path)
    except team.TeamViewError as error:
        raise InputError(str(error)) from None


def _check_prd(ctx: click.Context, file: Path, loaded: list[LoadedSpec], form: str) -> bool:
    dropped = template_check.check_template(file, loaded)
    if form != "text":
        from prd_forge.lint.formats import Options, get
        from prd_forge.workflow.template_report import to_run_result

        result = to_run_result(file, dropped, specs=len(loaded))
        click.echo(get(form)(result, Options()), nl=False)
        return bool(dropped)
    by_concern: dict[tuple[str, str], list[str]] = defaultdict(list)
    for item in dropped:
        by_concern[(item.concern, str(item.state))].append(item.spec)
    for (concern, state), names in sorted(by_concern.items()):
        click.echo(f"{file}: does not render concern {concern} ({state}) for {_specs(names)}")
    if dropped:
        click.echo(f"{file}: drops or empties {len(by_concern)} required concern(s)", err=True)
    else:
        click.echo(f"{file}: renders every required concern for {len(loaded)} spec(s)")
    return bool(dropped)


def _check_view(view: View, file: Path, loaded: list[LoadedSpec], form: str) -> bool:
    """A view's problems, on standard output in text (standard error beside a lint format)."""
    problems = view_check.check_view(view, file, loaded)
    for problem in problems:
        click.echo(str(problem), err=form != "text")
    if problems:
        click.echo(f"{file}: view {view.name} has {len(problems)} problem(s)", err=True)
    else:
        what = passes_what(view, loaded)
        done = f"{file}: view {view.name} renders{what} for {len(loaded)} spec(s)"
        click.echo(done, err=form != "text")
    return bool(problems)


def _specs(names: Sequence[str]) -> str:
    return ", ".join(sorted(names))
