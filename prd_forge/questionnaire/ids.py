"""Ids that cannot go wrong: proposed from the description, unique as typed, renamed everywhere.

An item with an id (a failure mode, a fallback) is asked its description first; the id is then
proposed from it in kebab-case and can be edited. An id already used by a sibling is refused
at its prompt. Renaming a fallback rewrites every failure mode that refers to it.
"""

from __future__ import annotations

import re
from typing import Any

from prd_forge.questionnaire.answers import Answers, Path
from prd_forge.spec.model import Fallback, Metric, Model

_STOP = frozenset(
    re.findall(
        r"\w+",
        """a an the is are be of to for and or in on at it its that this with but by from as
        so no not than then when which who what does do""",
    )
)
MAX_WORDS = 4


def slug(words: str, max_words: int = MAX_WORDS) -> str:
    """'The draft states a refund policy…' -> 'draft-states-refund-policy'."""
    tokens = re.findall(r"[a-z0-9]+", words.lower())
    kept = [token for token in tokens if token not in _STOP] or tokens
    return "-".join(kept[:max_words])[:60].strip("-")


def siblings(answers: Answers, path: Path) -> list[str]:
    """The ids of the other items of the list holding the item at `path` (…, index, "id")."""
    index = path[-2]
    entries = answers.get(path[:-2]) or []
    return [
        str(entry["id"])
        for number, entry in enumerate(entries)
        if number != index and isinstance(entry, dict) and entry.get("id")
    ]


def taken(value: Any, answers: Answers, path: Path) -> str | None:
    """Why `value` cannot be this item's id: another item of the list has it."""
    if value in siblings(answers, path):
        return f"'{value}' is already the id of another entry; give this one its own id"
    return None


def propose(answers: Answers, path: Path) -> str | None:
    """An id from the item's description (or behaviour), unique within its list."""
    item = answers.get(path[:-1]) or {}
    description, behaviour = item.get("description"), item.get("behaviour")
    base = slug(str(description)) if description else str(behaviour or "")
    if not base:
        return None
    used = set(siblings(answers, path))
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def ask_order(model: type[Model]) -> list[str]:
    """The fields in asking order: an id right after the description it is proposed from."""
    names = list(model.model_fields)
    if "id" in names and "description" in names:
        names.remove("id")
        names.insert(names.index("description") + 1, "id")
    return names


REFERENCES: dict[tuple[type[Model], str], tuple[Path, ...]] = {
    (Fallback, "id"): (("failure_modes", "modes", "*", "fallbacks"),),
    (Metric, "name"): (("evaluation", "offline_sets", "*", "thresholds", "*", "metric"),),
}
"""Where a field's values are referred to: paths with `*` for every item of a list."""


def _expand(answers: Answers, pattern: Path, done: Path = ()) -> list[Path]:
    if not pattern:
        return [done]
    head, rest = pattern[0], pattern[1:]
    if head != "*":
        return _expand(answers, rest, (*done, head)) if answers.has((*done, head)) else []
    items = answers.get(done)
    count = len(items) if isinstance(items, list) else 0
    return [found for index in range(count) for found in _expand(answers, rest, (*done, index))]


def rename(answers: Answers, model: type[Model], field: str, old: Any, new: Any) -> int:
    """Rewrite every reference to `old` as `new`; returns how many were rewritten."""
    patterns = REFERENCES.get((model, field), ())
    if old in (None, new):
        return 0
    count = 0
    for path in (found for pattern in patterns for found in _expand(answers, pattern)):
        value = answers.get(path)
        if value == old:
            answers.set(path, new)
            count += 1
        elif isinstance(value, list) and old in value:
            answers.set(path, [new if ref == old else ref for ref in value])
            count += 1
    return count
