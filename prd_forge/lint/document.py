"""The document model: one Markdown file as sections of blocks, built once, read by every rule.

The blocks come from pulldown-cmark (lint/pulldown.py), shaped as markdown-it-py's block tokens;
markdown-it-py, block-level only (its `inline` core rule disabled), is the reference and reads
every document pulldown-cmark might read differently. The rules need headings, paragraphs, list
items, tables and HTML, never emphasis or links: an inline token's `.content` holds the raw text
of its paragraph, heading or cell.

The flat token stream is walked once, without building a `SyntaxTreeNode` tree: the sections
are flat too (a level says who contains whom), and a flat walk cannot hit a recursion limit on
deeply nested lists.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Final, NamedTuple, Protocol

from prd_forge.lint import pulldown
from prd_forge.lint._re import lazy

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


class BlockToken(Protocol):
    """What the model reads of a block token (markdown-it-py's, or pulldown.Token)."""

    type: str
    tag: str
    map: list[int] | None
    content: str
    markup: str
    info: str


PSEUDO_LEVEL: Final = 7  # a bold pseudo-heading sits below its real heading

_BOLD_LABEL = lazy(r"(?:\*\*|__)([^*_\n]{2,80}?)(?:\*\*|__)[ \t]*:?[ \t]*")
_SUMMARY = lazy(r"<summary[^>]*>(.{1,200}?)</summary>", re.IGNORECASE | re.DOTALL)
_HTML_HEADING = lazy(r"\s*<h([1-6])[^>]*>(.{1,300}?)</h\1>", re.IGNORECASE | re.DOTALL)
_TAG = lazy(r"<[^<>\n]{0,500}>")
_COMMENT = lazy(r"<!--.*?-->", re.DOTALL)
# Tokens the walk has nothing to do for, tested first: most of a list is these.
_PASSED: Final = frozenset({"list_item_open", "list_item_close", "paragraph_close"})
_CELL_MARKS: Final = frozenset({"td_open", "td_close", "th_open", "th_close", "tbody_open"})
_ALERT = lazy(r"\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*", re.IGNORECASE)


class Table(NamedTuple):
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_lines: tuple[int, ...]


class Block(NamedTuple):
    """A unit of body text.

    kind: paragraph, item (list item paragraph), table, code, html, comment, quote, or alert
    (a GitHub `> [!WARNING]` / `> [!CAUTION]` block, which prd-forge drafts use to mark gaps).
    For a table, `text` is every cell joined and `table` holds the cells.
    """

    kind: str
    text: str
    line: int
    end_line: int
    depth: int = 0
    table: Table | None = None


class Section(NamedTuple):
    """A heading (or a bold pseudo-heading) and the blocks up to the next heading."""

    title: str
    level: int  # 0 for the preamble before the first heading, 1-6 for headings, 7 pseudo
    line: int
    end_line: int
    blocks: tuple[Block, ...]
    pseudo: bool = False


class Comment(NamedTuple):
    line: int
    text: str


class Document(NamedTuple):
    text: str
    line_count: int
    front_matter: dict[str, str]
    sections: tuple[Section, ...]
    comments: tuple[Comment, ...]
    unclosed_fence: int | None = None  # line of a code fence that runs to the end of the file
    subtree_ends: tuple[int, ...] = ()  # per section: the index after its subtree

    def subtree(self, index: int) -> Sequence[Section]:
        """The section at `index` and every section nested below it."""
        return self.sections[index : self.subtree_ends[index]]

    def subtree_end(self, index: int) -> int:
        return self.subtree_ends[index]

    @property
    def title_index(self) -> int | None:
        """The index of the document title: the single level-1 heading, when it is the first
        heading and other headings follow (a lone "Evaluation" heading is a section)."""
        headings = [i for i, s in enumerate(self.sections) if s.level and not s.pseudo]
        ones = [i for i in headings if self.sections[i].level == 1]
        if len(ones) == 1 and headings[0] == ones[0] and len(headings) > 1:
            return ones[0]
        return None


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    # Plain CommonMark reads a YAML front-matter block as a setext heading ("owner: fallback"
    # would pass for a Fallbacks section): the plugin takes it out of the body.
    md = MarkdownIt("commonmark", {"maxNesting": 40}).enable("table").use(front_matter_plugin)
    # text_join merges inline children, which a block-level parse never makes; it only walks
    # every token to find none.
    md.disable(["inline", "text_join"])
    return md


def lines_of(token: BlockToken) -> tuple[int, int]:
    """1-based first and last line of a block token: the one place Token.map is converted."""
    start, end = token.map or (0, 1)
    return start + 1, end if end > start else start + 1


def parse(text: str, *, reference: bool = False) -> Document:
    """Build the document model of `text` (with `reference`, from markdown-it-py alone)."""
    tokens: Sequence[BlockToken] | None = None if reference else pulldown.tokens(text)
    if tokens is None:
        tokens = _parser().parse(text)
    line_count = text.count("\n") + (0 if text.endswith("\n") else 1)
    return _Builder(text, line_count).build(tokens)


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


class _Builder:
    """Walks the token stream once and cuts it into sections."""

    def __init__(self, text: str, line_count: int) -> None:
        self.text = text
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

    def build(self, tokens: Sequence[BlockToken]) -> Document:
        self._walk(tokens)
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

    def _open(self, title: str, level: int, line: int, *, pseudo: bool = False) -> None:
        self._close(line - 1)
        self._title, self._level, self._line, self._pseudo = title, level, line, pseudo
        if not pseudo:
            self._heading_level = level

    def _add(self, block: Block) -> None:
        self._blocks.append(block)

    def _walk(self, tokens: Sequence[BlockToken]) -> None:
        lists = quotes = 0
        alert = False
        i, n = 0, len(tokens)
        while i < n:
            token = tokens[i]
            kind = token.type
            if kind == "paragraph_open":
                start, end = lines_of(token)
                self._paragraph(tokens[i + 1].content, start, end, lists, quotes, alert)
                i += 3
                continue
            if kind in _PASSED:
                i += 1
                continue
            if kind == "heading_open":
                start, _ = lines_of(token)
                self._open(tokens[i + 1].content.strip(), int(token.tag[1]), start)
                i += 3
                continue
            if kind in ("bullet_list_open", "ordered_list_open"):
                lists += 1
            elif kind in ("bullet_list_close", "ordered_list_close"):
                lists -= 1
            elif kind == "blockquote_open":
                quotes += 1
                alert = alert or _starts_alert(tokens, i)
            elif kind == "blockquote_close":
                quotes -= 1
                alert = alert and quotes > 0
            elif kind == "table_open":
                i = self._table(tokens, i)
                continue
            elif kind in ("fence", "code_block"):
                self._code(token)
            elif kind == "html_block":
                self._html(token)
            elif kind == "hr":
                self._numbered_setext(tokens, i)
            elif kind == "front_matter":
                self.front_matter = _front_matter(token.content)
            i += 1

    def _paragraph(
        self, content: str, start: int, end: int, lists: int, quotes: int, alert: bool
    ) -> None:
        if "<!--" in content:
            for match in _COMMENT.finditer(content):
                line = start + content.count("\n", 0, match.start())
                self.comments.append(Comment(line, match.group()))
        blocks = self._blocks
        if alert:
            blocks.append(
                Block("alert", _ALERT.sub("", content, count=1).strip(), start, end, quotes)
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
            self._open(title, min(self._heading_level + 1, PSEUDO_LEVEL), start, pseudo=True)
            rest = content[label.end() :]
            if rest.strip():
                self._blocks.append(Block("paragraph", rest, start, end))
            return
        blocks.append(Block("paragraph", content, start, end))

    def _numbered_setext(self, tokens: Sequence[BlockToken], i: int) -> None:
        """A "1. Summary" line over "-------": CommonMark reads a one-item list and a rule,
        its writer meant a numbered setext heading. The item just added becomes the heading."""
        token = tokens[i]
        if i < 7 or tokens[i - 7].type != "ordered_list_open" or token.markup[0] != "-":
            return
        item = tokens[i - 6]
        start = lines_of(item)[0]
        if item.type != "list_item_open" or lines_of(token)[0] != start + 1:
            return
        if not self._blocks or self._blocks[-1].line != start:
            return
        block = self._blocks.pop()
        self._open(f"{item.info}{item.markup} {block.text.strip()}", 2, start)

    def _table(self, tokens: Sequence[BlockToken], i: int) -> int:
        start, end = lines_of(tokens[i])
        header: list[str] = []
        rows: list[tuple[str, ...]] = []
        row_lines: list[int] = []
        row: list[str] = []
        in_head = False
        i += 1
        while (kind := tokens[i].type) != "table_close":
            token = tokens[i]
            i += 1
            if kind == "inline":  # the commonest first: a table is mostly cells
                row.append(token.content.strip())
            elif kind in _CELL_MARKS:
                continue
            elif kind == "tr_open":
                row = []
                if not in_head:
                    row_lines.append(lines_of(token)[0])
            elif kind == "tr_close":
                if in_head:
                    header = row
                else:
                    rows.append(tuple(row))
            elif kind == "thead_open":
                in_head = True
            elif kind == "thead_close":
                in_head = False
        table = Table(tuple(header), tuple(rows), tuple(row_lines))
        text = "\n".join(" | ".join(cells) for cells in (header, *rows))
        self._add(Block("table", text, start, end, table=table))
        return i + 1

    def _code(self, token: BlockToken) -> None:
        start, end = lines_of(token)
        if token.type == "fence" and end >= self.line_count and not _closes(token, self.text):
            self.unclosed_fence = start
        self._add(Block("code", token.content, start, end))

    def _html(self, token: BlockToken) -> None:
        start, end = lines_of(token)
        content = token.content
        for match in _COMMENT.finditer(content):
            line = start + content.count("\n", 0, match.start())
            self.comments.append(Comment(line, match.group()))
        rest = _COMMENT.sub("", content)
        heading = _HTML_HEADING.match(rest)
        if heading:  # a wiki export's <h2>: a real heading
            title = _TAG.sub("", heading.group(2)).strip()
            self._open(title, int(heading.group(1)), start)
            rest = rest[heading.end() :]
        summary = _SUMMARY.search(rest)
        if summary:
            line = start + rest.count("\n", 0, summary.start())
            title = _TAG.sub("", summary.group(1)).strip()
            self._open(title, min(self._heading_level + 1, PSEUDO_LEVEL), line, pseudo=True)
            rest = rest[summary.end() :]
        text = _TAG.sub(" ", rest).strip()
        if text:
            self._add(Block("html", text, start, end))
        elif "<!--" in content:
            self._add(Block("comment", content, start, end))


def _starts_alert(tokens: Sequence[BlockToken], i: int) -> bool:
    """Whether the blockquote opening at `i` is a GitHub gap alert (WARNING or CAUTION)."""
    if i + 2 < len(tokens) and tokens[i + 2].type == "inline":
        match = _ALERT.match(tokens[i + 2].content)
        return match is not None and match.group(1).upper() in ("WARNING", "CAUTION")
    return False


def _closes(token: BlockToken, text: str) -> bool:
    """Whether a fence that reaches the end of the file has its closing marker there."""
    last = text.rstrip("\n").rpartition("\n")[2].strip()
    return last.startswith(token.markup) and not last.strip(token.markup[0])


def _subtree_ends(sections: Sequence[Section]) -> tuple[int, ...]:
    """For each section, the index just past its last nested section (one pass, a stack)."""
    ends = [len(sections)] * len(sections)
    stack: list[int] = []
    for index, section in enumerate(sections):
        while stack and sections[stack[-1]].level >= section.level:
            ends[stack.pop()] = index
        stack.append(index)
    return tuple(ends)
