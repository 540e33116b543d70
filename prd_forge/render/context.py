"""What a template sees: the spec as plain data, the catalogue, the gaps, and derived views.

Templates get plain dicts and lists (never the pydantic objects) so the sandbox has less to
guard, and the derived views (which fallback leads to which UX state, the state diagram's
transitions) are computed here once, in Python, where they can be tested.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from prd_forge import catalogue
from prd_forge.concerns import genai_risks
from prd_forge.render import escape
from prd_forge.render.escape import Markdown
from prd_forge.spec import genai
from prd_forge.spec.completeness import Gap
from prd_forge.spec.model import Spec
from prd_forge.spec.stakes import human_review_required

# The success path every diagram starts from, when the spec describes those states.
_START, _SUCCESS = "loading", "success"


@dataclass(frozen=True)
class Transition:
    """One arrow of the UX state diagram: source and target state, and why it happens."""

    source: str
    target: str
    label: str


def _state_id(state: str) -> str:
    # Mermaid state ids are identifiers; the visible name is declared apart.
    return state.replace("-", "_")


# How the user lands in a state that no fallback leads to: enum words, never free text.
_ENTRY: Final = {
    "success": "model answers",
    "low-confidence": "confidence below threshold",
    "partial": "part of the answer ready",
    "fallback": "fallback",
    "error": "model or service fails",
    "empty": "nothing found",
    "human-review": "sent for review",
    "refusal": "request refused",
    "stale": "fresh data unavailable",
}


def diagram_states(spec: Spec) -> list[str]:
    """The diagram's states: every described UX state, then any a fallback leads to that the
    spec does not describe (so no fallback's transition is left out)."""
    states = [state.state.value for state in spec.ux_states]
    if not states:
        return []
    for fallback in spec.fallbacks:
        if fallback.ux_state is not None and fallback.ux_state.value not in states:
            states.append(fallback.ux_state.value)
    return states


def transitions(spec: Spec) -> list[Transition]:
    """The arrows of the UX state diagram: start, success, each fallback, each retry, and an
    entry into every state nothing else leads to, so every state is reachable."""
    states = diagram_states(spec)
    if not states:
        return []
    start = _START if _START in states else states[0]
    arrows = [Transition("[*]", _state_id(start), "")]
    if _SUCCESS in states and start != _SUCCESS:
        arrows.append(Transition(_state_id(start), _state_id(_SUCCESS), _ENTRY[_SUCCESS]))
    for fallback in spec.fallbacks:
        if fallback.ux_state is not None:
            trigger = fallback.trigger.value if fallback.trigger else "fallback"
            label = f"{trigger} ({fallback.id})"
            arrows.append(Transition(_state_id(start), _state_id(fallback.ux_state.value), label))
    reached = {arrow.target for arrow in arrows}
    for name in states:
        if _state_id(name) not in reached:
            source = "[*]" if name == "first-run" else _state_id(start)
            arrows.append(Transition(source, _state_id(name), _ENTRY.get(name, "")))
    for state in spec.ux_states:
        actions = {action.value for action in state.user_can}
        if "retry" in actions and state.state.value != start:
            arrows.append(Transition(_state_id(state.state.value), _state_id(start), "retry"))
    return list(dict.fromkeys(arrows))


def mermaid(spec: Spec) -> Markdown:
    """The UX states and the transitions fallbacks cause, as a Mermaid stateDiagram-v2 block.

    Only enum values and slugs reach the diagram, never free text, so no answer can break it.
    """
    lines = ["```mermaid", "stateDiagram-v2"]
    lines += [f'    state "{name}" as {_state_id(name)}' for name in diagram_states(spec)]
    for arrow in transitions(spec):
        label = f" : {arrow.label}" if arrow.label else ""
        lines.append(f"    {arrow.source} --> {arrow.target}{label}")
    lines.append("```")
    return Markdown("\n".join(lines))


def _gap_view(gap: Gap, blocking: bool) -> dict[str, Any]:
    return {
        "path": gap.path,
        "concern": gap.concern,
        "title": catalogue.get(gap.concern).title,
        "message": gap.message,
        "fix": gap.fix,
        "blocking": blocking,
    }


def section_heading(concern_id: str, gaps: Sequence[dict[str, Any]]) -> Markdown:
    """A concern's `##` heading (its catalogue title), then one alert block per gap in it."""
    parts = [f"## {escape.inline(catalogue.get(concern_id).title)}"]
    for gap in gaps:
        if gap["concern"] != concern_id:
            continue
        kind = "Blocks this spec" if gap["blocking"] else "Open gap"
        parts.append(
            f"> [!WARNING]\n> **{kind}:** {escape.code(gap['path'])} "
            f"{escape.inline(gap['message'])}.\n"
            f"> To fill it, {escape.inline(gap['fix'])}"
        )
    return Markdown("\n\n".join(parts))


def genai_view(spec: Spec) -> dict[str, Any]:
    """The AI 600-1 risk profile: whether it applies, why, and one row per answered risk, in
    the risks' order (the risks still unanswered are gaps, shown with the section's others)."""
    rows = []
    for risk in genai_risks.RISKS:
        entry = genai.answer(spec, risk.id)
        if entry is not None:
            status = entry.status.value if entry.status else None
            detail = entry.reason if status == "not-applicable" else entry.how
            rows.append({"id": risk.id, "title": risk.title, "status": status, "detail": detail})
    applies = genai.applies(spec)
    return {"applies": applies, "why": genai.why(spec) if applies else "", "rows": rows}


def build(spec: Spec, gaps: Sequence[Gap], blockers: Sequence[Gap]) -> dict[str, Any]:
    """The template context for `spec`, its gaps and the gaps that block it."""
    blocking = set(blockers)
    gap_views = [_gap_view(gap, gap in blocking) for gap in gaps]
    data = spec.model_dump(mode="json")
    fallbacks = {item["id"]: item for item in data["fallbacks"]}
    return {
        "spec": data,
        "concerns": {
            concern.id: {
                "id": concern.id,
                "title": concern.title,
                "why": concern.why,
                "required": concern.required,
            }
            for concern in catalogue.CONCERNS
        },
        "gaps": gap_views,
        "blockers": [view for view in gap_views if view["blocking"]],
        "fallbacks_by_id": fallbacks,
        "failure_ux_states": {
            mode["id"]: list(
                dict.fromkeys(
                    fallbacks[ref]["ux_state"]
                    for ref in mode["fallbacks"]
                    if ref in fallbacks and fallbacks[ref]["ux_state"]
                )
            )
            for mode in data["failure_modes"]["modes"]
        },
        "human_review_required": human_review_required(spec),
        "genai": genai_view(spec),
        "ux_diagram": mermaid(spec),
        "section": lambda concern_id: section_heading(concern_id, gap_views),
    }
