"""References between tables: the fallback ids a failure table names must be defined.

A rendered PRD (and many hand-written ones) names fallbacks by id in a failure table's
Fallback column (`hold-low-confidence`) and defines each in the Fallbacks section. Delete that
section and the column still reads as covering fallbacks, though nothing it names exists. An id
is a backticked token in a Fallback or UX state column that is not the table's first column; it
is defined where a table row starts with it, a heading names it, or a paragraph or list item
opens with it.
"""

from __future__ import annotations

from collections.abc import Iterator

from prd_forge._records import TYPE_CHECKING, NamedTuple
from prd_forge.lint._re import lazy
from prd_forge.lint.document import Block, Document, Table

if TYPE_CHECKING:
    from typing import Final

_ID: Final = lazy(r"`([A-Za-z0-9][\w.-]{0,80})`")
_OPENING_ID: Final = lazy(r"[ \t*_]*`([A-Za-z0-9][\w.-]{0,80})`")
_COLUMNS: Final = ("fallback", "mitigation", "ux state")


class Reference(NamedTuple):
    """An id a table cell names, where it is named, and whether anything defines it."""

    id: str
    line: int
    defined: bool


def reference_columns(table: Table) -> tuple[int, ...]:
    """The columns (never the first) whose cells name fallbacks or UX states by id."""
    header = [cell.lower() for cell in table.header]
    return tuple(c for c, cell in enumerate(header) if c and any(w in cell for w in _COLUMNS))


def ids_in(cell: str) -> list[str]:
    return [match.group(1).lower() for match in _ID.finditer(cell)] if "`" in cell else []


def references(doc: Document) -> tuple[Reference, ...]:
    """Every id named in a reference column, in document order."""
    named = list(_named(doc))
    if not named:
        return ()
    defined = defined_ids(doc)
    return tuple(Reference(name, line, name in defined) for name, line in named)


def _named(doc: Document) -> Iterator[tuple[str, int]]:
    for block in _tables(doc):
        assert block.table is not None
        columns = reference_columns(block.table)
        for line, row in zip(block.table.row_lines, block.table.rows, strict=False):
            for column in columns:
                if column < len(row):
                    yield from ((name, line) for name in ids_in(row[column]))


def _tables(doc: Document) -> Iterator[Block]:
    for section in doc.sections:
        yield from (block for block in section.blocks if block.table is not None)


def defined_ids(doc: Document) -> frozenset[str]:
    """The ids the document defines: first cells of table rows, headings, opening labels."""
    found: set[str] = set()
    for section in doc.sections:
        found.update(ids_in(section.title))
        found.update(_plain(section.title))
        for block in section.blocks:
            if block.table is not None:
                for row in block.table.rows:
                    if row:
                        found.update(ids_in(row[0]))
                        found.update(_plain(row[0]))
            elif block.kind in ("paragraph", "item"):
                match = _OPENING_ID.match(block.text)
                if match:
                    found.add(match.group(1).lower())
    return frozenset(found)


def _plain(text: str) -> set[str]:
    """A heading or first cell that is just an id without backticks ("hold-low-confidence")."""
    bare = text.strip(" *_`").lower()
    return {bare} if bare and " " not in bare and len(bare) <= 80 else set()
