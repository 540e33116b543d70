"""word_count and has_number take shortcuts for speed; they must answer as their plain
definitions do, on any text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from prd_forge.lint.text import has_number, word_count

_PUNCTUATION = "-|*_#>`~:;,.!?()[]{}\"'\u2014\u2013"
# words, bare punctuation, every kind of white space, ASCII and other digits
_PIECES = st.sampled_from(
    ["word", "x", "-", "--", "*", "(a)", "...", "\u2014", "7", "\u0663", "\uff15", "\u00e9t\u00e9"]
)
_SPACES = st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", "\u2003", ""])
_TEXTS = st.lists(st.tuples(_PIECES, _SPACES), max_size=30).map(
    lambda parts: "".join(piece + space for piece, space in parts)
)


def _plain_count(text: str, limit: int | None) -> int:
    count = 0
    for token in text.split():
        if token.strip(_PUNCTUATION):
            count += 1
            if count == limit:
                break
    return count


@given(_TEXTS, st.one_of(st.none(), st.integers(min_value=-1, max_value=12)))
def test_word_count_is_its_definition(text: str, limit: int | None) -> None:
    assert word_count(text, limit) == _plain_count(text, limit)


@given(st.one_of(_TEXTS, st.text(max_size=40)))
def test_has_number_finds_what_a_digit_search_finds(text: str) -> None:
    assert has_number(text) is (re.search(r"\d", text) is not None)


def test_word_count_examples() -> None:
    assert word_count("- [ ] Owner: TBD", 4) == 2  # "-", "[" and "]" are bare punctuation
    assert word_count("one two three four five", 3) == 3
    assert word_count("one -- two", 2) == 2
    assert word_count("", 8) == 0
