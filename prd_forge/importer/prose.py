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


def _ux_state(text: str, title: str) -> Made:
    said = " ".join(re.findall(r"[a-z]+", text.casefold()))
    for state in _STATES:
        if re.search(rf"\b{state.replace('-', ' ')}\b", said):
            return "ux_states", {"state": state, "user_sees": text}
    return None


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
