"""A team's own export views: each `views/<name>.<ext>.j2` of a template folder that is not a
shipped view's template is the view `<name>`, written with the suffix `.<ext>`.

A team view sees the values the PRD template sees (render/context.py: `spec`, `concerns`,
`gaps`, `blockers`, `section`...), with `approvals` empty (the approval record needs the
rendered PRD). `blockers` is the list of the gaps that block the spec, each with its concern's
`title`: `template check` asks a team view to name each of them over the incomplete samples,
so a draft exported through it says what is missing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prd_forge.export.registry import VIEWS
from prd_forge.export.view import VIEWS_FOLDER, View
from prd_forge.render import context as render_context
from prd_forge.spec.completeness import blocking, find_gaps
from prd_forge.spec.model import Spec

SUMMARY = "a team's own view"


class TeamViewError(Exception):
    """A team view file named like a shipped view's or another team view's."""


def context(spec: Spec, source: str) -> dict[str, Any]:
    """The PRD template's values for `spec` (its gaps and blocking gaps included)."""
    del source  # the same signature as the shipped views' builders
    gaps = find_gaps(spec)
    values = render_context.build(spec, gaps, blocking(spec, gaps))
    return {**values, "approvals": []}


def shipped_files() -> set[str]:
    """The file names of the shipped views' templates."""
    return {view.template for view in VIEWS.values()}


def view_of(path: Path) -> View:
    """The team view the template file `path` (`<name>.<ext>.j2`) is."""
    inner = Path(path.stem)  # `release-notes.md` of `release-notes.md.j2`
    name = inner.stem if inner.suffix else inner.name
    if name in VIEWS:
        raise TeamViewError(
            f"{path}: {name} is a shipped view; name the file {VIEWS[name].template} to "
            "replace it, or give your own view another name"
        )
    return View(name, SUMMARY, path.name, context, inner.suffix, shipped=False)


def files(template: Path) -> list[Path]:
    """The team view files of a `--template` path: its views/ folder's, or the file itself."""
    if not template.is_dir():
        return [template] if template.name not in shipped_files() else []
    folder = template / VIEWS_FOLDER
    if not folder.is_dir():
        return []
    return [path for path in sorted(folder.glob("*.j2")) if path.name not in shipped_files()]


def views(template: Path) -> dict[str, View]:
    """The team views of a `--template` path, by name (TeamViewError for a misnamed file, or
    two files of one name)."""
    found: dict[str, View] = {}
    for path in files(template):
        view = view_of(path)
        if view.name in found:
            raise TeamViewError(
                f"{path}: view {view.name} has another template, {found[view.name].template}; "
                "keep one, or rename one"
            )
        found[view.name] = view
    return found
