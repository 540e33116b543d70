"""The substring prefilter in front of PRD211's risk patterns: exact, or it must not answer."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from prd_forge.concerns import genai_risks
from prd_forge.lint._re import fold
from prd_forge.lint.rules.generative import unaddressed
from prd_forge.lint.rules.needles import Prefilter, needles

DOCS = Path(__file__).resolve().parents[1] / "corpus" / "docs"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("privacy", ("privacy",)),
        (r"bio-?weapons?", ("weapon",)),  # "-" and "s" are optional
        (r"environment(?:al)?(?: impacts?)?", ("environment",)),
        (r"red[- ]team\w*", ("red-team", "red team")),  # a small class spelled out
        (r"homogeni[sz]\w*|discriminat\w*", ("homogeni", "discriminat")),  # long enough: one
        (r"mad[ex] up", ("made up", "madx up")),
        (r"(?:model|llm|api) (?:provider|vendor)s?", ("provider", "vendor")),
        (r"data privacy|privacy", ("privacy",)),  # "data privacy" contains "privacy"
        (r"x[)]yy(?=abc)", ("x)yy",)),
        (r"\(abc\)", ("abc",)),
        (r"ab{2}c", ("a",)),
        (r"xy{10}", ("x",)),  # a repeat count is not literal
        (r"a[a-z]bcd", ("bcd",)),  # a range is not spelled out
        (r"re[^a]bc", ("re",)),
        (r"abc|\w+", None),  # an alternative with no literal: always search
        (r"(?P<name>abc)", None),
        (r"(?x) a b c", None),  # inline flags
        ("caf\u00e9", None),  # non-ASCII: no needle
        (r"caf\u00e9s", ("caf",)),  # escapes are not literal characters
        (r"\x41bc|\N{LATIN SMALL LETTER A}bc|\1bc|\012bc", ("bc",)),
    ],
)
def test_needles(source: str, expected: tuple[str, ...] | None) -> None:
    assert needles(source) == expected


def test_fold_finds_every_letter_ignorecase_matches() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    for point in range(0x80, sys.maxunicode + 1):
        char = chr(point)
        if letter.fullmatch(char):
            assert fold("x" + char + "x")[1:-1] in "abcdefghijklmnopqrstuvwxyz", hex(point)


def test_every_match_in_the_corpus_holds_a_needle() -> None:
    patterns = [
        (
            re.compile(r"\b(?:" + "|".join(risk.mentions) + r")\b", re.I),
            needles("|".join(risk.mentions)),
        )
        for risk in genai_risks.RISKS
    ]
    matched = 0
    for path in sorted(DOCS.glob("*.md")):
        for pattern, wanted in patterns:
            assert wanted is not None
            for match in pattern.finditer(path.read_text(encoding="utf-8")):
                matched += 1
                assert any(needle in fold(match.group()) for needle in wanted), match.group()
    assert matched > 100


def test_unaddressed_reads_odd_case_as_the_regex_does() -> None:
    # "\u0130" (capital I with dot) lower-cases to two characters; re.IGNORECASE reads it as "i".
    assert "Data privacy" not in unaddressed("P\u0130\u0130 is masked; \u017fexual content too")
    assert "Obscene, degrading and/or abusive content" not in unaddressed("\u017fexual content")


def test_prefilter_answers_as_the_pattern_does() -> None:
    source = r"\b(?:no confidence (?:score|threshold)|not probabilistic|deterministic)\b"
    prefilter = Prefilter(source)
    pattern = re.compile(source, re.IGNORECASE)
    for text in ("The router is DETERMINISTIC.", "No  confidence score", "not probabilistic", ""):
        found, expected = prefilter.search(text), pattern.search(text)
        assert (found and found.span()) == (expected and expected.span())
