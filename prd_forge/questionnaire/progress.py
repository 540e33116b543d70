"""How far along the PM is, and which questions `check` insists on.

- `expected(answers)`: about how many prompts the path taken so far leads to: every question
  that applies, one item per list not started yet, and the "add another?" after each item;
- `answered(answers)`: the prompts already behind the PM, counted the same way;
- `required(model, field)`: whether leaving the field blank leaves a gap in a required concern,
  found by asking `spec.completeness` itself about a spec that leaves every field blank.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from prd_forge.questionnaire import risks, rules
from prd_forge.questionnaire.answers import Answers, Path
from prd_forge.questionnaire.fields import Kind, Question, question
from prd_forge.spec.completeness import find_gaps
from prd_forge.spec.model import Model, Spec


def expected(answers: Answers, paths: Iterable[Path]) -> int:
    return sum(_count(_at(path), path, answers, False) for path in paths)


def answered(answers: Answers, paths: Iterable[Path]) -> int:
    return sum(_count(_at(path), path, answers, True) for path in paths)


def _at(path: Path) -> Question:
    if len(path) == 1:
        return question(Spec, str(path[0]))
    outer = question(Spec, str(path[0])).item_model
    assert outer is not None
    return question(outer, str(path[1]))


def _count(item: Question, path: Path, answers: Answers, done: bool) -> int:
    if path == risks.PATH:
        return risks.prompts(answers, done)
    siblings = answers.get(path[:-1], {})
    if not rules.applies(item, siblings if isinstance(siblings, dict) else {}):
        return 0
    if item.kind is Kind.MODEL and item.item_model is not None:
        return _fields(item.item_model, path, answers, done)
    if item.kind is Kind.MODEL_LIST and item.item_model is not None:
        entries = answers.get(path) or []
        closed = answers.is_closed(path)
        items = len(entries) if done or closed else max(len(entries), 1)
        per_item = sum(_fields(item.item_model, (*path, i), answers, done) for i in range(items))
        return per_item + (len(entries) + int(closed) if done else items + 1)
    if item.kind is Kind.TEXT_LIST:
        entries = answers.get(path) or []
        closed = answers.is_closed(path)
        return len(entries) + (int(closed) if done else 1)
    return int(answers.has(path)) if done else 1


def _fields(model: type[Model], path: Path, answers: Answers, done: bool) -> int:
    names = model.model_fields
    return sum(_count(question(model, name), (*path, name), answers, done) for name in names)


@cache
def _required() -> frozenset[tuple[str, str]]:
    """(model name, field) of every field whose absence `check` reports in a required concern."""
    found: set[tuple[str, str]] = set()
    for probe in (_PROBE, {}):
        for gap in find_gaps(Spec.model_validate(probe)):
            if gap.required and gap.message.startswith("is missing"):
                found.add(_owner(gap.path))
    return frozenset(found)


def _owner(gap_path: str) -> tuple[str, str]:
    """`failure_modes.modes[0].severity` -> ("FailureMode", "severity")."""
    parts = [p.split("[")[0] for p in gap_path.split(".")]
    model: type[Model] = Spec
    for name in parts[:-1]:
        inner = question(model, name).item_model
        assert inner is not None
        model = inner
    return model.__name__, parts[-1]


def required(item: Question, answers: Answers) -> bool:
    """Whether the PM must answer: the type needs it, `check` needs it, or stakes raised it."""
    structural = not item.optional and item.kind in (Kind.TEXT, Kind.SELECT)
    known = (item.model.__name__, item.name) in _required()
    return structural or known or rules.required(item, answers)


SKIP_HOW = {
    Kind.TEXT: "optional: Enter skips",
    Kind.TEXT_LIST: "optional: an empty answer skips",
    Kind.SELECT: "optional: pick '(skip for now)'",
    Kind.CHECKBOX: "optional: Enter with nothing picked skips",
}


def marker(item: Question, answers: Answers, *, insist: bool = False) -> str:
    """'required', or how to skip the question."""
    if insist or required(item, answers):
        return "required"
    return SKIP_HOW.get(item.kind, "optional")


_PROBE: dict[str, Any] = {
    "feature": {"status": "review"},
    "baseline": {"kind": "manual"},
    "failure_modes": {"modes": [{"id": "x"}]},
    "data_sources": [{"name": "x"}],
    "metrics": [{"name": "x"}],
    "evaluation": {"offline_sets": [{"name": "x"}], "online": [{"method": "a/b"}]},
    "fallbacks": [{"id": "x"}],
    "ux_states": [{"state": "loading"}],
    "monitoring": {"signals": [{"name": "x"}]},
    "rollout": {"phases": [{"name": "x"}]},
    "privacy": {"signoffs": [{"role": "x"}]},
    "open_questions": [{"question": "x"}],
}
"""A spec with one bare item in every list, so completeness says what each item lacks."""
