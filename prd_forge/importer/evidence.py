"""Concerns lint finds by their content rather than a heading: the text it found them in.

When lint's analysis says a concern is present or partial through a sentence or a table in
another section ("Today agents handle 9,000 tickets a day" in the Problem section), that block
goes to the concern's nearest free-text field, as unlabelled text under its own heading would.
"""

from __future__ import annotations

import re

from prd_forge import catalogue
from prd_forge.importer import prose, tables
from prd_forge.importer import text as cells
from prd_forge.importer.walk import Facts, template_sentence
from prd_forge.lint.coverage import PARTIAL, PRESENT, Analysis
from prd_forge.lint.document import Block, Document

# A table found to cover a concern: the column whose cells hold it.
_COLUMNS = {
    "fallbacks": ("mitigation", "fallback", "recovery", "contingency"),
    "baseline": ("baseline", "today", "current", "as-is", "status quo"),
}


def _has(facts: Facts, concern: str) -> bool:
    fields = [f for f in catalogue.get(concern).fields if f != "feature"]
    said = [*facts.values, *facts.items]
    return any(path == f or path.startswith(f + ".") for path in said for f in fields)


def _blocks(doc: Document) -> dict[int, tuple[Block, str]]:
    return {
        block.line: (block, section.title) for section in doc.sections for block in section.blocks
    }


def _cells(block: Block, concern: str) -> list[tuple[str, int]]:
    table = block.table
    if table is None:
        return [(block.text, block.line)]
    header = [cell.casefold() for cell in table.header]
    words = _COLUMNS.get(concern, ())
    column = next((i for i, h in enumerate(header) if any(w in h for w in words)), None)
    found = []
    for row, line in zip(table.rows, table.row_lines, strict=False):
        text = row[column] if column is not None and column < len(row) else "; ".join(row)
        if concern == "baseline" and column:  # "Invoices routed correctly: 71%"
            text = f"{row[0]}: {text}"
        found.append((text, line))
    return found


def _fed(block: Block, concern: str) -> bool:
    fields = catalogue.get(concern).fields
    assert block.table is not None
    return any(
        path == f or path.startswith(f + ".")
        for path, _, _ in tables.items_of(block.table)
        for f in fields
    )


def _baseline_column(facts: Facts, doc: Document) -> None:
    """A metrics table with a baseline column ("| Metric | Baseline | Target |") states what
    each metric is today: the baseline, when nothing else in the document gives it."""
    if _has(facts, "baseline"):
        return
    for block, _ in _blocks(doc).values():
        table = block.table
        if table is None or not any(path == "metrics" for path, _, _ in tables.items_of(table)):
            continue
        header = [cell.casefold() for cell in table.header]
        if any(word in cell for cell in header[1:] for word in _COLUMNS["baseline"]):
            rows = [cells.plain(text) for text, _ in _cells(block, "baseline")]
            facts.put("baseline", "baseline.measured_value", "; ".join(rows), block.line)
            return


def add(facts: Facts, doc: Document, analysis: Analysis) -> None:
    """Place the block lint found each still-unfilled concern in."""
    _place(facts, doc, analysis)
    _baseline_column(facts, doc)


def _place(facts: Facts, doc: Document, analysis: Analysis) -> None:
    blocks = _blocks(doc)
    for concern, found in analysis.coverage.items():
        if found.state not in (PRESENT, PARTIAL) or found.via not in ("text", "table"):
            continue
        if concern not in catalogue.IDS or _has(facts, concern) or found.line not in blocks:
            continue
        block, title = blocks[found.line]
        if template_sentence(block.text):
            continue  # prd-forge's own wording around answers, not evidence of a concern
        if block.table is not None and _fed(block, concern):
            continue  # a table mapped by its header has given this concern what it holds
        if concern == "baseline" and block.table is not None:
            rows = [cells.plain(text) for text, _ in _cells(block, concern)]
            facts.put(concern, "baseline.measured_value", "; ".join(rows), block.line)
            continue
        for text, line in _cells(block, concern):
            if cells.codes(text) and not re.sub(r"`[^`]*`|[,\s]", "", text):
                continue  # references to ids defined elsewhere, not a description
            made = prose.place(concern, cells.plain(text), title)
            if made is not None:
                facts.put(concern, made[0], made[1], line)
