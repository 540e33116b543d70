"""Where a concern's unlabelled text goes: its nearest free-text field, or a list item made of it.

Items of lists whose model needs a name or id (a data source, a metric, a fallback) take it from
the document's own words: the text before a colon, or the text's first words as an id. A UX
state is made only when the text names one of the states.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

from prd_forge.importer import text as cells
from prd_forge.spec.model import UxStateName

Made = tuple[str, Any] | None


def _field(path: str) -> Callable[[str, str], Made]:
    return lambda text, title: (path, text)


def _named(path: str, key: str, rest: str | None) -> Callable[[str, str], Made]:
    def make(text: str, title: str) -> Made:
        name, sep, tail = text.partition(": ")
        if not sep or len(name) > 80:
            name, tail = text, ""
        item: dict[str, Any] = {key: name}
        if rest and tail:
            item[rest] = tail
        return path, item

    return make


def _source(text: str, title: str) -> Made:
    name, sep, tail = text.partition(": ")
    if sep and len(name) <= 80:
        return "data_sources", {"name": name, "provenance": tail}
    return "data_sources", {"name": cells.plain(title) or "Data", "provenance": text}


def _fallback(text: str, title: str) -> Made:
    ident = cells.slug(text)
    return ("fallbacks", {"id": ident, "description": text}) if ident else None


_STATES: Final = sorted((s.value for s in UxStateName), key=len, reverse=True)


# How people describe a state without naming it, most telling first (matched on lower-cased
# words): "below 0.6 confidence" is low confidence before it is anything else.
_STATE_WORDS: Final = (
    (
        "low-confidence",
        r"\b(?:low|lower|below|under|less than)\b.{0,40}\bconfiden|"
        r"\bconfiden\w* (?:is )?(?:low|below|under)|\bnot (?:sure|confident)\b|\bunsure\b|"
        r"\buncertain",
    ),
    (
        "human-review",
        r"\b(?:needs?|awaiting|pending|for) (?:a )?(?:human |manual )?review\b|"
        r"\breview queue\b|\b(?:sent|routed|handed) to (?:a )?(?:human|person|reviewer)",
    ),
    (
        "error",
        r"\b(?:fails?|failed|unavailable|outage|is down|times? out|timed out|"
        r"(?:can ?not|can t|couldn t|could not) (?:be )?(?:read|load|reach|connect|process)\w*)\b",
    ),
    (
        "loading",
        r"\b(?:while (?:\w+ ){0,3}(?:processing|analy[sz]ing|generating|loading|"
        r"transcribing|running|thinking)|progress bar|spinner|typing indicator|in progress|"
        r"skeleton)\b",
    ),
    (
        "empty",
        r"\b(?:no (?:results?|matches|suggestions?|chapters?|items?)|nothing (?:to show|"
        r"found))\b",
    ),
    ("refusal", r"\b(?:declines?|refuses?|won t answer|can t help)\b"),
    ("stale", r"\b(?:out of date|outdated|last updated)\b"),
    ("first-run", r"\b(?:first (?:time|run|use|visit)|onboarding)\b"),
)


def _ux_state(text: str, title: str) -> Made:
    """A state the text names ("loading"), or describes in the words people use for it
    ("while the episode is processing"); none otherwise (nothing is guessed)."""
    said = " ".join(re.findall(r"[a-z0-9]+", text.casefold()))
    named = [s for s in _STATES if re.search(rf"\b{s.replace('-', ' ')}\b", said)]
    described = [state for state, words in _STATE_WORDS if re.search(words, said)]
    states = named or described
    return ("ux_states", {"state": states[0], "user_sees": text}) if states else None


def _question(text: str, title: str) -> Made:
    return "open_questions", {"question": text}


PROSE: Final[dict[str, Callable[[str, str], Made]]] = {
    "feature": _field("feature.summary"),
    "problem": _field("problem.user_need"),
    "ai-fit": _field("problem.why_ai"),
    "scope": _field("scope.known_limitations"),
    "baseline": _field("baseline.description"),
    "error-cost": _field("failure_modes.worse_error"),
    "data": _source,
    "metrics": _named("metrics", "name", "method"),
    "evaluation": _field("evaluation.launch_criteria"),
    "fallbacks": _fallback,
    "ux-states": _ux_state,
    "human-oversight": _field("human_oversight.review_points"),
    "monitoring": _named("monitoring.signals", "name", None),
    "rollout": _named("rollout.phases", "name", "gate"),
    "privacy": _field("privacy.pii_handling"),
    "open-questions": _question,
}


def place(concern: str, text: str, title: str) -> Made:
    """The field (or list) and value a concern's unlabelled text `text` becomes."""
    make = PROSE.get(concern)
    answer = cells.answer(text)
    return make(answer, title) if make and answer else None
