"""The rules' cheaper scans answer exactly as the regular expressions they stand for."""

from __future__ import annotations

import itertools
import re

import pytest

from prd_forge.lint._re import fold
from prd_forge.lint.rules import wording as wording_rules
from prd_forge.lint.rules.failure import _has_value, _names_confidence
from prd_forge.lint.rules.needles import Words

# "\u017f" (long s) and "\u0131" (dotless i) match "s" and "i" under re.IGNORECASE, "\u0130"
# lower-cases to two characters, "\u0661" is an Arabic-Indic digit (\d, but not [0-9]).
PIECES = (
    "score",
    "SCORE",
    "\u017fcore",
    "Confidence",
    "certa\u0131nty",
    "probability",
    "s",
    "core",
)
GLUE = ("", " ", "_", "x", "1", "\u00e9", "\u0130", "-", "\n", "\u2014")
CONFIDENCE = re.compile(r"\b(?:confidence|probability|certainty|score)\b", re.IGNORECASE)
VALUE_START = re.compile(r"[\d.](?<![\d.][\d.])")
VALUE = re.compile(r"0?\.\d+|1\.0|\d{1,3}(?:\.\d+)? ?%")


def _texts(pieces: tuple[str, ...], glue: tuple[str, ...], length: int) -> list[str]:
    parts = pieces + glue
    return ["".join(chosen) for chosen in itertools.product(parts, repeat=length)]


def test_words_answer_as_a_word_pattern_on_folded_text() -> None:
    words = Words("confidence", "probability", "certainty", "score")
    pattern = re.compile(r"\b(?:confidence|probability|certainty|score)\b")
    for text in _texts(PIECES, GLUE, 3):
        assert words.occur_in(fold(text)) == (pattern.search(fold(text)) is not None), text


def test_words_are_lower_case_ascii_letters() -> None:
    with pytest.raises(ValueError, match="lower-case ASCII"):
        Words("Score")
    with pytest.raises(ValueError, match="lower-case ASCII"):
        Words("no score")


def test_a_block_names_confidence_as_the_pattern_behind_its_needles_said() -> None:
    for text in _texts(PIECES, GLUE, 3):
        lowered = text.lower()
        needled = any(word in lowered for word in ("confidence", "probability", "certainty"))
        needled = needled or "score" in lowered
        expected = needled and CONFIDENCE.search(text) is not None
        assert _names_confidence(text) == expected, text


def test_a_value_is_found_where_the_value_pattern_matches_after_no_digit_or_dot() -> None:
    pieces = ("0", "1", "7", ".", "%", " ", "a", "\u0661", "\u0660")
    for length in range(1, 6):
        for chosen in itertools.product(pieces, repeat=length):
            text = "".join(chosen)
            expected = any(VALUE.match(text, at.start()) for at in VALUE_START.finditer(text))
            assert _has_value(text) == expected, text


LABELS = {
    "_OWNER": ("owner", "data owner", "on-call model owner", "reviewer", "reviewers", "who"),
    "_DURATION": ("sla", "review sla", "response sla", "window", "rolling window", "time window"),
    "_APPROVAL": (
        "approved by",
        "approval status",
        "sign-off status",
        "signoff status",
        "approval",
    ),
}


@pytest.mark.parametrize("name", sorted(LABELS))
def test_each_label_a_promise_holds_has_one_of_the_needles_its_lines_are_looked_for_by(
    name: str,
) -> None:
    promise = getattr(wording_rules, name)
    for label in LABELS[name]:
        assert promise.label.compiled.fullmatch(label), label
        assert any(needle in label for needle in promise.needles), label
    for concern in promise.concerns:
        assert set(promise.needles) <= set(wording_rules._LINE_NEEDLES[concern])
