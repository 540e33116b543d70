"""Concerns named by a heading or a label, and how well the named section covers each."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from prd_forge import concerns as registry
from prd_forge._records import TYPE_CHECKING
from prd_forge.lint import text as words
from prd_forge.lint._re import lazy
from prd_forge.lint.coverage.body import assess
from prd_forge.lint.coverage.evidence import Prose, current_figure, says, table_coverage
from prd_forge.lint.coverage.known import known
from prd_forge.lint.coverage.model import OPEN_QUESTIONS, PARTIAL, PRESENT, Coverage, better
from prd_forge.lint.document import Block, Document, Table
from prd_forge.lint.headings import AliasIndex

if TYPE_CHECKING:
    from typing import Final

_ZONE_TITLES: Final = frozenset({("blocker",), ("open", "blocker"), ("gap",), ("known", "gap")})


def heading_matches(
    doc: Document, index: AliasIndex, prose: Prose
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
        weak.update((i, c) for c in named if not _shows(doc, i, c, prose))
        if strong or named:
            matches[i] = (*strong, *named)
    return matches, frozenset(weak)


def _complete(concern: str, blocks: Sequence[Block]) -> bool:
    """Whether the section shows what the concern needs to be complete, if it says. Open
    questions in a list need an owner or a date on at least half their entries: a list most
    of whose questions nobody owns is a to-do list, not a plan."""
    pattern = known().completion.get(concern)
    if pattern is None:
        return True
    entries = [block for block in blocks if block.kind == "item"]
    if entries and concern == OPEN_QUESTIONS:
        shown = sum(1 for block in entries if pattern.search(block.text))
        return 2 * shown >= len(entries)
    return any(pattern.search(block.text) for block in blocks)


def _declined(blocks: Sequence[Block]) -> bool:
    """Whether the section opens by saying the concern does not apply, and why ("Not
    applicable: a one-off batch, every output reviewed"): a reasoned no leaves no part out."""
    if not blocks or blocks[0].table is not None:
        return False
    na, reason = words.not_applicable(blocks[0].text)
    return na and words.word_count(reason, words.NA_REASON_WORDS) >= words.NA_REASON_WORDS


def _strongly(
    i: int, matches: Mapping[int, tuple[str, ...]], weak: frozenset[tuple[int, str]]
) -> bool:
    """Whether the heading of section `i` names some concern by a strong name."""
    return any((i, c) not in weak for c in matches[i])


def _shows(doc: Document, index: int, concern: str, prose: Prose) -> bool:
    """Whether the section at `index` or its subsections show the concern's evidence."""
    facts = known()
    signs = facts.signs.get(concern, ())
    # under a heading about today ("What happens today"), a figure that sets no target is
    # the state today: the evidence of a concern that is the current state, measured
    current = concern in facts.current and concern in facts.measured
    for i in range(index, doc.subtree_end(index)):
        for j, block in enumerate(doc.sections[i].blocks):
            if block.table is not None:
                if any(table_coverage(sign, block, concern, doc) for sign in signs):
                    return True
                continue
            if any(found == concern for found, _ in prose.of(i, j)) or (
                current and current_figure(block.text) and prose.says_something(i, j)
            ):
                return True
    return False


def question_zone(doc: Document, matches: Mapping[int, tuple[str, ...]]) -> frozenset[int]:
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


def by_heading(
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
        elif state is PRESENT and not (_complete(concern, blocks) or _declined(blocks)):
            state, detail = PARTIAL, f"a key part is missing: {_lacking(concern)}"
        found = Coverage(concern, state, doc.sections[i].line, hits, "heading", detail)
        best = better(best, found)
    return best


_LABEL: Final = lazy(r"(?:\*\*|__)([^*_\n]{2,80}?)(?:\*\*|__)[ \t]*:?[ \t]*")


_LABEL_END: Final = 48  # a paragraph's label and its colon end before this
# a paragraph led by a label of a few words and a colon: "Out of scope: video clips, ..."
_PLAIN_LABEL: Final = lazy(r"(?:\*\*|__)?([A-Z][\w '&/-]{1,40}?)(?:\*\*|__)?:(?:\*\*|__)?[ \t]+")


def by_label(doc: Document, index: AliasIndex, zone: frozenset[int]) -> dict[str, Coverage]:
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
                    if not (concern in strong or says(body, concern)):
                        continue
                    asked = concern == OPEN_QUESTIONS
                    said = [Block("paragraph", body, line, line)]
                    state, detail = assess(said, questions_count=asked)
                    if state is PRESENT and not _complete(concern, said):
                        state, detail = PARTIAL, "a key part is missing"
                    label = Coverage(concern, state, line, (), "label", detail)
                    found[concern] = better(found.get(concern), label) or label
    return found


def _labels(block: Block) -> Iterator[tuple[str, str, int]]:
    if block.kind == "item" or (block.kind == "paragraph" and ":" in block.text[:_LABEL_END]):
        match = (_LABEL if block.kind == "item" else _PLAIN_LABEL).match(block.text)
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
    elif block.table is not None:
        yield from _requirements(block.table)


def _requirements(table: Table) -> Iterator[tuple[str, str, int]]:
    """A requirements table's rows: the Title cell names each, the cells after it (but its
    priority) say it; a title with nothing said beside it is a heading of nothing."""
    header = [cell.strip("*_ :").lower() for cell in table.header]
    if "title" not in header:
        return
    at = header.index("title")
    said = [c for c in range(at + 1, len(header)) if header[c] not in _PRIORITY]
    for line, row in zip(table.row_lines, table.rows, strict=False):
        body = " ".join(row[c] for c in said if c < len(row)).strip()
        if body:
            yield row[at].strip("*_ :"), body, line


_PRIORITY: Final = frozenset({"importance", "priority", "status", "moscow"})


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


def _lacking(concern: str) -> str:
    return registry.get(concern).lacking
