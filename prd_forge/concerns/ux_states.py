"""What prd-forge knows about the concern "UX states"."""

from __future__ import annotations

from prd_forge.concerns.base import Concern, Level, TableSign

CONCERN = Concern(
    id="ux-states",
    title="UX states",
    why=(
        "Loading, low-confidence, fallback, error and review states are the product users "
        "actually meet."
    ),
    anchor="PAIR Guidebook, Errors + Graceful Failure; HAX G1, G2, G8-G10",
    level=Level.REQUIRED,
    ai_only=True,
    fields=("ux_states",),
    partial="sections/ux-states.md.j2",
    strong=(
        "ux states",
        "ux",
        "user experience",
        "ui states",
        "edge cases",
        "edge states",
        "empty states",
        "error states",
        "user interaction and design",
        "ux and design",
        "interaction design",
        "what the user sees",
        "what it look like",
    ),
    weak=(
        "states",
        "user flows",
        "key flows",
        "design",
        "screens",
        "see",
        "experience",
        "ui",
        "screen",
        "interface",
        "console",
        "in the app",
        "workflow",
    ),
    evidence=(
        r"loading state",
        r"empty state",
        r"error state",
        r"spinner",
        r"skeleton",
        r"low[- ]confidence",
        r"loading",
        r"(?:user|agent|customer|reviewer|clinician)s? (?:sees?|will see)",
        r"banner",
        r"toast",
        r"badge",
        r"greyed",
        r"retry",
        r"error message",
        r"tooltip",
        r"(?:is|are) shown",
        r"show(?:s|n)? (?:a|an|the) (?:\w+ )?(?:message|label|state|warning|notice|indicator)",
    ),
    tables=(TableSign((("state",), ("behavio", "copy", "shows", "user sees", "trigger"))),),
)
