"""Hypothesis strategies for answers files, generated from the spec model itself.

`specs()` walks the pydantic model: every enum value, boolean and list length can come up, and
a new field in the model is generated without editing this file. Text is the field's own
example (the realistic answer the questionnaire shows), so what varies is the structure: which
optional fields are left out, how many items a list holds (one, for the minimal specs), which
severities, triggers, behaviours and statuses are chosen, which fallbacks a failure mode names.
References are kept consistent (a failure mode names defined fallbacks; a fallback names a
described UX state) so that most generated specs are valid; a drawn list of fields to drop
then makes some of them incomplete.
"""

from __future__ import annotations

import copy
import types
from collections.abc import Callable, Iterator
from enum import Enum
from typing import Annotated, Any, Union, get_args, get_origin

from hypothesis import strategies as st
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from prd_forge import catalogue
from prd_forge.spec import wording
from prd_forge.spec.completeness import find_gaps
from prd_forge.spec.load import SpecError, validate
from prd_forge.spec.model import (
    REQUIRED_UX_STATES,
    FailureSeverity,
    FallbackTrigger,
    MetricKind,
    Model,
    Spec,
    UxStateName,
)
from prd_forge.spec.stakes import human_review_required
from prd_forge.wording import Rule, no_named_owner, not_a_date, not_a_duration, still_pending

Draw = Callable[[st.SearchStrategy[Any]], Any]
_ID_PREFIX = {"failure_modes.modes": "fm", "fallbacks": "fb"}


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The annotation without Annotated and `| None`, and whether None is allowed."""
    optional = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = annotation.__origin__
        elif origin in (Union, types.UnionType):
            args = [arg for arg in get_args(annotation) if arg is not type(None)]
            optional = optional or len(args) < len(get_args(annotation))
            annotation = args[0]
        else:
            return annotation, optional


def _scalar(draw: Draw, kind: Any, info: FieldInfo, path: str) -> Any:
    if isinstance(kind, type) and issubclass(kind, Enum):
        return draw(st.sampled_from([member.value for member in kind]))
    if kind is bool:
        return draw(st.booleans())
    example = (info.examples or [path])[0]
    if kind in (int, float):
        # The example respects the field's bounds (a confidence is at most 1); a count may vary.
        if isinstance(example, int | float) and not 0 < example <= 1:
            return draw(st.sampled_from([example, 1, 2500]))
        return example
    if isinstance(example, list):
        example = example[0] if example else path
    return str(example)


def _value(draw: Draw, annotation: Any, info: FieldInfo, path: str, most: int) -> Any:
    kind, _ = _unwrap(annotation)
    if get_origin(kind) is list:
        item = get_args(kind)[0]
        count = draw(st.integers(1, most))
        return [_value(draw, item, info, f"{path}[{i}]", most) for i in range(count)]
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return _model(draw, kind, path, most)
    return _scalar(draw, kind, info, path)


def _model(draw: Draw, model: type[BaseModel], path: str, most: int) -> dict[str, Any]:
    """Every field of `model` filled; lists hold 1 to `most` items."""
    return {
        name: _value(draw, info.annotation, info, f"{path}.{name}", most)
        for name, info in model.model_fields.items()
    }


def _coherent(data: dict[str, Any]) -> dict[str, Any]:
    """The choices that completeness asks of the spec as a whole: a guardrail metric, a
    low-confidence fallback, evaluation sets kept apart from training, a fallback for every
    expensive or unacceptable failure mode (see _linked), and the human-review state when the
    stakes call for it."""
    data["metrics"][0]["kind"] = MetricKind.GUARDRAIL.value
    data["fallbacks"][0]["trigger"] = FallbackTrigger.LOW_CONFIDENCE.value
    for eval_set in data["evaluation"]["offline_sets"]:
        eval_set["kept_apart_from_training"] = True
    data["coherent"] = True
    return data


def _linked(draw: Draw, data: dict[str, Any]) -> dict[str, Any]:
    """References made consistent: unique ids, named fallbacks and UX states defined."""
    for key, prefix in _ID_PREFIX.items():
        items = data["failure_modes"]["modes"] if "." in key else data[key]
        for index, item in enumerate(items):
            item["id"] = f"{prefix}-{index + 1}"
    coherent = data.pop("coherent", False)
    fallback_ids = [fallback["id"] for fallback in data["fallbacks"]]
    for mode in data["failure_modes"]["modes"]:
        needed = coherent and mode["severity"] in (
            FailureSeverity.EXPENSIVE,
            FailureSeverity.UNACCEPTABLE,
        )
        ids = st.lists(st.sampled_from(fallback_ids), unique=True, min_size=needed, max_size=2)
        mode["fallbacks"] = draw(ids)
    optional = [name for name in UxStateName if name not in REQUIRED_UX_STATES]
    extra = draw(st.lists(st.sampled_from(optional), unique=True, max_size=len(optional)))
    human = UxStateName.HUMAN_REVIEW
    if coherent and human not in extra and human_review_required(validate(data, "g.yaml").spec):
        extra = [*extra, human]
    states = [*REQUIRED_UX_STATES, *extra]
    template = data["ux_states"][0]
    data["ux_states"] = [{**template, "state": state.value} for state in states]
    for fallback in data["fallbacks"]:
        fallback["ux_state"] = draw(st.sampled_from([state.value for state in states]))
    # An approval records a digest of the sections it approves; the example's digest matches
    # no generated spec, so lint rightly calls it stale (PRD201). Approvals are left out.
    data.pop("approvals", None)
    for question in data["open_questions"]:
        question["blocks"] = draw(st.none() | st.sampled_from(catalogue.IDS))
    return data


def _leaves(data: Any, model: type[BaseModel], prefix: tuple[Any, ...] = ()) -> Iterator[Any]:
    """Paths (as key tuples) of every field that may be left out: optional or a list."""
    for name, info in model.model_fields.items():
        if name not in data:
            continue
        kind, optional = _unwrap(info.annotation)
        path = (*prefix, name)
        value = data[name]
        if optional or get_origin(kind) is list or not info.is_required():
            yield path
        if isinstance(kind, type) and issubclass(kind, BaseModel) and isinstance(value, dict):
            yield from _leaves(value, kind, path)
        elif get_origin(kind) is list and isinstance(value, list):
            item, _ = _unwrap(get_args(kind)[0])
            if isinstance(item, type) and issubclass(item, BaseModel):
                for index, element in enumerate(value):
                    yield from _leaves(element, item, (*path, index))


def _worded(data: Any, model: type[BaseModel], prefix: tuple[Any, ...] = ()) -> Iterator[Any]:
    """Paths of the fields whose help promises something of their words (spec/wording.py)."""
    for name, info in model.model_fields.items():
        value = data.get(name) if isinstance(data, dict) else None
        kind, _ = _unwrap(info.annotation)
        path = (*prefix, name)
        if (model, name) in wording.RULES and isinstance(value, str):
            yield path
        elif isinstance(kind, type) and issubclass(kind, BaseModel):
            yield from _worded(value, kind, path)
        elif get_origin(kind) is list and isinstance(value, list):
            item, _ = _unwrap(get_args(kind)[0])
            if isinstance(item, type) and issubclass(item, BaseModel):
                for index, element in enumerate(value):
                    yield from _worded(element, item, (*path, index))


# Words that break a field's promise, and words that keep it, for each kind of promise: the
# agreement of check and lint is tested on them too (lint/rules/wording.py).
_WORDS: dict[Rule, tuple[str, ...]] = {
    no_named_owner: ("the team", "us", "someone", "Support ML on-call", "the Risk team lead"),
    not_a_duration: ("soon", "ASAP", "within 4 h", "weekly", "end of Q1 2027"),
    still_pending: ("pending", "awaiting Legal", "approved", "Legal (A. Chen), 2026-10-01"),
    not_a_date: ("next sprint", "2027-01-15"),
}


def _reword(draw: Draw, data: dict[str, Any]) -> dict[str, Any]:
    """One field with a promise about its words given words that keep it or break it."""
    paths = sorted(_worded(data, Spec), key=str)
    if not paths:
        return data
    path = draw(st.sampled_from(paths))
    rule = wording.RULES[_model_field(path)]
    result = copy.deepcopy(data)
    holder: Any = result
    for key in path[:-1]:
        holder = holder[key]
    holder[path[-1]] = draw(st.sampled_from(_WORDS[rule]))
    return result


def _model_field(path: tuple[Any, ...]) -> tuple[type[Model], str]:
    """The model class and field name a data path ends in."""
    model: type[Model] = Spec
    for key in path[:-1]:
        if isinstance(key, int):
            continue
        kind, _ = _unwrap(model.model_fields[key].annotation)
        if get_origin(kind) is list:
            kind, _ = _unwrap(get_args(kind)[0])
        model = kind
    return model, path[-1]


def _drop(data: dict[str, Any], path: tuple[Any, ...]) -> dict[str, Any]:
    result = copy.deepcopy(data)
    holder: Any = result
    for key in path[:-1]:
        holder = holder[key]
    if isinstance(holder, dict):
        holder.pop(path[-1], None)
    return result


def _gaps(data: dict[str, Any]) -> list[Any] | None:
    try:
        return find_gaps(validate(data, "generated.yaml").spec)
    except SpecError:  # a drop that makes the file invalid is simply not taken
        return None


def minimal(data: dict[str, Any]) -> dict[str, Any]:
    """Every optional field and list left out that completeness does not ask for."""
    gaps = _gaps(data)
    for path in sorted(_leaves(data, Spec), key=len, reverse=True):
        smaller = _drop(data, path)
        if _gaps(smaller) == gaps:
            data = smaller
    return data


@st.composite
def spec_data(draw: Draw) -> dict[str, Any]:
    """An answers file as data: complete or minimal, then with a few fields perhaps dropped."""
    small = draw(st.booleans())
    data = _model(draw, Spec, "spec", 1 if small else 2)
    if draw(st.integers(0, 3)):  # three times in four: the choices check asks for, together
        data = _coherent(data)
    data = _linked(draw, data)
    if small:
        data = minimal(data)
    paths = sorted(_leaves(data, Spec))
    for path in draw(st.lists(st.sampled_from(paths), max_size=2)) if paths else []:
        data = _drop(data, path)
    if draw(st.integers(0, 2)) == 0:  # one time in three: words that may break a promise
        data = _reword(draw, data)
    return data


def specs() -> st.SearchStrategy[Spec]:
    """Valid specs (some complete at their status, some not)."""
    return spec_data().map(lambda data: validate(data, "generated.yaml").spec)
