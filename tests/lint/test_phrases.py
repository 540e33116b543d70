"""The evidence scanner finds exactly what one `findall` per concern finds, only cheaper."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.corpus import document
from prd_forge import concerns as registry
from prd_forge.lint import phrases
from prd_forge.lint.document import parse

CORPUS = Path(__file__).parents[1] / "corpus" / "docs"


def _scanner() -> phrases.Scanner:
    return phrases.Scanner(
        phrases.evidence(c.id, c.evidence) for c in registry.current() if c.evidence
    )


SCANNER = _scanner()


def _reference(text: str, wanted: frozenset[str] | None = None) -> list[tuple[str, list[str]]]:
    lowered = text.lower().replace("\n", " ")
    found = []
    for entry in SCANNER.entries:
        if wanted is None or entry.concern in wanted:
            hits = entry.pattern.compiled.findall(lowered)
            if hits:
                found.append((entry.concern, hits))
    return found


def _texts(markdown: str) -> list[str]:
    doc = parse(markdown)
    return [s.title for s in doc.sections] + [b.text for s in doc.sections for b in s.blocks]


def test_same_as_findall_on_every_block_of_the_corpus() -> None:
    docs = sorted(CORPUS.rglob("*.md"))
    assert len(docs) > 50
    rng = random.Random(7)
    generated = [document(rng, index, 7000) for index in range(20)]
    texts = [t for path in docs for t in _texts(path.read_text(encoding="utf-8"))]
    texts += [t for markdown in generated for t in _texts(markdown)]
    hits = 0
    for text in texts:
        expected = _reference(text)
        assert list(SCANNER.scan(text)) == expected, text
        hits += bool(expected)
    assert hits > 1000  # the corpus does exercise the patterns


def test_only_the_wanted_concerns() -> None:
    text = "We roll out to 10% of users, then everyone; users spend a median of 4 minutes today."
    wanted = frozenset({"rollout", "problem"})
    assert list(SCANNER.scan(text, wanted)) == _reference(text, wanted)
    assert [c for c, _ in SCANNER.scan(text, wanted)] == ["problem", "rollout"]
    assert [c for c, _ in SCANNER.scan(text)] == [c for c, _ in _reference(text)]
    assert len(_reference(text)) > 2


_VOCABULARY = sorted(
    {
        word
        for concern in registry.current()
        for alternative in concern.evidence
        for word in re.findall(r"[a-z][a-z'-]+|\d+", alternative.lower())
    }
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_VOCABULARY),
            st.sampled_from([" ", "  ", "\n", ", ", ". ", "-", "→", "%", "0.8", "12", "s", "ed"]),
            st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789 .,-/'→%\n", max_size=8),
        ),
        max_size=60,
    )
)
def test_same_as_findall_on_random_text(parts: list[str]) -> None:
    text = "".join(parts)
    assert list(SCANNER.scan(text)) == _reference(text)
    assert list(SCANNER.scan(text.upper())) == _reference(text.upper())


@pytest.mark.parametrize(
    ("alternative", "prefixes"),
    [
        ("fall(?:s|ing)? ?back", {"fall"}),
        ("fails?", {"fail"}),
        ("ab{0,2}", {"a"}),
        ("(?:can|must) edit", {"can", "must"}),
        ("(?:can|must)? edit", {""}),
        ("snowflake|bigquery|s3", {"snowflake", "bigquery", "s3"}),
        ("[(|]x|y", {"", "y"}),
        (r"\d+ ?% of", {""}),
        ("Pain points?", {"pain point"}),
    ],
)
def test_literal_prefixes(alternative: str, prefixes: set[str]) -> None:
    assert phrases.literal_prefixes(alternative) == prefixes


def test_an_alternative_without_a_literal_start_falls_back_to_findall() -> None:
    entry = phrases.evidence("x", [r"\w+ing", "plain"])
    assert entry.anywhere and not entry.digits
    scanner = phrases.Scanner([entry])
    assert list(scanner.scan("Nothing plain")) == [("x", ["nothing", "plain"])]
    digits = phrases.evidence("y", [r"\d+ users", "all users"])
    assert digits.digits and not digits.anywhere
    assert list(phrases.Scanner([digits]).scan("from 40 users to all users")) == [
        ("y", ["40 users", "all users"])
    ]
