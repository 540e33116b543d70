"""Evidence of a concern outside a section of its own: phrases in prose, signs in tables."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

from prd_forge import concerns as registry
from prd_forge.concerns import Concern, TableSign
from prd_forge.lint import phrases
from prd_forge.lint import text as words
from prd_forge.lint._re import lazy
from prd_forge.lint.coverage.body import headed, is_filled, stated, unsaid
from prd_forge.lint.coverage.model import (
    HOLLOW,
    OPEN_QUESTIONS,
    PARTIAL,
    PRESENT,
    RANK,
    Coverage,
    better,
)
from prd_forge.lint.document import Block, Document
from prd_forge.lint.references import defined_ids, ids_in, reference_columns, references


@cache
def evidence_scanner(registry: tuple[Concern, ...]) -> phrases.Scanner:
    """Every concern's evidence pattern and where it can match (lint/phrases.py)."""
    return phrases.Scanner(
        phrases.evidence(concern.id, concern.evidence) for concern in registry if concern.evidence
    )


TEXT_HITS: Final = 1  # blocks (or different phrases) before prose alone makes a concern partial
TEXT_HITS_BESIDE_GAP: Final = 2  # ... when the concern's own section is a placeholder
_TEXT_PRESENT: Final = 3  # different phrases before prose alone makes a concern present


def says(text: str, concern: str) -> bool:
    """Whether prose shows the concern's evidence."""
    return any(True for _ in evidence_scanner(registry.current()).scan(text, (concern,)))


@dataclass(frozen=True, slots=True)
class ContentEvidence:
    """Content outside open questions that speaks to concerns: phrase hits and tables."""

    hits: Mapping[str, list[int]]
    tables: Mapping[str, Coverage]
    measured: Mapping[str, list[tuple[int, bool]]]  # hits whose block gives a number: the
    # line, and whether the block sets a target
    distinct: Mapping[str, int]  # how many different phrases were found


def collect(doc: Document, zone: frozenset[int], wanted: frozenset[str]) -> ContentEvidence:
    """Phrase hits and table coverage for the `wanted` concerns (those no heading settles)."""
    hits: dict[str, list[int]] = {}
    tables: dict[str, Coverage] = {}
    measured: dict[str, list[tuple[int, bool]]] = {}
    said: dict[str, set[str]] = {}
    if not wanted:
        return ContentEvidence(hits, tables, measured, {})
    known = registry.current()
    signs = [(c.id, sign) for c in known if c.id in wanted for sign in c.tables]
    scanner = evidence_scanner(known)
    for i, section in enumerate(doc.sections):
        if i in zone:
            continue
        for block in section.blocks:
            if block.table is not None:
                for concern, sign in signs:
                    found = table_coverage(sign, block, concern, doc)
                    if found is not None:
                        tables[concern] = better(tables.get(concern), found) or found
            elif block.kind in _PROSE:
                _prose_evidence(block, scanner, wanted, hits, said, measured)
    return ContentEvidence(hits, tables, measured, {c: len(p) for c, p in said.items()})


def _prose_evidence(
    block: Block,
    scanner: phrases.Scanner,
    wanted: frozenset[str],
    hits: dict[str, list[int]],
    said: dict[str, set[str]],
    measured: dict[str, list[tuple[int, bool]]],
) -> None:
    """Add one paragraph's phrase hits (and whether it gives a figure, or a target)."""
    if _MARKED_QUESTION in block.text.lower():
        # "[NEEDS CLARIFICATION: who takes over?]": a question raised, owned by nobody
        hits.setdefault(OPEN_QUESTIONS, []).append(block.line)
    if unsaid(block.text):
        return
    for concern, phrases_found in scanner.scan(stated(block.text), wanted):
        hits.setdefault(concern, []).append(block.line)
        said.setdefault(concern, set()).update(p.lower() for p in phrases_found)
        if words.has_number(block.text):
            aim = _TARGET.search(block.text) is not None
            measured.setdefault(concern, []).append((block.line, aim))


_PROSE: Final = frozenset({"paragraph", "item", "html", "quote"})
_MARKED_QUESTION: Final = "[needs clarification"
_TARGET: Final = lazy(r"\btargets?\b|\bgoals?\b|\u2265|>=|\bat least\b", re.IGNORECASE)


def by_content(concern: str, evidence: ContentEvidence, needed: int) -> Coverage | None:
    best = evidence.tables.get(concern)
    hits: Sequence[int] = evidence.hits.get(concern, ())
    known = registry.current()
    measured = [
        line
        for line, aim in evidence.measured.get(concern, ())
        if not (aim and concern in _current(known))
    ]
    if measured and concern in _measured(known):
        # "Today analysts review 9,000 payments a day": the current state with its figure
        found = Coverage(concern, PRESENT, measured[0], (), "text")
        return better(best, found)
    if hits and concern in _settled(registry.current()):
        # "Keyword rules miss paraphrases; a model can learn them": the reasoning itself
        return better(best, Coverage(concern, PRESENT, hits[0], (), "text"))
    distinct = evidence.distinct.get(concern, 0)
    if distinct >= _TEXT_PRESENT:
        # several different phrases for it: discussed with substance, if not in its own section
        return better(best, Coverage(concern, PRESENT, hits[0], (), "text"))
    if (len(hits) >= needed or distinct >= needed) and (
        best is None or RANK[best.state] < RANK[PARTIAL]
    ):
        best = Coverage(concern, PARTIAL, hits[0], (), "text", "mentioned only in passing")
    return best


@cache
def _settled(known: tuple[Concern, ...]) -> frozenset[str]:
    """Concerns one sentence of evidence settles, wherever it stands."""
    return frozenset(concern.id for concern in known if concern.settles)


@cache
def _current(known: tuple[Concern, ...]) -> frozenset[str]:
    """Concerns about the state today: a figure in a sentence that sets a target is where we
    want to be, and does not settle them."""
    return frozenset(concern.id for concern in known if concern.current)


@cache
def _measured(known: tuple[Concern, ...]) -> frozenset[str]:
    """Concerns a sentence settles when it gives a figure, wherever it stands."""
    return frozenset(concern.id for concern in known if concern.measured)


def table_coverage(
    sign: TableSign, block: Block, concern: str, doc: Document | None = None
) -> Coverage | None:
    table = block.table
    assert table is not None
    head, rows = headed(table)
    header = [cell.lower() for cell in head]
    if any(word in cell for cell in header for word in sign.unless):
        return None
    columns: list[int] = []
    for group in sign.groups:
        column = next((c for c, cell in enumerate(header) if any(w in cell for w in group)), None)
        if column is None:
            return None
        columns.append(column)
    cells = [row[columns[0]] if columns[0] < len(row) else "" for row in rows]
    if doc is not None and columns[0] in reference_columns(table) and _all_dangling(cells, doc):
        return None  # every id the column names is defined nowhere: it covers nothing
    filled = sum(1 for cell in cells if is_filled(cell))
    if not cells or not filled:
        return Coverage(concern, HOLLOW, block.line, (), "table", "table column is empty")
    if filled < len(cells):
        return Coverage(concern, PARTIAL, block.line, (), "table", "table has empty cells")
    return Coverage(concern, PRESENT, block.line, (), "table")


def dangles(doc: Document, concern: str) -> bool:
    """Whether the concern's entries are named by id somewhere and one is defined nowhere."""
    referenced = any(c.referenced for c in registry.current() if c.id == concern)
    return referenced and any(not found.defined for found in references(doc))


def _all_dangling(cells: Sequence[str], doc: Document) -> bool:
    named = {name for cell in cells for name in ids_in(cell)}
    return bool(named) and not named & defined_ids(doc)
