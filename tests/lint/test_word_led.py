"""A word-led pattern, searched only at the places where it may match, finds exactly what
`re.finditer` finds."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prd_forge.concerns import genai_risks
from prd_forge.lint import word_led
from prd_forge.lint.rules import failure, generative, operations, quality
from prd_forge.lint.word_led import WordLed, alternatives, scanner

# The rules' word-led patterns, and a few of other shapes, each with its flags.
PATTERNS = [
    (generative._GENERATIVE.source, 0),
    *((r"\b(?:" + "|".join(risk.mentions) + r")\b", 0) for risk in genai_risks.RISKS),
    *((pattern.source, 0) for pattern in (operations._PII, operations._ROLLBACK)),
    *((pattern.source, 0) for _, pattern in failure._UX_PATTERNS),
    (failure._TRADEOFF.source, 0),
    (quality._DATASET.source, 0),
    (quality._COMPARATOR.source, 0),  # led by a class: searched as it is
    (r"\b(?:llm|k\w+|sa?fe)\b", re.IGNORECASE),  # "k" matches the Kelvin sign
    (r"\b(?:caf\u00e9|\u017fun|na\u00efve)s?\b", re.IGNORECASE),
    (r"\b\w+ing\b|\b\d+ ?%", 0),
    (r"\b(?:made up|up|red team\w*|teams?)\b", 0),  # a match may hold a place of another
    (r"\bmade[- ]up\b|\bred team\w*", re.ASCII),
]
# What texts are made of: words the patterns match, parts of them, and what may stand around a
# word ("\u017f" long s and "\u212a" Kelvin sign match "s" and "k" under re.IGNORECASE).
FRAGMENTS = (
    "llm",
    "LLM",
    "language model",
    "generat",
    "es",
    "ai",
    "text",
    "hallucinat",
    "ion",
    "made",
    "up",
    "made up",
    "red teams",
    "red",
    "team",
    "pii",
    "gdpr",
    "roll",
    "back",
    "error",
    "s",
    "loading",
    "worse",
    "held-out",
    "1,500",
    "k",
    "\u212a",
    "\u017f",
    "caf\u00e9",
    "na\u00efve",
    "\u00e9",
    "\u0130",
    " ",
    " ",
    "\n",
    "-",
    "_",
    "x",
    "1",
    "%",
    "?",
    "\u2014",
    ".",
)
TEXTS = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)


def _spans(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(match.span(), match.groups()) for match in matches]


@pytest.fixture
def everywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    """Places looked for in every text, however short, read a few characters at a time (the
    same for every input: nothing to reset between them)."""
    monkeypatch.setattr(word_led, "SHORT", 0)
    monkeypatch.setattr(word_led, "_PIECE", 5)


def test_finds_what_finditer_finds_in_every_pair_of_fragments(everywhere: None) -> None:
    texts = ["".join(pair) for pair in itertools.product(FRAGMENTS, repeat=2)]
    for source, flags in PATTERNS:
        pattern = WordLed(source, flags)
        for text in texts:
            expected = _spans(list(re.finditer(source, text, flags)))
            assert _spans(list(pattern.finditer(text))) == expected, (source, text)


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(chosen=st.sampled_from(PATTERNS), text=TEXTS)
def test_finds_what_finditer_finds(everywhere: None, chosen: tuple[str, int], text: str) -> None:
    source, flags = chosen
    expected = _spans(list(re.finditer(source, text, flags)))
    pattern = WordLed(source, flags)
    assert _spans(list(pattern.finditer(text))) == expected
    found = pattern.search(text)
    assert (found and found.span()) == (expected[0][0] if expected else None)


def test_finds_what_finditer_finds_in_long_texts() -> None:
    text = " ".join(FRAGMENTS) * 200  # pieces of the default size, and every fragment
    for source, flags in PATTERNS:
        expected = _spans(list(re.finditer(source, text, flags)))
        assert _spans(list(WordLed(source, flags).finditer(text))) == expected, source


@pytest.mark.parametrize(
    "source",
    [
        r"\bllm|gpt",  # an alternative not led by \b
        r"\b(?:llm|\.net)\b",  # one that may start with a non-word character
        r"\b(?:\w*ing)\b",  # one that may match nothing at its start
        r"\b(?:(?<=a )llm)\b",  # one that reads text before its start
        r"\b(llm)\b",  # a group of its own
        r"\b(?:llm|^gpt)",  # an anchor
        r"\b",
    ],
)
def test_refuses_a_pattern_that_is_not_word_led(source: str) -> None:
    assert alternatives(source) is None
    assert scanner(source) == ""


def test_reads_each_alternative_after_its_word_boundary() -> None:
    assert alternatives(r"\bgen ?ai\b|\b(?:llms?|gpt-?\d)\b") == [
        r"gen ?ai\b",
        r"(?:llms?|gpt-?\d)\b",
    ]
    assert scanner(r"\bmade[- ]up\b|\b\w+ing\b") == " "  # any word start may be a place
    # a non-ASCII letter in a case-insensitive pattern may match an ASCII one
    assert scanner("\\b(?:\u017fun)\\b", re.IGNORECASE) == ""
    assert scanner("\\b(?:\u017fun)\\b") != ""


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"(?:a|the )?model", {"a", "the ", "model"}),  # the group is opened, not followed
        (r"made[- ]up", {"made"}),
        (r"gpt-?\d", {"gpt"}),
        (r"\w+", {""}),
    ],
)
def test_starts_are_what_every_match_starts_with(source: str, expected: set[str]) -> None:
    assert word_led.starts(source) == expected
