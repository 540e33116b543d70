"""What a rule is: metadata as data, and a pure check over the analysed document.

A rule never prints, reads files, picks its final severity or handles suppression; the engine
does that once for every rule (see engine.py).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from prd_forge._records import TYPE_CHECKING, NamedTuple
from prd_forge.lint.coverage import Analysis, Coverage
from prd_forge.lint.document import Block, Document, Section
from prd_forge.terms import Severity, Stage

if TYPE_CHECKING:
    from typing import Final, TypeVar

    Found = TypeVar("Found")

ANY_CONCERN: Final = "*"  # a rule whose findings name their own concern


class Observation(NamedTuple):
    """What a rule's check reports; the engine turns it into a Finding (code, severity, path)."""

    line: int
    message: str
    concern: str | None = None  # defaults to the rule's concern
    column: int = 1
    thins: bool = False  # a key part of the concern is missing: present coverage becomes partial
    # For an observation that can repeat: its plural, with {count}, {where} and {items} (see
    # lint/budget.py), and what one item is called in that list (empty: named by its line).
    many: str | None = None
    subject: str = ""


class Suppression(NamedTuple):
    line: int
    targets: tuple[str, ...]
    reason: str
    next_line: int | None  # None: the whole file


class Context:
    """Everything a rule may read, and what the rules compute once per document."""

    __slots__ = (
        *("doc", "analysis", "ai", "required", "titles", "stage"),
        *("suppressions", "bad_suppressions", "unknown_targets", "_cache", "_owners", "_once"),
        "_texts",
    )

    def __init__(
        self,
        doc: Document,
        analysis: Analysis,
        ai: bool,
        required: frozenset[str],
        titles: Mapping[str, str],
        suppressions: tuple[Suppression, ...] = (),
        bad_suppressions: tuple[Observation, ...] = (),
        unknown_targets: tuple[Observation, ...] = (),
        stage: Stage | None = None,  # None when neither said nor declared
    ) -> None:
        self.doc = doc
        self.analysis = analysis
        self.ai = ai
        self.required = required
        self.titles = titles
        self.suppressions = suppressions
        self.bad_suppressions = bad_suppressions
        self.unknown_targets = unknown_targets
        self.stage = stage
        self._cache: dict[str, tuple[Block, ...]] = {}
        self._texts: dict[str, str] = {}
        # (first line, concern) per section, built once: concern_at runs once per finding, and
        # walking back through the sections for each made lint quadratic in headings.
        self._owners: list[tuple[int, str]] = []
        # What once() computed, by the function that computed it.
        self._once: dict[Callable[[Context], object], object] = {}

    def once(self, compute: Callable[[Context], Found]) -> Found:
        """`compute(self)`, computed once per document: several rules read the same scan."""
        if compute not in self._once:
            self._once[compute] = compute(self)
        return self._once[compute]  # type: ignore[return-value]  # what `compute` returned

    @property
    def coverage(self) -> Mapping[str, Coverage]:
        return self.analysis.coverage

    def covered(self, concern: str) -> bool:
        """Whether the concern has a body worth checking for substance: a section or a table
        (sentences scattered through other sections are judged by the coverage alone)."""
        found = self.analysis.coverage.get(concern)
        return (
            found is not None
            and found.state in ("present", "partial")
            and found.via not in ("text", "label")
        )

    def sections_of(self, concern: str) -> Iterator[Section]:
        """Sections whose headings name `concern`, with their subsections."""
        done = -1
        for index in sorted(self.analysis.sections_of(concern)):
            if index >= done:  # a matched subsection is already inside its parent's subtree
                yield from self.doc.subtree(index)
                done = self.doc.subtree_end(index)

    def blocks_of(self, concern: str) -> tuple[Block, ...]:
        """The text blocks (no code, comments or gap alerts) of the concern's sections."""
        cached = self._cache.get(concern)
        if cached is None:
            cached = tuple(
                block
                for section in self.sections_of(concern)
                for block in section.blocks
                if block.kind not in ("code", "comment", "alert")
            )
            self._cache[concern] = cached
        return cached

    def blocks_for(self, concern: str) -> tuple[Block, ...]:
        """The concern's section blocks or, when only a table covers it, that table."""
        blocks = self.blocks_of(concern)
        found = self.coverage.get(concern)
        if not blocks and found is not None and found.via == "table":
            blocks = tuple(
                block
                for section in self.doc.sections
                for block in section.blocks
                if block.line == found.line and block.table is not None
            )
        return blocks

    def text_of(self, concern: str) -> str:
        """The concern's subsection titles and the text of `blocks_for(concern)` (several
        rules read the same concern's text: made once)."""
        text = self._texts.get(concern)
        if text is None:
            titles = [section.title for section in self.sections_of(concern)]
            text = "\n".join([*titles, *(block.text for block in self.blocks_for(concern))])
            self._texts[concern] = text
        return text

    def concern_at(self, line: int) -> str:
        """The concern of the section holding `line`: its heading's, else its parent's."""
        if not self._owners:
            self._owners.extend(_owners(self.doc.sections, self.analysis.matches))
        index = max(bisect_right(self._owners, line, key=lambda owner: owner[0]) - 1, 0)
        return self._owners[index][1] if self._owners else ""

    def anchor(self, concern: str) -> int:
        found = self.coverage.get(concern)
        return found.line if found is not None else 1


def _owners(
    sections: Sequence[Section], matches: Mapping[int, tuple[str, ...]]
) -> Iterator[tuple[int, str]]:
    """Each section's first line and concern: its heading's, else its nearest ancestor's."""
    ancestors: list[tuple[int, str]] = []  # (level, concern), levels strictly increasing
    for index, section in enumerate(sections):
        while ancestors and ancestors[-1][0] >= section.level:
            ancestors.pop()
        found = matches.get(index)
        concern = found[0] if found else (ancestors[-1][1] if ancestors else "")
        ancestors.append((section.level, concern))
        yield section.line, concern


Check = Callable[[Context], Iterable[Observation]]


class Rule(NamedTuple):
    """One rule: stable code and kebab-case name, the concern it guards, docs, and a check.

    `good` and `bad` are Markdown examples; the test suite lints them (bad must produce this
    rule's finding, good must not), so the docs cannot drift from the behaviour.
    """

    code: str
    name: str
    concern: str
    severity: Severity
    summary: str
    why: str
    anchor: str
    good: str
    bad: str
    check: Check
    ai_only: bool = False
