"""What prd-forge knows about the concern "Open questions"."""

from __future__ import annotations

from prd_forge.concerns.base import Concern, GapMessage, Level, Placeholder

CONCERN = Concern(
    id="open-questions",
    title="Open questions",
    why="Unresolved decisions stay visible, each with an owner and a date.",
    anchor="Atlassian requirements blueprint (Questions); Kevin Yien PRD template",
    level=Level.RECOMMENDED,
    ai_only=False,
    fields=("open_questions",),
    partial="sections/open-questions.md.j2",
    gaps=(
        GapMessage(
            "unknown-block",
            "'{blocks}' is neither a concern id nor a top-level field",
            "use one of the concerns: {ids}",
        ),
    ),
    # spec-kit marks a decision still to make "[NEEDS CLARIFICATION: ...]"; a template asks
    # one in brackets: "[What is the target?]"
    placeholders=(
        Placeholder(("[",), r"\[needs clarification\b[^\]\n]{0,300}\]"),
        Placeholder(("[",), r"\[(?:what|which|who|when|how|why|where)\b[^\]\n]{0,200}\?\]"),
    ),
    strong=(
        "open questions",
        "questions",
        "open issues",
        "unresolved questions",
        "outstanding questions",
        "unknowns",
        "decisions needed",
        "parking lot",
        "next steps",
        "unresolved",
        "question",
        "unknown",
        "still open",
        "open issue",
        "open qs",
    ),
    weak=(),
    evidence=(
        r"open questions?",
        r"unresolved",
        r"decisions? needed",
        r"still open",
        r"(?:owner|decide[sd]?|answer(?:ed)?) by \d",
    ),
    lacking="an owner or a date for each question",
    complete=(
        r"owner",
        r"@\w+",
        r"\d{4}-\d\d-\d\d",
        r"\d{1,2}(?:/|\.)\d{1,2}",
        r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \d",
        r"\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)",
        r"q[1-4]",
        r"(?:due|decide|decision|answer|resolve)[ds]? (?:by|before)",
        r"by (?:end of|next|mon|tue|wed|thu|fri|the)",
        r"(?:\u2014|\u2013|-|:|\() ?[A-Z][a-z]+(?: [A-Z][a-z]*\.?)?\)?$",
        r"(?:\u2014|\u2013| -) ?@?[a-z]+(?:[,.]| \(|$)",
        r"\(@?[a-z][\w.]*(?: [+&] [a-z]+)?(?:,| \u2014| -)",
        r"\b(?:before|by) (?:the )?(?:launch|ga|beta|release|pilot|go-?live|rollout|sign-?off"
        r"|kick-?off|dogfood|step|phase|\d)",
        r"\bdecide (?:at|in|before|by)\b",
    ),
)
