"""Which concerns a document covers, and how well: present, partial, hollow or missing.

A concern is found the way a reader finds it: first by a heading that names it (an alias,
after normalisation), then by content where no heading says so (a risk table with a
Mitigation column covers fallbacks; an evaluation table with a threshold column covers
evaluation; sentences that plainly discuss it make it partial). Text under "Open questions"
(or a draft's "Blockers") never covers anything but open questions: a concern raised only as a
question is not covered.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from prd_forge._records import TYPE_CHECKING, NamedTuple
from prd_forge.lint.coverage.body import HOLLOW_WORDS, MIN_WORDS, assess
from prd_forge.lint.coverage.evidence import (
    TEXT_HITS,
    TEXT_HITS_BESIDE_GAP,
    Prose,
    by_content,
    collect,
    dangles,
)
from prd_forge.lint.coverage.model import (
    HOLLOW,
    MISSING,
    OPEN_QUESTIONS,
    PARTIAL,
    PRESENT,
    RANK,
    STATES,
    Coverage,
    at_most,
    better,
)
from prd_forge.lint.coverage.named import by_heading, by_label, heading_matches, question_zone
from prd_forge.lint.document import Document
from prd_forge.lint.headings import AliasIndex

if TYPE_CHECKING:
    from typing import Final

__all__ = [
    "HOLLOW",
    "HOLLOW_WORDS",
    "MIN_WORDS",
    "MISSING",
    "OPEN_QUESTIONS",
    "PARTIAL",
    "PRESENT",
    "RANK",
    "STATES",
    "Analysis",
    "Coverage",
    "analyse",
    "assess",
]


class Analysis(NamedTuple):
    """Coverage of every concern, plus what rules need to find a concern's text.

    matches: section index -> the concern ids its heading names.
    zone: indices of sections under "Open questions" or "Blockers".
    own: each concern that has a section of its own (a heading naming it), judged by that
        section alone: what the render guard asks of a template's output.
    """

    coverage: Mapping[str, Coverage]
    matches: Mapping[int, tuple[str, ...]]
    zone: frozenset[int]
    own: Mapping[str, Coverage]

    def sections_of(self, concern: str) -> tuple[int, ...]:
        found = self.coverage.get(concern)
        return found.sections if found is not None else ()


def analyse(doc: Document, index: AliasIndex, concerns: Sequence[str]) -> Analysis:
    """The coverage of every concern in `concerns`, in that order."""
    prose = Prose(doc)
    matches, weak = heading_matches(doc, index, prose)
    zone = question_zone(doc, matches)
    title_line = _title_line(doc)
    labelled = by_label(doc, index, zone)
    named = {concern: by_heading(doc, concern, matches, zone, weak) for concern in concerns}
    headings = {concern: better(named[concern], labelled.get(concern)) for concern in concerns}
    weakly = {concern for _, concern in weak}
    own = {
        concern: found
        for concern in concerns
        if (
            found := by_heading(doc, concern, matches, zone, weak, strong_only=True)
            if concern in weakly
            else named[concern]
        )
    }
    wanted = frozenset(
        c for c, found in headings.items() if found is None or found.state != PRESENT
    )
    evidence = collect(doc, zone, wanted, prose)
    result: dict[str, Coverage] = {}
    for concern in concerns:
        heading = headings[concern]
        found = heading
        if concern in wanted:
            gap = heading is not None and not heading.state.covered
            content = by_content(concern, evidence, TEXT_HITS_BESIDE_GAP if gap else TEXT_HITS)
            if heading is not None and content is not None and heading.detail in _GAP_MARKED:
                # the section itself says it is unfinished: content elsewhere cannot close it
                content = at_most(content, PARTIAL)
            if content is not None and content.via == "text" and dangles(doc, concern):
                # its entries are named by id and defined nowhere: the section that held them
                # is gone, and passing mentions elsewhere are about those missing entries
                content = None
            found = better(heading, content)
        if found is not None and heading is not None and found is not heading:
            # content elsewhere beat the heading: keep the heading's sections for the rules
            found = Coverage(concern, found.state, found.line, heading.sections, found.via)
        result[concern] = found or Coverage(concern, MISSING, title_line)
    return Analysis(result, matches, zone, own)


def _title_line(doc: Document) -> int:
    index = doc.title_index
    return doc.sections[index].line if index is not None else 1


_GAP_MARKED: Final = frozenset({"placeholders left in", "only a placeholder"})
