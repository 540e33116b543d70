"""What prd-forge knows about the concern "Open questions"."""

from __future__ import annotations

from prd_forge.concerns.base import Concern, Level

CONCERN = Concern(
    id="open-questions",
    title="Open questions",
    why="Unresolved decisions stay visible, each with an owner and a date.",
    anchor="Atlassian requirements blueprint (Questions); Kevin Yien PRD template",
    level=Level.RECOMMENDED,
    ai_only=False,
    fields=("open_questions",),
    partial="sections/open-questions.md.j2",
    strong=(
        "open questions",
        "questions",
        "open issues",
        "unresolved questions",
        "outstanding questions",
        "faq",
        "unknowns",
        "decisions needed",
        "parking lot",
        "next steps",
        "unresolved",
        "question",
        "unknown",
        "still open",
        "open issue",
    ),
    weak=(),
    evidence=(
        r"open questions?",
        r"unresolved",
        r"decisions? needed",
        r"still open",
        r"(?:owner|decide[sd]?|answer(?:ed)?) by \d",
    ),
)
