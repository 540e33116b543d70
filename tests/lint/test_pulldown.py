"""pulldown-cmark and markdown-it-py give lint the same document, or pulldown.read says unsure.

markdown-it-py is the reference (document.parse(text, reference=True)); every document here is
built both ways and the two models must be equal, field by field.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from prd_forge.lint import pulldown
from prd_forge.lint.document import parse

ROOT = Path(__file__).resolve().parents[2]


def _same(text: str) -> None:
    assert parse(text) == parse(text, reference=True)


def _markdown_files() -> list[Path]:
    skip = {".venv", ".git", "node_modules", ".work"}
    return sorted(
        path for path in ROOT.rglob("*.md") if not skip & set(path.relative_to(ROOT).parts)
    )


def test_every_markdown_file_in_the_repository_reads_the_same() -> None:
    files = _markdown_files()
    assert len(files) > 150  # the labelled corpus, docs, goldens, fixtures
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert parse(text) == parse(text, reference=True), path


def test_the_benchmark_corpus_reads_the_same(tmp_path: Path) -> None:
    from benchmarks import corpus

    for path in corpus.build(tmp_path, files=60, big_bytes=200_000).files:
        _same(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        "a\tb\n",  # tabs: columns are counted differently
        "| a | b |\n|---|---|\n| x \\| y | z |\n",  # an escaped pipe in a cell
        "".join("  " * depth + "- item\n" for depth in range(40)),  # deep enough to stop it
        "> " * 50 + "quote\n",
    ],
)
def test_what_the_two_may_read_differently_goes_to_markdown_it_py(text: str) -> None:
    assert pulldown.read(text) is None
    _same(text)


@pytest.mark.parametrize(
    "text",
    [
        "> [!WARNING]\n> text\n\nafter\n",  # a gap alert: its paragraphs are alerts
        "> # [!CAUTION]\n> x\n",  # an alert opened by a heading
        "> > [!WARNING]\n> > x\n> y\n\nz\n",  # the alert ends with the outer quote
        "> [!NOTE]\n> x\n",  # not a gap: a quote
        "> - [!WARNING]\n> x\n",  # a list first in the quote: no alert
        "1. Summary\n---\ntext\n",  # a numbered setext heading
        "07. a\n---\n",  # its number as written
        "1. a\n2. ---\n",  # the rule in the next item
        "> 1. a\n> ---\n",  # in a quote
        "1. > q\n   ---\n",  # the item's paragraph in a quote
        "1. a\n   1. b\n   ---\n",  # a nested list's first item
        "1. a\n2. b\n---\n",  # two items: a list and a rule
        "1. a\n***\n",  # not a rule of dashes
        "x\n\n- > a\n  > b\n",  # a quote's lines in an item: the item's column, no quote's
        "x\n\n- > - a\n  >   b\n",  # an item in a quote in an item
        "> 1. a\n>    b\n> 2. c\n",  # an item's lines in a quote
        "---\nowner: x\n---",  # front matter closed on the last line: the lines counted
    ],
)
def test_shapes_read_straight_into_the_builder_read_the_same(text: str) -> None:
    assert pulldown.read(text) == parse(text, reference=True)


def test_ordinary_documents_are_read_by_pulldown() -> None:
    text = (ROOT / "tests/corpus/docs").glob("*.md").__next__().read_text(encoding="utf-8")
    assert pulldown.read(text) is not None
    assert pulldown.read(text.replace("\n", "\r\n")) is not None  # saved on Windows


# Random documents from the pieces PRDs are made of, in any order and nesting.
_WORDS = st.sampled_from(
    [
        *("Risk", "fallback", "**Owner:**", "TBD", "the model", "`code`", "*note*", "x", "1.", "|"),
        *("“curly”", "é—ü", "🚀", "<b>", "#", "\\", "[link](u)", "_x_", "**", "->"),
    ]
)
_TEXT = st.lists(_WORDS, min_size=1, max_size=5).map(" ".join)
_PREFIX = st.sampled_from(
    ["", "", "", "- ", "* ", "+ ", "1. ", "2) ", "> ", "> > ", ">", "  ", "   ", "    ", "  - "]
)
_LINE = st.one_of(
    st.tuples(_PREFIX, _TEXT).map("".join),
    st.tuples(st.sampled_from(["# ", "## ", "### ", "#### "]), _TEXT).map("".join),
    st.sampled_from(
        [
            "",
            "",
            "---",
            "***",
            "===",
            "```",
            "~~~",
            "```mermaid",
            "<!-- comment -->",
            "<details>",
            "<summary>Fallbacks</summary>",
            "</details>",
            "| a | b |",
            "|---|---|",
            "| --- | :-: |",
            "| x | y |",
            "a | b",
            "--- | ---",
            "- [ ] to do",
            "- [x] done",
            "> [!WARNING]",
            "> - item",
            "- > quoted",
            "  - nested",
            "    - deeper",
            "  continued",
            "1. Summary",
            "2. ---",
            "> # [!CAUTION]",
            "[ref]: https://example.com",
            "**Risk:** data",
            "...",
            "===",
            "## Fallbacks ##",
            "#",
            "<h2>Rollout</h2>",
            "<div>",
            "</div>",
            "   ```",
            "| a |",
            "|:--|",
            "| — | “q” |",
            "> | a | b |",
            "> |---|---|",
            "  | a | b |",
            "  |---|---|",
            "- | a | b |",
            "10. ten",
            "-",
            "* * *",
        ]
    ),
)
_DOC = st.lists(_LINE, min_size=1, max_size=18).map("\n".join)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOC, st.booleans(), st.booleans())
@example("- **Risk:**\n  :\n  fallback", False, False)
@example("---\nowner: fallback\n---\n# Goals", False, True)
def test_random_documents_read_the_same(body: str, front: bool, newline: bool) -> None:
    text = ("---\nstatus: draft\n---\n" if front else "") + body + ("\n" if newline else "")
    _same(text)


# Random text from Markdown's punctuation: the odd corners (escapes, empty quotes, a table's
# delimiter row, a first list item that looks like front matter to markdown-it-py's plugin).
_PIECES = st.sampled_from(
    [
        *" \n\n\n-*+>#|:`~=_[]()!<>/.19az\\\"'é—🚀",
        *("  ", "    ", "---", "```", "|---|", "> ", "- ", "1. ", "<!--", "-->", "<div>"),
        *("</div>", "**", "\r\n", "\r", "\0"),
    ]
)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, min_size=1, max_size=80).map("".join))
@example("- \\!")  # an escape opening a tight item: its range leaves the backslash out
@example("- a--\n4")  # markdown-it-py's front matter rule fires inside this first item
@example("<!--\n ")  # a last line of spaces: markdown-it-py has no line for it
@example(">\n    >")  # an empty quote: markdown-it-py takes the next line into it
@example("||.\n-|:")  # ":" alone: a delimiter cell to pulldown-cmark only
@example("\n- <div\n   \n")  # an HTML block's range takes in the blank line after it
@example(">[6\n]:b\né")  # a link reference definition whose label runs over two lines
@example("* [>]:4\né")  # a link reference definition in a list item
@example(">```\n>")  # a fence left open in a quote
@example("><!--\n>")  # an HTML comment left open in a quote, an empty quote line last
@example("# Goal\r\n\r\n- a\r- b\0\r\n")  # line breaks and NUL, normalised as markdown-it-py does
@example("---\nowner: x\n---")  # front matter closed on the last line, no line break after
@example("---\n---\n# a")  # empty front matter
@example("# \\!a\n- b *c* [d](e)\n  f\n  - g")  # a tight item's run: emphasis, link, next line
@example("| a |\n|---|\n| b |")  # a table on the last line, no line break after
@example("x\n# *a* [b](c) `d` **e**\n## \\# <b>f</b> #")  # a heading's text: first to last event
def test_random_markdown_punctuation_reads_the_same(text: str) -> None:
    _same(text)
