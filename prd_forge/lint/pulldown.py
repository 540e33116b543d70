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

import bisect
import re
from collections.abc import Iterator
from typing import Any, Final

# markdown-it-py's maxNesting (document.py): past it markdown-it-py skips the rest of the
# document; well below it, both read the same blocks
_MAX_LEVEL: Final = 36
# characters that make the two read a document differently
_UNSURE: Final = ("\t", "\\|", "\x0b", "\x0c")
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


class _Unsure(Exception):
    """The document holds something the two parsers may read differently."""


def tokens(text: str) -> list[Token] | None:
    """markdown-it-py's block tokens for `text` (the ones document.py reads), or None where
    pulldown-cmark might read the document differently."""
    if "\r" in text or "\0" in text:
        # as markdown-it-py's normalize rule: every line break a "\n", NUL the replacement
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")
    if any(mark in text for mark in _UNSURE) or ("]:" in text and _REFERENCE.search(text)):
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
        content, last = found
        front.append(Token("front_matter", "", [0, last + 1], content))
        rest = text.split("\n", last + 1)
        body = "\n" * (last + 1) + (rest[last + 1] if len(rest) > last + 1 else "")
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


def _front_matter(text: str) -> tuple[str, int] | None:
    """The front matter markdown-it-py's plugin finds: its content and the index of its closing
    line, or None (mdit_py_plugins.front_matter, read line by line)."""
    lines = text.split("\n")
    markers = len(lines[0]) - len(lines[0].lstrip("-"))
    if markers < 3:
        return None
    for index in range(1, len(lines)):
        line = lines[index]
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if indent == 0 and stripped.startswith("...") and not stripped[3:].strip(" "):
            break
        if indent >= 4 or not stripped.startswith("-"):
            continue
        run = len(stripped) - len(stripped.lstrip("-"))
        if run >= markers and not stripped[run:].strip(" "):
            break
    else:
        return None  # unclosed: markdown-it-py reads no front matter
    return "\n".join(lines[1:index]), index


class _Reader:
    """One pass over pulldown-cmark's events, writing markdown-it-py's tokens."""

    def __init__(self, text: str) -> None:
        import pyromark  # here: a run answered from the cache never parses

        self.data = text.encode("utf-8")
        self.ascii = len(self.data) == len(text)
        self.text = text
        starts = [0]
        find = self.data.find
        at = find(b"\n")
        while at >= 0:
            starts.append(at + 1)
            at = find(b"\n", at + 1)
        self.starts = starts
        events = pyromark.events_with_range(text, options=pyromark.Options(_TABLES))
        self.events: Iterator[tuple[Any, dict[str, int]]] = iter(events)  # type: ignore[arg-type]
        self.out: list[Token] = []
        self.level = 0
        # containers open around the current block: ("quote", 0) or ("list", content column)
        self.containers: list[tuple[str, int]] = []
        # the open run of a tight item's inline content: its inline token, where it starts and
        # ends, and its closing token (the run goes on while that is the last token written)
        self._run: tuple[Token, int, int, Token] | None = None
        self.tables: list[tuple[int, int]] = []  # each table's first line and the line after it
        self.rows: list[int] = []  # the line of each table row

    def read(self) -> list[Token]:
        for event, span in self.events:
            if type(event) is dict:
                if "Start" in event:
                    self._start(event["Start"], span)
                elif "End" in event:
                    self._end(event["End"])
                else:  # inline content of a tight list item
                    self._tight(span)
            elif event == "Rule":
                line = self._line(span["start"])
                mark = self._cut(span["start"], span["end"]).strip()[:1]
                self.out.append(Token("hr", "hr", [line, line + 1], markup=mark))
            elif event in ("SoftBreak", "HardBreak"):
                self._tight(span)
        return self.out

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
        return bisect.bisect_right(self.starts, offset) - 1

    def _lines(self, span: dict[str, int]) -> list[int]:
        start, end = span["start"], span["end"]
        first = self._line(start)
        return [first, max(first + 1, self._line(end - 1) + 1)]

    def _escaped(self, start: int) -> int:
        """Where inline text starting at `start` starts in the source: an escaped character's
        range leaves out its backslash ("\\!"), which markdown-it-py's raw text keeps."""
        return start - 1 if start and self.data[start - 1] == _BACKSLASH else start

    def _cut(self, start: int, end: int) -> str:
        if self.ascii:
            return self.text[start:end]
        return self.data[start:end].decode("utf-8")

    def _open(self, kind: str, tag: str, lines: list[int] | None, **extra: str) -> None:
        self.level += 1
        if self.level >= _MAX_LEVEL:
            raise _Unsure
        self.out.append(Token(kind, tag, lines, **extra))

    def _raw(self, start: int, end: int) -> str:
        """A paragraph's text as markdown-it-py's getLines cuts it, stripped."""
        chunk = self._cut(start, end)
        if "\n" not in chunk.rstrip("\n"):
            return chunk.strip()
        lines = chunk.rstrip("\n").split("\n")
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

    def _start(self, start: Any, span: dict[str, int]) -> None:
        name = start if type(start) is str else next(iter(start))
        if name == "Paragraph":
            self._paragraph(span)
        elif name == "Heading":
            self._heading(int(start["Heading"]["level"][1]), span)
        elif name == "Item":
            self._item(span)
        elif name == "List":
            ordered = start["List"] is not None
            kind = "ordered_list_open" if ordered else "bullet_list_open"
            self._open(kind, "ol" if ordered else "ul", self._lines(span))
        elif name == "BlockQuote":
            self._open("blockquote_open", "blockquote", self._lines(span))
            self.containers.append(("quote", 0))
        elif name == "CodeBlock":
            self._code(start, span)
        elif name == "HtmlBlock":
            self._html(span)
        elif name == "Table":
            lines = self._lines(span)
            self.tables.append((lines[0], lines[1]))
            self._open("table_open", "table", lines)
        elif name == "TableHead":
            lines = self._lines(span)
            self._open("thead_open", "thead", lines)
            self._open("tr_open", "tr", list(lines))
        elif name == "TableRow":
            lines = self._lines(span)
            self.rows.append(lines[0])
            self._open("tr_open", "tr", lines)
        elif name == "TableCell":
            self._cell(span)
        elif name in _INLINE_STARTS:
            self._tight(span)  # emphasis or a link opening a tight item's text
        else:
            raise _Unsure  # a block pulldown-cmark knows and this reader does not

    def _end(self, end: Any) -> None:
        name = end if type(end) is str else next(iter(end))
        closing = _CLOSING.get(name)
        if closing is None:
            return
        if name == "List":
            closing = "ordered_list_close" if end["List"] else "bullet_list_close"
        if name in ("BlockQuote", "Item"):
            self.containers.pop()
        if name == "BlockQuote" and self.out[-1].type == "blockquote_open":
            raise _Unsure  # an empty quote: markdown-it-py may take the next lines into it
        if name == "TableHead":
            self.out.append(Token("tr_close", "tr"))
            self.level -= 1
        self.level -= 1
        self.out.append(Token(closing))

    def _skip_to_end(self) -> list[tuple[Any, dict[str, int]]]:
        """The events up to the end of the block just started (nested ones included)."""
        inside: list[tuple[Any, dict[str, int]]] = []
        depth = 1
        for event, span in self.events:
            if type(event) is dict:
                if "Start" in event:
                    depth += 1
                elif "End" in event:
                    depth -= 1
                    if depth == 0:
                        return inside
            inside.append((event, span))
        return inside

    def _paragraph(self, span: dict[str, int]) -> None:
        self._skip_to_end()
        lines = self._lines(span)
        content = self._raw(span["start"], span["end"])
        out = self.out
        out.append(Token("paragraph_open", "p", lines))
        out.append(Token("inline", "", lines, content))
        out.append(Token("paragraph_close", "p"))

    def _tight(self, span: dict[str, int]) -> None:
        """Inline content straight inside a list item (a tight list): markdown-it-py wraps it
        in a hidden paragraph, one for each run of inline content."""
        if self._run is not None and self.out and self.out[-1] is self._run[3]:
            inline, start, end, closing = self._run
            end = max(span["end"], end)
        else:
            start, end = self._escaped(span["start"]), span["end"]
            inline, closing = Token("inline"), Token("paragraph_close", "p")
            self.out += (Token("paragraph_open", "p"), inline, closing)
        self._run = (inline, start, end, closing)
        lines = [self._line(start), self._line(end - 1) + 1]
        self.out[-3].map = inline.map = lines
        inline.content = self._raw(start, end)

    def _heading(self, level: int, span: dict[str, int]) -> None:
        inside = self._skip_to_end()
        starts = [s["start"] for _, s in inside]
        ends = [s["end"] for _, s in inside]
        content = self._raw(self._escaped(min(starts)), max(ends)) if inside else ""
        lines = self._lines(span)
        self._open("heading_open", f"h{level}", lines)
        self.out.append(Token("inline", "", lines, content))
        self.level -= 1
        self.out.append(Token("heading_close", f"h{level}"))

    def _item(self, span: dict[str, int]) -> None:
        start = span["start"]
        line = self._line(start)
        row = self._cut(self.starts[line], span["end"]).split("\n", 1)[0]
        at = len(self._cut(self.starts[line], start))  # the item's range may start with spaces
        column = len(row) - len(row[at:].lstrip(" "))
        marker = row[column:]
        number = len(marker) - len(marker.lstrip("0123456789"))
        after = marker[number + 1 :]
        spaces = len(after) - len(after.lstrip(" "))
        if spaces > 4 or spaces == len(after):
            spaces = 1
        base = self._quote_column(row)
        self._open(
            "list_item_open",
            "li",
            self._lines(span),
            markup=marker[number],
            info=marker[:number],
        )
        self.containers.append(("list", column - base + number + 1 + spaces))

    def _quote_column(self, row: str) -> int:
        """Where the content of the innermost quote starts on this item's first line."""
        quotes = sum(1 for kind, _ in self.containers if kind == "quote")
        column = 0
        for _ in range(quotes):
            at = row.find(">", column)
            if at < 0:
                raise _Unsure
            column = at + 1 + (row[at + 1 : at + 2] == " ")
        return column

    def _code(self, start: Any, span: dict[str, int]) -> None:
        inside = self._skip_to_end()
        content = "".join(event["Text"] for event, _ in inside)
        kind = start["CodeBlock"]
        lines = self._lines(span)
        if type(kind) is dict and "Fenced" in kind:
            if self.containers and span["end"] >= len(self.data):
                raise _Unsure  # a fence left open in a quote or a list: ends differ
            head = self._cut(span["start"], span["end"]).lstrip(" ")
            fence = head[: len(head) - len(head.lstrip(head[0]))]
            self.out.append(Token("fence", "code", lines, content, fence, kind["Fenced"]))
        else:  # markdown-it-py ends an indented block with a line break, even at the end
            self.out.append(
                Token(
                    "code_block",
                    "code",
                    lines,
                    content if content.endswith("\n") else content + "\n",
                )
            )

    def _html(self, span: dict[str, int]) -> None:
        inside = self._skip_to_end()
        # the block's indent comes as a Text event before its first line
        content = "".join(event.get("Html") or event.get("Text", "") for event, _ in inside)
        # its lines are those of its content: the block's range may take in a blank line after
        end = max((place["end"] for _, place in inside), default=span["end"])
        self.out.append(
            Token("html_block", "", self._lines({"start": span["start"], "end": end}), content)
        )

    def _cell(self, span: dict[str, int]) -> None:
        """A cell's inline token (document.py skips the cell's own open and close tokens)."""
        self._skip_to_end()
        self.out.append(Token("inline", "", None, self._cut(span["start"], span["end"]).strip()))


_CLOSING: Final = {
    "BlockQuote": "blockquote_close",
    "Item": "list_item_close",
    "List": "bullet_list_close",
    "Table": "table_close",
    "TableHead": "thead_close",
    "TableRow": "tr_close",
}
