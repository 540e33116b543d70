"""The approval record a PRD shows: each approval, current or stale (naming what changed)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from prd_forge.approvals import table
from prd_forge.render import escape
from prd_forge.render.escape import Markdown
from prd_forge.spec.model import Approval


def _status(changed: list[str]) -> str | Markdown:
    if not changed:
        return "current"
    return Markdown(f"**stale**: {escape.inline(', '.join(changed))} changed since")


def views(approvals: Sequence[Approval], text: str) -> list[dict[str, Any]]:
    """What templates/sections/approvals.md.j2 sees for each approval, judged on `text`."""
    found = table.views([a.model_dump(mode="json") for a in approvals], text)
    return [{**view, "status": _status(view["changed"])} for view in found]
