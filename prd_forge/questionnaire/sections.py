"""The questionnaire's sections: one per catalogue concern, in catalogue order.

Each concern's `fields` names the spec fields that answer it. A field of a section model that
no concern names (e.g. `problem.rules_considered`) goes with the concern that names the field
before it, so every field of the spec is asked exactly once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from prd_forge import catalogue
from prd_forge.catalogue import Concern
from prd_forge.questionnaire import progress, prompts
from prd_forge.questionnaire.answers import Path
from prd_forge.questionnaire.fields import question
from prd_forge.questionnaire.flow import Interview
from prd_forge.questionnaire.tape import TAPE, walk_with_back
from prd_forge.spec.model import Spec
from prd_forge.spec.stakes import raised


@dataclass(frozen=True)
class QuestionnaireSection:
    number: int
    concern: Concern
    paths: tuple[Path, ...]

    def heading(self, total: int) -> str:
        return f"Section {self.number}/{total}: {self.concern.title}\n{self.concern.why}"


def _split(field_path: str) -> Path:
    return tuple(field_path.split("."))


@cache
def plan() -> tuple[QuestionnaireSection, ...]:
    """The sections, each with the field paths it asks, in model order within a section."""
    owner: dict[Path, str] = {}
    for concern in catalogue.CONCERNS:
        for field_path in concern.fields:
            owner[_split(field_path)] = concern.id
    for name in Spec.model_fields:
        model = question(Spec, name).item_model
        if (name,) in owner or model is None:
            continue
        owned = [owner[(name, f)] for f in model.model_fields if (name, f) in owner]
        if not owned:
            continue  # not a question (approvals are recorded by `prd-forge approve`)
        current = owned[0]
        for field in model.model_fields:
            current = owner.setdefault((name, field), current)
    ordered = sorted(owner, key=_model_order)
    return tuple(
        QuestionnaireSection(number, concern, tuple(p for p in ordered if owner[p] == concern.id))
        for number, concern in enumerate(catalogue.CONCERNS, start=1)
    )


def _model_order(path: Path) -> tuple[int, int]:
    top = list(Spec.model_fields).index(str(path[0]))
    if len(path) == 1:
        return top, -1
    model = question(Spec, str(path[0])).item_model
    assert model is not None
    return top, list(model.model_fields).index(str(path[1]))


def by_id(ids: Iterable[str]) -> tuple[QuestionnaireSection, ...]:
    wanted = set(ids)
    return tuple(section for section in plan() if section.concern.id in wanted)


def notes(section: QuestionnaireSection, interview: Interview) -> str:
    """The concern's own line (`Concern.stakes`) under its heading when earlier answers raised
    its stakes, e.g. an unacceptable failure mode makes human oversight required."""
    concern = section.concern
    if concern.stakes and concern.id in raised(interview.answers.spec()):
        return f"\n{concern.stakes}"
    return ""


def ask_section(interview: Interview, section: QuestionnaireSection) -> None:
    """Every question of one section (those still unanswered, unless revisiting)."""
    total = len(plan())
    interview.section = section.number
    interview.announce(section.heading(total) + notes(section, interview))
    for path in section.paths:
        interview.ask_path(path)
    interview.heading = None


def run(interview: Interview, sections: Iterable[QuestionnaireSection] | None = None) -> None:
    """The whole questionnaire, or the chosen sections; the back key works throughout."""
    chosen = tuple(sections) if sections is not None else plan()
    paths = [path for section in chosen for path in section.paths]
    start = 0 if interview.revisit else progress.answered(interview.answers, paths)

    def position() -> str:
        number = start + TAPE.position + 1
        about = max(progress.expected(interview.answers, paths), number)
        return f"Section {interview.section}/{len(plan())} · question {number} of about {about}"

    def walk() -> None:
        for section in chosen:
            ask_section(interview, section)

    interview.position = position
    try:
        walk_with_back(interview.answers, walk, prompts.echo)
    finally:
        interview.position = None
