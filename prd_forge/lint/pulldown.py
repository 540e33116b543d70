"""A document's model read from pulldown-cmark's events, built as markdown-it-py would build it.

markdown-it-py, in pure Python, was most of a lint's cost: its block parse alone took longer
than the whole concern analysis. pulldown-cmark (the CommonMark parser of rustdoc, through the
pyromark wheel) reads the same document, inline included, in about a tenth of that time, and it
reads in a loop, not by recursion, so no nesting depth crashes it.

markdown-it-py stays the reference. `read` returns None wherever the two could read a document
differently (lint/pulldown_checks.py says where, before and after the read; so do nesting near
markdown-it-py's limit, lazy lines indented as code or inside a quote's list, an empty quote, and
a fence or an HTML block left open inside a container), and document.parse then asks
markdown-it-py. Line breaks and NUL are normalised first, as markdown-it-py does.
tests/lint/test_pulldown.py checks that both give the same Document on the labelled corpus, the
benchmark corpus, every Markdown file in the repository and random documents; 3 of the 127
labelled PRDs go to markdown-it-py.

The blocks go straight to the builder both readers share (lint/sections.py), with what it needs
to know of markdown-it-py's token stream: the lines of each block, how deep it sits in lists
and quotes, and (for a gap alert, a numbered setext heading and an empty quote) the place each
token would have in that stream.

Raw text is cut from the source as markdown-it-py cuts it: a paragraph's lines from its first
character, each later line without the container markers before it (quote markers, a list
item's indent), then stripped.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from itertools import accumulate

from prd_forge._records import TYPE_CHECKING
from prd_forge.lint import pulldown_checks as checks
from prd_forge.lint.model import Document, Table
from prd_forge.lint.sections import Builder, is_alert

if TYPE_CHECKING:
    from typing import Any, Final

# markdown-it-py's maxNesting (document.py): past it markdown-it-py skips the rest of the
# document; well below it, both read the same blocks
_MAX_LEVEL: Final = 36
_TABLES: Final = 1 << 1  # pyromark.Options.ENABLE_TABLES
_BACKSLASH: Final = ord("\\")
_INLINE_STARTS: Final = frozenset({"Emphasis", "Strong", "Link", "Image", "Strikethrough"})
_BREAKS: Final = frozenset({"SoftBreak", "HardBreak"})
_END_PARAGRAPH: Final = {"End": "Paragraph"}
_END_CELL: Final = {"End": "TableCell"}
_END_CODE: Final = {"End": "CodeBlock"}
_END_HTML: Final = {"End": "HtmlBlock"}
_NOWHERE: Final = -100  # the place of a token not yet met: never next to any other
# markdown-it-py writes a table as at least 9 tokens (table, head, row and one cell opened and
# closed, the cell's text): more than the widest window token places are compared in
_TABLE_TOKENS: Final = 9


class _Unsure(Exception):
    """The document holds something the two parsers may read differently."""


def read(text: str) -> Document | None:
    """The document model of `text` read by pulldown-cmark, or None where pulldown-cmark might
    read the document differently from markdown-it-py."""
    source = _source(text)
    if source is None:
        return None
    body, data, front, extra = source
    try:
        reader = _Reader(body, data)
        # the text's line breaks, counted from the body's lines (unless a lone "\r" ends one)
        breaks = text.count("\n") if "\r" in text else len(reader.starts) - 1 - extra
        builder = Builder(text, breaks + (not text.endswith("\n")))
        if front is not None:
            builder.read_front_matter(front)
        reader.read(builder)
    except (_Unsure, ImportError):
        return None
    if b"|" in data and not checks.tables_agree(data, reader.starts, reader.tables, reader.line):
        return None
    return builder.build()


def _source(text: str) -> tuple[str, bytes, str | None, int] | None:
    """What pulldown-cmark reads of `text`: its body (the front matter's lines left blank),
    that body in UTF-8, the front matter's content and how many more line breaks the body has
    than the text (1 where the front matter closes on the last line, without one); or None
    where the text holds what the two parsers may read differently."""
    data = text.encode("utf-8")  # (a scan for a character is quicker over bytes)
    if b"\r" in data or b"\0" in data:
        # as markdown-it-py's normalize rule: every line break a "\n", NUL the replacement
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")
        data = text.encode("utf-8")
    if checks.doubtful(text, data):
        return None
    front, extra = None, 0
    if text.startswith("-"):
        found = checks.front_matter(text)
        if found is None:
            # markdown-it-py's front matter rule also fires inside a first list item whose line
            # holds "--" ("- a--"): only markdown-it-py reads such a document as it does
            return None
        front, last, after = found
        extra = last + 1 - text.count("\n", 0, after)
        skipped = after if len(data) == len(text) else len(text[:after].encode("utf-8"))
        text, data = "\n" * (last + 1) + text[after:], b"\n" * (last + 1) + data[skipped:]
    tail = len(text) - text.rfind("\n") - 1
    if tail and not text[-tail:].strip(" "):
        # markdown-it-py has no line for a last line of spaces
        text, data = text[:-tail], data[:-tail]
    return text, data, front, extra


if TYPE_CHECKING:  # aliases for annotations: typing is not imported at run time
    _Event = tuple[Any, dict[str, int]]


class _Reader:
    """One pass over pulldown-cmark's events, giving the builder each block.

    A block's inline events are passed over where they are met (a paragraph's, a heading's, a
    cell's), and a table is read to its end at once: the main loop sees only block events and
    the inline runs of tight list items."""

    def __init__(self, text: str, data: bytes) -> None:
        import pyromark  # here: a run answered from the cache never parses

        self.data = data  # the text in UTF-8: pulldown-cmark's ranges are offsets in it
        self.ascii = len(self.data) == len(text)
        self.text = text
        # where each line starts (byte offsets), summed from the lines' lengths in C (no "\r"
        # is left, so bytes.splitlines ends lines at "\n" only): bisect_right(starts, offset)
        # is the 1-based line of an offset
        starts = [0, *accumulate(map(len, self.data.splitlines(keepends=True)))]
        if not self.data.endswith(b"\n") and self.data:
            starts.pop()  # the end of a last line without a line break starts no line
        self.starts = starts
        events = pyromark.events_with_range(text, options=pyromark.Options(_TABLES))
        self.events: Iterator[_Event] = iter(events)  # type: ignore[arg-type]
        self.level = 0  # markdown-it-py's nesting level
        # containers open around the current block: ("quote", 0, 0, 0) or ("list", where the
        # item starts, where it ends, how many quotes are around it)
        self.containers: list[tuple[str, int, int, int]] = []
        self.quotes = self.lists = 0
        self.alert = False  # inside a gap alert's quote
        # how many tokens markdown-it-py would have written so far, the places of the last quote
        # and ordered list it would have opened, and where that list's first item starts
        self.written = 0
        self.quote_at = self.ordered_at = _NOWHERE
        self.first_item = 0
        self.tables: list[tuple[int, int]] = []  # each table's first line and the line after it

    def read(self, builder: Builder) -> None:
        """Gives the builder each block."""
        self.builder = builder
        step = self._step
        for item in self.events:
            after: _Event | None = item
            while after is not None:  # an inline run returns the block event that ends it
                after = step(*after)

    def _step(self, event: Any, span: dict[str, int]) -> _Event | None:
        """Reads one event met outside any block's inline content."""
        if type(event) is dict:
            if "Start" in event:
                tag = event["Start"]
                start = _STARTS.get(tag if type(tag) is str else next(iter(tag)))
                if start is None:
                    raise _Unsure  # a block pulldown-cmark knows and this reader does not
                return start(self, tag, span)
            if "End" in event:
                self._end(event["End"])
                return None
            return self._tight(span)  # inline content of a tight list item
        if event == "Rule":
            self._rule(span)
        elif event in _BREAKS:
            return self._tight(span)
        return None

    def line(self, index: int) -> str:
        """The text of one line (0-based), without its line break; empty past the last line."""
        starts = self.starts
        if index >= len(starts):
            return ""
        end = starts[index + 1] - 1 if index + 1 < len(starts) else len(self.data)
        return self._cut(starts[index], end)

    # -- helpers

    def _lines(self, start: int, end: int) -> tuple[int, int]:
        """The 1-based first and last line of the range from `start` to `end`."""
        first = bisect_right(self.starts, start)
        last = bisect_right(self.starts, end - 1)
        return first, last if last > first else first

    def _escaped(self, start: int) -> int:
        """Where inline text starting at `start` starts in the source: an escaped character's
        range leaves out its backslash ("\\!"), which markdown-it-py's raw text keeps."""
        return start - 1 if start and self.data[start - 1] == _BACKSLASH else start

    def _cut(self, start: int, end: int) -> str:
        if self.ascii:
            return self.text[start:end]
        return self.data[start:end].decode("utf-8")

    def _open(self) -> None:
        """One more level of nesting: past markdown-it-py's limit, its reading differs."""
        self.level += 1
        if self.level >= _MAX_LEVEL:
            raise _Unsure

    def _raw(self, start: int, end: int) -> str:
        """A paragraph's text as markdown-it-py's getLines cuts it, stripped."""
        if self.ascii:  # (as _cut, without a second call: this runs for every paragraph)
            chunk = self.text[start:end].rstrip("\n")
        else:
            chunk = self.data[start:end].decode("utf-8").rstrip("\n")
        if "\n" not in chunk:
            return chunk.strip()
        lines = chunk.split("\n")
        return "\n".join([lines[0], *map(self._unprefixed, lines[1:])]).strip()

    def _unprefixed(self, line: str) -> str:
        """A continuation line without the markers of the containers around it."""
        indent = 0
        for number, (kind, start, end, quotes) in enumerate(self.containers):
            if kind == "quote":
                stripped = line.lstrip(" ")
                if not stripped.startswith(">") or len(line) - len(stripped) > 3 + indent:
                    if number + 1 < len(self.containers) or len(line) - len(stripped) >= 4:
                        raise _Unsure  # a lazy line inside a quote's list, or indented as code
                    return line  # the innermost quote's lazy line: markdown-it-py keeps it whole
                line = stripped[1:]
                if line.startswith(" "):
                    line = line[1:]
                indent = 0
            else:
                indent = self._content_column(start, end, quotes)
        spaces = len(line) - len(line.lstrip(" "))
        if 4 <= spaces < indent:
            # a lazy line indented as code: markdown-it-py may start a block on it (it measures
            # from the item's indent), CommonMark goes on with the paragraph
            raise _Unsure
        return line[min(spaces, indent) :]

    # -- blocks

    def _end(self, end: Any) -> None:
        name = end if type(end) is str else next(iter(end))
        if name == "List":
            self.lists -= 1
        elif name == "Item":
            self.containers.pop()
        elif name == "BlockQuote":
            if self.quote_at == self.written - 1:
                raise _Unsure  # an empty quote: markdown-it-py may take the next lines into it
            self.containers.pop()
            self.quotes -= 1
            self.alert = self.alert and self.quotes > 0
        else:
            return
        self.level -= 1
        self.written += 1

    def _paragraph(self, _: Any, span: dict[str, int]) -> None:
        for event, _place in self.events:  # its inline events: only its range is read
            if event == _END_PARAGRAPH:
                break
        self._inline(span["start"], span["end"])

    def _inline(self, start: int, end: int) -> None:
        """A paragraph, or a tight item's run of inline content (markdown-it-py wraps it in a
        hidden paragraph): its text and lines to the builder."""
        starts = self.starts
        first = bisect_right(starts, start)
        last = bisect_right(starts, end - 1)
        content = self._raw(start, end)
        if self.quote_at == self.written - 1:  # the quote's first block: is it a gap alert?
            self.alert = self.alert or is_alert(content)
        self.written += 3
        self.builder.paragraph(
            content, first, last if last > first else first, self.lists, self.quotes, self.alert
        )

    def _tight(self, span: dict[str, int]) -> _Event | None:
        """Inline content straight inside a list item (a tight list), one run of it: reads the
        run to its end and returns the block event after it (None at the end of the document)."""
        start, end = self._escaped(span["start"]), span["end"]
        after: _Event | None = None
        for item in self.events:
            event = item[0]
            if type(event) is dict:
                if "Start" in event or "End" in event:
                    tag = event.get("Start") or event["End"]
                    if not (tag in _INLINE_STARTS if type(tag) is str else _linked(tag)):
                        after = item
                        break
            elif event not in _BREAKS:
                if event == "Rule":
                    after = item
                    break
                continue
            if item[1]["end"] > end:
                end = item[1]["end"]
        self._inline(start, end)
        return after

    def _heading(self, start: Any, span: dict[str, int]) -> None:
        level = start["Heading"]["level"]
        close = {"End": {"Heading": level}}
        inside = []
        for event, place in self.events:
            if event == close:
                break
            inside.append(place)
        content = ""
        if inside:  # (in the source's order, an element's end after all it holds: the first
            # event starts first, the last ends last)
            content = self._raw(self._escaped(inside[0]["start"]), inside[-1]["end"])
        self._open()
        self.level -= 1
        if self.quote_at == self.written - 1:  # the quote's first block: is it a gap alert?
            self.alert = self.alert or is_alert(content)
        self.written += 3
        self.builder.heading(
            content.strip(), int(level[1]), bisect_right(self.starts, span["start"])
        )

    def _item(self, _: Any, span: dict[str, int]) -> None:
        start, end = span["start"], span["end"]
        if self.quotes:
            self._content_column(start, end, self.quotes)  # its line holds the quotes' markers
        self._open()
        if self.written == self.ordered_at + 1:
            self.first_item = start
        self.written += 1
        # its content's column is worked out only for a paragraph that runs over lines in it
        self.containers.append(("list", start, end, self.quotes))

    def _content_column(self, start: int, end: int, quotes: int) -> int:
        """The column a list item's content starts at (inside the innermost of the `quotes`
        quotes around it), from the item's first line."""
        starts = self.starts
        line = bisect_right(starts, start) - 1
        begin = starts[line]
        stop = starts[line + 1] - 1 if line + 1 < len(starts) else len(self.data)
        row = self._cut(begin, min(end, stop))  # the item's first line
        at = start - begin if self.ascii else len(self._cut(begin, start))  # leading spaces
        column = len(row) - len(row[at:].lstrip(" "))
        marker = row[column:]
        number = len(marker) - len(marker.lstrip("0123456789"))
        after = marker[number + 1 :]
        spaces = len(after) - len(after.lstrip(" "))
        if spaces > 4 or spaces == len(after):
            spaces = 1
        base = self._quote_column(row, quotes) if quotes else 0
        return column - base + number + 1 + spaces

    def _quote_column(self, row: str, quotes: int) -> int:
        """Where the content of the innermost quote starts on this item's first line."""
        column = 0
        for _ in range(quotes):
            at = row.find(">", column)
            if at < 0:
                raise _Unsure
            column = at + 1 + (row[at + 1 : at + 2] == " ")
        return column

    def _list(self, start: Any, _: dict[str, int]) -> None:
        self._open()
        if start["List"] is not None:
            self.ordered_at = self.written
        self.written += 1
        self.lists += 1

    def _quote(self, _: Any, __: dict[str, int]) -> None:
        self._open()
        self.quote_at = self.written
        self.written += 1
        self.containers.append(("quote", 0, 0, 0))
        self.quotes += 1

    def _rule(self, span: dict[str, int]) -> None:
        """A rule. One of dashes on the line after an ordered list's first item, seven tokens
        after the list opens (its item, a paragraph's three, then two ends or an end and the next
        item), makes that item a numbered setext heading (sections.Builder.numbered_setext)."""
        at = self.written
        self.written += 1
        if self.ordered_at != at - 7:
            return
        start = span["start"]
        line = bisect_right(self.starts, start)
        item_line = bisect_right(self.starts, self.first_item)
        if line != item_line + 1 or self._cut(start, span["end"]).strip()[:1] != "-":
            return
        marker = self._cut(self.first_item, self.starts[item_line]).lstrip(" ")
        number = len(marker) - len(marker.lstrip("0123456789"))
        self.builder.numbered_setext(marker[: number + 1], item_line)

    def _code(self, start: Any, span: dict[str, int]) -> None:
        texts = []
        for event, _ in self.events:
            if event == _END_CODE:
                break
            texts.append(event["Text"])
        content = "".join(texts)
        kind = start["CodeBlock"]
        first, last = self._lines(span["start"], span["end"])
        self.written += 1
        if type(kind) is dict and "Fenced" in kind:
            if self.containers and span["end"] >= len(self.data):
                raise _Unsure  # a fence left open in a quote or a list: ends differ
            head = self._cut(span["start"], span["end"]).lstrip(" ")
            fence = head[: len(head) - len(head.lstrip(head[0]))]
            self.builder.code(content, first, last, fence)
        else:  # markdown-it-py ends an indented block with a line break, even at the end
            content = content if content.endswith("\n") else content + "\n"
            self.builder.code(content, first, last, "")

    def _html(self, _: Any, span: dict[str, int]) -> None:
        # the block's indent comes as a Text event before its first line
        texts = []
        end = span["end"]
        for event, place in self.events:
            if event == _END_HTML:
                break
            texts.append(event.get("Html") or event.get("Text", ""))
            end = place["end"]
        if self.containers and span["end"] >= len(self.data):
            raise _Unsure  # a block left open in a quote or a list: its last line may differ
        # its lines are those of its content: the block's range may take in a blank line after
        self.written += 1
        self.builder.html("".join(texts), *self._lines(span["start"], end))

    def _table(self, _: Any, span: dict[str, int]) -> None:
        """A table, read to its end: its head, its rows and their cells."""
        if self.level + 3 >= _MAX_LEVEL:  # the table, its head and a row
            raise _Unsure
        first, last = self._lines(span["start"], span["end"])
        self.tables.append((first - 1, last))
        header: list[str] = []
        rows: list[tuple[str, ...]] = []
        row_lines: list[int] = []
        for event, place in self.events:
            if "End" in event:
                break  # the table's end: nothing else in it ends before
            if event["Start"] == "TableHead":
                header = self._cells()
                continue
            line = bisect_right(self.starts, place["start"])
            if self.data.startswith(b"    ", self.starts[line - 1]):
                raise _Unsure  # an indented row: code to markdown-it-py, a row to pulldown
            row_lines.append(line)
            rows.append(tuple(self._cells()))
        self.written += _TABLE_TOKENS
        self.builder.table(Table(tuple(header), tuple(rows), tuple(row_lines)), first, last)

    def _cells(self) -> list[str]:
        """A row's cells, each its text stripped, up to the row's end."""
        events, cut = self.events, self._cut
        cells: list[str] = []
        for event, span in events:
            if "End" in event:
                return cells
            for inner, _ in events:
                if inner == _END_CELL:
                    break
            cells.append(cut(span["start"], span["end"]).strip())
        return cells

    def _inline_start(self, _: Any, span: dict[str, int]) -> _Event | None:
        return self._tight(span)  # emphasis or a link opening a tight item's text


def _linked(tag: dict[str, Any]) -> bool:
    """Whether a start or end event's tag (one that carries fields) is a link's or an image's."""
    return "Link" in tag or "Image" in tag


if TYPE_CHECKING:
    _StartReader = Callable[[_Reader, Any, dict[str, int]], _Event | None]
_STARTS: Final[dict[str, _StartReader]] = {
    "Paragraph": _Reader._paragraph,
    "Item": _Reader._item,
    "Heading": _Reader._heading,
    "List": _Reader._list,
    "Table": _Reader._table,
    "BlockQuote": _Reader._quote,
    "CodeBlock": _Reader._code,
    "HtmlBlock": _Reader._html,
    **dict.fromkeys(_INLINE_STARTS, _Reader._inline_start),
}
