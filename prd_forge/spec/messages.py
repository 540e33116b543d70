"""pydantic's validation errors, reworded for a person editing an answers file.

One function per kind of error, chosen from a table by pydantic's error type; each returns the
message and the fix that `check` prints after the field path.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from prd_forge.spec.model import Spec

Wording = tuple[str, str]
_QUOTED = re.compile(r"'([^']*)'")


def model_at(location: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model that holds the field at `location` (`location` names the field itself)."""
    model: type[BaseModel] | None = Spec
    for part in location[:-1]:
        if model is None:
            return None
        if not isinstance(part, str):  # a list index, or a bad key
            continue
        info = model.model_fields.get(part)
        model = _model_in(info.annotation) if info else None
    return model


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found:
            return found
    return None


def shown(value: Any) -> str:
    """A value as the author wrote it, quoted and cut short."""
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:37] + "..."
        return f"'{text}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "an empty value"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return str(value)


def _question(location: tuple[int | str, ...]) -> str:
    model = model_at(location)
    name = location[-1] if location else ""
    info = model.model_fields.get(str(name)) if model else None
    if info and info.description:
        return f"answer: {info.description}"
    return f"add {name}"


def _bad_key(item: ErrorDetails) -> Wording:
    # pydantic locates the key itself; its parent model lists the valid names.
    model = model_at((*location_of(item), ""))
    valid = ", ".join(model.model_fields) if model else "field names"
    key = "null" if item["input"] is None else shown(item["input"])
    return f"has the key {key}, which is not a field name", f"valid: {valid}"


def _missing(item: ErrorDetails) -> Wording:
    return "is required", _question(tuple(item["loc"]))


def _extra(item: ErrorDetails) -> Wording:
    location = tuple(item["loc"])
    model = model_at(location)
    valid = list(model.model_fields) if model else []
    close = difflib.get_close_matches(str(location[-1]), valid, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"valid fields: {', '.join(valid)}"
    return "unknown field", hint


def _choice(item: ErrorDetails) -> Wording:
    expected = str((item.get("ctx") or {}).get("expected", ""))
    choices = _QUOTED.findall(expected)
    given = item["input"]
    swapped = [choice for choice in choices if sorted(choice) == sorted(str(given))]
    close = swapped or difflib.get_close_matches(str(given), choices, n=1)
    fix = f"did you mean '{close[0]}'?" if close else f"use one of: {', '.join(choices)}"
    return f"{shown(given)} is not one of the choices", fix


def _boolean(item: ErrorDetails) -> Wording:
    return f"{shown(item['input'])} is not true or false", "write true or false"


def _number(item: ErrorDetails) -> Wording:
    return (
        f"{shown(item['input'])} is not a number",
        "write a plain number without its unit, e.g. 0.97 or 1200",
    )


def _text(item: ErrorDetails) -> Wording:
    return (
        f"{shown(item['input'])} is not text",
        "write text; quote it if it looks like another type",
    )


def _empty_text(item: ErrorDetails) -> Wording:
    return "is empty", "write an answer, or delete the line to leave it open"


def _slug(item: ErrorDetails) -> Wording:
    return (
        f"{shown(item['input'])} is not a valid id",
        "use lowercase letters, digits and hyphens, e.g. route-to-agent",
    )


def _list(item: ErrorDetails) -> Wording:
    return (
        f"should be a list, not {_kind(item['input'])}",
        "write one item per line, each starting with '- '",
    )


def _mapping(item: ErrorDetails) -> Wording:
    return (
        f"should be a mapping of fields, not {_kind(item['input'])}",
        "write its fields as indented 'name: value' lines",
    )


def _kind(value: Any) -> str:
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    return shown(value)


def _rule(item: ErrorDetails) -> Wording:
    # The model's own validators phrase their message as "<what is wrong>, e.g. <example>".
    message = item["msg"].removeprefix("Value error, ")
    what, _, example = message.partition(", e.g. ")
    return what, f"e.g. {example}" if example else ""


def _other(item: ErrorDetails) -> Wording:
    message = item["msg"].replace("Input should", "should")
    return f"is {shown(item['input'])}, but {message}", ""


_BY_TYPE: dict[str, Callable[[ErrorDetails], Wording]] = {
    "missing": _missing,
    "invalid_key": _bad_key,
    "extra_forbidden": _extra,
    "enum": _choice,
    "literal_error": _choice,
    "bool_type": _boolean,
    "bool_parsing": _boolean,
    "float_type": _number,
    "float_parsing": _number,
    "int_type": _number,
    "int_parsing": _number,
    "int_from_float": _number,
    "finite_number": _number,
    "string_type": _text,
    "string_too_short": _empty_text,
    "string_pattern_mismatch": _slug,
    "list_type": _list,
    "model_type": _mapping,
    "model_attributes_type": _mapping,
    "dict_type": _mapping,
    "value_error": _rule,
}


def location_of(item: ErrorDetails) -> tuple[int | str, ...]:
    """The field path pydantic's error belongs to (a bad key belongs to its mapping)."""
    location = tuple(item["loc"])
    return location[:-1] if item["type"] == "invalid_key" else location


def reword(item: ErrorDetails) -> Wording:
    """The message and the fix for one pydantic error."""
    return _BY_TYPE.get(item["type"], _other)(item)
