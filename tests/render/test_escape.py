"""User text renders as itself: it never breaks a table, starts a heading or becomes a link."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from prd_forge.render import escape

PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])

# Printable text, without NUL and surrogates (not valid in an answers file anyway).
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00"),
    max_size=60,
) | st.text(alphabet="|#>-+=*_`[]()<>!&;~\\:0123456789. \nabcx{}%", max_size=40)


def _plain(token: Token) -> str:
    """The text an inline token renders, asserting it holds no structure at all."""
    assert token.children is not None
    kinds = {child.type for child in token.children}
    assert kinds <= {"text", "softbreak"}, kinds
    return "".join(c.content if c.type == "text" else " " for c in token.children)


def _inlines(markdown: str) -> list[Token]:
    return [token for token in PARSER.parse(markdown) if token.type == "inline"]


def _expected(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("plain words", "plain words"),
        ("a | b", "a \\| b"),
        ("# heading", "\\# heading"),
        ("> quote", "\\> quote"),
        ("- item", "\\- item"),
        ("-3% churn", "-3% churn"),
        ("1. first", "1\\. first"),
        ("support_copilot_enabled", "support_copilot_enabled"),
        ("_emphasis_", "\\_emphasis\\_"),
        ("[link](http://x)", "\\[link\\](http://x)"),
        ("<script>alert(1)</script>", "\\<script>alert(1)\\</script>"),
        ("< 0.7", "< 0.7"),
        ("&amp; &copy", "\\&amp; &copy"),
        ("{{ spec }} {% if %}", "{{ spec }} {% if %}"),
        ("two\nlines", "two lines"),
        ("---", "\\---"),
    ],
)
def test_inline_escapes_only_what_would_become_structure(text: str, markdown: str) -> None:
    assert escape.inline(text) == markdown


def test_block_keeps_paragraphs_and_escapes_each_line() -> None:
    assert escape.block("First line\n# not a heading\n\n\n  second para ") == (
        "First line\n\\# not a heading\n\nsecond para"
    )


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_a_table_cell_keeps_its_columns_and_its_text(text: str) -> None:
    markdown = f"| a | b |\n|---|---|\n| {escape.inline(text)} | end |\n"
    tokens = PARSER.parse(markdown)
    cells = [t for t in tokens if t.type == "inline"][2:]
    assert len(cells) == 2
    assert _plain(cells[0]) == _expected(text)
    assert cells[1].content == "end"


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_a_list_item_stays_one_item_of_plain_text(text: str) -> None:
    tokens = PARSER.parse(f"- {escape.inline(text)}\n- end\n")
    assert [t.type for t in tokens].count("list_item_open") == 2
    assert "heading_open" not in [t.type for t in tokens]
    first = _inlines(f"- {escape.inline(text)}\n- end\n")
    if _expected(text):
        assert _plain(first[0]) == _expected(text)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_a_block_renders_only_paragraphs_of_its_text(text: str) -> None:
    tokens = PARSER.parse(f"## Title\n\n{escape.block(text)}\n")
    kinds = {t.type for t in tokens[3:]}
    assert kinds <= {"paragraph_open", "paragraph_close", "inline"}, kinds
    rendered = " ".join(_plain(t) for t in _inlines(escape.block(text)))
    assert " ".join(rendered.split()) == _expected(text)


@pytest.mark.parametrize(
    ("value", "text"), [(5.0, "5"), (0.97, "0.97"), (1200, "1200"), (True, "yes"), (-2.5, "-2.5")]
)
def test_numbers_render_as_people_write_them(value: float, text: str) -> None:
    assert escape.number(value) == text
