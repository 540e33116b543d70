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
from typing import Final

from prd_forge.lint import text as words
from prd_forge.lint._re import LazyPattern, lazy
from prd_forge.lint.document import Block, Document, Table
from prd_forge.lint.headings import AliasIndex
from prd_forge.terms import COVERAGE_STATES, CoverageState

MISSING: Final = CoverageState.MISSING
HOLLOW: Final = CoverageState.HOLLOW
PARTIAL: Final = CoverageState.PARTIAL
PRESENT: Final = CoverageState.PRESENT
RANK: Final = {state: state.rank for state in CoverageState}
STATES: Final = COVERAGE_STATES

MIN_WORDS: Final = 8  # fewer words of substance than this is a partial answer
HOLLOW_WORDS: Final = 3  # fewer than this is no answer at all
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


@dataclass(frozen=True, slots=True)
class _TableSign:
    """A table covers `concern` when each group matches some header cell."""

    concern: str
    groups: tuple[tuple[str, ...], ...]
    unless: tuple[str, ...] = ()


_TABLE_SIGNS: Final = (
    _TableSign("monitoring", (("alert", "page", "on-call", "oncall", "signal", "monitor"),)),
    _TableSign("fallbacks", (("mitigation", "fallback", "recovery", "contingency"),)),
    _TableSign(
        "error-cost",
        (("failure", "risk", "error", "harm"), ("severity", "impact", "likelihood", "cost")),
    ),
    _TableSign(
        "evaluation",
        (("threshold", "pass", "launch bar", "gate", "minimum"),),
        unless=("alert", "page", "signal", "monitor", "rollback"),
    ),
    _TableSign("metrics", (("target", "goal"), ("metric", "kpi", "measure", "indicator"))),
    _TableSign("baseline", (("baseline", "today", "current", "as-is", "status quo"),)),
    _TableSign("ux-states", (("state",), ("behavio", "copy", "shows", "user sees", "trigger"))),
    _TableSign(
        "data", (("source", "dataset", "data set"), ("pii", "owner", "licen", "provenance"))
    ),
)

# Phrases that plainly discuss a concern, as regex alternatives (whole words).
_PHRASE_WORDS: Final = {
    "problem": ("pain points?", "users? (?:need|struggle|spend|complain)", "the problem is"),
    "ai-fit": (
        "why (?:ai|ml|a model)",
        "rules?[- ]based",
        "keyword rules?",
        "heuristics? (?:can|could|would|fail)",
    ),
    "scope": (
        "out of scope",
        "non-goals?",
        "not in scope",
        "we will not",
        "won't (?:support|build)",
    ),
    "baseline": (
        "baseline",
        "status quo",
        "today",
        "currently",
        r"manual(?:ly)?",
        "as-is",
        "current (?:process|workflow|approach|state|rate|median|tool)",
    ),
    "error-cost": (
        "false (?:positive|negative)s?",
        "cost of (?:an? )?(?:error|mistake)s?",
        "which error is worse",
        "precision over recall",
        "recall over precision",
    ),
    "data": ("training data", "data ?sets?", "provenance", "labell?ed (?:data|examples)"),
    "metrics": (
        "success metrics?",
        "kpis?",
        "north star",
        "guardrail metrics?",
        "counter-metrics?",
    ),
    "evaluation": (
        "eval(?:uation)? set",
        "test set",
        "golden set",
        r"offline eval\w*",
        "held[- ]out",
        "pass threshold",
        "launch bar",
    ),
    "fallbacks": (
        "fall(?:s|ing)? ?back",
        "fallbacks?",
        r"graceful(?:ly)? degrad\w*",
        "degraded mode",
        "mitigations?",
    ),
    "ux-states": ("loading state", "empty state", "error state", "spinner", "skeleton"),
    "human-oversight": (
        "human review",
        "human[- ]in[- ]the[- ]loop",
        "reviewers? (?:can|will|approve)",
        "override",
        "appeals?",
        r"escalat\w*",
    ),
    "monitoring": ("monitor(?:ing|ed)?", "dashboards?", "alert(?:s|ing)?", "drift", "on-?call"),
    "rollout": ("roll-?out", "rollback", "roll back", "kill switch", "feature flag", "canary"),
    "privacy": ("privacy", "gdpr", "ccpa", "pii", "personal data", "retention", "dpia"),
}
_META: Final = frozenset("\\()[]?*+{}|.^$")


def _literal_prefix(alternative: str) -> str:
    """The plain text an alternative must start with ("fall" for "fall(?:s|ing)? ?back")."""
    prefix = ""
    for char in alternative:
        if char in _META:
            if char in "?*" and prefix:
                prefix = prefix[:-1]  # the quantifier makes the last letter optional
            break
        prefix += char
    return prefix.lower()


# Per concern: the literal prefixes (a cheap substring test first) and the real pattern.
_PHRASES: Final = tuple(
    (
        concern,
        tuple({_literal_prefix(alternative) for alternative in alternatives}),
        lazy(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE),
    )
    for concern, alternatives in _PHRASE_WORDS.items()
)


def _phrase_concerns(
    text: str, phrases: Iterable[tuple[str, tuple[str, ...], LazyPattern]]
) -> Iterator[tuple[str, list[str]]]:
    """The concerns whose phrases occur in `text`, with the phrases found."""
    lowered = text.lower()
    for concern, prefixes, pattern in phrases:
        if any(prefix in lowered for prefix in prefixes):
            found = pattern.findall(text)
            if found:
                yield concern, found


_TEXT_HITS: Final = 2  # blocks (or different phrases) before prose alone makes a concern partial
_TEXT_PRESENT: Final = 3  # different phrases before prose alone makes a concern present


@dataclass(frozen=True, slots=True)
class Analysis:
    """Coverage of every concern, plus what rules need to find a concern's text.

    matches: section index -> the concern ids its heading names.
    zone: indices of sections under "Open questions" or "Blockers".
    """

    coverage: Mapping[str, Coverage]
    matches: Mapping[int, tuple[str, ...]]
    zone: frozenset[int]

    def sections_of(self, concern: str) -> tuple[int, ...]:
        found = self.coverage.get(concern)
        return found.sections if found is not None else ()


def analyse(doc: Document, index: AliasIndex, concerns: Sequence[str]) -> Analysis:
    """The coverage of every concern in `concerns`, in that order."""
    matches = _heading_matches(doc, index)
    zone = _question_zone(doc, matches)
    title_line = _title_line(doc)
    labelled = _by_label(doc, index, zone)
    headings = {
        concern: _best(_by_heading(doc, concern, matches, zone), labelled.get(concern))
        for concern in concerns
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
            content = _by_content(concern, evidence)
            if heading is not None and content is not None and heading.detail in _GAP_MARKED:
                # the section itself says it is unfinished: content elsewhere cannot close it
                content = _at_most(content, PARTIAL)
            found = _best(heading, content)
        if found is not None and heading is not None and found is not heading:
            # content elsewhere beat the heading: keep the heading's sections for the rules
            found = Coverage(concern, found.state, found.line, heading.sections, found.via)
        result[concern] = found or Coverage(concern, MISSING, title_line)
    return Analysis(result, matches, zone)


def _title_line(doc: Document) -> int:
    index = doc.title_index
    return doc.sections[index].line if index is not None else 1


def _heading_matches(doc: Document, index: AliasIndex) -> dict[int, tuple[str, ...]]:
    title = doc.title_index
    matches: dict[int, tuple[str, ...]] = {}
    for i, section in enumerate(doc.sections):
        if section.level and i != title:
            found = index.match(section.title)
            if found:
                matches[i] = found
    return matches


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
    doc: Document, concern: str, matches: Mapping[int, tuple[str, ...]], zone: frozenset[int]
) -> Coverage | None:
    best: Coverage | None = None
    hits = tuple(
        i
        for i, ids in matches.items()
        if concern in ids and (concern == OPEN_QUESTIONS or i not in zone)
    )
    for i in hits:
        blocks = _own_blocks(doc, i, concern, matches)
        state, detail = assess(blocks, questions_count=concern == OPEN_QUESTIONS)
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
                for concern in index.match(title):
                    if concern == OPEN_QUESTIONS:
                        continue
                    state, detail = assess([Block("paragraph", body, line, line)])
                    label = Coverage(concern, state, line, (), "label", detail)
                    found[concern] = _best(found.get(concern), label) or label
    return found


def _labels(block: Block) -> Iterator[tuple[str, str, int]]:
    if block.kind == "item":
        match = _LABEL.match(block.text)
        if match:
            yield match.group(1).strip().rstrip(":"), block.text[match.end() :], block.line
    elif block.table is not None and len(block.table.header) == 2:
        for line, row in zip(block.table.row_lines, block.table.rows, strict=False):
            if len(row) == 2:
                yield row[0].strip("*_ :"), row[1], line


def _own_blocks(
    doc: Document, index: int, concern: str, matches: Mapping[int, tuple[str, ...]]
) -> Iterable[Block]:
    """The blocks of a section and its subsections, minus subsections about other concerns."""
    end = doc.subtree_end(index)
    i = index
    while i < end:
        if i != index and i in matches and concern not in matches[i]:
            i = doc.subtree_end(i)
            continue
        yield from doc.sections[i].blocks
        i += 1


def assess(blocks: Iterable[Block], *, questions_count: bool = False) -> tuple[CoverageState, str]:
    """The state of a body and, unless present, the reason.

    Questions are not answers, except in the open-questions section itself.
    """
    content = marked = questions = comments = 0
    unreasoned_na = False
    for block in blocks:
        kind = block.kind
        if kind == "comment":
            comments += 1
            continue
        if kind == "alert":
            marked += 1
            continue
        if kind == "code":
            content += HOLLOW_WORDS
            continue
        body = _table_body(block.table) if block.table else words.strip_comments(block.text)
        if words.first_placeholder(body):
            marked += 1
            body = words.without_placeholders(body)
        if words.is_guidance(body):
            marked += 1
            continue
        na, reason = words.not_applicable(body)
        if na:
            if words.word_count(reason, words.NA_REASON_WORDS) >= words.NA_REASON_WORDS:
                content += MIN_WORDS
            else:
                unreasoned_na = True
            continue
        if kind != "table" and not questions_count and words.is_question(body):
            questions += 1
            continue
        content += words.word_count(body, MIN_WORDS)  # more than MIN_WORDS changes nothing
    if content < HOLLOW_WORDS:
        if unreasoned_na:
            return HOLLOW, "N/A without a reason"
        if marked:
            return HOLLOW, "only a placeholder"
        if questions:
            return HOLLOW, "only open questions"
        return HOLLOW, "only an HTML comment" if comments else "empty"
    if marked:
        return PARTIAL, "placeholders left in"
    if content < MIN_WORDS:
        return PARTIAL, "too thin to act on"
    return PRESENT, ""


def _table_body(table: Table) -> str:
    return "\n".join(" ".join(row) for row in table.rows)


@dataclass(frozen=True, slots=True)
class _Evidence:
    """Content outside open questions that speaks to concerns: phrase hits and tables."""

    hits: Mapping[str, list[int]]
    tables: Mapping[str, Coverage]
    measured: Mapping[str, list[int]]  # hits whose block also gives a number
    distinct: Mapping[str, int]  # how many different phrases were found


def _evidence(doc: Document, zone: frozenset[int], wanted: frozenset[str]) -> _Evidence:
    """Phrase hits and table coverage for the `wanted` concerns (those no heading settles)."""
    hits: dict[str, list[int]] = {}
    tables: dict[str, Coverage] = {}
    measured: dict[str, list[int]] = {}
    said: dict[str, set[str]] = {}
    if not wanted:
        return _Evidence(hits, tables, measured, {})
    signs = [sign for sign in _TABLE_SIGNS if sign.concern in wanted]
    phrases = [entry for entry in _PHRASES if entry[0] in wanted]
    for i, section in enumerate(doc.sections):
        if i in zone:
            continue
        for block in section.blocks:
            if block.table is not None:
                for sign in signs:
                    found = _table_coverage(sign, block, sign.concern)
                    if found is not None:
                        tables[sign.concern] = _best(tables.get(sign.concern), found) or found
            elif block.kind in _PROSE and not words.is_question(block.text):
                for concern, phrases_found in _phrase_concerns(block.text, phrases):
                    hits.setdefault(concern, []).append(block.line)
                    said.setdefault(concern, set()).update(p.lower() for p in phrases_found)
                    if words.has_number(block.text):
                        measured.setdefault(concern, []).append(block.line)
    return _Evidence(hits, tables, measured, {c: len(p) for c, p in said.items()})


_PROSE: Final = frozenset({"paragraph", "item", "html", "quote"})


def _by_content(concern: str, evidence: _Evidence) -> Coverage | None:
    best = evidence.tables.get(concern)
    hits: Sequence[int] = evidence.hits.get(concern, ())
    measured: Sequence[int] = evidence.measured.get(concern, ())
    if concern in _MEASURED and measured:
        # "Today analysts review 9,000 payments a day": the current state with its figure
        found = Coverage(concern, PRESENT, measured[0], (), "text")
        return _best(best, found)
    distinct = evidence.distinct.get(concern, 0)
    if distinct >= _TEXT_PRESENT:
        # several different phrases for it: discussed with substance, if not in its own section
        return _best(best, Coverage(concern, PRESENT, hits[0], (), "text"))
    if (len(hits) >= _TEXT_HITS or distinct >= _TEXT_HITS) and (
        best is None or RANK[best.state] < RANK[PARTIAL]
    ):
        best = Coverage(concern, PARTIAL, hits[0], (), "text", "mentioned only in passing")
    return best


# Concerns a sentence settles when it gives a figure, wherever it stands.
_MEASURED: Final = frozenset({"baseline"})


def _table_coverage(sign: _TableSign, block: Block, concern: str) -> Coverage | None:
    table = block.table
    assert table is not None
    header = [cell.lower() for cell in table.header]
    if any(word in cell for cell in header for word in sign.unless):
        return None
    columns: list[int] = []
    for group in sign.groups:
        column = next((c for c, cell in enumerate(header) if any(w in cell for w in group)), None)
        if column is None:
            return None
        columns.append(column)
    cells = [row[columns[0]] if columns[0] < len(row) else "" for row in table.rows]
    filled = sum(1 for cell in cells if _filled(cell))
    if not cells or not filled:
        return Coverage(concern, HOLLOW, block.line, (), "table", "table column is empty")
    if filled < len(cells):
        return Coverage(concern, PARTIAL, block.line, (), "table", "table has empty cells")
    return Coverage(concern, PRESENT, block.line, (), "table")


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
