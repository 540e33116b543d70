"""A lower-case pattern searched plainly in the folded text finds what re.IGNORECASE finds."""

from __future__ import annotations

import re
import string
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prd_forge import concerns as registry
from prd_forge.lint._re import Caseless, fold, lower_case
from prd_forge.lint.rules import operations, quality

EVERY_CHARACTER = "".join(
    chr(point) for point in range(sys.maxunicode + 1) if not 0xD800 <= point <= 0xDFFF
)
FOLDED = fold(EVERY_CHARACTER)
# every construct whose reading of a character must not change when the character is folded
_ATOMS = [*string.ascii_lowercase, r"\w", r"\W", r"\d", r"\s", "[sz]", "[a-z]", "[^a-z]", "."]


def test_folding_keeps_one_character_for_one() -> None:
    assert len(FOLDED) == len(EVERY_CHARACTER)


@pytest.mark.parametrize("atom", _ATOMS)
def test_an_atom_accepts_a_character_ignoring_case_just_when_it_accepts_it_folded(
    atom: str,
) -> None:
    ignoring = [m.start() for m in re.finditer(atom, EVERY_CHARACTER, re.IGNORECASE)]
    assert [m.start() for m in re.finditer(atom, FOLDED)] == ignoring


def test_a_character_without_case_is_folded_from_itself_alone() -> None:
    # so a pattern's "\u20ac" or "$" accepts, in the folded text, only what it accepts anyway
    caseless = {c for c in FOLDED if c.lower() == c.upper()}
    changed = {f for c, f in zip(EVERY_CHARACTER, FOLDED, strict=True) if c != f}
    assert not caseless & changed


@pytest.mark.parametrize(
    ("source", "plain"),
    [
        (r"cost|\$\d|\u20ac\d|\bharm\W*$", True),
        (r"licen[cs]|de-?identif|no (?:customer|user) data", True),
        (r"\S+\s\D\B\A\Z", True),
        (r"[A-Z][a-z]+", False),  # a class that names upper-case letters
        (r"Owner", False),
        (r"\u00c9t\u00e9", False),  # an escape naming a letter with case
        (r"\x41|\N{LATIN SMALL LETTER A}|\101", False),
        (r"(?i)cost", False),
        (r"(?P<word>a)(?P=word)", False),
        (r"(a)\1", False),
        ("caf\u00e9", False),  # not ASCII
        (r"a\\u|b\\x|\\\\d", True),  # a backslash, then a letter that names nothing
        (r"\\\\N", False),  # a backslash, then a capital
        (r"\u20ac|\u20AC\W", True),  # capital hex digits name a character without case
        (r"\u20a", False),  # no four hex digits: read with caution
    ],
)
def test_lower_case(source: str, plain: bool) -> None:
    assert lower_case(source) is plain


def _patterns() -> list[tuple[str, int]]:
    """Every Caseless pattern lint holds: the concerns' completion patterns and the rules'."""
    held = [
        each
        for module in (operations, quality)
        for value in vars(module).values()
        for each in (value.values() if isinstance(value, dict) else [value])
    ]
    rules = [(each.source, 0) for each in held if isinstance(each, Caseless)]
    return [*((source, re.MULTILINE) for source in _completion_sources()), *rules]


def _completion_sources() -> list[str]:
    return ["|".join(concern.complete) for concern in registry.current() if concern.complete]


_ODD = ("\u017f", "\u0131", "\u0130", "\u212a", "Q3", "> 5", "\u20ac5", "$3", "@Ana", "Jan 3")
_MARKS = ("2025-01-02", "\u2014", "\n", " ", ".", "(", ")", ":", "-", "30%", "0.8")


def _vocabulary() -> list[str]:
    """Words the patterns name, as written, in upper case and titled, and characters that fold."""
    named = {w for source, _ in _patterns() for w in re.findall(r"[a-z]{3,}", source)}
    cased = named | {w.upper() for w in named} | {w.title() for w in named}
    return [*sorted(cased), *_ODD, *_MARKS]


PATTERNS = _patterns()
WORDS = _vocabulary()


def test_the_rules_patterns_are_searched_plainly() -> None:
    assert len(PATTERNS) >= 15
    assert sum(Caseless(source, flags)._folds for source, flags in PATTERNS) >= 14


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14), st.sampled_from(PATTERNS))
def test_same_as_ignorecase_on_every_caseless_pattern(
    words: list[str], pattern: tuple[str, int]
) -> None:
    source, flags = pattern
    text = " ".join(words)
    found = Caseless(source, flags).search(text)
    expected = re.search(source, text, re.IGNORECASE | flags)
    assert (found and found.span()) == (expected and expected.span())
