"""The questions a concern's section must answer, from the spec model's field descriptions.

Each concern lists the spec fields that answer it; each field carries its question (the one
the questionnaire asks). Only `lint --fix` needs them, so the spec model (and pydantic) is
imported when they are first asked for, never on the plain lint path.
"""

from __future__ import annotations

import typing
from functools import cache
from typing import Any

from prd_forge import catalogue

# A section scaffold lists at most this many questions; the rest are in the answers file.
MAX_QUESTIONS = 12


def _item_model(annotation: Any) -> Any:
    """The pydantic model a field holds (itself, in a list, or optional), else None."""
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for inner in typing.get_args(annotation):
        found = _item_model(inner)
        if found is not None:
            return found
    return None


def _resolve(path: str) -> Any:
    """The field info at a dotted path of the spec model."""
    from prd_forge.spec.model import Spec

    model: Any = Spec
    field = None
    for part in path.split("."):
        field = model.model_fields[part]
        model = _item_model(field.annotation)
    return field


def _question(field: Any) -> str | None:
    if not field.description:
        return None
    extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
    help_text = extra.get("help")
    return f"{field.description} ({help_text})" if help_text else str(field.description)


def _field_questions(path: str) -> list[str]:
    field = _resolve(path)
    model = _item_model(field.annotation)
    if model is None:
        question = _question(field)
        return [question] if question else []
    # A group of answers (baseline, a fallback, monitoring): the questions of its fields, and
    # of the fields of a group inside it (a failure mode's, an evaluation set's).
    found: list[str | None] = []
    for inner in model.model_fields.values():
        nested = _item_model(inner.annotation)
        if nested is None:
            found.append(_question(inner))
        else:
            found += [_question(leaf) for leaf in nested.model_fields.values()]
    return [question for question in found if question]


@cache
def for_concern(concern_id: str) -> tuple[str, ...]:
    """The questions of a catalogue concern, in the model's order; () for a team's own."""
    concern = catalogue.BY_ID.get(concern_id)
    if concern is None:
        return ()
    questions: list[str] = []
    for path in concern.fields:
        questions += [q for q in _field_questions(path) if q not in questions]
    return tuple(questions[:MAX_QUESTIONS])
