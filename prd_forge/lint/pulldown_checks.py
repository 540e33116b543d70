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
from typing import Final

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


def doubtful(text: str) -> bool:
    """Whether `text` holds what the two parsers may read differently, found from the text
    alone: tabs, escaped pipes, vertical tabs or form feeds, a link reference definition, a
    quote marker indented as code."""
    if "\t" in text or "\\|" in text or "\x0b" in text or "\x0c" in text:
        return True
    if "]:" in text and _REFERENCE.search(text):
        return True
    return "    >" in text and _INDENTED_QUOTE.search(text) is not None


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


def tables_agree(text: str, tables: list[tuple[int, int]], rows: list[int]) -> bool:
    """Whether the places in `text` that look like a table's first two rows are exactly the
    `tables` pulldown-cmark read (each its first line and the line after it, 0-based), neither
    row led by a list marker (markdown-it-py tries a table before a list item and
    pulldown-cmark after, and only pulldown-cmark takes "- |" for a delimiter row), and where
    each table ends is beyond doubt (`rows`: the line of each body row)."""
    lines = text.split("\n")
    for first, end in tables:
        if not _delimiter_row(lines[first + 1]):
            return False  # pulldown-cmark takes more for a delimiter row (":" alone)
        after = lines[end].lstrip(" >") if end < len(lines) else ""
        if after and not _HEADING.match(after):
            return False  # which lines go on a table is where the two differ most
    for row in rows:
        if len(lines[row]) - len(lines[row].lstrip(" ")) >= 4:
            return False  # an indented row: code to markdown-it-py, a row to pulldown
    return _table_like(text) == {first + 1 for first, _ in tables}


def _delimiter_row(line: str) -> bool:
    """Whether markdown-it-py reads this line as a table's delimiter row: cells of dashes with
    an optional colon at either end, none empty but the ones outside the outer pipes."""
    cells = line.lstrip(" >").strip().split("|")
    if cells and not cells[0].strip():
        cells.pop(0)
    if cells and not cells[-1].strip():
        cells.pop()
    return bool(cells) and all(_DELIMITER_CELL.fullmatch(cell.strip()) for cell in cells)


def _table_like(text: str) -> set[int] | None:
    """The lines that look like a table's delimiter row under a header row, or None where
    one is led by a list marker (a list item or a table: each parser decides its own way).
    A delimiter row is no header row for the next line: each pair is two lines of its own."""
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
