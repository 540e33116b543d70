"""The document model built from markdown-it-pyrs, markdown-it's Rust port, when it is installed.

markdown-it-pyrs parses about five times faster than markdown-it-py, inline included, but gives
a node tree with byte offsets, not a token stream: a tight list's items hold their text without
a paragraph, and a block's raw text is not kept. This module rebuilds exactly what
`document._Builder` gets from markdown-it-py: each block's lines come from the tree, and its
raw text is cut from the source the way markdown-it-py's `getLines` cuts it (container markers
and indentation off). markdown-it-py stays the reference: tests compare both models on the
corpus and on random Markdown, and a document this module is not sure to read the same way
(tabs, carriage returns, deep nesting, a table or a multi-line paragraph in a container that
mixes lists and quotes) is left to markdown-it-py (`parse` returns None).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Final

from prd_forge.lint._re import lazy
from prd_forge.lint.document import Block, Document, Table, _Builder, _front_matter

if TYPE_CHECKING:
    from markdown_it_pyrs import MarkdownIt, Node

_TRIM: Final = "\t\n\x0b\x0c\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"  # noqa: E501  (markdown-it's mdTrim set)
_MAX_DEPTH: Final = 30  # markdown-it-py stops nesting at 40 (document._parser)
_MAX_AUTOCOMPLETED: Final = 65536  # markdown-it-py's MAX_AUTOCOMPLETED_CELLS
_QUOTE: Final = lazy(r" {0,3}> ?")
_MARKER: Final = lazy(r" *(?:[-+*]|\d{1,9}[.)])")
_INLINE: Final = frozenset(
    {
        "text",
        "text_special",
        "softbreak",
        "hardbreak",
        "em",
        "strong",
        "code_inline",
        "link",
        "image",
        "autolink",
        "html_inline",
    }
)
_BLOCKS: Final = frozenset(
    {
        "paragraph",
        "heading",
        "lheading",
        "bullet_list",
        "ordered_list",
        "list_item",
        "blockquote",
        "table",
        "fence",
        "code_block",
        "html_block",
        "hr",
        "front_matter",
        "definition",
    }
)


class Unsure(Exception):
    """This document is left to markdown-it-py."""


@cache
def _parser() -> MarkdownIt:
    from markdown_it_pyrs import MarkdownIt

    return MarkdownIt("commonmark").enable_many(["table", "front_matter"])


def available() -> bool:
    try:
        import markdown_it_pyrs  # noqa: F401
    except ImportError:
        return False
    return True


def parse(text: str) -> Document | None:
    """The document model of `text`, or None when markdown-it-py must build it."""
    if "\t" in text or "\r" in text or "\0" in text:
        return None
    line_count = text.count("\n") + (0 if text.endswith("\n") else 1)
    builder = _TreeBuilder(text, line_count)
    try:
        return builder.build_tree(_parser().tree(text))
    except Unsure:
        return None


@dataclass(frozen=True, slots=True)
class _Shim:
    """The fields of a markdown-it-py block token that `_Builder` reads."""

    type: str
    map: list[int]
    content: str
    markup: str = ""


class _Source:
    """Lines of the text and byte offset -> (line, column) conversion."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.ascii = text.isascii()
        starts = [0]
        for line in self.lines:
            starts.append(starts[-1] + (len(line) if self.ascii else len(line.encode())) + 1)
        self.starts = starts

    def line(self, offset: int) -> int:
        """0-based line of a byte offset."""
        return bisect_right(self.starts, offset) - 1

    def column(self, offset: int) -> tuple[int, int]:
        """0-based line and character column of a byte offset."""
        line = self.line(offset)
        column = offset - self.starts[line]
        if not self.ascii:
            column = len(self.lines[line].encode()[:column].decode(errors="ignore"))
        return line, column


class _TreeBuilder(_Builder):
    def __init__(self, text: str, line_count: int) -> None:
        super().__init__(text, line_count)
        self.source = _Source(text)
        self._containers: list[int | None] = []  # a list item's content column, None a quote
        self._lists = self._quotes = 0
        self._alert = False
        self._tables: set[int] = set()

    def build_tree(self, root: Node) -> Document:
        children = root.children
        self._tables = _table_starts(self.source.lines)
        close = _front_matter_end(self.source.lines, self.line_count)
        found = children[0] if children and children[0].name == "front_matter" else None
        if (found is None) != (close is None):
            raise Unsure  # the two plugins disagree on where front matter ends
        if found is not None and close is not None:
            if self._span(found)[1] != close:
                raise Unsure
            self.front_matter = _front_matter("\n".join(self.source.lines[1:close]))
            children = children[1:]
        self._children(children, 0)
        if self._tables:
            raise Unsure  # markdown-it-py would start a table here, markdown-it-pyrs did not
        return self.build(())

    def _walk(self, tokens: Sequence[Any]) -> None:
        """The token walk of the base class has nothing to do: `build_tree` walked the tree."""

    def _children(self, nodes: Sequence[Node], depth: int, last: int = -1) -> None:
        """Walk the block nodes; `last` is the parent's last line, where a tight paragraph at
        the end of a list item stops."""
        if depth > _MAX_DEPTH:
            raise Unsure
        run: list[Node] = []
        for node in nodes:
            if node.name in _INLINE:
                run.append(node)
                continue
            if node.name not in _BLOCKS:
                raise Unsure
            if run:
                self._tight(run, self.source.line(_map(node)[0]) - 1)
                run = []
            self._node(node, depth)
        if run:
            self._tight(run, last)

    def _node(self, node: Node, depth: int) -> None:
        name = node.name
        if name == "paragraph":
            start, end = self._span(node)
            first, column = self.source.column(start)
            self._paragraph(self._content(first, column, end), first + 1, end + 1, *self._state())
        elif name == "heading":
            self._atx(node)
        elif name == "lheading":
            start, end = self._span(node)
            first, column = self.source.column(start)
            title = self._content(first, column, end - 1)
            self._open(title.strip(), int(node.meta["level"]), first + 1)
        elif name in ("bullet_list", "ordered_list"):
            self._lists += 1
            self._children(node.children, depth + 1)
            self._lists -= 1
        elif name == "list_item":
            self._containers.append(self._content_column(node))
            self._children(node.children, depth + 1, self._span(node)[1])
            self._containers.pop()
        elif name == "blockquote":
            self._blockquote(node, depth)
        elif name == "table":
            self._rs_table(node)
        elif name in ("fence", "code_block"):
            self._rs_code(node)
        elif name == "html_block":
            start, end = self._span(node)
            first = self.source.line(start)
            self._html(_Shim("html_block", [first, end + 1], str(node.meta["content"])))
        elif name == "front_matter":
            raise Unsure  # only the first node can be front matter

    def _state(self) -> tuple[int, int, bool]:
        return self._lists, self._quotes, self._alert

    def _span(self, node: Node) -> tuple[int, int]:
        """Byte offset of the first character and 0-based last line of a block node."""
        start, end = _map(node)
        return start, self.source.line(max(start, end - 1))

    def _tight(self, run: list[Node], end: int) -> None:
        """Inline nodes straight in a tight list item, up to line `end`: the paragraph
        markdown-it-py hides. (Inline nodes' end offsets are not reliable.)"""
        start = _map(run[0])[0]
        first, column = self.source.column(start)
        lines = self.source.lines
        while end > first and not lines[end].strip(" "):
            end -= 1  # a list item's span can take in the blank lines after it
        if end < first:
            raise Unsure
        self._paragraph(self._content(first, column, end), first + 1, end + 1, *self._state())

    def _blockquote(self, node: Node, depth: int) -> None:
        self._quotes += 1
        self._containers.append(None)
        children = node.children
        if children and children[0].name == "paragraph" and not self._alert:
            start, end = self._span(children[0])
            first, column = self.source.column(start)
            self._alert = _is_alert(self._content(first, column, end))
        self._children(children, depth + 1)
        self._containers.pop()
        self._quotes -= 1
        self._alert = self._alert and self._quotes > 0

    def _content(self, first: int, column: int, last: int) -> str:
        """markdown-it-py's raw text of a paragraph on lines `first`..`last` (0-based) that
        starts at `column`: `mdTrim(getLines(..., blkIndent))`."""
        lines = self.source.lines
        parts = [lines[first][column:]]
        if last > first:
            strip = self._stripper()
            parts += [strip(lines[line]) for line in range(first + 1, last + 1)]
        return "\n".join(parts).strip(_TRIM)

    def _stripper(self) -> Any:
        containers = self._containers
        if not containers:
            return lambda line: line
        if all(c is not None for c in containers):
            indent = containers[-1]
            assert indent is not None
            return lambda line: line[min(indent, len(line) - len(line.lstrip(" "))) :]
        if all(c is None for c in containers):
            return lambda line: _unquote(line, len(containers))
        raise Unsure  # a quote in a list or a list in a quote: left to markdown-it-py

    def _content_column(self, item: Node) -> int | None:
        """The column a list item's content starts at (markdown-it-py's blkIndent in it)."""
        if any(c is None for c in self._containers):
            return 0  # only read by _stripper, which gives up on mixed containers
        line, column = self.source.column(_map(item)[0])
        text = self.source.lines[line]
        marker = _MARKER.match(text, column)
        if marker is None:
            raise Unsure
        after = marker.end()
        rest = text[after:]
        spaces = len(rest) - len(rest.lstrip(" "))
        if not rest.strip(" ") or spaces > 4:
            spaces = 1
        return after + spaces

    def _atx(self, node: Node) -> None:
        start, _ = _map(node)
        line, column = self.source.column(start)
        text = self.source.lines[line]
        position = text.find("#", column)
        if position < 0:
            raise Unsure
        level = int(node.meta["level"])
        position += level
        end = len(text)
        while end > position and text[end - 1] in " \t":
            end -= 1
        hashes = end
        while hashes > position and text[hashes - 1] == "#":
            hashes -= 1
        if hashes > position and text[hashes - 1] in " \t":
            end = hashes
        self._open(text[position:end].strip(_TRIM).strip(), level, line + 1)

    def _rs_table(self, node: Node) -> None:
        if self._containers:
            raise Unsure
        start, end = self._span(node)
        rows = [row for part in node.children for row in part.children]
        lines = [self.source.line(_map(row)[0]) for row in rows]
        source = self.source.lines
        if lines[0] not in self._tables or not _ends_table(source, lines, end):
            raise Unsure
        if lines[0] > 0 and source[lines[0] - 1].strip(" "):
            raise Unsure  # a table right after other text: lazy continuation is subtle
        if any(len(line) - len(line.lstrip(" ")) >= 4 for line in source[lines[0] : lines[0] + 2]):
            raise Unsure
        self._tables.discard(lines[0])
        header = _cells(self.source.lines[lines[0]])
        count = len(header)
        body: list[tuple[str, ...]] = []
        autocompleted = 0
        for line in lines[1:]:
            cells = _cells(self.source.lines[line])
            autocompleted += count - len(cells)
            if autocompleted > _MAX_AUTOCOMPLETED:
                raise Unsure
            body.append(tuple(_cell(cells[i]) if i < len(cells) else "" for i in range(count)))
        first = self.source.line(start)
        header_cells = tuple(_cell(cell) for cell in header)
        table = Table(header_cells, tuple(body), tuple(line + 1 for line in lines[1:]))
        text = "\n".join(" | ".join(cells) for cells in (table.header, *table.rows))
        self._add(Block("table", text, first + 1, end + 1, table=table))

    def _rs_code(self, node: Node) -> None:
        start, end = self._span(node)
        first = self.source.line(start)
        content = str(node.meta["content"])
        if node.name == "fence":
            markup = str(node.meta["marker"]) * int(node.meta["marker_len"])
            closing = self.source.lines[end].lstrip(" ")
            if end == first or not closing.startswith(markup) or closing.strip(_TRIM + markup[0]):
                raise Unsure  # an unclosed fence: where it ends is markdown-it-py's to say
            self._code(_Shim("fence", [first, end + 1], content, markup))
        else:
            self._code(_Shim("code_block", [first, end + 1], content))


def _map(node: Node) -> tuple[int, int]:
    if node.srcmap is None:
        raise Unsure
    return node.srcmap


def _front_matter_end(lines: Sequence[str], line_count: int) -> int | None:
    """The line closing the front matter, as mdit_py_plugins' front_matter rule finds it."""
    opening = len(lines[0]) - len(lines[0].lstrip("-"))
    if opening < 3:
        return None
    for number in range(1, line_count):
        line = lines[number]
        if line.startswith("...") and not line[3:].strip(" "):
            return number
        body = line.lstrip(" ")
        if len(line) - len(body) >= 4 or not body.startswith("-"):
            continue
        dashes = len(body) - len(body.lstrip("-"))
        if dashes >= opening and not body[dashes:].strip(" "):
            return number
    return None


_CONTAINER: Final = lazy(r"(?:[ >]|[-+*] |\d{1,9}[.)] )*")
_TERMINATORS: Final = ("-", "*", "+", ">", "#", "`", "~", "<", "_", "=")


def _table_starts(lines: Sequence[str]) -> set[int]:
    """Lines where markdown-it-py's table rule would see a header row followed by a matching
    delimiter row (container markers stripped, so a table in a list or quote counts too)."""
    starts: set[int] = set()
    for number in range(1, len(lines)):
        header, delimiter = lines[number - 1], lines[number]
        if "|" not in header:
            continue
        header = header[_strip_containers(header) :]
        if _is_table(header, delimiter[_strip_containers(delimiter) :]):
            starts.add(number - 1)
    return starts


def _strip_containers(line: str) -> int:
    match = _CONTAINER.match(line)
    return 0 if match is None else match.end()


def _is_table(header: str, delimiter: str) -> bool:
    """markdown-it-py's test that `header` and `delimiter` open a table."""
    row = delimiter.lstrip(" ")
    if len(row) < 2 or row[0] not in "|-:" or row[1] not in "|-: \t":
        return False
    if (row[0] == "-" and row[1] in " \t") or any(ch not in "|-: \t" for ch in row[2:]):
        return False
    columns = row.split("|")
    aligns = 0
    for index, column in enumerate(columns):
        trimmed = column.strip(_TRIM)
        if not trimmed:
            if index in (0, len(columns) - 1):
                continue
            return False
        if not _ALIGN.match(trimmed):
            return False
        aligns += 1
    text = header.lstrip(" ").strip(_TRIM)
    return "|" in text and 0 < len(_cells(header)) == aligns


_ALIGN: Final = lazy(r":?-+:?$")


def _ends_table(lines: Sequence[str], rows: Sequence[int], end: int) -> bool:
    """Whether markdown-it-py ends the table where markdown-it-pyrs did: after its last row
    comes a blank line or the end, and no body row starts like a block that ends a table."""
    after = end + 1
    if after < len(lines) and lines[after].strip(" "):
        return False
    return not any(lines[row].lstrip(" ").startswith(_TERMINATORS) for row in rows[1:])


def _cells(line: str) -> list[str]:
    """markdown-it-py's cells of a table row: `escapedSplit(mdTrim(getLine(...)))`."""
    columns = _escaped_split(line.lstrip(" ").strip(_TRIM))
    if columns and columns[0] == "":
        columns.pop(0)
    if columns and columns[-1] == "":
        columns.pop()
    return columns


def _cell(raw: str) -> str:
    """A cell's text as `document._Builder` keeps it: mdTrim, then str.strip."""
    return raw.strip(_TRIM).strip()


def _escaped_split(string: str) -> list[str]:
    """markdown-it-py's escapedSplit: cut at "|", except an escaped one."""
    if "\\" not in string:
        return string.split("|")
    result: list[str] = []
    escaped = False
    last = 0
    current = ""
    for position, char in enumerate(string):
        if char == "|":
            if not escaped:
                result.append(current + string[last:position])
                current = ""
                last = position + 1
            else:
                current += string[last : position - 1]
                last = position
        escaped = char == "\\"
    result.append(current + string[last:])
    return result


def _unquote(line: str, depth: int) -> str:
    for _ in range(depth):
        marker = _QUOTE.match(line)
        if marker is None:
            break  # a lazy continuation line
        line = line[marker.end() :]
    return line


def _is_alert(content: str) -> bool:
    from prd_forge.lint.document import _ALERT

    match = _ALERT.match(content)
    return match is not None and match.group(1).upper() in ("WARNING", "CAUTION")
