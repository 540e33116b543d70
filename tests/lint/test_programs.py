"""Compiled regular expressions kept between runs: the same patterns as `re.compile` makes,
from a program kept by an earlier run, and `re.compile` again when anything is off."""

from __future__ import annotations

import marshal
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from prd_forge import concerns as registry
from prd_forge.lint import _programs
from prd_forge.lint._programs import compile_pattern

TEXT = "The model falls back to rules; staff review every reply. 40% of users, then all users."
PATTERNS = [
    (r"\b(?:" + "|".join(concern.evidence) + r")\b", 0)
    for concern in registry.current()
    if concern.evidence
] + [
    (r"(?P<figure>\d+) ?%(?: of (?P<who>\w+))?", re.IGNORECASE),
    (r"^\s*<h([1-6])[^>]*>(.{1,300}?)</h\1>", re.IGNORECASE | re.DOTALL | re.MULTILINE),
]


@pytest.fixture(autouse=True)
def _fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache folder of the test's own, nothing pending."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(_programs, "_new", {})
    monkeypatch.setattr(_programs, "_values", {})


def _same(made: re.Pattern[str], source: str, flags: int) -> None:
    expected = re.compile(source, flags)
    assert (made.pattern, made.flags, made.groups) == (source, expected.flags, expected.groups)
    assert made.groupindex == expected.groupindex
    for text in (TEXT, TEXT.lower(), "<H2 id=x>Fallbacks</h2>\n"):
        assert [m.span() for m in made.finditer(text)] == [
            m.span() for m in expected.finditer(text)
        ]
        assert made.findall(text) == expected.findall(text)


def _next_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Save what this run compiled, and start another that must not compile anything."""
    _programs._save()

    def refuse(*args: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(_programs, "_program", refuse)


def test_a_kept_program_makes_the_pattern_re_compile_makes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for source, flags in PATTERNS:
        _same(compile_pattern(source, flags), source, flags)
    found = _programs.folder()
    assert found is not None
    where = Path(found)
    assert not where.exists()  # written when the run ends
    _next_run(monkeypatch)
    assert len(list(where.iterdir())) == len(PATTERNS)  # one file each
    for source, flags in PATTERNS:
        _same(compile_pattern(source, flags), source, flags)


def test_a_damaged_or_foreign_file_or_program_is_compiled_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source, flags = PATTERNS[-1]
    where = _programs.folder()
    assert where is not None
    Path(where).mkdir(parents=True)
    kept = Path(_programs._file(where, source, int(flags)))
    refused = marshal.dumps((source, int(flags), (0, [1, 2, 3], 0, {}, ())))
    other = marshal.dumps(
        ("another pattern, same checksum", int(flags), _programs._program("x", 0))
    )
    # code words cut short, or not bytes at all
    cut = marshal.dumps((source, int(flags), (0, b"\x01\x00\x00", 0, {}, ())))
    text = marshal.dumps((source, int(flags), (0, "code", 0, {}, ())))
    for damage in (b"\xff not marshal", marshal.dumps([1, 2]), refused, other, cut, text):
        kept.write_bytes(damage)
        _same(compile_pattern(source, flags), source, flags)
    _next_run(monkeypatch)  # and the program written over the damaged one serves
    _same(compile_pattern(source, flags), source, flags)


def test_a_program_keeps_its_code_words_as_bytes() -> None:
    source, flags = PATTERNS[-1]
    program = _programs._program(source, int(flags))
    assert isinstance(program[1], bytes)  # marshal reads bytes at once, a list int by int
    assert len(program[1]) % 4 == 0
    _same(_programs._pattern(source, program), source, flags)


def test_no_home_folder_compiles_every_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert _programs.folder() is None
    source, flags = PATTERNS[0]
    _same(compile_pattern(source, flags), source, flags)
    _programs._save()  # writes nowhere
    assert not Path("relative").exists()


def test_a_kept_value_is_computed_once_and_serves_only_its_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    computed: list[str] = []

    def compute(value: str) -> Callable[[], tuple[str, frozenset[str]]]:
        def run() -> tuple[str, frozenset[str]]:
            computed.append(value)
            return value, frozenset({value})

        return run

    assert _programs.kept("test", "key", compute("a")) == ("a", frozenset({"a"}))
    assert _programs.kept("test", "key", compute("b")) == ("a", frozenset({"a"}))  # this run's
    _programs._save()
    assert _programs.kept("test", "key", compute("c")) == ("a", frozenset({"a"}))  # the next's
    assert computed == ["a"]
    assert _programs.kept("test", "other key", compute("d")) == ("d", frozenset({"d"}))
    where = _programs.folder()
    assert where is not None
    (kept,) = [file for file in Path(where).iterdir() if file.name.startswith("test-")]
    for damage in (b"\xff not marshal", marshal.dumps([1, 2]), marshal.dumps(("same crc?", 1))):
        kept.write_bytes(damage)
        computed.clear()
        assert _programs.kept("test", "key", compute("e")) == ("e", frozenset({"e"}))
        assert computed == ["e"]
        monkeypatch.setattr(_programs, "_values", {})


def test_the_scanner_reads_the_kept_readings_as_it_would_compute_them() -> None:
    from prd_forge.lint import phrases
    from prd_forge.lint.coverage.known import known

    entries = known().scanner.entries
    fresh = [phrases.evidence(entry.concern, entry.alternatives) for entry in entries]
    first = phrases.Scanner(fresh)
    first.warm()  # computes, and keeps when the run ends
    _programs._save()
    again = [phrases.evidence(entry.concern, entry.alternatives) for entry in entries]
    second = phrases.Scanner(again)
    second.warm()  # reads what the first kept
    assert [entry.reading for entry in again] == [
        phrases._read(entry.alternatives) for entry in entries
    ]
    assert second._trie == first._trie
    text = ["the model falls back to rules when unsure; staff review every reply. 40% of users"]
    assert second.scan_all(text * 30) == first.scan_all(text * 30)


def _refuse(*args: object) -> None:
    raise AssertionError("computed again")


def test_the_alias_index_is_kept_and_rebuilt_when_its_code_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from prd_forge.lint import headings

    strong = [(c.id, (c.title, *c.strong)) for c in registry.current()]
    weak = [(c.id, c.weak) for c in registry.current()]
    first = headings.build_index(strong, weak)  # computes, and keeps when the run ends
    _programs._save()
    with monkeypatch.context() as patched:
        patched.setattr(headings, "_by_first", _refuse)
        kept = headings.build_index(strong, weak)  # reads what the first run kept
    assert kept == first and kept.fallback == first.fallback
    for heading in ("3.2 Risks & Mitigations", "Launch criteria", "Fallbacks and monitoring"):
        assert kept.match_strength(heading) == first.match_strength(heading)
    monkeypatch.setattr(headings, "code_checksum", lambda *files: "edited")
    computed: list[object] = []

    def by_first(aliases: object) -> dict[str, object]:
        computed.append(aliases)
        return {}

    monkeypatch.setattr(headings, "_by_first", by_first)
    assert headings.build_index(strong, weak) == headings.AliasIndex({})
    assert computed == [strong, weak]  # another key: computed, not read


def test_the_genai_risks_needles_are_kept_as_derived(monkeypatch: pytest.MonkeyPatch) -> None:
    from prd_forge.concerns import genai_risks
    from prd_forge.lint.rules import generative, needles

    derived = tuple(needles.needles("|".join(r.mentions)) for r in genai_risks.RISKS)
    generative._needles.cache_clear()
    assert generative._needles() == derived  # computed
    _programs._save()
    generative._needles.cache_clear()
    with monkeypatch.context() as patched:
        patched.setattr(generative, "_derive", _refuse)
        assert generative._needles() == derived  # read
    generative._needles.cache_clear()  # the next test derives or reads them afresh


def test_code_checksum_follows_the_text_and_is_empty_without_it(tmp_path: Path) -> None:
    code = tmp_path / "code.py"
    code.write_text("x = 1\n")
    before = _programs.code_checksum(str(code))
    code.write_text("x = 2\n")
    assert _programs.code_checksum(str(code)) not in ("", before)
    assert _programs.code_checksum(str(tmp_path / "missing.py")) == ""


def test_the_folder_is_under_home_s_cache_without_xdg_cache_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    where = _programs.folder()
    assert where is not None
    assert Path(where).parent == tmp_path / ".cache" / "prd-forge"
    assert Path(where).name.startswith("patterns.")


def test_past_most_files_the_older_half_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_programs, "_MOST", 4)
    for number in range(5):
        (tmp_path / f"{number}.marshal").write_bytes(b"")
        os.utime(tmp_path / f"{number}.marshal", (1000 + number, 1000 + number))
    _programs._prune(str(tmp_path))
    assert sorted(file.name for file in tmp_path.iterdir()) == [
        "2.marshal",
        "3.marshal",
        "4.marshal",
    ]
    _programs._prune(str(tmp_path))  # at most _MOST: nothing removed
    assert len(list(tmp_path.iterdir())) == 3
