"""From facts to a validated answers file at status draft, and open questions for the rest."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from prd_forge import catalogue
from prd_forge.importer import evidence, walk
from prd_forge.lint.coverage import MISSING, PRESENT, Analysis, Coverage
from prd_forge.lint.document import Document
from prd_forge.spec.completeness import Gap, blocking, find_gaps
from prd_forge.spec.model import Spec, Status

SKIPPED = frozenset({"open-questions"})
_SHOWN = 4  # fields a question names before "and N more"


@dataclass(frozen=True)
class Imported:
    """An imported spec, where each answer came from, and what is left as open questions."""

    spec: Spec
    mapped: tuple[tuple[str, int], ...]  # answers path, line
    left: tuple[tuple[str, int, str], ...]  # concern, line, why
    dropped: tuple[tuple[str, int, str], ...]  # answers path, line, why it could not be kept

    @property
    def recognised(self) -> bool:
        return any(not path.startswith("feature.") for path, _ in self.mapped)


def _set(answers: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    node = answers
    for part in parents:
        node = node.setdefault(part, {})
    node[last] = value


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return value


def _merge_details(facts: walk.Facts) -> None:
    """Fold set and source details (written below their tables) into their items."""
    for path, details in (
        ("evaluation.offline_sets", "evaluation.set_details"),
        ("data_sources", "data_sources.details"),
    ):
        by_name = {item["name"]: item for item, _ in facts.items.get(path, [])}
        for detail, line in facts.items.pop(details, []):
            if detail["name"] in by_name:
                by_name[detail["name"]].update({k: v for k, v in detail.items() if v is not None})
            else:
                facts.items.setdefault(path, []).append((detail, line))


def _answers(facts: walk.Facts) -> tuple[dict[str, Any], dict[str, int]]:
    _merge_details(facts)
    answers: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for path, (value, line) in facts.values.items():
        _set(answers, path, value)
        lines[path] = line
    for path, items in facts.items.items():
        _set(answers, path, [_clean(item) for item, _ in items])
        for index, (_, line) in enumerate(items):
            lines[f"{path}[{index}]"] = line
    _set(answers, "feature.status", Status.DRAFT.value)
    return _clean(answers), lines


def _drop(answers: dict[str, Any], loc: tuple[int | str, ...], kind: str) -> bool:
    """Remove the refused value at `loc`; False when there is nothing left to remove.

    A list item missing a required field (a fallback without an id) cannot stand: it goes whole.
    """
    items = [i for i, part in enumerate(loc) if isinstance(part, int)]
    if kind == "missing" and items:
        loc = loc[: items[-1] + 1]
    node: Any = answers
    try:
        for key in loc[:-1]:
            node = node[key]
        del node[loc[-1]]
    except (KeyError, IndexError, TypeError):
        return False
    return True


def validate(answers: dict[str, Any], lines: dict[str, int]) -> tuple[Spec, list[Any]]:
    """The answers as a Spec, dropping each value the model refuses (and saying which)."""
    dropped: list[tuple[str, int, str]] = []
    for _ in range(200):
        try:
            return Spec.model_validate(answers), dropped
        except ValidationError as error:
            first = error.errors()[0]
            loc = tuple(first["loc"])
            path = ".".join(str(part) for part in loc)
            line = next((lines[p] for p in _prefixes(_brackets(path)) if p in lines), 0)
            dropped.append((_brackets(path), line, first["msg"]))
            if not _drop(answers, loc, first["type"]):
                break
    return Spec.model_validate({"feature": {"status": "draft"}}), dropped


def _brackets(path: str) -> str:
    """`metrics.0.target` as the lines table keys it: `metrics[0].target`."""
    return re.sub(r"\.(\d+)", r"[\1]", path)


def _prefixes(path: str) -> list[str]:
    parts = path.split(".")
    return [".".join(parts[:n]) for n in range(len(parts), 0, -1)]


def filled(value: Any) -> bool:
    """Whether an answer holds anything (a section with only its default status does not)."""
    if isinstance(value, BaseModel):
        return any(
            filled(getattr(value, name)) for name in type(value).model_fields if name != "status"
        )
    return value is not None and value != [] and value != ""


def concern_filled(spec: Spec, concern: catalogue.Concern) -> bool:
    """Whether the import gave the concern any answer (a feature's name alone is not one)."""
    fields = [f for f in concern.fields if f != "feature"]
    return any(filled(walk_path(spec, path)) for path in fields)


def walk_path(spec: Spec, path: str) -> Any:
    value: Any = spec
    for part in path.split("."):
        value = getattr(value, part, None)
    return value


def left_over(spec: Spec, analysis: Analysis) -> list[tuple[str, int, str]]:
    """Each concern the import could not fill: where lint found it, or that it is missing."""
    left = []
    for concern in catalogue.CONCERNS:
        if concern.id in SKIPPED or concern_filled(spec, concern):
            continue
        found = analysis.coverage.get(concern.id)
        line = found.line if found is not None else 1
        state = found.state if found is not None else MISSING
        why = "not found" if state == MISSING else f"{state.value}, but nothing could be mapped"
        left.append((concern.id, line, why))
    return left


def _state(found: Coverage | None) -> str:
    """Lint's word for how the document covers a concern: "partial (a few words)"."""
    if found is None:
        return MISSING.value
    if found.state == PRESENT:
        return "imported"
    return f"{found.state.value} ({found.detail})" if found.detail else found.state.value


def _unanswered(gaps: list[Gap]) -> str:
    """The gaps' fields, items folded together: "metrics[].target, metrics[].window and 2 more"."""
    said: list[str] = []
    for gap in gaps:
        path = re.sub(r"\[\d+\]", "[]", gap.path)
        text = path if gap.message.startswith("is missing") else f"{path} ({gap.message})"
        if text not in said:
            said.append(text)
    shown = ", ".join(said[:_SHOWN])
    return f"{shown} and {len(said) - _SHOWN} more" if len(said) > _SHOWN else shown


def thin(spec: Spec, analysis: Analysis) -> list[tuple[str, int, str]]:
    """Each concern the import filled only in part: what its gaps still ask, and where lint
    found it. A draft holding them as open questions passes `check`."""
    by_concern: dict[str, list[Gap]] = {}
    for gap in blocking(spec, find_gaps(spec)):
        by_concern.setdefault(gap.concern, []).append(gap)
    left = []
    for concern, gaps in by_concern.items():
        found = analysis.coverage.get(concern)
        line = found.line if found is not None else 1
        left.append((concern, line, f"{_state(found)}; still to answer: {_unanswered(gaps)}"))
    return left


def _ask(spec: Spec, left: list[tuple[str, int, str]], source: str) -> Spec:
    questions = [
        {
            "question": f"{catalogue.get(concern).title} ({source}, line {line}): {why}. "
            "Answer it with prd-forge edit.",
            "blocks": concern,
        }
        for concern, line, why in left
    ]
    if not questions:
        return spec
    return spec.model_copy(
        update={"open_questions": [*spec.open_questions, *map(_question, questions)]}
    )


def build(doc: Document, analysis: Analysis, source: str) -> Imported:
    """The imported spec of `doc`, with an open question for each concern left unfilled or
    filled only in part (so the draft passes `check`)."""
    facts = walk.collect(doc, analysis)
    evidence.add(facts, doc, analysis)
    answers, lines = _answers(facts)
    spec, dropped = validate(answers, lines)
    left = left_over(spec, analysis)
    spec = _ask(spec, left, source)
    partly = thin(spec, analysis)
    spec = _ask(spec, partly, source)
    mapped = tuple(sorted(lines.items(), key=_by_line))
    return Imported(spec, mapped, tuple(left + partly), tuple(dropped))


def _question(data: dict[str, Any]) -> Any:
    from prd_forge.spec.model import OpenQuestion

    return OpenQuestion.model_validate(data)


def _by_line(pair: tuple[str, int]) -> tuple[int, str]:
    return pair[1], pair[0]
