"""What a body of blocks is made of: words of substance, or placeholders, questions, asides.

`assess` turns a section's blocks into a state (present, partial or hollow) and the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from prd_forge._records import TYPE_CHECKING
from prd_forge.lint import text as words
from prd_forge.lint._re import lazy
from prd_forge.lint.coverage.model import HOLLOW, PARTIAL, PRESENT
from prd_forge.lint.document import Block, Table
from prd_forge.terms import CoverageState

if TYPE_CHECKING:
    from typing import Final

MIN_WORDS: Final = 8  # fewer words of substance than this is a partial answer
HOLLOW_WORDS: Final = 3  # fewer than this is no answer at all
_LABEL_WORDS: Final = 3  # what is left of an item beside a placeholder, up to this, is a label
WRITTEN_WORDS: Final = 32  # four blocks of substance: a section written at length


def unsaid(text: str) -> bool:
    """A question, template guidance, an aside wholly in italics (a template's note to its
    reader), a note that opens with a placeholder ("TBD: check with the DPO") or an empty slot
    ("[ ] Privacy review"): none is evidence of anything."""
    return (
        words.is_question(text)
        or words.is_guidance(text)
        or _italic(text)
        or words.opens_with_placeholder(text)
        or _slot(text, checklist=False)
    )


def _italic(text: str) -> bool:
    stripped = text.strip()
    return (
        len(stripped) > 2
        and stripped[0] in "*_"
        and stripped[-1] == stripped[0]
        and not stripped.startswith(("**", "__"))
    )


def stated(text: str) -> str:
    """The text minus its placeholders: "{Current pain point 1}" is no evidence of a problem."""
    return words.without_placeholders(text) if words.first_placeholder(text) else text


def assess(blocks: Iterable[Block], *, questions_count: bool = False) -> tuple[CoverageState, str]:
    """The state of a body and, unless present, the reason.

    Questions are not answers, except in the open-questions section itself.
    """
    blocks = tuple(blocks)
    # in a checklist with ticked items, an unticked one is a decision ("[ ] Non-English: later")
    checklist = any(b.kind == "item" and b.text.lstrip().lower().startswith("[x]") for b in blocks)
    tally = _Tally()
    for block in blocks:
        _count(tally, block, questions_count=questions_count, checklist=checklist)
    return tally.verdict()


class _Tally:
    """What a body is made of: words of substance and everything that is not."""

    __slots__ = (
        *("content", "marked", "asked", "questions", "comments", "asides"),
        *("unreasoned_na", "long"),
    )

    def __init__(self) -> None:
        self.content = 0
        self.marked = 0  # placeholders, guidance, empty slots
        self.asked = False  # a placeholder that asks ("[NEEDS CLARIFICATION: rule or model?]")
        self.questions = 0
        self.comments = 0
        self.asides = 0  # quotes and italics: a template's note, or real content
        self.unreasoned_na = False
        self.long: list[str] = []  # answers counted only up to MIN_WORDS

    def verdict(self) -> tuple[CoverageState, str]:
        content = self.content
        if not (self.marked and content < HOLLOW_WORDS):
            content += self.asides  # beside real content (or no placeholder), a quote is content
        if content < HOLLOW_WORDS:
            if self.unreasoned_na:
                return HOLLOW, "N/A without a reason"
            if self.marked:
                return HOLLOW, "only a placeholder"
            if self.questions:
                return HOLLOW, "only open questions"
            return HOLLOW, "only an HTML comment" if self.comments else "empty"
        if self.marked and not (self.marked == 1 and not self.asked and self._written(content)):
            # one slot left in a section written at length is a gap the placeholder rule
            # reports, not a section half done; a question left in it is a decision not taken
            return PARTIAL, "placeholders left in"
        if content < MIN_WORDS:
            return PARTIAL, "too thin to act on"
        return PRESENT, ""

    def _written(self, content: int) -> bool:
        """Whether the body holds WRITTEN_WORDS words of substance, counting each long answer
        in full (up to that): asked only when a placeholder needs it, to spare the counting."""
        for body in self.long:
            if content >= WRITTEN_WORDS:
                break
            content += words.word_count(body, WRITTEN_WORDS) - MIN_WORDS
        return content >= WRITTEN_WORDS


def _count(tally: _Tally, block: Block, *, questions_count: bool, checklist: bool) -> None:
    """Add one block to the tally."""
    kind = block.kind
    if kind == "code" and _GHERKIN.match(block.text):
        # a Gherkin scenario in a fence is the requirement written out: Given, When, Then
        _count_answer(tally, block.text, asks=False)
        return
    if kind in ("comment", "alert", "code"):
        tally.comments += kind == "comment"
        tally.marked += kind == "alert"
        tally.content += HOLLOW_WORDS if kind == "code" else 0
        return
    table = block.table
    if table is not None and (_blank(table) or (not questions_count and _unfilled(table))):
        tally.marked += 1  # "| Test set | TODO |": a form nobody filled in
        return
    if block.table is not None and not questions_count and _empty_column(block.table):
        tally.marked += 1  # a Target or Owner column left blank: the table is unfinished
    body = _table_body(block.table) if block.table else words.strip_comments(block.text)
    italic = _italic(body)
    if italic and not words.is_guidance(body):
        body = body.strip()[1:-1]  # "_To be completed by PM._" is a placeholder
    slot = words.first_placeholder(body)
    if slot:
        tally.marked += 1
        tally.asked = tally.asked or "?" in slot
        if kind != "table" and words.opens_with_placeholder(body):
            return
        body = words.without_placeholders(body)
        if kind != "table" and words.word_count(body, _LABEL_WORDS + 1) <= _LABEL_WORDS:
            return  # "- [ ] Owner: TBD": a label beside a placeholder says nothing
    if words.is_guidance(body) or (kind == "item" and _slot(body, checklist)):
        tally.marked += 1
    elif kind == "quote" or italic:
        tally.asides += words.word_count(body, MIN_WORDS)
    else:
        _count_answer(tally, body, asks=kind != "table" and not questions_count)


_GHERKIN: Final = lazy(r"\s*(?:feature|scenario(?: outline)?|background|given)\b", re.IGNORECASE)


def _count_answer(tally: _Tally, body: str, *, asks: bool) -> None:
    na, reason = words.not_applicable(body)
    if na:
        if words.word_count(reason, words.NA_REASON_WORDS) >= words.NA_REASON_WORDS:
            tally.content += MIN_WORDS
        else:
            tally.unreasoned_na = True
    elif asks and words.is_question(body):
        tally.questions += 1
    else:
        # a paragraph is counted up to a section's length, a table's rows as one answer
        counted = words.word_count(body, MIN_WORDS)  # past MIN_WORDS changes nothing ...
        tally.content += counted
        if asks and counted == MIN_WORDS:
            tally.long.append(body)  # ... unless a placeholder sits beside a long answer


def _slot(item: str, checklist: bool) -> bool:
    """An empty slot in a list: a label with nothing after it ("Phase 1:"), or, in a list
    nothing of which is ticked, a short unticked to-do with no figure ("[ ] Privacy review",
    but not "[ ] harmful replies <= 0.5%"): work named, not done."""
    stripped = item.strip()
    if stripped.endswith(":"):
        return words.word_count(stripped, _LABEL_WORDS + 1) <= _LABEL_WORDS
    if not checklist and stripped.startswith(_UNTICKED) and not words.has_number(stripped):
        return words.word_count(stripped, _TODO_WORDS + 2) <= _TODO_WORDS + 1
    return False


_UNTICKED: Final = ("[ ]", "\u2610")
_TODO_WORDS: Final = 4  # an unticked item this short names a task, it does not answer


def _blank(table: Table) -> bool:
    """Whether no cell below the header holds anything: a form nobody started."""
    return not any(cell.strip() for row in headed(table)[1] for cell in row)


def _unfilled(table: Table) -> bool:
    """Whether every answer cell (all but the first column) is a placeholder or empty."""
    answers = [cell for row in table.rows for cell in row[1:]]
    return bool(answers) and not any(
        is_filled(cell) and cell.strip(" *_.").lower() not in _NOT_DONE for cell in answers
    )


_NOT_DONE: Final = frozenset({"not started", "pending", "to do", "todo", "open", "-", "?"})


def _empty_column(table: Table) -> bool:
    """Whether some column after the first is blank in every row (of two or more)."""
    _, rows = headed(table)
    if len(rows) < 2:
        return False
    width = max(len(row) for row in rows)
    return any(
        all(column >= len(row) or not row[column].strip() for row in rows)
        for column in range(1, width)
    )


def headed(table: Table) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """The header and the rows; a wiki export's blank header row gives way to the first row
    ("|  |  |" then "| Metric | Target |")."""
    if table.rows and not any(cell.strip() for cell in table.header):
        return table.rows[0], table.rows[1:]
    return table.header, table.rows


def _table_body(table: Table) -> str:
    return "\n".join(" ".join(row) for row in table.rows)


def is_filled(cell: str) -> bool:
    if words.first_placeholder(cell):
        return False
    na, reason = words.not_applicable(cell)
    return (not na or bool(reason)) and words.word_count(cell, 1) > 0
