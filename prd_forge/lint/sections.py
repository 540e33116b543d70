"""The one builder of the document model: a document's blocks, given in order, cut into sections.

Both readers feed it: lint/pulldown.py straight from pulldown-cmark's events, and document.py
from markdown-it-py's tokens (the reference, and the fallback wherever the two parsers might
read a document differently). Each block comes with its 1-based first and last line and, for a
paragraph, how deep it sits in lists and quotes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from prd_forge._records import TYPE_CHECKING
from prd_forge.lint._re import lazy
from prd_forge.lint.model import Block, Comment, Document, Section, Table

if TYPE_CHECKING:
    from typing import Final

PSEUDO_LEVEL: Final = 7  # a bold pseudo-heading sits below its real heading

_BOLD_LABEL = lazy(r"(?:\*\*|__)([^*_\n]{2,80}?)(?:\*\*|__)[ \t]*:?[ \t]*")
_SUMMARY = lazy(r"<summary[^>]*>(.{1,200}?)</summary>", re.IGNORECASE | re.DOTALL)
_HTML_HEADING = lazy(r"\s*<h([1-6])[^>]*>(.{1,300}?)</h\1>", re.IGNORECASE | re.DOTALL)
_TAG = lazy(r"<[^<>\n]{0,500}>")
_COMMENT = lazy(r"<!--.*?-->", re.DOTALL)
ALERT = lazy(r"\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*", re.IGNORECASE)


def is_alert(content: str) -> bool:
    """Whether a quote whose first block holds `content` is a GitHub gap alert (a WARNING or a
    CAUTION): its paragraphs are alerts, not quotes."""
    match = ALERT.match(content)
    return match is not None and match.group(1).upper() in ("WARNING", "CAUTION")


class Builder:
    """Takes a document's blocks in order and cuts them into sections (`line_count`: how many
    lines `text` has, where the reader knows it already)."""

    def __init__(self, text: str, line_count: int | None = None) -> None:
        self.text = text
        if line_count is None:
            line_count = text.count("\n") + (0 if text.endswith("\n") else 1)
        self.line_count = line_count
        self.front_matter: dict[str, str] = {}
        self.sections: list[Section] = []
        self.comments: list[Comment] = []
        self.unclosed_fence: int | None = None
        self._title = ""
        self._level = 0
        self._line = 1
        self._pseudo = False
        self._blocks: list[Block] = []
        self._heading_level = 0

    def build(self) -> Document:
        self._close(self.line_count)
        ends = _subtree_ends(self.sections)
        return Document(
            self.text,
            self.line_count,
            self.front_matter,
            tuple(self.sections),
            tuple(self.comments),
            self.unclosed_fence,
            ends,
        )

    def _close(self, end_line: int) -> None:
        if self.sections or self._blocks or self._level:
            self.sections.append(
                Section(
                    self._title,
                    self._level,
                    self._line,
                    max(self._line, end_line),
                    tuple(self._blocks),
                    self._pseudo,
                )
            )
        self._blocks = []

    def heading(self, title: str, level: int, line: int, *, pseudo: bool = False) -> None:
        """A heading (or a pseudo-heading) opens a section."""
        self._close(line - 1)
        self._title, self._level, self._line, self._pseudo = title, level, line, pseudo
        if not pseudo:
            self._heading_level = level

    def read_front_matter(self, content: str) -> None:
        self.front_matter = _front_matter(content)

    def paragraph(
        self, content: str, start: int, end: int, lists: int, quotes: int, alert: bool
    ) -> None:
        """A paragraph's raw text, `lists` lists and `quotes` quotes deep (in a gap alert)."""
        if "<!--" in content:
            for match in _COMMENT.finditer(content):
                line = start + content.count("\n", 0, match.start())
                self.comments.append(Comment(line, match.group()))
        blocks = self._blocks
        if alert:
            blocks.append(
                Block("alert", ALERT.sub("", content, count=1).strip(), start, end, quotes)
            )
            return
        if quotes:
            blocks.append(Block("quote", content, start, end, quotes))
            return
        if lists:
            blocks.append(Block("item", content, start, end, lists))
            return
        # a bold label opens with its markers: most paragraphs are passed without the pattern
        label = _BOLD_LABEL.match(content) if content.startswith(("**", "__")) else None
        if label:
            title = label.group(1).strip().rstrip(":")
            level = min(self._heading_level + 1, PSEUDO_LEVEL)
            self.heading(title, level, start, pseudo=True)
            rest = content[label.end() :]
            if rest.strip():
                self._blocks.append(Block("paragraph", rest, start, end))
            return
        blocks.append(Block("paragraph", content, start, end))

    def numbered_setext(self, number: str, line: int) -> None:
        """A "1. Summary" line over "-------": CommonMark reads a one-item list (`number` is its
        marker, "1.") and a rule; its writer meant a numbered setext heading. The item's block,
        when it is the last one added, becomes the heading."""
        if not self._blocks or self._blocks[-1].line != line:
            return
        block = self._blocks.pop()
        self.heading(f"{number} {block.text.strip()}", 2, line)

    def table(self, table: Table, start: int, end: int) -> None:
        text = "\n".join(" | ".join(cells) for cells in (table.header, *table.rows))
        self._blocks.append(Block("table", text, start, end, table=table))

    def code(self, content: str, start: int, end: int, fence: str) -> None:
        """A code block; `fence` is its opening marker ("```"), empty for indented code."""
        if fence and end >= self.line_count and not _closes(fence, self.text):
            self.unclosed_fence = start
        self._blocks.append(Block("code", content, start, end))

    def html(self, content: str, start: int, end: int) -> None:
        for match in _COMMENT.finditer(content):
            line = start + content.count("\n", 0, match.start())
            self.comments.append(Comment(line, match.group()))
        rest = _COMMENT.sub("", content)
        heading = _HTML_HEADING.match(rest)
        if heading:  # a wiki export's <h2>: a real heading
            title = _TAG.sub("", heading.group(2)).strip()
            self.heading(title, int(heading.group(1)), start)
            rest = rest[heading.end() :]
        summary = _SUMMARY.search(rest)
        if summary:
            line = start + rest.count("\n", 0, summary.start())
            title = _TAG.sub("", summary.group(1)).strip()
            self.heading(title, min(self._heading_level + 1, PSEUDO_LEVEL), line, pseudo=True)
            rest = rest[summary.end() :]
        text = _TAG.sub(" ", rest).strip()
        if text:
            self._blocks.append(Block("html", text, start, end))
        elif "<!--" in content:
            self._blocks.append(Block("comment", content, start, end))


def _front_matter(content: str) -> dict[str, str]:
    """Top-level `key: value` pairs of a YAML front matter block.

    Only scalar keys at the top level matter to lint (ai, stage, status), so this avoids
    importing a YAML library on the lint path.
    """
    result: dict[str, str] = {}
    for raw in content.splitlines():
        if not raw or raw[0] in " \t#-":
            continue
        key, sep, value = raw.partition(":")
        if sep:
            result[key.strip().lower()] = value.strip().strip("'\"")
    return result


def _closes(fence: str, text: str) -> bool:
    """Whether a fence that reaches the end of the file has its closing marker there."""
    last = text.rstrip("\n").rpartition("\n")[2].strip()
    return last.startswith(fence) and not last.strip(fence[0])


def _subtree_ends(sections: Sequence[Section]) -> tuple[int, ...]:
    """For each section, the index just past its last nested section (one pass, a stack)."""
    ends = [len(sections)] * len(sections)
    stack: list[int] = []
    for index, section in enumerate(sections):
        while stack and sections[stack[-1]].level >= section.level:
            ends[stack.pop()] = index
        stack.append(index)
    return tuple(ends)
