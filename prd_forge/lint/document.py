"""The document model: one Markdown file as sections of blocks, built once, read by every rule.

pulldown-cmark (lint/pulldown.py) reads most documents; markdown-it-py, block-level only (its
`inline` core rule disabled), is the reference and reads every document pulldown-cmark might
read differently. Both feed the same builder (lint/sections.py). The rules need headings,
paragraphs, list items, tables and HTML, never emphasis or links: a block's text is the raw
text of its paragraph, heading or cell.

markdown-it-py's flat token stream is walked once, without building a `SyntaxTreeNode` tree:
the sections are flat too (a level says who contains whom), and a flat walk cannot hit a
recursion limit on deeply nested lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from prd_forge._records import TYPE_CHECKING
from prd_forge.lint import pulldown
from prd_forge.lint.model import Block, Comment, Document, Section, Table
from prd_forge.lint.sections import Builder, is_alert

if TYPE_CHECKING:
    from typing import Final

    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = ["Block", "Comment", "Document", "Section", "Table", "lines_of", "parse"]

# Tokens the walk has nothing to do for, tested first: most of a list is these.
_PASSED: Final = frozenset({"list_item_open", "list_item_close", "paragraph_close"})
_CELL_MARKS: Final = frozenset({"td_open", "td_close", "th_open", "th_close", "tbody_open"})


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


def lines_of(token: Token) -> tuple[int, int]:
    """1-based first and last line of a markdown-it-py block token (from its `map`)."""
    start, end = token.map or (0, 1)
    return start + 1, end if end > start else start + 1


def parse(text: str, *, reference: bool = False) -> Document:
    """Build the document model of `text` (with `reference`, from markdown-it-py alone)."""
    document = None if reference else pulldown.read(text)
    if document is None:
        builder = Builder(text)
        _walk(builder, _parser().parse(text))
        document = builder.build()
    return document


def _walk(builder: Builder, tokens: Sequence[Token]) -> None:
    """Gives the builder markdown-it-py's blocks, in order."""
    lists = quotes = 0
    alert = False
    i, n = 0, len(tokens)
    while i < n:
        token = tokens[i]
        kind = token.type
        if kind == "paragraph_open":
            start, end = lines_of(token)
            builder.paragraph(tokens[i + 1].content, start, end, lists, quotes, alert)
            i += 3
            continue
        if kind in _PASSED:
            i += 1
            continue
        if kind == "heading_open":
            builder.heading(tokens[i + 1].content.strip(), int(token.tag[1]), lines_of(token)[0])
            i += 3
            continue
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists -= 1
        elif kind == "blockquote_open":
            quotes += 1
            first = tokens[i + 2] if i + 2 < n else None  # the quote's paragraph or heading
            alert = alert or (
                first is not None and first.type == "inline" and is_alert(first.content)
            )
        elif kind == "blockquote_close":
            quotes -= 1
            alert = alert and quotes > 0
        elif kind == "table_open":
            i = _table(builder, tokens, i)
            continue
        elif kind in ("fence", "code_block"):
            fence = token.markup if kind == "fence" else ""
            builder.code(token.content, *lines_of(token), fence)
        elif kind == "html_block":
            builder.html(token.content, *lines_of(token))
        elif kind == "hr":
            _numbered_setext(builder, tokens, i)
        elif kind == "front_matter":
            builder.read_front_matter(token.content)
        i += 1


def _numbered_setext(builder: Builder, tokens: Sequence[Token], i: int) -> None:
    """A rule of dashes right after a one-item ordered list, on the line after its item."""
    token = tokens[i]
    if i < 7 or tokens[i - 7].type != "ordered_list_open" or token.markup[0] != "-":
        return
    item = tokens[i - 6]
    start = lines_of(item)[0]
    if item.type == "list_item_open" and lines_of(token)[0] == start + 1:
        builder.numbered_setext(item.info + item.markup, start)


def _table(builder: Builder, tokens: Sequence[Token], i: int) -> int:
    """Reads the table opening at `i`; returns the index after its end."""
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
    builder.table(Table(tuple(header), tuple(rows), tuple(row_lines)), start, end)
    return i + 1
