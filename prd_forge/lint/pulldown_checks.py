"""Where pulldown-cmark and markdown-it-py might read a document differently (lint/pulldown.py).

A document that fails one of these checks goes to markdown-it-py, the reference: tabs (which
markdown-it-py counts its own way), escaped pipes, link reference definitions (markdown-it-py
ends one at its line, CommonMark's paragraph may go on), a quote marker indented as code, a
document that starts with "-" but no front matter (markdown-it-py's front matter rule also fires
inside such a first list item), and any table whose extent is in doubt (a list marker on its
first rows, a delimiter row only pulldown-cmark accepts, an indented row, a line right after it).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from prd_forge._records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Final

# a line of dashes, colons and pipes (after any quote markers): under a line with a pipe, a
# table's delimiter row for one parser or the other, or for neither (a setext heading, a rule)
# (led by its line break, which the regex engine finds by a fast scan for that one character;
# over the text's bytes, as pulldown-cmark's ranges are)
_DELIMITER_LIKE: Final = re.compile(rb"\n[ >]*+[-:|][-:| ]*+$", re.MULTILINE)
# a link reference definition: markdown-it-py ends it at its line, CommonMark's paragraph may
# go on ("[ref]: url" over an indented line is a paragraph to pulldown-cmark, code to it)
# (after any quote or list markers; a label may run over lines, up to CommonMark's 999 characters)
_REFERENCE: Final = re.compile(r"^[ >*+\-\d.)]*\[[^\]]{0,999}\]:", re.MULTILINE)
_LIST_ITEM: Final = re.compile(rb"[ >]*(?:[-+*]|[0-9]{1,9}[.)])(?: |$)", re.MULTILINE)
_HEADING: Final = re.compile(r"#{1,6}(?: |$)")
_DELIMITER_CELL: Final = re.compile(r":?-+:?")
# a line indented as code that starts with a quote marker: after a quote, markdown-it-py may
# take it into the quote, pulldown-cmark reads code
_INDENTED_QUOTE: Final = re.compile(r"^ {4,}>", re.MULTILINE)


def doubtful(text: str, data: bytes) -> bool:
    """Whether `text` (`data` in UTF-8) holds what the two parsers may read differently, found
    from the text alone: tabs, escaped pipes, vertical tabs or form feeds, a link reference
    definition, a quote marker indented as code. (A scan for one character is the quickest:
    each longer needle is looked for only where its first character is found.)"""
    if b"\t" in data or b"\x0b" in data or b"\x0c" in data:
        return True
    if b"\\" in data and b"\\|" in data:
        return True
    if b"]:" in data and _REFERENCE.search(text):
        return True
    return b">" in data and b"    >" in data and _INDENTED_QUOTE.search(text) is not None


def front_matter(text: str) -> tuple[str, int, int] | None:
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


def tables_agree(
    data: bytes, starts: list[int], tables: list[tuple[int, int]], line: Callable[[int], str]
) -> bool:
    """Whether the places in `data` that look like a table's first two rows are exactly the
    `tables` pulldown-cmark read (each its first line and the line after it, 0-based), neither
    row led by a list marker (markdown-it-py tries a table before a list item and
    pulldown-cmark after, and only pulldown-cmark takes "- |" for a delimiter row), and where
    each table ends is beyond doubt. `starts` holds where each line starts in `data`; `line`
    gives a line's text."""
    for first, end in tables:
        if not _delimiter_row(line(first + 1)):
            return False  # pulldown-cmark takes more for a delimiter row (":" alone)
        after = line(end).lstrip(" >")
        if after and not _HEADING.match(after):
            return False  # which lines go on a table is where the two differ most
    return _table_like(data, starts) == {first + 1 for first, _ in tables}


def _delimiter_row(line: str) -> bool:
    """Whether markdown-it-py reads this line as a table's delimiter row: cells of dashes with
    an optional colon at either end, none empty but the ones outside the outer pipes."""
    cells = line.lstrip(" >").strip().split("|")
    if cells and not cells[0].strip():
        cells.pop(0)
    if cells and not cells[-1].strip():
        cells.pop()
    return bool(cells) and all(_DELIMITER_CELL.fullmatch(cell.strip()) for cell in cells)


def _table_like(data: bytes, starts: list[int]) -> set[int] | None:
    """The lines that look like a table's delimiter row under a header row, or None where
    one is led by a list marker (a list item or a table: each parser decides its own way).
    A delimiter row is no header row for the next line: each pair is two lines of its own."""
    found: set[int] = set()
    taken = -1
    for match in _DELIMITER_LIKE.finditer(data):
        brk = match.start()
        head = data.rfind(b"\n", 0, brk) + 1
        if data.find(b"|", head, brk) < 0:
            continue
        line = bisect_right(starts, brk)  # (0-based: the line after the break's)
        if line - 1 == taken:
            continue
        delimiter = data[brk + 1 : match.end()].lstrip(b" >")
        if delimiter.startswith(b"- ") or delimiter == b"-" or _LIST_ITEM.match(data, head):
            return None
        found.add(line)
        taken = line
    return found
