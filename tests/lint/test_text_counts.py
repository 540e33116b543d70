"""word_count, has_number and not_applicable take shortcuts for speed; they must answer as
their plain definitions do, on any text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from prd_forge.lint import text
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


def test_word_count_s_shortcut_is_linear_in_a_long_token() -> None:
    # possessive repeats: a token of 100,000 dashes is read once, not once per dash
    assert word_count("-" * 100_000 + " word", 8) == 1
    assert word_count("a" + "-" * 100_000 + " word", 2) == 2


def test_not_applicable_is_asked_of_the_pattern_only_where_it_can_match() -> None:
    # the pattern's first character, case-insensitively, is one of these and no other
    first = re.compile(r"[n\-\u2014\u2013]", re.IGNORECASE)
    for point in range(0x10000):
        char = chr(point)
        assert (char in text._NA_OPENS) is bool(first.match(char)), hex(point)


def _plain_not_applicable(said: str) -> tuple[bool, str]:
    stripped = said.strip()
    match = text._NOT_APPLICABLE.match(stripped)
    if not match:
        return False, ""
    rest = stripped[match.end() :]
    head = stripped[: match.end()].strip(" \t*_.:-\u2014\u2013,;(").lower()
    if head in ("none", "nothing") and word_count(rest, 5) > 4:
        return False, ""
    return True, rest


_OPENINGS = ["N/A", "n.a.", "None", "nothing", "Not applicable", "--", "\u2014", "No", "Name"]


@given(st.sampled_from(["", " ", "**", "_", "\t"]), st.sampled_from(_OPENINGS), _TEXTS)
def test_not_applicable_is_its_definition(lead: str, opening: str, rest: str) -> None:
    said = lead + opening + rest
    assert text.not_applicable(said) == _plain_not_applicable(said)
    assert text.not_applicable(rest) == _plain_not_applicable(rest)
