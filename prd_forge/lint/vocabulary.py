"""Everyday heading words for each concern, tried when no catalogue alias matches.

The catalogue's aliases are the names sections usually have ("Fallbacks", "Risks and
mitigations"). Hand-written PRDs also title sections as questions or plain phrases: "When the
bot can't help", "What could go wrong?", "How we'll measure it", "Why a model?". These words
catch those, matched as whole words after the same normalisation as aliases, with the longest
phrase winning ("why a model" is ai-fit, a bare "why" is the problem).
"""

from __future__ import annotations

from typing import Final

KEYWORDS: Final[dict[str, tuple[str, ...]]] = {
    "problem": (
        "why",
        "purpose",
        "need",
        "pain",
        "why it matters",
        "why we are doing this",
        "audience",
        "who uses it",
        "for whom",
        "who is it for",
        "customer need",
    ),
    "ai-fit": (
        "why a model",
        "why model",
        "why an llm",
        "why llm",
        "why a language model",
        "why ml",
        "why ai",
        "why not a rule",
        "why not rule",
        "why not keyword rule",
        "why not heuristic",
        "why generate",
        "rationale",
        "alternative",
        "model",
        "model choice",
    ),
    "scope": (
        "not in this phase",
        "assumption",
        "constraint",
        "what we are building",
        "limit",
        "not included",
        "not doing",
    ),
    "baseline": ("where we are", "today", "current", "prior art", "existing"),
    "error-cost": (
        "wrong",
        "go wrong",
        "hurt",
        "harm",
        "mistake",
        "drawback",
        "failure",
        "risk",
    ),
    "data": ("data", "input", "source", "pipeline", "label"),
    "metrics": ("measure", "measuring", "done look like", "success", "outcome", "impact"),
    "evaluation": ("test", "testing", "quality", "quality check", "quality gate", "gate"),
    "fallbacks": (
        "cant help",
        "can not help",
        "cannot help",
        "unsure",
        "not sure",
        "degraded",
        "hand off",
        "handoff",
        "fall back",
        "break glass",
    ),
    "ux-states": (
        "see",
        "what it look like",
        "experience",
        "ui",
        "screen",
        "interface",
        "console",
        "in the app",
        "workflow",
    ),
    "human-oversight": (
        "human",
        "in charge",
        "control",
        "review",
        "reviewer",
        "appeal",
        "oversee",
        "oversight",
    ),
    "monitoring": ("operating it", "operate", "on call", "oncall", "observe", "keep an eye"),
    "rollout": (
        "go live",
        "launch",
        "phase",
        "ramp",
        "ship",
        "shipping",
        "release",
        "roll out",
        "roll it out",
    ),
    "privacy": ("cross cutting concern", "security", "privacy", "consent", "retention"),
    "open-questions": ("unresolved", "question", "unknown", "still open", "open issue"),
}
