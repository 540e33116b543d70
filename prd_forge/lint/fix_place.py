"""Where `lint --fix` adds lines: after the concern before it in the catalogue, or under a
hollow section's own text. Positions are line numbers: insert after line N (0: at the top)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from prd_forge.lint.coverage import Analysis
from prd_forge.lint.document import Document, Section

# (after line, concern, "missing" or "hollow", number for a numbered heading)
Insert = tuple[int, str, str, str]

_NUMBER: Final = re.compile(r"^(\d+)(?:\.(\d+))?")
MARK: Final = "prd-forge lint --fix"


def is_marked(section: Section) -> bool:
    """Whether `--fix` already scaffolded this section (its gap alert names the command)."""
    return any(block.kind in ("alert", "quote") and MARK in block.text for block in section.blocks)


def _sections(analysis: Analysis, concern: str) -> tuple[int, ...]:
    found = analysis.coverage.get(concern)
    return found.sections if found is not None else ()


def _top(doc: Document, index: int, level: int) -> int:
    """The section that holds `index` at `level` (itself when it is that level or above)."""
    for i in range(index, -1, -1):
        section = doc.sections[i]
        if not section.pseudo and 0 < section.level <= level:
            return i if section.level == level else index
    return index


def _end(doc: Document, index: int) -> int:
    """The last line of a section and everything nested in it."""
    return doc.sections[doc.subtree_end(index) - 1].end_line


def missing(
    doc: Document, analysis: Analysis, order: Sequence[str], concerns: Sequence[str], level: int
) -> list[Insert]:
    """An insert per missing concern, in catalogue order after its nearest present neighbour
    (headings at `level`)."""
    inserts: list[Insert] = []
    counts: dict[int, int] = {}
    for concern in concerns:
        after, anchor, before = _anchor(doc, analysis, order, concern, level)
        counts[after] = counts.get(after, 0) + 1
        inserts.append((after, concern, "missing", _number(doc, anchor, before, counts[after])))
    return inserts


def _anchor(
    doc: Document, analysis: Analysis, order: Sequence[str], concern: str, level: int
) -> tuple[int, int | None, bool]:
    """(after line, the neighbouring section, whether the insert goes before it)."""
    position = order.index(concern)
    for earlier in reversed(order[:position]):
        found = _sections(analysis, earlier)
        if found:
            top = _top(doc, max(found), level)
            return _end(doc, top), top, False
    for later in order[position + 1 :]:
        found = _sections(analysis, later)
        if found:
            top = _top(doc, min(found), level)
            return doc.sections[top].line - 1, top, True
    return doc.line_count, None, False


def _number(doc: Document, anchor: int | None, before: bool, nth: int) -> str:
    """`n.1` after section n (`n.2` for the next one there), `n+1` after the last section,
    `0.1` before section 1, "" when the neighbour is not numbered."""
    if anchor is None:
        return ""
    match = _NUMBER.match(doc.sections[anchor].title)
    if match is None:
        return ""
    number = int(match.group(1)) - (1 if before else 0)
    last = all(s.pseudo or s.level > doc.sections[anchor].level for s in doc.sections[anchor + 1 :])
    if last and not before and not match.group(2):
        return str(number + nth)
    return f"{number}.{nth}"


def hollow(doc: Document, analysis: Analysis, concerns: Sequence[str]) -> list[Insert]:
    """An insert under each hollow concern's section, unless `--fix` already marked it."""
    inserts: list[Insert] = []
    for concern in dict.fromkeys(concerns):
        found = _sections(analysis, concern)
        if not found:
            continue
        section = doc.sections[found[0]]
        if not is_marked(section):
            inserts.append((section.end_line, concern, "hollow", ""))
    return inserts
