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
    ],
)
def test_lower_case(source: str, plain: bool) -> None:
    assert lower_case(source) is plain


def _sources() -> list[str]:
    return ["|".join(concern.complete) for concern in registry.current() if concern.complete]


_WORDS = st.sampled_from(
    ["Owner", "COST", "co\u017ft", "\u0130", "\u0131", "\u212a", "PII", "Licence", "data",
     "customer", "Q3", "Worse", "alert", "> 5", "2025-01-02", "\u20ac5", "$3", "high", "\n",
     " ", ".", "(", ")", "@Ana", "\u2014", "Jan 3", "due by", "Decide at", "Low\n"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=12), st.sampled_from(_sources()))
def test_same_as_ignorecase_on_every_completion_pattern(words: list[str], source: str) -> None:
    text = " ".join(words)
    found = Caseless(source, re.MULTILINE).search(text)
    expected = re.search(source, text, re.IGNORECASE | re.MULTILINE)
    assert (found and found.span()) == (expected and expected.span())
