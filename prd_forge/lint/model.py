"""The document model's records: sections of blocks, built once from a Markdown file (see
document.parse) and read by every rule."""

from __future__ import annotations

from collections.abc import Sequence

from prd_forge._records import NamedTuple


class Table(NamedTuple):
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_lines: tuple[int, ...]


class Block(NamedTuple):
    """A unit of body text.

    kind: paragraph, item (list item paragraph), table, code, html, comment, quote, or alert
    (a GitHub `> [!WARNING]` / `> [!CAUTION]` block, which prd-forge drafts use to mark gaps).
    For a table, `text` is every cell joined and `table` holds the cells.
    """

    kind: str
    text: str
    line: int
    end_line: int
    depth: int = 0
    table: Table | None = None


class Section(NamedTuple):
    """A heading (or a bold pseudo-heading) and the blocks up to the next heading."""

    title: str
    level: int  # 0 for the preamble before the first heading, 1-6 for headings, 7 pseudo
    line: int
    end_line: int
    blocks: tuple[Block, ...]
    pseudo: bool = False


class Comment(NamedTuple):
    line: int
    text: str


class Document(NamedTuple):
    text: str
    line_count: int
    front_matter: dict[str, str]
    sections: tuple[Section, ...]
    comments: tuple[Comment, ...]
    unclosed_fence: int | None = None  # line of a code fence that runs to the end of the file
    subtree_ends: tuple[int, ...] = ()  # per section: the index after its subtree

    def subtree(self, index: int) -> Sequence[Section]:
        """The section at `index` and every section nested below it."""
        return self.sections[index : self.subtree_ends[index]]

    def subtree_end(self, index: int) -> int:
        return self.subtree_ends[index]

    @property
    def title_index(self) -> int | None:
        """The index of the document title: the single level-1 heading, when it is the first
        heading and other headings follow (a lone "Evaluation" heading is a section)."""
        headings = [i for i, s in enumerate(self.sections) if s.level and not s.pseudo]
        ones = [i for i in headings if self.sections[i].level == 1]
        if len(ones) == 1 and headings[0] == ones[0] and len(headings) > 1:
            return ones[0]
        return None
