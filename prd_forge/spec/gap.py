"""A gap: one thing a spec does not yet say, worded as its concern's module words it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from prd_forge import concerns
from prd_forge.spec.model import Model, Spec


@dataclass(frozen=True, order=True)
class Gap:
    """One thing the spec does not yet say.

    Attributes:
        path: the field path, e.g. `failure_modes.modes[2].fallbacks`.
        concern: the catalogue concern the gap belongs to.
        message: what is missing or wrong.
        fix: what to do, usually the question that fills the field.
    """

    path: str
    concern: str
    message: str
    fix: str

    @property
    def required(self) -> bool:
        return concerns.get(self.concern).required


def said(
    path: str, concern: str, key: str, fix: str = "", *, choices: str = "", **fields: str
) -> Gap:
    """The gap `key` as the concern's module words it (`Concern.gaps`), its fields filled;
    `fix` when the module leaves the fix to the field's question, `choices` after it."""
    said = concerns.get(concern).gap(key)
    message = said.message.format(**fields)
    return Gap(path, concern, message, (said.fix.format(**fields) or fix) + choices)


def unanswered(spec: Spec, concern: str, key: str) -> Iterator[Gap]:
    """The gap `key` when the field it names (`GapMessage.field`) is empty in `spec`."""
    path = concerns.get(concern).gap(key).field
    value: Any = spec
    for name in path.split("."):
        value = getattr(value, name, None)
    if value is None or value == []:
        yield said(path, concern, key, _field_question(path))


def _field_question(path: str) -> str:
    """The question that fills the field at `path` (a model field's description)."""
    *parents, name = path.split(".")
    model: type[Model] = Spec
    for parent in parents:
        inner = model.model_fields[parent].annotation
        if not (isinstance(inner, type) and issubclass(inner, Model)):
            return f"fill in {path}"
        model = inner
    return question(model, name) if name in model.model_fields else f"fill in {path}"


def question(model: type[Model], field: str) -> str:
    description = model.model_fields[field].description
    if not description:
        return f"fill in {field}"
    if description.endswith("?"):
        return f"answer: {description}"
    # List sections are described by a title ("Rollout phases"), not a question.
    return f"add {description[0].lower()}{description[1:]}"


def missing(obj: Model, fields: Sequence[str], prefix: str, concern: str) -> Iterator[Gap]:
    """A gap for each of `fields` that is None or an empty list on `obj`."""
    for name in fields:
        value = getattr(obj, name)
        if value is None or value == []:
            yield Gap(f"{prefix}.{name}", concern, "is missing", question(type(obj), name))


def duplicates(ids: list[str], path: str, concern: str) -> Iterator[Gap]:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            yield Gap(path, concern, f"has '{item}' twice", "give each entry its own id")
        seen.add(item)
