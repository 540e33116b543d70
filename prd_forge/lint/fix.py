"""`lint --fix`: scaffold what a PRD lacks, in its own style, without touching its text.

Each missing required section is inserted as a heading (the concern's title, at the level,
numbering and heading syntax the document already uses) placed after the section of the
concern before it in the catalogue, with a gap alert and the concern's questions as a
checklist. A hollow section gets the same alert and checklist below its body. Only whole lines
are added: every existing line stays as it was. The alert marks the scaffold, so a second run
adds nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Final, NamedTuple

from prd_forge.lint import fix_place, questions
from prd_forge.lint import text as words
from prd_forge.lint.coverage import Analysis
from prd_forge.lint.document import Document, Section, parse
from prd_forge.lint.fix_place import MARK
from prd_forge.lint.results import FileReport

_NOTE: Final = (
    "> [!WARNING]\n> Not answered yet ({mark}): answer the questions below in this section, "
    "then delete this note and the checklist."
)
_NUMBER = re.compile(r"^(\d+)([.)]?)\s+")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")


class Style(NamedTuple):
    """How the document writes its section headings."""

    level: int = 2
    setext: bool = False
    numbered: bool = False
    number_suffix: str = "."


class Fix(NamedTuple):
    """The fixed text, and which concerns were added or marked hollow."""

    text: str
    added: tuple[str, ...]
    marked: tuple[str, ...]


def style_of(doc: Document, lines: Sequence[str], concern_sections: Sequence[int]) -> Style:
    """The heading style of the sections that hold concerns (else of every heading)."""
    chosen = [doc.sections[i] for i in concern_sections if not doc.sections[i].pseudo]
    if not chosen:
        chosen = [s for i, s in enumerate(doc.sections) if s.level and not s.pseudo]
        chosen = [s for i, s in enumerate(chosen) if i or doc.title_index is None] or chosen
    if not chosen:
        return Style()
    level = Counter(s.level for s in chosen).most_common(1)[0][0]
    same = [s for s in chosen if s.level == level]
    setext = level <= 2 and all(_is_setext(lines, s) for s in same)
    numbers = [_NUMBER.match(s.title) for s in same]
    numbered = all(numbers)
    suffix = Counter(m.group(2) for m in numbers if m).most_common(1)[0][0] if numbered else "."
    return Style(level, setext, numbered, suffix)


def _is_setext(lines: Sequence[str], section: Section) -> bool:
    return section.line < len(lines) and bool(_SETEXT.match(lines[section.line]))


def heading(title: str, style: Style, number: str) -> str:
    """A heading line (or two, setext) in the document's style."""
    text = f"{number}{style.number_suffix} {title}" if style.numbered and number else title
    if style.setext:
        return f"{text}\n{('=' if style.level == 1 else '-') * max(3, len(text))}"
    return f"{'#' * style.level} {text}"


def _asking(item: str) -> str:
    """The item as a prompt lint reads as one ("Pass thresholds?"), so an unanswered scaffold
    stays a gap and never counts as evidence of its concern."""
    if words.is_question(f"[ ] {item}"):
        return item
    head, bracket, hint = item.partition(" (")
    return f"{head.rstrip(' .')}?{bracket}{hint}"


def scaffold_body(concern: str) -> str:
    """The gap alert and the concern's questions as a checklist."""
    checklist = "\n".join(f"- [ ] {_asking(q)}" for q in questions.for_concern(concern))
    note = _NOTE.format(mark=MARK)
    return f"{note}\n\n{checklist}" if checklist else note


def fix(text: str, report: FileReport, analysis: Analysis, titles: Mapping[str, str]) -> Fix:
    """`text` with the missing sections `report` names inserted and its hollow ones marked.

    `titles` gives each concern's heading title; `analysis` is lint's reading of `text`.
    """
    doc = parse(text)
    lines = text.splitlines(keepends=True)
    missing = [c for f in report.findings if f.name == "missing-section" for c in f.about]
    hollow = [c for f in report.findings if f.name == "hollow-section" for c in f.about]
    order = list(titles)
    owned = [i for c in order if c in analysis.coverage for i in analysis.coverage[c].sections]
    style = style_of(doc, [line.rstrip("\r\n") for line in lines], owned)
    # A hollow section's note comes before a heading inserted right after that section.
    inserts = fix_place.hollow(doc, analysis, hollow)
    ordered = sorted(set(missing), key=order.index)
    inserts += fix_place.missing(doc, analysis, order, ordered, style.level)
    blocks, added, marked = _blocks(inserts, titles, style)
    newline = "\r\n" if "\r\n" in text else "\n"
    return Fix(_splice(lines, blocks, newline), added, marked)


def _blocks(
    inserts: Sequence[fix_place.Insert], titles: Mapping[str, str], style: Style
) -> tuple[dict[int, list[str]], tuple[str, ...], tuple[str, ...]]:
    """The text to add after each line, and the concerns added and marked."""
    added: list[str] = []
    marked: list[str] = []
    blocks: dict[int, list[str]] = {}
    for after, concern, kind, number in inserts:
        body = scaffold_body(concern)
        if kind == "missing":
            blocks.setdefault(after, []).append(
                f"{heading(titles[concern], style, number)}\n\n{body}"
            )
            added.append(concern)
        else:
            blocks.setdefault(after, []).append(body)
            marked.append(concern)
    return blocks, tuple(added), tuple(dict.fromkeys(marked))


def _splice(lines: list[str], blocks: Mapping[int, list[str]], newline: str) -> str:
    """`lines` with each block added after line `after` (0: before the first), blank lines
    around; existing lines are kept byte for byte."""
    if lines and not lines[-1].endswith(("\n", "\r")) and len(lines) in blocks:
        lines = [*lines[:-1], lines[-1] + newline]
    out: list[str] = []
    for number in range(len(lines) + 1):
        if number and number <= len(lines):
            out.append(lines[number - 1])
        for block in blocks.get(number, ()):
            if out and out[-1].strip():
                out.append(newline)
            out.extend(f"{line}{newline}" for line in block.split("\n"))
            if number < len(lines) and lines[number].strip():
                out.append(newline)
    return "".join(out)
