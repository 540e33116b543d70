"""The review screen: a summary of every section, and any answer can be changed before writing.

There is no "back" key in a prompt library; this screen is the way back (copier #1490,
questionary #81). It also shows what still blocks the PRD and offers to fill it in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import StrEnum
from typing import Any

from prd_forge.questionnaire import prompts
from prd_forge.questionnaire.answers import Path
from prd_forge.questionnaire.editing import short
from prd_forge.questionnaire.fields import Kind, question, questions
from prd_forge.questionnaire.flow import Interview
from prd_forge.questionnaire.sections import QuestionnaireSection, ask_section, plan
from prd_forge.questionnaire.tape import walk_with_back
from prd_forge.spec.completeness import Gap, blocking, find_gaps
from prd_forge.spec.completeness import recorded_as_open_question as deferred
from prd_forge.spec.model import Model, Spec


class ReviewChoice(StrEnum):
    WRITE = "write"
    SAVE = "save"
    BACK = "back"


def parse_path(path: str) -> Path:
    """`failure_modes.modes[2].fallbacks` -> ("failure_modes", "modes", 2, "fallbacks")."""
    parts: list[str | int] = []
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", path):
        parts.append(int(index) if index else name)
    return tuple(parts)


def _section_gaps(section: QuestionnaireSection, gaps: list[Gap]) -> list[Gap]:
    return [gap for gap in gaps if gap.concern == section.concern.id]


def summary(interview: Interview) -> list[str]:
    """Each section: its answers, then its gaps with what fixes each."""
    spec = interview.answers.spec()
    gaps = find_gaps(spec)
    blockers = set(blocking(spec, gaps))
    lines = []
    for section in plan():
        lines.append(f"{section.number:>2}. {section.concern.title}")
        lines += [f"      {text}" for text, _ in entries(interview, section)]
        for gap in _section_gaps(section, gaps):
            mark = "gap" if gap in blockers else "open" if deferred(spec, gap) else "note"
            lines.append(f"    {mark}: {gap.path}: {gap.message} ({gap.fix})")
    return lines


def entries(interview: Interview, section: QuestionnaireSection) -> Iterator[tuple[str, Path]]:
    """The answers of a section as (label, path), nested section models spelled out."""
    for path in section.paths:
        model: type[Model] = Spec
        if len(path) == 2:
            inner = question(Spec, str(path[0])).item_model
            assert inner is not None
            model = inner
        item = question(model, str(path[-1]))
        if item.kind is Kind.MODEL and item.item_model is not None:
            for field in questions(item.item_model):
                value = interview.answers.get((*path, field.name))
                yield f"{field.message}  {short(value)}", (*path, field.name)
        else:
            yield f"{item.message}  {short(interview.answers.get(path))}", path


def change(interview: Interview, section: QuestionnaireSection) -> None:
    """Pick one answer of `section` (or all of it) and ask it again, old answer as default."""
    choices: list[tuple[str, Any]] = list(entries(interview, section))
    choices += [("Ask the whole section again", "all"), ("Back", "back")]
    picked = prompts.ask_menu(f"{section.concern.title}: pick an answer to change", choices)
    if picked == "back":
        return
    interview.revisit = True
    try:
        if picked == "all":
            walk_with_back(interview.answers, lambda: ask_section(interview, section), prompts.echo)
        else:
            walk_with_back(interview.answers, lambda: interview.ask_path(picked), prompts.echo)
    finally:
        interview.revisit = False


def review(interview: Interview) -> ReviewChoice:
    """Show the summary; loop until the PM writes or saves the draft."""
    while True:
        prompts.echo()
        prompts.echo("Review", bold=True)
        for line in summary(interview):
            prompts.echo("  " + line)
        choices: list[tuple[str, Any]] = [
            ("Write the answers file and the PRD", ReviewChoice.WRITE)
        ]
        choices += [(f"Change {s.number}. {s.concern.title}", s) for s in plan()]
        choices.append(("Save as a draft and finish later", ReviewChoice.SAVE))
        picked = prompts.ask_menu("Write now, or pick a section to change", choices)
        if isinstance(picked, QuestionnaireSection):
            change(interview, picked)
        elif picked is ReviewChoice.SAVE or settle_gaps(interview) is ReviewChoice.WRITE:
            return ReviewChoice(picked)


def settle_gaps(interview: Interview, gaps: list[Gap] | None = None) -> ReviewChoice:
    """When gaps block the PRD: show them, then fill them in, save as draft, or go back."""
    spec = interview.answers.spec()
    blockers = gaps if gaps is not None else blocking(spec, find_gaps(spec))
    if not blockers:
        return ReviewChoice.WRITE
    status = spec.feature.status.value
    prompts.echo(f"{len(blockers)} gap(s) block the PRD at status '{status}':")
    for gap in blockers:
        prompts.echo(f"  {gap.path}: {gap.message} ({gap.fix})")
    choices: list[tuple[str, Any]] = [
        ("Fill them in now", "fill"),
        ("Back to the review", ReviewChoice.BACK),
    ]
    picked = prompts.ask_menu("What next?", choices)
    if picked == "fill":
        fill(interview, blockers)
    return ReviewChoice.BACK


def fill(interview: Interview, gaps: list[Gap]) -> None:
    """Ask the question behind each gap until it is answered, deferred, or left on purpose."""
    seen: list[str] = []
    interview.revisit = interview.insist = True

    def walk() -> None:
        seen.clear()
        for gap in gaps:
            if gap.path not in seen:
                seen.append(gap.path)
                settle(interview, gap)

    try:
        walk_with_back(interview.answers, walk, prompts.echo)
    finally:
        interview.revisit = interview.insist = False


AGAIN, DEFER, LEAVE = "again", "defer", "leave"


def settle(interview: Interview, gap: Gap) -> None:
    """One gap: asked again while it stays open, unless the PM defers it or leaves it."""
    while True:
        prompts.echo(f"{gap.path}: {gap.message}", bold=True)
        interview.ask_path(parse_path(gap.path))
        remaining = still_open(interview, gap)
        if remaining is None:
            return
        gap = remaining
        choices: list[tuple[str, Any]] = [
            ("Answer it again", AGAIN),
            ("Record it as an open question (a draft may leave it open)", DEFER),
            ("Leave it for now", LEAVE),
        ]
        picked = prompts.ask_menu(f"Still open: {gap.path}: {gap.message}", choices, AGAIN)
        if picked == DEFER:
            defer(interview, gap)
        if picked != AGAIN:
            return


def still_open(interview: Interview, gap: Gap) -> Gap | None:
    """The gap at the same place, if the answers still have one there."""
    spec = interview.answers.spec()
    return next((g for g in blocking(spec, find_gaps(spec)) if g.path == gap.path), None)


def defer(interview: Interview, gap: Gap, question: str | None = None) -> None:
    """Record `gap` as an open question that names what it blocks (a draft may then write)."""
    answers = interview.answers
    entries = answers.get(("open_questions",)) or []
    if not answers.has(("open_questions",)):
        answers.set(("open_questions",), [])
    entry: dict[str, Any] = {"question": question or f"{gap.path}: {gap.message} ({gap.fix})"}
    owner = answers.get(("feature", "owner"))
    if owner:
        entry["owner"] = owner
    entry["blocks"] = gap.path
    answers.set(("open_questions", len(entries)), entry)
    prompts.echo(f"  Recorded as open question {len(entries) + 1}, blocking {gap.path}.")
