"""The evidence scanner finds exactly what one `findall` per concern and block finds, only
cheaper."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.corpus import document
from prd_forge import concerns as registry
from prd_forge.lint import _programs, phrases, regex_source
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
    documents = [_texts(path.read_text(encoding="utf-8")) for path in docs]
    documents += [_texts(markdown) for markdown in generated]
    hits = 0
    for texts in documents:
        expected = [_reference(text) for text in texts]
        assert SCANNER.scan_all(texts) == expected  # one pass over the document's blocks
        for text, found in zip(texts, expected, strict=True):
            assert list(SCANNER.scan(text)) == found, text
            hits += bool(found)
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


def test_alternatives_led_by_a_word_class_or_plain_text_are_found_in_one_pass() -> None:
    entry = phrases.evidence("x", [r"\w+ing", "plain", "→"])
    reading = entry.reading
    assert reading.plain and reading.word and not reading.digit and reading.found_by == ("→",)
    scanner = phrases.Scanner([entry])
    assert list(scanner.scan("Nothing plain, a→b")) == [("x", ["nothing", "plain", "→"])]
    digits = phrases.evidence("y", [r"\d+ users", "all users"])
    assert digits.reading.plain and digits.reading.digit and not digits.reading.word
    assert list(phrases.Scanner([digits]).scan("from 40 users to all users")) == [
        ("y", ["40 users", "all users"])
    ]


@pytest.mark.parametrize(
    "alternative", [r"(?<=the )model", r"^model", r"(model)s", r"(?=m)\w+", r"[mn]odel", r"\.model"]
)
def test_an_alternative_that_reads_around_its_match_or_starts_otherwise_uses_findall(
    alternative: str,
) -> None:
    entry = phrases.evidence("x", [alternative, "plain"])
    assert not entry.reading.plain
    scanner = phrases.Scanner([entry])
    for text in ("the model is plain", "Model, models, .model", "node\nmodel", ""):
        assert list(scanner.scan(text)) == _findall(entry, text)


def _findall(entry: phrases.Evidence, text: str) -> list[tuple[str, list[str]]]:
    found = entry.pattern.compiled.findall(text.lower().replace("\n", " "))
    return [(entry.concern, found)] if found else []


def test_no_match_crosses_from_one_text_into_the_next() -> None:
    entry = phrases.evidence("x", [r"end\W+start", r"end[^.\n]{0,9}x", "end"])
    scanner = phrases.Scanner([entry])
    texts = ["the end", "start here", "the end.", "x", "the end -- start"]
    assert scanner.scan_all(texts) == [_findall(entry, text) for text in texts]
    assert scanner.scan_all(texts)[-1] == [("x", ["end -- start"])]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789 .,-%\n", max_size=40)))
def test_scanning_many_texts_at_once_is_scanning_each(texts: list[str]) -> None:
    words = _VOCABULARY
    texts = [
        " ".join(words[len(t) * 7 % len(words) : len(t) * 7 % len(words) + 3]) + t for t in texts
    ]
    assert SCANNER.scan_all(texts) == [list(SCANNER.scan(text)) for text in texts]
    assert SCANNER.scan_all(texts) == [_reference(text) for text in texts]


@pytest.mark.parametrize(
    ("source", "heads"),
    [
        ("fall(?:s|ing)? ?back", [("f", "all(?:s|ing)? ?back")]),
        ("(?:can|must) edit", [("c", "(?:an) edit"), ("m", "(?:ust) edit")]),
        ("(?:a |the )?model", [("a", "(?: )model"), ("t", "(?:he )model"), ("m", "odel")]),
        ("(?:can|must)? edit", [("c", "(?:an) edit"), ("m", "(?:ust) edit"), (" ", "edit")]),
        ("(?:x)*y", [("", "(?:x)*y")]),
        (r"\d+ users", [("", r"\d+ users")]),
        ("a?b", [("", "a?b")]),
    ],
)
def test_heads(source: str, heads: list[tuple[str, str]]) -> None:
    assert regex_source.heads(source) == heads


def test_the_heads_and_the_trie_match_wherever_each_alternative_matches() -> None:
    docs = sorted(CORPUS.rglob("*.md"))[:40]
    text = "\n".join(t.lower() for path in docs for t in _texts(path.read_text(encoding="utf-8")))
    seen = 0
    for concern in registry.current():
        for alternative in concern.evidence:
            pairs = regex_source.heads(alternative)
            union = re.compile("|".join(re.escape(h) + "(?:" + t + ")" for h, t in pairs))
            trie = re.compile(regex_source.trie([alternative, "zz"], 3))
            for match in re.finditer(r"\b(?=" + alternative + ")", text):
                seen += 1
                assert union.match(text, match.start()), (alternative, match.start())
                assert trie.match(text, match.start()), (alternative, match.start())
    assert seen > 1000


def test_findall_serves_until_enough_text_was_scanned_to_pay_for_the_union_pattern(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))  # a fresh machine: nothing kept
    monkeypatch.setattr(_programs, "_values", {})
    monkeypatch.setattr(_programs, "_new", {})
    scanner = _scanner()
    text = "The model falls back to the rules; staff review every reply. " * 40
    assert scanner.scan_all([text]) == [_reference(text)]
    assert scanner._union is None  # findall served: the union was not even built
    while scanner._scanned < phrases._WARM:
        scanner.scan_all([text])
    assert scanner.scan_all([text, text[:30]]) == [_reference(text), _reference(text[:30])]
    union = scanner._starts(ascii=True)
    assert union is not None and union._compiled is not None  # the one pass served


def test_the_union_serves_from_the_start_when_an_earlier_run_kept_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(_programs, "_values", {})
    monkeypatch.setattr(_programs, "_new", {})
    _scanner().warm()  # a corpus run: reads, compiles, and keeps both when it ends
    _programs._save()
    scanner = _scanner()
    text = "The model falls back to the rules; staff review every reply. " * 40
    assert scanner.scan_all([text]) == [_reference(text)]
    union = scanner._starts(ascii=True)
    assert union is not None and union._compiled is not None  # the one pass served
    other = "Le modèle — “falls back” to the rules; staff review every reply. " * 40
    # not ASCII: the \\W union, which the corpus run did not compile; findall serves until
    # enough text was scanned to pay for compiling it
    assert scanner.scan_all([other]) == [_reference(other)]
    assert scanner._starts()._compiled is None  # type: ignore[union-attr]
    scanner._scanned = phrases._WARM
    assert scanner.scan_all([other]) == [_reference(other)]
    assert scanner._starts()._compiled is not None  # type: ignore[union-attr]


def test_the_ascii_class_is_exactly_non_word_in_ascii() -> None:
    ascii_class = re.compile(phrases.ASCII_NON_WORD)
    for point in range(128):
        char = chr(point)
        assert bool(ascii_class.match(char)) == bool(re.match(r"\W", char)), point


_CLASS_LED = [
    r"\d+ ?% of",
    r"\d[\w.,%]{0,3} x",
    r"[ab]+c",
    r"\.x",
    r"\d",
    r"\d++c",
    r"\d+?c",
    "ab",
    r"\d*x",
]


@pytest.mark.parametrize(
    ("source", "split"),
    [
        (r"\d+ ?% of", (r"\d", r"\d* ?% of")),
        (r"\d[\w.,%]{0,12} y", (r"\d", r"[\w.,%]{0,12} y")),
        (r"[ab]+?c", ("[ab]", "[ab]*?c")),
        (r"\.x", (r"\.", "x")),
        (r"\d*x", None),  # may start with no digit at all
        (r"\bfoo", None),
        (r"\u2264 x", None),
        (r"\1a", None),
    ],
)
def test_a_branch_led_by_a_class_is_split_at_it(source: str, split: tuple[str, str] | None) -> None:
    assert regex_source._class_head(source) == split


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_CLASS_LED), min_size=1, max_size=5),
    st.text(alphabet="ab12 %.xcof", max_size=40),
)
def test_a_trie_with_class_led_branches_matches_where_a_source_does(
    sources: list[str], text: str
) -> None:
    trie = re.compile(regex_source.trie(sources, 3))
    alternation = re.compile("|".join(sources))
    for at in range(len(text) + 1):
        assert bool(trie.match(text, at)) == bool(alternation.match(text, at)), at
