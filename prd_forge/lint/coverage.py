"""Which concerns a document covers, and how well: present, partial, hollow or missing.

A concern is found the way a reader finds it: first by a heading that names it (an alias,
after normalisation), then by content where no heading says so (a risk table with a
Mitigation column covers fallbacks; an evaluation table with a threshold column covers
evaluation; sentences that plainly discuss it make it partial). Text under "Open questions"
(or a draft's "Blockers") never covers anything but open questions: a concern raised only as a
question is not covered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

from prd_forge import concerns as registry
from prd_forge.concerns import Concern, TableSign
from prd_forge.lint import phrases
from prd_forge.lint import text as words
from prd_forge.lint._re import LazyPattern, lazy
from prd_forge.lint.document import Block, Document, Table
from prd_forge.lint.headings import AliasIndex
from prd_forge.lint.references import defined_ids, ids_in, reference_columns, references
from prd_forge.terms import COVERAGE_STATES, CoverageState

MISSING: Final = CoverageState.MISSING
HOLLOW: Final = CoverageState.HOLLOW
PARTIAL: Final = CoverageState.PARTIAL
PRESENT: Final = CoverageState.PRESENT
RANK: Final = {state: state.rank for state in CoverageState}
STATES: Final = COVERAGE_STATES

MIN_WORDS: Final = 8  # fewer words of substance than this is a partial answer
HOLLOW_WORDS: Final = 3  # fewer than this is no answer at all
_LABEL_WORDS: Final = 3  # what is left of an item beside a placeholder, up to this, is a label
OPEN_QUESTIONS: Final = "open-questions"
_ZONE_TITLES: Final = frozenset({("blocker",), ("open", "blocker"), ("gap",), ("known", "gap")})


@dataclass(frozen=True, slots=True)
class Coverage:
    """How one concern is covered.

    line: where findings about it point (its best section's heading, else the title).
    sections: indices of the sections whose headings name it.
    via: "heading", "table", "text" or "" (missing).
    detail: for hollow or partial, what is wrong ("placeholder", "N/A without a reason", ...).
    """

    concern: str
    state: CoverageState
    line: int
    sections: tuple[int, ...] = ()
    via: str = ""
    detail: str = ""


@cache
def _phrases(registry: tuple[Concern, ...]) -> phrases.Scanner:
    """Every concern's evidence pattern and where it can match (lint/phrases.py)."""
    return phrases.Scanner(
        phrases.evidence(concern.id, concern.evidence) for concern in registry if concern.evidence
    )


_TEXT_HITS: Final = 1  # blocks (or different phrases) before prose alone makes a concern partial
_TEXT_HITS_BESIDE_GAP: Final = 2  # ... when the concern's own section is a placeholder
_TEXT_PRESENT: Final = 3  # different phrases before prose alone makes a concern present


@dataclass(frozen=True, slots=True)
class Analysis:
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
    matches, weak = _heading_matches(doc, index)
    zone = _question_zone(doc, matches)
    title_line = _title_line(doc)
    labelled = _by_label(doc, index, zone)
    named = {concern: _by_heading(doc, concern, matches, zone, weak) for concern in concerns}
    headings = {concern: _best(named[concern], labelled.get(concern)) for concern in concerns}
    weakly = {concern for _, concern in weak}
    own = {
        concern: found
        for concern in concerns
        if (
            found := _by_heading(doc, concern, matches, zone, weak, strong_only=True)
            if concern in weakly
            else named[concern]
        )
    }
    wanted = frozenset(
        c for c, found in headings.items() if found is None or found.state != PRESENT
    )
    evidence = _evidence(doc, zone, wanted)
    result: dict[str, Coverage] = {}
    for concern in concerns:
        heading = headings[concern]
        found = heading
        if concern in wanted:
            gap = heading is not None and not heading.state.covered
            content = _by_content(concern, evidence, _TEXT_HITS_BESIDE_GAP if gap else _TEXT_HITS)
            if heading is not None and content is not None and heading.detail in _GAP_MARKED:
                # the section itself says it is unfinished: content elsewhere cannot close it
                content = _at_most(content, PARTIAL)
            if content is not None and content.via == "text" and _dangles(doc, concern):
                # its entries are named by id and defined nowhere: the section that held them
                # is gone, and passing mentions elsewhere are about those missing entries
                content = None
            found = _best(heading, content)
        if found is not None and heading is not None and found is not heading:
            # content elsewhere beat the heading: keep the heading's sections for the rules
            found = Coverage(concern, found.state, found.line, heading.sections, found.via)
        result[concern] = found or Coverage(concern, MISSING, title_line)
    return Analysis(result, matches, zone, own)


def _title_line(doc: Document) -> int:
    index = doc.title_index
    return doc.sections[index].line if index is not None else 1


def _heading_matches(
    doc: Document, index: AliasIndex
) -> tuple[dict[int, tuple[str, ...]], frozenset[tuple[int, str]]]:
    """The concerns each heading names, and the (section, concern) pairs named only by a
    weak word whose body does not show the concern's evidence.

    A weak word ("phase", "review", "data") covers a concern in full only when the section
    (with its subsections) shows that concern's evidence: development phases are not a
    rollout, and a review checklist for the document is not human oversight.
    """
    title = doc.title_index
    matches: dict[int, tuple[str, ...]] = {}
    weak: set[tuple[int, str]] = set()
    for i, section in enumerate(doc.sections):
        if not section.level or i == title:
            continue
        strong, named = index.match_strength(section.title)
        # a weak word without the concern's evidence in the body is at most partial
        weak.update((i, c) for c in named if not _shows(doc, i, c))
        if strong or named:
            matches[i] = (*strong, *named)
    return matches, frozenset(weak)


@cache
def _completion(known: tuple[Concern, ...], concern: str) -> LazyPattern | None:
    forms = next((c.complete for c in known if c.id == concern), ())
    return lazy("|".join(forms), re.IGNORECASE | re.MULTILINE) if forms else None


def _complete(concern: str, blocks: Sequence[Block]) -> bool:
    """Whether the section shows what the concern needs to be complete, if it says. Open
    questions in a list need an owner or a date on at least half their entries: a list most
    of whose questions nobody owns is a to-do list, not a plan."""
    pattern = _completion(registry.current(), concern)
    if pattern is None:
        return True
    entries = [block for block in blocks if block.kind == "item"]
    if entries and concern == OPEN_QUESTIONS:
        shown = sum(1 for block in entries if pattern.search(block.text))
        return 2 * shown >= len(entries)
    return any(pattern.search(block.text) for block in blocks)


def _strongly(
    i: int, matches: Mapping[int, tuple[str, ...]], weak: frozenset[tuple[int, str]]
) -> bool:
    """Whether the heading of section `i` names some concern by a strong name."""
    return any((i, c) not in weak for c in matches[i])


def _unsaid(text: str) -> bool:
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


def _said(text: str) -> str:
    """The text minus its placeholders: "{Current pain point 1}" is no evidence of a problem."""
    return words.without_placeholders(text) if words.first_placeholder(text) else text


def _says(text: str, concern: str) -> bool:
    """Whether prose shows the concern's evidence."""
    return any(True for _ in _phrases(registry.current()).scan(text, (concern,)))


def _shows(doc: Document, index: int, concern: str) -> bool:
    """Whether the section at `index` or its subsections show the concern's evidence."""
    scanner = _phrases(registry.current())
    signs = [sign for c in registry.current() if c.id == concern for sign in c.tables]
    for section in doc.subtree(index):
        for block in section.blocks:
            if block.table is not None:
                if any(_table_coverage(sign, block, concern, doc) for sign in signs):
                    return True
            elif _unsaid(block.text):
                continue
            elif any(True for _ in scanner.scan(_said(block.text), (concern,))):
                return True
    return False


def _question_zone(doc: Document, matches: Mapping[int, tuple[str, ...]]) -> frozenset[int]:
    from prd_forge.lint.headings import words as heading_words

    zone: set[int] = set()
    for i, section in enumerate(doc.sections):
        if i in zone or not section.level:
            continue
        title = heading_words(section.title)
        # an FAQ answers its questions: it is content, not a list of open questions
        is_open = OPEN_QUESTIONS in matches.get(i, ()) and "faq" not in title
        if is_open or title in _ZONE_TITLES:
            zone.update(range(i, doc.subtree_end(i)))
    return frozenset(zone)


def _by_heading(
    doc: Document,
    concern: str,
    matches: Mapping[int, tuple[str, ...]],
    zone: frozenset[int],
    weak: frozenset[tuple[int, str]],
    *,
    strong_only: bool = False,
) -> Coverage | None:
    best: Coverage | None = None
    hits = tuple(
        i
        for i, ids in matches.items()
        if concern in ids
        and (concern == OPEN_QUESTIONS or i not in zone)
        and not (strong_only and (i, concern) in weak)
    )
    for i in hits:
        blocks = tuple(_own_blocks(doc, i, concern, matches, weak))
        state, detail = assess(blocks, questions_count=concern == OPEN_QUESTIONS)
        if (i, concern) in weak and state is PRESENT:
            state, detail = (
                PARTIAL,
                "the heading may mean it, but the body does not show it",
            )
        elif state is PRESENT and not _complete(concern, blocks):
            state, detail = (
                PARTIAL,
                "a key part is missing (for open questions: an owner or date)",
            )
        found = Coverage(concern, state, doc.sections[i].line, hits, "heading", detail)
        best = _best(best, found)
    return best


_LABEL: Final = lazy(r"(?:\*\*|__)([^*_\n]{2,80}?)(?:\*\*|__)[ \t]*:?[ \t]*")


def _by_label(doc: Document, index: AliasIndex, zone: frozenset[int]) -> dict[str, Coverage]:
    """Concerns named by a label: a list item "**Fallback:** show the form", or a table row
    whose first cell names the section ("| Monitoring | Owner: ... |"). The rest of the item
    or row is the body."""
    found: dict[str, Coverage] = {}
    for i, section in enumerate(doc.sections):
        if i in zone:
            continue
        for block in section.blocks:
            for title, body, line in _labels(block):
                strong, weak = index.match_strength(title)
                for concern in (*strong, *weak):
                    if not (concern in strong or _says(body, concern)):
                        continue
                    asked = concern == OPEN_QUESTIONS
                    said = [Block("paragraph", body, line, line)]
                    state, detail = assess(said, questions_count=asked)
                    if state is PRESENT and not _complete(concern, said):
                        state, detail = PARTIAL, "a key part is missing"
                    label = Coverage(concern, state, line, (), "label", detail)
                    found[concern] = _best(found.get(concern), label) or label
    return found


def _labels(block: Block) -> Iterator[tuple[str, str, int]]:
    if block.kind == "item":
        match = _LABEL.match(block.text)
        if match:
            yield (
                match.group(1).strip().rstrip(":"),
                block.text[match.end() :],
                block.line,
            )
    elif block.table is not None and len(block.table.header) == 2:
        for line, row in zip(block.table.row_lines, block.table.rows, strict=False):
            if len(row) == 2:
                yield row[0].strip("*_ :"), row[1], line


def _own_blocks(
    doc: Document,
    index: int,
    concern: str,
    matches: Mapping[int, tuple[str, ...]],
    weak: frozenset[tuple[int, str]],
) -> Iterable[Block]:
    """The blocks of a section and its subsections, minus subsections whose own strong name
    is another concern's (a subsection matched by a weak word stays its parent's content)."""
    end = doc.subtree_end(index)
    i = index
    while i < end:
        if i != index and concern not in matches.get(i, (concern,)) and _strongly(i, matches, weak):
            i = doc.subtree_end(i)
            continue
        yield from doc.sections[i].blocks
        i += 1


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


@dataclass(slots=True)
class _Tally:
    """What a body is made of: words of substance and everything that is not."""

    content: int = 0
    marked: int = 0  # placeholders, guidance, empty slots
    questions: int = 0
    comments: int = 0
    asides: int = 0  # quotes and italics: a template's note, or real content
    unreasoned_na: bool = False

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
        if self.marked:
            return PARTIAL, "placeholders left in"
        if content < MIN_WORDS:
            return PARTIAL, "too thin to act on"
        return PRESENT, ""


def _count(tally: _Tally, block: Block, *, questions_count: bool, checklist: bool) -> None:
    """Add one block to the tally."""
    kind = block.kind
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
    if words.first_placeholder(body):
        tally.marked += 1
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
        tally.content += words.word_count(body, MIN_WORDS)  # past MIN_WORDS changes nothing


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
    return not any(cell.strip() for row in _headed(table)[1] for cell in row)


def _unfilled(table: Table) -> bool:
    """Whether every answer cell (all but the first column) is a placeholder or empty."""
    answers = [cell for row in table.rows for cell in row[1:]]
    return bool(answers) and not any(
        _filled(cell) and cell.strip(" *_.").lower() not in _NOT_DONE for cell in answers
    )


_NOT_DONE: Final = frozenset({"not started", "pending", "to do", "todo", "open", "-", "?"})


def _empty_column(table: Table) -> bool:
    """Whether some column after the first is blank in every row (of two or more)."""
    _, rows = _headed(table)
    if len(rows) < 2:
        return False
    width = max(len(row) for row in rows)
    return any(
        all(column >= len(row) or not row[column].strip() for row in rows)
        for column in range(1, width)
    )


def _headed(table: Table) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """The header and the rows; a wiki export's blank header row gives way to the first row
    ("|  |  |" then "| Metric | Target |")."""
    if table.rows and not any(cell.strip() for cell in table.header):
        return table.rows[0], table.rows[1:]
    return table.header, table.rows


def _table_body(table: Table) -> str:
    return "\n".join(" ".join(row) for row in table.rows)


@dataclass(frozen=True, slots=True)
class _Evidence:
    """Content outside open questions that speaks to concerns: phrase hits and tables."""

    hits: Mapping[str, list[int]]
    tables: Mapping[str, Coverage]
    measured: Mapping[str, list[tuple[int, bool]]]  # hits whose block gives a number: the
    # line, and whether the block sets a target
    distinct: Mapping[str, int]  # how many different phrases were found


def _evidence(doc: Document, zone: frozenset[int], wanted: frozenset[str]) -> _Evidence:
    """Phrase hits and table coverage for the `wanted` concerns (those no heading settles)."""
    hits: dict[str, list[int]] = {}
    tables: dict[str, Coverage] = {}
    measured: dict[str, list[tuple[int, bool]]] = {}
    said: dict[str, set[str]] = {}
    if not wanted:
        return _Evidence(hits, tables, measured, {})
    known = registry.current()
    signs = [(c.id, sign) for c in known if c.id in wanted for sign in c.tables]
    scanner = _phrases(known)
    for i, section in enumerate(doc.sections):
        if i in zone:
            continue
        for block in section.blocks:
            if block.table is not None:
                for concern, sign in signs:
                    found = _table_coverage(sign, block, concern, doc)
                    if found is not None:
                        tables[concern] = _best(tables.get(concern), found) or found
            elif block.kind in _PROSE:
                _prose_evidence(block, scanner, wanted, hits, said, measured)
    return _Evidence(hits, tables, measured, {c: len(p) for c, p in said.items()})


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
    if _unsaid(block.text):
        return
    for concern, phrases_found in scanner.scan(_said(block.text), wanted):
        hits.setdefault(concern, []).append(block.line)
        said.setdefault(concern, set()).update(p.lower() for p in phrases_found)
        if words.has_number(block.text):
            aim = _TARGET.search(block.text) is not None
            measured.setdefault(concern, []).append((block.line, aim))


_PROSE: Final = frozenset({"paragraph", "item", "html", "quote"})
_MARKED_QUESTION: Final = "[needs clarification"
_TARGET: Final = lazy(r"\btargets?\b|\bgoals?\b|\u2265|>=|\bat least\b", re.IGNORECASE)


def _by_content(concern: str, evidence: _Evidence, needed: int) -> Coverage | None:
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
        return _best(best, found)
    if hits and concern in _settled(registry.current()):
        # "Keyword rules miss paraphrases; a model can learn them": the reasoning itself
        return _best(best, Coverage(concern, PRESENT, hits[0], (), "text"))
    distinct = evidence.distinct.get(concern, 0)
    if distinct >= _TEXT_PRESENT:
        # several different phrases for it: discussed with substance, if not in its own section
        return _best(best, Coverage(concern, PRESENT, hits[0], (), "text"))
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


def _table_coverage(
    sign: TableSign, block: Block, concern: str, doc: Document | None = None
) -> Coverage | None:
    table = block.table
    assert table is not None
    head, rows = _headed(table)
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
    filled = sum(1 for cell in cells if _filled(cell))
    if not cells or not filled:
        return Coverage(concern, HOLLOW, block.line, (), "table", "table column is empty")
    if filled < len(cells):
        return Coverage(concern, PARTIAL, block.line, (), "table", "table has empty cells")
    return Coverage(concern, PRESENT, block.line, (), "table")


def _dangles(doc: Document, concern: str) -> bool:
    """Whether the concern's entries are named by id somewhere and one is defined nowhere."""
    referenced = any(c.referenced for c in registry.current() if c.id == concern)
    return referenced and any(not found.defined for found in references(doc))


def _all_dangling(cells: Sequence[str], doc: Document) -> bool:
    named = {name for cell in cells for name in ids_in(cell)}
    return bool(named) and not named & defined_ids(doc)


def _filled(cell: str) -> bool:
    if words.first_placeholder(cell):
        return False
    na, reason = words.not_applicable(cell)
    return (not na or bool(reason)) and words.word_count(cell, 1) > 0


_GAP_MARKED: Final = frozenset({"placeholders left in", "only a placeholder"})


def _at_most(found: Coverage, state: CoverageState) -> Coverage:
    if RANK[found.state] <= RANK[state]:
        return found
    return Coverage(found.concern, state, found.line, found.sections, found.via, found.detail)


def _best(a: Coverage | None, b: Coverage | None) -> Coverage | None:
    if a is None:
        return b
    if b is None:
        return a
    return b if RANK[b.state] > RANK[a.state] else a
