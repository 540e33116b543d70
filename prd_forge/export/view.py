"""One export view, and how it is written."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prd_forge import _resources
from prd_forge.render import api
from prd_forge.render.escape import Markdown
from prd_forge.spec.model import Spec

VIEWS_FOLDER = "views"


@dataclass(frozen=True)
class View:
    """A view: its name, what it is for, its template file and its context builder."""

    name: str
    summary: str
    template: str
    context: Callable[[Spec, str], dict[str, Any]]
    suffix: str
    shipped: bool = True  # False: a team's own view (export/team.py)

    def template_path(self) -> Path:
        """The shipped template of this view."""
        return _resources.data_dir("templates") / VIEWS_FOLDER / self.template


def scalar(value: Any) -> Markdown:
    """`value` as a YAML flow scalar (a JSON string, number, boolean or null).

    Every JSON scalar is a YAML scalar, so no answer can break the file's structure; marked as
    Markdown so the PRD environment's escaping leaves it alone.
    """
    return Markdown(json.dumps(value, ensure_ascii=False))


def view_template(view: View, path: Path) -> Path:
    """The template a team's `--template` path names for `view`: a file, or its folder's copy."""
    return path / VIEWS_FOLDER / view.template if path.is_dir() else path


def write(view: View, spec: Spec, source: str, template: Path | None = None) -> str:
    """The text of `view` for `spec` (read from the file named `source`).

    Raises render.api.TemplateError when the template cannot be used.
    """
    text = api.fill(template or view.template_path(), view.context(spec, source))
    return text.rstrip("\n") + "\n"
