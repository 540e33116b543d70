"""Evidence of a concern outside a section of its own: phrases in prose, signs in tables."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from prd_forge._records import TYPE_CHECKING, NamedTuple
from prd_forge.concerns import TableSign
from prd_forge.lint import phrases
from prd_forge.lint import text as words
from prd_forge.lint._re import lazy
from prd_forge.lint.coverage.body import MIN_WORDS, headed, is_filled, stated, unsaid
from prd_forge.lint.coverage.known import known
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

if TYPE_CHECKING:
    from typing import Final

TEXT_HITS: Final = 1  # blocks (or different phrases) before prose alone makes a concern partial
TEXT_HITS_BESIDE_GAP: Final = 2  # ... when the concern's own section is a placeholder
_TEXT_PRESENT: Final = 3  # different phrases before prose alone makes a concern present
_KINDS_PRESENT: Final = 2  # ... and different kinds named, for a concern made of kinds


def says(text: str, concern: str | None = None) -> bool:
    """Whether prose shows the concern's evidence (with no concern: any concern's)."""
    return any(True for _ in known().scanner.scan(text, None if concern is None else (concern,)))


class Prose:
    """Each block's evidence phrases, found in one pass over the document when first asked.

    Every block but a table is scanned; whether a block says anything at all (`unsaid`: a
    question, guidance) is asked only of a block the scan found evidence in, or when a caller
    needs it, since most blocks show none."""

    __slots__ = ("_doc", "_found", "_stated")

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._found: dict[tuple[int, int], phrases.Found] | None = None
        self._stated: dict[tuple[int, int], bool] = {}

    def of(self, section: int, block: int) -> phrases.Found:
        """The evidence of one block: empty for a table or a block that says nothing."""
        if self._found is None:
            self._found = self._scan()
        found = self._found.get((section, block))
        return found if found and self.says_something(section, block) else []

    def says_something(self, section: int, block: int) -> bool:
        """Whether the block is prose that says something: not a table, not `unsaid`."""
        place = (section, block)
        known = self._stated.get(place)
        if known is None:
            found = self._doc.sections[section].blocks[block]
            known = self._stated[place] = found.table is None and not unsaid(found.text)
        return known

    def _scan(self) -> dict[tuple[int, int], phrases.Found]:
        places: list[tuple[int, int]] = []
        texts: list[str] = []
        for i, each in enumerate(self._doc.sections):
            for j, found in enumerate(each.blocks):
                if found.table is None:
                    places.append((i, j))
                    texts.append(found.text)
        slots = words.first_placeholders(texts)
        said = [stated(text) if slot else text for text, slot in zip(texts, slots, strict=True)]
        return dict(zip(places, known().scanner.scan_all(said), strict=True))


class ContentEvidence(NamedTuple):
    """Content outside open questions that speaks to concerns: phrase hits and tables."""

    hits: Mapping[str, list[int]]
    tables: Mapping[str, Coverage]
    measured: Mapping[str, list[tuple[int, bool]]]  # hits whose block gives a number: the
    # line, and whether the block sets a target
    distinct: Mapping[str, int]  # how many different phrases were found
    texts: Mapping[str, list[str]]  # for a concern made of kinds, the text of each hit


def collect(
    doc: Document, zone: frozenset[int], wanted: frozenset[str], prose: Prose
) -> ContentEvidence:
    """Phrase hits and table coverage for the `wanted` concerns (those no heading settles)."""
    hits: dict[str, list[int]] = {}
    tables: dict[str, Coverage] = {}
    measured: dict[str, list[tuple[int, bool]]] = {}
    said: dict[str, set[str]] = {}
    texts: dict[str, list[str]] = {}
    if not wanted:
        return ContentEvidence(hits, tables, measured, {}, texts)
    facts = known()
    signs = [(c, sign) for c, each in facts.signs.items() if c in wanted for sign in each]
    kinded = wanted.intersection(facts.kinds)
    for i, section in enumerate(doc.sections):
        if i in zone:
            continue
        for j, block in enumerate(section.blocks):
            if block.table is not None:
                for concern, sign in signs:
                    found = table_coverage(sign, block, concern, doc)
                    if found is not None:
                        tables[concern] = better(tables.get(concern), found) or found
            elif block.kind in _PROSE:
                evidence = prose.of(i, j)
                _prose_evidence(block, evidence, wanted, hits, said, measured)
                if kinded and evidence:
                    for concern, _ in evidence:
                        if concern in kinded:
                            texts.setdefault(concern, []).append(block.text)
    distinct = {c: len(p) for c, p in said.items()}
    return ContentEvidence(hits, tables, measured, distinct, texts)


def _prose_evidence(
    block: Block,
    evidence: phrases.Found,
    wanted: frozenset[str],
    hits: dict[str, list[int]],
    said: dict[str, set[str]],
    measured: dict[str, list[tuple[int, bool]]],
) -> None:
    """Add one paragraph's phrase hits (and whether it gives a figure, or a target)."""
    if "[" in block.text and _MARKED_QUESTION in block.text.lower():
        # "[NEEDS CLARIFICATION: who takes over?]": a question raised, owned by nobody
        hits.setdefault(OPEN_QUESTIONS, []).append(block.line)
    found = [(concern, said_there) for concern, said_there in evidence if concern in wanted]
    if not found:
        return
    figure = None
    if words.has_number(block.text):
        figure = (block.line, _TARGET.search(block.text) is not None)
    for concern, phrases_found in found:
        hits.setdefault(concern, []).append(block.line)
        said.setdefault(concern, set()).update(phrases_found)  # found in lower-cased text
        if figure is not None:
            measured.setdefault(concern, []).append(figure)


_PROSE: Final = frozenset({"paragraph", "item", "html", "quote"})
_MARKED_QUESTION: Final = "[needs clarification"
# no character matches these needles' letters case-insensitively but lower-cases to another
# ("at lea", not "at least": the long s matches "s")
_TARGET: Final = words.Prefiltered(
    ("target", "goal", "\u2265", ">=", "at lea"),
    lazy(r"\btargets?\b|\bgoals?\b|\u2265|>=|\bat least\b", re.IGNORECASE),
)


def current_figure(text: str) -> bool:
    """Whether the text gives a figure without setting a target: a measure of the state today."""
    return words.has_number(text) and _TARGET.search(text) is None


def by_content(concern: str, evidence: ContentEvidence, needed: int) -> Coverage | None:
    best = evidence.tables.get(concern)
    hits: Sequence[int] = evidence.hits.get(concern, ())
    facts = known()
    measured = [
        line
        for line, aim in evidence.measured.get(concern, ())
        if not (aim and concern in facts.current)
    ]
    if measured and concern in facts.measured:
        # "Today analysts review 9,000 payments a day": the current state with its figure
        found = Coverage(concern, PRESENT, measured[0], (), "text")
        return better(best, found)
    if hits and concern in facts.settled:
        # "Keyword rules miss paraphrases; a model can learn them": the reasoning itself
        return better(best, Coverage(concern, PRESENT, hits[0], (), "text"))
    distinct = evidence.distinct.get(concern, 0)
    if (distinct >= _TEXT_PRESENT and _varied(concern, evidence)) or _rounded(concern, evidence):
        # several different phrases for it: discussed with substance, if not in its own section
        return better(best, Coverage(concern, PRESENT, hits[0], (), "text"))
    if (len(hits) >= needed or distinct >= needed) and (
        best is None or RANK[best.state] < RANK[PARTIAL]
    ):
        best = Coverage(concern, PARTIAL, hits[0], (), "text", "mentioned only in passing")
    return best


def _varied(concern: str, evidence: ContentEvidence) -> bool:
    """Whether the evidence names enough different kinds, for a concern made of kinds (a
    loading state and an error state, not one banner described three ways)."""
    patterns = known().kinds.get(concern)
    if not patterns:
        return True
    texts = evidence.texts.get(concern, ())
    named = 0
    for kind in patterns:
        named += any(kind.search(text) for text in texts)
        if named >= _KINDS_PRESENT:
            return True
    return False


def _rounded(concern: str, evidence: ContentEvidence) -> bool:
    """Whether one paragraph that shows the concern names several of its kinds: whose data,
    how it is kept and who approved it, said together, is the concern answered in place. A
    lead-in of a few words ("Approvals and personal data:") says nothing by itself."""
    facts = known()
    needed = facts.in_one.get(concern)
    if not needed:
        return False
    patterns = facts.kinds[concern]
    return any(
        sum(1 for kind in patterns if kind.search(text)) >= needed
        and words.word_count(text, MIN_WORDS) >= MIN_WORDS
        for text in evidence.texts.get(concern, ())
    )


def table_coverage(
    sign: TableSign, block: Block, concern: str, doc: Document | None = None
) -> Coverage | None:
    table = block.table
    assert table is not None
    head, rows = headed(table)
    header, joined = _header(head)
    if any(word in joined for word in sign.unless):
        return None
    columns: list[int] = []
    for group in sign.groups:
        if not any(word in joined for word in group):
            return None  # most tables: no cell names it
        column = next(c for c, cell in enumerate(header) if any(w in cell for w in group))
        columns.append(column)
    cells = [row[columns[0]] if columns[0] < len(row) else "" for row in rows]
    if _weakly_named(sign, header[columns[0]]) and not any(says(" ".join(row)) for row in rows):
        # "Mitigation" over project risks (schedule, prices): no row speaks of the feature's
        # concerns (a wrong output, a person who corrects it, a fallback)
        return None
    if doc is not None and columns[0] in reference_columns(table) and _all_dangling(cells, doc):
        return None  # every id the column names is defined nowhere: it covers nothing
    filled = sum(1 for cell in cells if is_filled(cell))
    if not cells or not filled:
        return Coverage(concern, HOLLOW, block.line, (), "table", "table column is empty")
    if filled < len(cells):
        return Coverage(concern, PARTIAL, block.line, (), "table", "table has empty cells")
    return Coverage(concern, PRESENT, block.line, (), "table")


@lru_cache(maxsize=1024)
def _header(head: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    """A table's header cells lower-cased, and joined by line breaks (which no word of a sign
    holds: a word is in the joined text just when it is in some cell). Kept: each table is
    asked about every sign."""
    header = tuple(cell.lower() for cell in head)
    return header, "\n".join(header)


def _weakly_named(sign: TableSign, header: str) -> bool:
    """Whether only a weak word of the sign's first group names the answers' column."""
    return bool(sign.weak) and not any(
        word in header for word in sign.groups[0] if word not in sign.weak
    )


def dangles(doc: Document, concern: str) -> bool:
    """Whether the concern's entries are named by id somewhere and one is defined nowhere."""
    return concern in known().referenced and any(not found.defined for found in references(doc))


def _all_dangling(cells: Sequence[str], doc: Document) -> bool:
    named = {name for cell in cells for name in ids_in(cell)}
    return bool(named) and not named & defined_ids(doc)
