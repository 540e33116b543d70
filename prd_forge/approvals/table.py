"""The approvals table a rendered PRD shows, read back from Markdown (for lint)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from prd_forge.approvals.digest import DigestError, changed
from prd_forge.lint.document import Document

TITLE = "Approval record"
_NEEDED = ("role", "name", "date", "digest")


@dataclass(frozen=True)
class Signed:
    """One approval as a PRD shows it, with the line of its table row."""

    role: str
    name: str
    date: str
    digest: str
    line: int


def views(approvals: Sequence[Mapping[str, Any]], text: str) -> list[dict[str, Any]]:
    """What the approvals partial shows: each approval and the signed sections changed since."""
    return [
        {**approval, "changed": changed(str(approval["digest"]), text)} for approval in approvals
    ]


def read(doc: Document) -> Iterator[Signed]:
    """The approvals in the table under the PRD's `Approval record` heading."""
    for section in doc.sections:
        if section.title.strip().casefold() != TITLE.casefold():
            continue
        for block in section.blocks:
            table = block.table
            if table is None:
                continue
            header = [cell.strip().casefold() for cell in table.header]
            if not all(name in header for name in _NEEDED):
                continue
            at = {name: header.index(name) for name in _NEEDED}
            for row, line in zip(table.rows, table.row_lines, strict=True):
                cells = [cell.strip().strip("`").strip() for cell in row]
                if len(cells) >= len(header):
                    role, name, day, digest = (cells[at[key]] for key in _NEEDED)
                    yield Signed(role, name, day, digest, line)


def stale(doc: Document) -> Iterator[tuple[Signed, list[str] | DigestError]]:
    """Each approval whose signed sections changed (or whose digest does not parse)."""
    for signed in read(doc):
        try:
            found: list[str] | DigestError = changed(signed.digest, doc.text)
        except DigestError as error:
            found = error
        if found:
            yield signed, found
