"""A document's block tokens from pulldown-cmark, in the shape markdown-it-py gives them.

markdown-it-py, in pure Python, was most of a lint's cost: its block parse alone took longer
than the whole concern analysis. pulldown-cmark (the CommonMark parser of rustdoc, through the
pyromark wheel) reads the same document, inline included, in about a tenth of that time, and it
reads in a loop, not by recursion, so no nesting depth crashes it.

markdown-it-py stays the reference. `tokens` returns None wherever the two could read a document
differently, and document.parse then asks markdown-it-py: tabs (which markdown-it-py counts its
own way), escaped pipes, link reference definitions, nesting near markdown-it-py's limit, lazy
lines indented as code or inside a quote's list, an empty quote or a quote marker indented as
code, a fence left open inside a container, a document that starts with "-" but no front matter
(markdown-it-py's front matter rule also fires inside such a first list item), and any table
whose extent is in doubt (a list marker on its first rows, a delimiter row only pulldown-cmark
accepts, an indented row, a line right after it). Line breaks and NUL are normalised first, as
markdown-it-py does. tests/lint/test_pulldown.py checks that both give the same Document on the
labelled corpus, the benchmark corpus, every Markdown file in the repository and random
documents; 3 of the 127 labelled PRDs go to markdown-it-py.

Raw text is cut from the source as markdown-it-py cuts it: a paragraph's lines from its first
character, each later line without the container markers before it (quote markers, a list
item's indent), then stripped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from itertools import accumulate
from operator import itemgetter
from typing import Any, Final

# markdown-it-py's maxNesting (document.py): past it markdown-it-py skips the rest of the
# document; well below it, both read the same blocks
_MAX_LEVEL: Final = 36
_TABLES: Final = 1 << 1  # pyromark.Options.ENABLE_TABLES
# a line of dashes, colons and pipes (after any quote markers): under a line with a pipe, a
# table's delimiter row for one parser or the other, or for neither (a setext heading, a rule)
# (led by its line break, which the regex engine finds by a fast scan for that one character)
_DELIMITER_LIKE: Final = re.compile(r"\n[ >]*[-:|][-:| ]*$", re.MULTILINE)
# a link reference definition: markdown-it-py ends it at its line, CommonMark's paragraph may
# go on ("[ref]: url" over an indented line is a paragraph to pulldown-cmark, code to it)
# (after any quote or list markers; a label may run over lines, up to CommonMark's 999 characters)
_REFERENCE: Final = re.compile(r"^[ >*+\-\d.)]*\[[^\]]{0,999}\]:", re.MULTILINE)
_LIST_ITEM: Final = re.compile(r"[ >]*(?:[-+*]|\d{1,9}[.)])(?: |$)", re.MULTILINE)
_HEADING: Final = re.compile(r"#{1,6}(?: |$)")
_DELIMITER_CELL: Final = re.compile(r":?-+:?")
# a line indented as code that starts with a quote marker: after a quote, markdown-it-py may
# take it into the quote, pulldown-cmark reads code
_INDENTED_QUOTE: Final = re.compile(r"^ {4,}>", re.MULTILINE)
_BACKSLASH: Final = ord("\\")
_INLINE_STARTS: Final = frozenset({"Emphasis", "Strong", "Link", "Image", "Strikethrough"})
_BREAKS: Final = frozenset({"SoftBreak", "HardBreak"})
_END_PARAGRAPH: Final = {"End": "Paragraph"}
_END_CELL: Final = {"End": "TableCell"}
_END_CODE: Final = {"End": "CodeBlock"}
_END_HTML: Final = {"End": "HtmlBlock"}
_START: Final = itemgetter("start")
_STOP: Final = itemgetter("end")


class Token:
    """The fields of a markdown-it-py token that the document model reads."""

    __slots__ = ("content", "info", "map", "markup", "tag", "type")

    def __init__(
        self,
        kind: str,
        tag: str = "",
        lines: list[int] | None = None,
        content: str = "",
        markup: str = "",
        info: str = "",
    ) -> None:
        self.type = kind
        self.tag = tag
        self.map = lines
        self.content = content
        self.markup = markup
        self.info = info


# closing tokens carry no line range or text: one of each serves every document (no token is
# changed once written)
_PARAGRAPH_CLOSE: Final = Token("paragraph_close", "p")
_CLOSE: Final = {
    name: Token(kind, tag)
    for name, kind, tag in (
        ("Item", "list_item_close", "li"),
        ("BlockQuote", "blockquote_close", "blockquote"),
        ("OrderedList", "ordered_list_close", "ol"),
        ("BulletList", "bullet_list_close", "ul"),
        ("TableRow", "tr_close", "tr"),
        ("TableHead", "thead_close", "thead"),
        ("Table", "table_close", "table"),
        *((f"H{level}", "heading_close", f"h{level}") for level in range(1, 7)),
    )
}


class _Unsure(Exception):
    """The document holds something the two parsers may read differently."""


def tokens(text: str) -> list[Token] | None:
    """markdown-it-py's block tokens for `text` (the ones document.py reads), or None where
    pulldown-cmark might read the document differently."""
    if "\r" in text or "\0" in text:
        # as markdown-it-py's normalize rule: every line break a "\n", NUL the replacement
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")
    if "\t" in text or "\\|" in text or "\x0b" in text or "\x0c" in text:
        return None  # tabs, escaped pipes, vertical tabs or form feeds
    if "]:" in text and _REFERENCE.search(text):
        return None
    if "    >" in text and _INDENTED_QUOTE.search(text):
        return None
    front: list[Token] = []
    body = text
    if text.startswith("-"):
        found = _front_matter(text)
        if found is None:
            # markdown-it-py's front matter rule also fires inside a first list item whose line
            # holds "--" ("- a--"): only markdown-it-py reads such a document as it does
            return None
        content, last, after = found
        front.append(Token("front_matter", "", [0, last + 1], content))
        body = "\n" * (last + 1) + text[after:]
    tail = body[body.rfind("\n") + 1 :]
    if tail and not tail.strip(" "):
        body = body[: -len(tail)]  # markdown-it-py has no line for a last line of spaces
    try:
        reader = _Reader(body)
        read = reader.read()
    except (_Unsure, ImportError):
        return None
    if "|" in body and not reader.tables_agree():
        return None
    return front + read


def _delimiter_row(line: str) -> bool:
    """Whether markdown-it-py reads this line as a table's delimiter row: cells of dashes with
    an optional colon at either end, none empty but the ones outside the outer pipes."""
    cells = line.lstrip(" >").strip().split("|")
    if cells and not cells[0].strip():
        cells.pop(0)
    if cells and not cells[-1].strip():
        cells.pop()
    return bool(cells) and all(_DELIMITER_CELL.fullmatch(cell.strip()) for cell in cells)


def _front_matter(text: str) -> tuple[str, int, int] | None:
    """The front matter markdown-it-py's plugin finds: its content, the index of its closing
    line and where the text after that line starts, or None (mdit_py_plugins.front_matter, read
    line by line)."""
    first = text.find("\n")
    markers = len(text[:first]) - len(text[:first].lstrip("-"))
    if first < 0 or markers < 3:
        return None
    index, start = 0, first + 1
    while True:
        end = text.find("\n", start)
        line = text[start:] if end < 0 else text[start:end]
        index += 1
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if indent == 0 and stripped.startswith("...") and not stripped[3:].strip(" "):
            break
        if indent < 4 and stripped.startswith("-"):
            run = len(stripped) - len(stripped.lstrip("-"))
            if run >= markers and not stripped[run:].strip(" "):
                break
        if end < 0:
            return None  # unclosed: markdown-it-py reads no front matter
        start = end + 1
    return text[first + 1 : start - 1], index, len(text) if end < 0 else end + 1


_Event = tuple[Any, dict[str, int]]


class _Reader:
    """One pass over pulldown-cmark's events, writing markdown-it-py's tokens.

    A block's inline events are passed over where they are met (a paragraph's, a heading's, a
    cell's), and a table is read to its end at once: the main loop sees only block events and
    the inline runs of tight list items."""

    def __init__(self, text: str) -> None:
        import pyromark  # here: a run answered from the cache never parses

        self.data = text.encode("utf-8")
        self.ascii = len(self.data) == len(text)
        self.text = text
        # where each line starts (byte offsets), summed from the lines' lengths in C (no "\r"
        # is left, so bytes.splitlines ends lines at "\n" only)
        starts = [0, *accumulate(map(len, self.data.splitlines(keepends=True)))]
        if not self.data.endswith(b"\n") and self.data:
            starts.pop()  # the end of a last line without a line break starts no line
        self.starts = starts
        events = pyromark.events_with_range(text, options=pyromark.Options(_TABLES))
        self.events: Iterator[_Event] = iter(events)  # type: ignore[arg-type]
        self.out: list[Token] = []
        self.level = 0
        # containers open around the current block: ("quote", 0) or ("list", content column)
        self.containers: list[tuple[str, int]] = []
        self.quotes = 0  # how many of them are quotes
        self.tables: list[tuple[int, int]] = []  # each table's first line and the line after it
        self.rows: list[int] = []  # the line of each table row

    def read(self) -> list[Token]:
        step = self._step
        for item in self.events:
            after: _Event | None = item
            while after is not None:  # an inline run returns the block event that ends it
                after = step(*after)
        return self.out

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
            line = self._line(span["start"])
            mark = self._cut(span["start"], span["end"]).strip()[:1]
            self.out.append(Token("hr", "hr", [line, line + 1], markup=mark))
        elif event in _BREAKS:
            return self._tight(span)
        return None

    def tables_agree(self) -> bool:
        """Whether the places that look like a table's first two rows are exactly the tables
        read here, neither row led by a list marker (markdown-it-py tries a table before a list
        item and pulldown-cmark after, and only pulldown-cmark takes "- |" for a delimiter row),
        and where each table ends is beyond doubt."""
        for first, end in self.tables:
            if not _delimiter_row(self._text_of(first + 1)):
                return False  # pulldown-cmark takes more for a delimiter row (":" alone)
            after = self._text_of(end).lstrip(" >") if end < len(self.starts) else ""
            if after and not _HEADING.match(after):
                return False  # which lines go on a table is where the two differ most
        for row in self.rows:
            text = self._text_of(row)
            if len(text) - len(text.lstrip(" ")) >= 4:
                return False  # an indented row: code to markdown-it-py, a row to pulldown
        return self._table_like() == {first + 1 for first, _ in self.tables}

    def _table_like(self) -> set[int] | None:
        """The lines that look like a table's delimiter row under a header row, or None where
        one is led by a list marker (a list item or a table: each parser decides its own way).
        A delimiter row is no header row for the next line: each pair is two lines of its own."""
        text = self.text
        found: set[int] = set()
        line = at = 0
        taken = -1
        for match in _DELIMITER_LIKE.finditer(text):
            brk = match.start()
            head = text.rfind("\n", 0, brk) + 1
            if text.find("|", head, brk) < 0:
                continue
            line += text.count("\n", at, brk + 1)
            at = brk + 1
            if line - 1 == taken:
                continue
            delimiter = text[at : match.end()].lstrip(" >")
            if delimiter.startswith("- ") or delimiter == "-" or _LIST_ITEM.match(text, head):
                return None
            found.add(line)
            taken = line
        return found

    def _text_of(self, line: int) -> str:
        """The text of one line (0-based), without its line break."""
        starts = self.starts
        end = starts[line + 1] - 1 if line + 1 < len(starts) else len(self.data)
        return self._cut(starts[line], end)

    # -- helpers

    def _line(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def _lines(self, span: dict[str, int]) -> list[int]:
        starts = self.starts
        first = bisect_right(starts, span["start"]) - 1
        return [first, max(first + 1, bisect_right(starts, span["end"] - 1))]

    def _escaped(self, start: int) -> int:
        """Where inline text starting at `start` starts in the source: an escaped character's
        range leaves out its backslash ("\\!"), which markdown-it-py's raw text keeps."""
        return start - 1 if start and self.data[start - 1] == _BACKSLASH else start

    def _cut(self, start: int, end: int) -> str:
        if self.ascii:
            return self.text[start:end]
        return self.data[start:end].decode("utf-8")

    def _open(self, token: Token) -> None:
        self.level += 1
        if self.level >= _MAX_LEVEL:
            raise _Unsure
        self.out.append(token)

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
        for number, (kind, column) in enumerate(self.containers):
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
                indent = column
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
            name = "OrderedList" if end["List"] else "BulletList"
        elif name == "Item":
            self.containers.pop()
        elif name == "BlockQuote":
            if self.out[-1].type == "blockquote_open":
                raise _Unsure  # an empty quote: markdown-it-py may take the next lines into it
            self.containers.pop()
            self.quotes -= 1
        else:
            return
        self.level -= 1
        self.out.append(_CLOSE[name])

    def _paragraph(self, _: Any, span: dict[str, int]) -> None:
        for event, _place in self.events:  # its inline events: only its range is read
            if event == _END_PARAGRAPH:
                break
        start, end = span["start"], span["end"]
        first = bisect_right(self.starts, start) - 1
        lines = [first, max(first + 1, bisect_right(self.starts, end - 1))]
        inline = Token("inline", "", lines, self._raw(start, end))
        self.out += (Token("paragraph_open", "p", lines), inline, _PARAGRAPH_CLOSE)

    def _tight(self, span: dict[str, int]) -> _Event | None:
        """Inline content straight inside a list item (a tight list): markdown-it-py wraps it
        in a hidden paragraph, one for each run of inline content. Reads the run to its end
        and returns the block event after it (None at the end of the document)."""
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
        starts = self.starts
        lines = [bisect_right(starts, start) - 1, bisect_right(starts, end - 1)]
        inline = Token("inline", "", lines, self._raw(start, end))
        self.out += (Token("paragraph_open", "p", lines), inline, _PARAGRAPH_CLOSE)
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
        if inside:
            first = self._escaped(min(map(_START, inside)))
            content = self._raw(first, max(map(_STOP, inside)))
        lines = self._lines(span)
        self._open(Token("heading_open", "h" + level[1], lines))
        self.out += (Token("inline", "", lines, content), _CLOSE[level])
        self.level -= 1

    def _item(self, _: Any, span: dict[str, int]) -> None:
        start = span["start"]
        starts = self.starts
        line = bisect_right(starts, start) - 1
        begin = starts[line]
        stop = starts[line + 1] - 1 if line + 1 < len(starts) else len(self.data)
        row = self._cut(begin, min(span["end"], stop))  # the item's first line
        at = start - begin if self.ascii else len(self._cut(begin, start))  # leading spaces
        column = len(row) - len(row[at:].lstrip(" "))
        marker = row[column:]
        number = len(marker) - len(marker.lstrip("0123456789"))
        after = marker[number + 1 :]
        spaces = len(after) - len(after.lstrip(" "))
        if spaces > 4 or spaces == len(after):
            spaces = 1
        base = self._quote_column(row) if self.quotes else 0
        lines = [line, max(line + 1, bisect_right(starts, span["end"] - 1))]
        self._open(Token("list_item_open", "li", lines, "", marker[number], marker[:number]))
        self.containers.append(("list", column - base + number + 1 + spaces))

    def _quote_column(self, row: str) -> int:
        """Where the content of the innermost quote starts on this item's first line."""
        column = 0
        for _ in range(self.quotes):
            at = row.find(">", column)
            if at < 0:
                raise _Unsure
            column = at + 1 + (row[at + 1 : at + 2] == " ")
        return column

    def _list(self, start: Any, span: dict[str, int]) -> None:
        ordered = start["List"] is not None
        kind = "ordered_list_open" if ordered else "bullet_list_open"
        self._open(Token(kind, "ol" if ordered else "ul", self._lines(span)))

    def _quote(self, _: Any, span: dict[str, int]) -> None:
        self._open(Token("blockquote_open", "blockquote", self._lines(span)))
        self.containers.append(("quote", 0))
        self.quotes += 1

    def _code(self, start: Any, span: dict[str, int]) -> None:
        texts = []
        for event, _ in self.events:
            if event == _END_CODE:
                break
            texts.append(event["Text"])
        content = "".join(texts)
        kind = start["CodeBlock"]
        lines = self._lines(span)
        if type(kind) is dict and "Fenced" in kind:
            if self.containers and span["end"] >= len(self.data):
                raise _Unsure  # a fence left open in a quote or a list: ends differ
            head = self._cut(span["start"], span["end"]).lstrip(" ")
            fence = head[: len(head) - len(head.lstrip(head[0]))]
            self.out.append(Token("fence", "code", lines, content, fence, kind["Fenced"]))
        else:  # markdown-it-py ends an indented block with a line break, even at the end
            content = content if content.endswith("\n") else content + "\n"
            self.out.append(Token("code_block", "code", lines, content))

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
        lines = self._lines({"start": span["start"], "end": end})
        self.out.append(Token("html_block", "", lines, "".join(texts)))

    def _table(self, _: Any, span: dict[str, int]) -> None:
        """A table, read to its end: its head, its rows and their cells."""
        lines = self._lines(span)
        self.tables.append((lines[0], lines[1]))
        self._open(Token("table_open", "table", lines))
        for event, place in self.events:
            if "End" in event:
                break  # the table's end: nothing else in it ends before
            lines = self._lines(place)
            head = event["Start"] == "TableHead"
            if head:
                self._open(Token("thead_open", "thead", lines))
                lines = list(lines)
            else:
                self.rows.append(lines[0])
            self._open(Token("tr_open", "tr", lines))
            self._cells()
            self.out.append(_CLOSE["TableRow"])
            self.level -= 1
            if head:
                self.out.append(_CLOSE["TableHead"])
                self.level -= 1
        self.level -= 1
        self.out.append(_CLOSE["Table"])

    def _cells(self) -> None:
        """A row's cells, each as its inline token (document.py skips their open and close
        tokens), up to the row's end."""
        events, out, cut = self.events, self.out, self._cut
        for event, span in events:
            if "End" in event:
                return
            for inner, _ in events:
                if inner == _END_CELL:
                    break
            out.append(Token("inline", "", None, cut(span["start"], span["end"]).strip()))

    def _inline_start(self, _: Any, span: dict[str, int]) -> _Event | None:
        return self._tight(span)  # emphasis or a link opening a tight item's text


def _linked(tag: dict[str, Any]) -> bool:
    """Whether a start or end event's tag (one that carries fields) is a link's or an image's."""
    return "Link" in tag or "Image" in tag


_StartReader = Callable[[_Reader, Any, dict[str, int]], "_Event | None"]
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
