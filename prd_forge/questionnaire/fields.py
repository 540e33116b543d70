"""The questions, read from the spec model's field metadata (never a second copy of them).

A `Question` is one field of a model seen as something to ask: its prompt (the field's
`description`), help and example (`json_schema_extra`, `examples[0]`), and its kind, which picks
the prompt: select for an enum, checkbox for a list of enums, confirm for a bool, text for the
rest, an add-another loop for a list of texts or of models, and a recursion for a nested model.
"""

from __future__ import annotations

import re
import types
from dataclasses import dataclass
from enum import Enum, StrEnum
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import ValidationError

from prd_forge.spec.model import Model


class Kind(StrEnum):
    TEXT = "text"
    SELECT = "select"
    CONFIRM = "confirm"
    CHECKBOX = "checkbox"
    TEXT_LIST = "text-list"
    MODEL = "model"
    MODEL_LIST = "model-list"


@dataclass(frozen=True)
class Question:
    """One field of a spec model, as the questionnaire asks it."""

    model: type[Model]
    name: str
    message: str
    help: str
    example: Any
    kind: Kind
    optional: bool
    multiline: bool = False
    choices: tuple[str, ...] = ()
    item_model: type[Model] | None = None
    enum_name: str = ""

    @property
    def example_text(self) -> str:
        """The example as a PM would type it; empty for structured examples."""
        if isinstance(self.example, bool):
            return "yes" if self.example else "no"
        if isinstance(self.example, str | int | float):
            return str(self.example)
        return ""

    def validate(self, value: Any) -> Any:
        """The value as the answers file stores it (JSON types), or a ValueError saying why not.

        The check is pydantic's own validation of this one field, field validators included, so
        a typed answer and an answer read from a file pass exactly the same rules.
        """
        empty = self.model.model_construct()
        try:
            self.model.__pydantic_validator__.validate_assignment(empty, self.name, value)
        except ValidationError as error:
            raise ValueError(explain(error, self)) from None
        return empty.model_dump(mode="json", include={self.name})[self.name]


_FRIENDLY = {
    "string_too_short": "an answer is needed here",
    "string_pattern_mismatch": "use lowercase words joined by hyphens{example}",
    "float_parsing": "enter a number{example}",
    "int_parsing": "enter a whole number{example}",
    "int_from_float": "enter a whole number{example}",
    "enum": "pick one of: {choices}",
}


def explain(error: ValidationError, question: Question) -> str:
    """The first validation error in words a PM understands."""
    item = error.errors(include_url=False)[0]
    template = _FRIENDLY.get(item["type"])
    if template is None:
        message = str(item["msg"])
        return message.removeprefix("Value error, ")
    example = f", e.g. {question.example_text}" if question.example_text else ""
    return template.format(example=example, choices=", ".join(question.choices))


def _strip_optional(annotation: Any) -> tuple[Any, bool]:
    if get_origin(annotation) in (Union, types.UnionType):
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        return args[0], len(args) < len(get_args(annotation))
    return annotation, False


def _strip_annotated(annotation: Any) -> Any:
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, Model)


def _is_enum(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, Enum)


def _kind(annotation: Any) -> tuple[Kind, Any]:
    """The kind of prompt for an annotation, and the inner type it concerns."""
    if get_origin(annotation) is list:
        item = _strip_annotated(get_args(annotation)[0])
        if _is_model(item):
            return Kind.MODEL_LIST, item
        if _is_enum(item):
            return Kind.CHECKBOX, item
        return Kind.TEXT_LIST, item
    if _is_model(annotation):
        return Kind.MODEL, annotation
    if _is_enum(annotation):
        return Kind.SELECT, annotation
    if annotation is bool:
        return Kind.CONFIRM, annotation
    return Kind.TEXT, annotation


@cache
def question(model: type[Model], name: str) -> Question:
    """The question for field `name` of `model`."""
    info = model.model_fields[name]
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    annotation, optional = _strip_optional(info.annotation)
    kind, inner = _kind(_strip_annotated(annotation))
    choices = tuple(member.value for member in inner) if _is_enum(inner) else ()
    return Question(
        model=model,
        name=name,
        message=info.description or name,
        help=str(extra.get("help", "")),
        example=info.examples[0] if info.examples else None,
        kind=kind,
        optional=optional,
        multiline=bool(extra.get("multiline", False)),
        choices=choices,
        item_model=inner if kind in (Kind.MODEL, Kind.MODEL_LIST) else None,
        enum_name=inner.__name__ if _is_enum(inner) else "",
    )


def questions(model: type[Model]) -> list[Question]:
    """Every field of `model`, in declaration order."""
    return [question(model, name) for name in model.model_fields]


def noun(model: type[Model]) -> str:
    """What one item of a list of `model` is called: FailureMode -> 'failure mode'."""
    words = re.findall(r"[A-Z][a-z]*", model.__name__)
    return " ".join(word.upper() if len(word) == 2 else word.lower() for word in words)


def with_article(phrase: str) -> str:
    return f"an {phrase}" if phrase[:1].lower() in "aeio" else f"a {phrase}"
