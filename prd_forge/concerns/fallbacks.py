"""What prd-forge knows about the concern "Fallbacks"."""

from __future__ import annotations

from prd_forge.concerns.base import Concern, GapMessage, Level, TableSign

CONCERN = Concern(
    id="fallbacks",
    title="Fallbacks",
    why="When the model is unsure or wrong, users need a path forward, not a dead end.",
    anchor=(
        "PAIR Guidebook, Errors + Graceful Failure (paths forward); HAX G9, G10; NIST AI RMF "
        "MEASURE 2.6 (fail safely)"
    ),
    level=Level.REQUIRED,
    ai_only=True,
    fields=("fallbacks",),
    partial="sections/fallbacks.md.j2",
    gaps=(
        GapMessage(
            "none",
            "lists no fallback",
            "add what the feature does when the model is unsure, wrong or down",
            field="fallbacks",
        ),
        GapMessage(
            "no-low-confidence",
            "says nothing about low confidence",
            "add a fallback triggered by low-confidence: what happens below the threshold",
        ),
        GapMessage(
            "unhandled",
            "failure mode '{mode}' is {severity} but no fallback handles it",
            "add a fallback and list its id here",
        ),
        GapMessage(
            "undefined",
            "names fallback '{ref}', which is not defined",
            "define a fallback with id '{ref}' under fallbacks",
        ),
    ),
    strong=(
        "failure handling",
        "handling failures",
        "when it cant decide",
        "cant decide",
        "uncertainty",
        "when unsure",
        "fallbacks",
        "fallback",
        "fallback behavior",
        "fallback behaviour",
        "fallback plan",
        "fallback strategy",
        "graceful degradation",
        "degraded mode",
        "degradation",
        "plan b",
        "error handling",
        "error recovery",
        "when the model is unsure",
        "low confidence handling",
        "confidence policy",
        "confidence thresholds",
        "guardrails",
        "safety net",
        "cant help",
        "can not help",
        "cannot help",
        "unsure",
        "not sure",
        "degraded",
        "degrade",
        "hand off",
        "handoff",
        "fall back",
        "break glass",
    ),
    weak=(
        "mitigations",
        "mitigation",
        "mitigation plan",
        "recovery",
    ),
    evidence=(
        (
            r"(?:below|under|less than) "
            r"(?:a |the )?(?:\w+ )?(?:confidence|probability|score|threshold)? ?(?:of )?0?\.\d+"
        ),
        r"(?:as|like) (?:they do )?today",
        r"(?:unavailable|fails?|down|times? out)[^.\n]{0,40}(?:→|->)",
        r"(?:codes?|works?|writes?|handles?|does|enter|enters) (?:it |them )?(?:manually|by hand)",
        r"never (?:pre-?accepted|auto-?\w+)",
        r"fall(?:s|ing)? ?back",
        r"fallbacks?",
        r"graceful(?:ly)? degrad\w*",
        r"degraded mode",
        r"mitigations?",
        r"routed? to (?:a )?(?:human|person|agent|reviewer|queue)",
        r"hands? (?:it )?off",
        (
            r"(?:if|when) the (?:model|service|api|llm) (?:is|fails|times out|"
            r"is down|is unsure|errors)"
        ),
        r"manual (?:flow|process|path|form)",
        r"instead",
        r"(?:confidence|score|probability)[^.\n]{0,25}(?:<|\u2264|below|under|less than) ?0?\.\d+",
        (
            r"(?:if|when) [^.\n]{0,50}(?:can(?:no|')t (?:\w+)|fails?|failed|times? out"
            r"|returns? an error|errors|is (?:unavailable|down|unusable|unreadable))"
        ),
        r"(?:isn't|is not|not) (?:sure|confident|available)",
        r"unavailable",
        (
            r"(?:map|read|code|review|enter|handle|check|inspect|process|route)(?:s|ed)? "
            r"(?:\w+ )?manually"
        ),
        r"manual (?:review|mapping|inspection|entry|check|look|triage|queue)",
        r"retried",
        r"skipped",
        (
            r"no (?:suggestion|answer|draft|recommendation|prediction|score|label|chip|estimate)s? "
            r"(?:is|are) (?:shown|sent|made|given|displayed)"
        ),
    ),
    tables=(
        TableSign((("mitigation", "fallback", "recovery", "contingency"),), weak=("mitigation",)),
    ),
    referenced=True,
)
