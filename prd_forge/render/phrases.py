"""Enum values as the words a reader expects in a PRD, where the bare value reads badly.

`create` is a value in the answers file; in a table it reads as "creates new content". Values
missing here (and any added to the model later) read with their hyphens as spaces. A value
shared by two enums gets a phrase only when it fits both (`retrieval` is an output kind and
a data purpose, so it stays as it is).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

PHRASES: Final = MappingProxyType(
    {
        # what the model does (AiTask)
        "decide": "decides on the user's behalf",
        "create": "creates new content",
        "classify": "sorts items into categories",
        "predict": "predicts a value",
        "retrieve": "finds relevant items",
        "rank": "puts items in order",
        "recommend": "recommends items",
        "summarize": "summarises text",
        "extract": "pulls fields out of documents",
        "translate": "translates text",
        "converse": "holds a conversation",
        # what it outputs (OutputKind)
        "generated": "generated content",
        "selected": "a choice among fixed options",
        "classification": "a category label",
        "ranking": "an ordered list",
        "forecast": "a forecast of a value",
        "extraction": "extracted fields",
        "action": "an action taken for the user",
        # what it beats today (BaselineKind)
        "manual": "manual work",
        "heuristic": "a heuristic",
        "rules": "hand-written rules",
        "existing-model": "an existing model",
        "none": "nothing yet (no baseline)",
        # online evaluation (OnlineMethod)
        "a/b": "A/B test",
    }
)


def words(value: str) -> str:
    """The reader's words for an enum value."""
    return PHRASES.get(value, value.replace("-", " "))
