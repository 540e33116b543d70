"""Recording an approval in an answers file, and judging the approvals a spec holds.

Both render the spec in memory (as `render --draft` would, approvals left out) and digest the
sections: what an approval signs is what the PRD says.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from prd_forge.approvals import digest, roles
from prd_forge.render import api
from prd_forge.spec.model import Spec


@dataclass(frozen=True)
class Stale:
    """An approval (by index in `approvals`) whose signed sections changed since."""

    index: int
    role: str
    name: str
    changed: tuple[str, ...]


def rendered(spec: Spec) -> str:
    """The PRD of `spec` as the approvals sign it: the shipped template, gaps shown."""
    return api.render_markdown(spec.model_copy(update={"approvals": []}), draft=True)


def stale(spec: Spec) -> list[Stale]:
    """Every approval of `spec` whose signed sections changed since it was recorded."""
    if not spec.approvals:
        return []
    text = rendered(spec)
    found = []
    for index, approval in enumerate(spec.approvals):
        changed = digest.changed(approval.digest, text)
        if changed:
            found.append(Stale(index, approval.role, approval.name, tuple(changed)))
    return found


def missing_roles(spec: Spec, required: Sequence[str]) -> list[str]:
    """The roles in `required` with no current approval in `spec`."""
    late = {item.index for item in stale(spec)}
    current = {a.role for i, a in enumerate(spec.approvals) if i not in late}
    return [role for role in required if role not in current]


def required_roles(spec: Spec, configured: Sequence[str] | None = None) -> tuple[str, ...]:
    """The roles a launch of `spec` needs (the team's list, or the defaults)."""
    personal = any(source.contains_pii for source in spec.data_sources)
    ai = spec.problem.ai_task is not None or bool(spec.evaluation.offline_sets)
    return roles.launch_roles(ai=ai, personal_data=personal, configured=configured)


def approval(spec: Spec, role: str, name: str, day: str, sections: Sequence[str]) -> dict[str, str]:
    """The approval `name` gives as `role` on `day`, signing `sections` as the PRD says them."""
    signed = digest.format_digest(digest.section_digests(rendered(spec), sections))
    return {"role": role, "name": name, "date": day, "digest": signed}


def _merged(existing: list[dict[str, Any]], new: dict[str, str]) -> list[dict[str, Any]]:
    kept = [a for a in existing if (a.get("role"), a.get("name")) != (new["role"], new["name"])]
    return [*kept, new]


def _top_level_span(text: str, key: str) -> tuple[int, int] | None:
    """The 0-based [first, end) lines of a top-level `key:` and its value, if present."""
    root = yaml.compose(text)
    if not isinstance(root, yaml.MappingNode):
        return None
    for key_node, value_node in root.value:
        if key_node.value == key:
            end = value_node.end_mark.line + (1 if value_node.end_mark.column else 0)
            return key_node.start_mark.line, end
    return None


def updated_text(text: str, is_json: bool, new: dict[str, str]) -> str:
    """The answers file's text with `new` recorded; every other line is kept as it was."""
    data = json.loads(text) if is_json else yaml.safe_load(text)
    approvals = _merged(list(data.get("approvals") or []), new)
    if is_json:
        data["approvals"] = approvals
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    block = yaml.safe_dump({"approvals": approvals}, sort_keys=False, allow_unicode=True, width=100)
    lines = text.splitlines(keepends=True)
    span = _top_level_span(text, "approvals")
    if span is None:
        ending = "" if not lines or lines[-1].endswith("\n") else "\n"
        return f"{text}{ending}\n{block}"
    first, end = span
    return "".join([*lines[:first], block, *lines[end:]])
