"""Lint's result cache: answers from it are byte-identical to a fresh run, in every format."""

from __future__ import annotations

import marshal
import os
import shutil
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from prd_forge.cli import cli
from prd_forge.lint import cache as cache_module
from prd_forge.lint import cache_entry, cache_store, engine, files, run
from prd_forge.lint.cache import Cache
from prd_forge.lint.formats import NAMES, Options, get
from prd_forge.lint.results import FileReport, Finding
from prd_forge.lint.run import RunResult
from prd_forge.terms import CoverageState, Severity

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "docs"


@pytest.fixture(autouse=True)
def _cache_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cache_module.NO_CACHE_VAR, raising=False)
    monkeypatch.delenv(cache_module.ENV_VAR, raising=False)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "prds"
    shutil.copytree(CORPUS, folder)
    return folder


class _Counter:
    """Counts how often the engine really lints a text."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[str] = []
        real = engine.lint_text

        def counting(text: str, **kwargs: object) -> FileReport:
            self.calls.append(str(kwargs.get("path")))
            return real(text, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(engine, "lint_text", counting)


def _outputs(result: RunResult) -> dict[str, str]:
    options = Options(summary=True)
    return {name: get(name)(result, options) for name in NAMES}


def test_cached_results_are_byte_identical_in_every_format(corpus: Path, tmp_path: Path) -> None:
    store = Cache(tmp_path / "cache")
    fresh = run.run([str(corpus)], jobs=1)
    cold = run.run([str(corpus)], jobs=1, cache=store)
    warm = run.run([str(corpus)], jobs=1, cache=store)
    assert len(fresh.reports) == len(list(CORPUS.glob("*.md")))
    assert warm == fresh
    assert cold == fresh
    assert _outputs(warm) == _outputs(fresh)


def test_a_warm_run_lints_only_what_changed(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Cache(tmp_path / "cache")
    run.run([str(corpus)], jobs=1, cache=store)
    counter = _Counter(monkeypatch)
    run.run([str(corpus)], jobs=1, cache=store)
    assert counter.calls == []
    changed = corpus / "csv-export.md"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
    again = run.run([str(corpus)], jobs=1, cache=store)
    assert counter.calls == [str(changed)]
    assert again == run.run([str(corpus)], jobs=1)


def test_other_settings_are_not_answered_from_the_cache(corpus: Path, tmp_path: Path) -> None:
    store = Cache(tmp_path / "cache")
    target = [str(corpus / "meeting-recap.md")]
    run.run(target, jobs=1, cache=store)
    strict = run.run(target, jobs=1, stage="launch", cache=store)
    assert strict == run.run(target, jobs=1, stage="launch")
    assert strict != run.run(target, jobs=1)


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files a run reads from now on."""
    reads: list[str] = []

    def counting(path: str, data: bytes | None) -> files.Decoded | files.InputProblem:
        reads.append(path)
        return files.read(path, data)

    monkeypatch.setattr(run, "read", counting)
    return reads


def _table(store: Cache) -> Path:
    (table,) = Path(store.folder).glob("*.table")
    return table


def _rows(store: Cache) -> dict[str, Any]:
    """Every row the store's one table and its journal hold, as the next run reads them."""
    rows, _ = cache_store.read(str(store.folder), _table(store).stem)
    return rows


def _framed(payload: bytes) -> bytes:
    return len(payload).to_bytes(4, "little") + zlib.crc32(payload).to_bytes(4, "little") + payload


def _old(path: Path) -> None:
    """Back-date a file, so its stat alone can answer for it (see cache.STAT_MARGIN_NS)."""
    hour_ago = time.time() - 3600
    os.utime(path, (hour_ago, hour_ago))


def test_a_corrupt_table_or_entry_is_ignored_and_written_again(
    corpus: Path, tmp_path: Path
) -> None:
    store = Cache(tmp_path / "cache")
    target = [str(corpus / "meeting-recap.md")]
    fresh = run.run(target, jobs=1, cache=store)
    table = _table(store)
    row = _rows(store)[target[0]]
    damaged_rows = [[*row[:8], {"findings": [{"bogus": 1}]}], [*row[:8], [1, 2]], row[:3], "x"]
    good = table.read_bytes()
    damages = [
        b"{not json",
        b"",
        good[:-1],  # truncated
        good[:4] + b"\0\0\0\0" + good[8:],  # its checksum does not match
        _framed(b"\xff not marshal"),
        _framed(marshal.dumps([1, 2])),
        *(_framed(marshal.dumps({target[0]: r})) for r in damaged_rows),
    ]
    for damage in damages:
        table.write_bytes(damage)
        assert run.run(target, jobs=1, cache=Cache(tmp_path / "cache")) == fresh
        assert _rows(store)[target[0]][8][0] == target[0]


def test_a_changed_file_is_appended_to_the_journal_and_folded_in_later(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run.run([str(corpus)], jobs=1, cache=Cache(tmp_path / "cache"))
    table = _table(Cache(tmp_path / "cache"))
    before = table.read_bytes()
    journal = table.with_suffix(".journal")
    assert not journal.exists()
    changed = corpus / "csv-export.md"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
    again = run.run([str(corpus)], jobs=1, cache=Cache(tmp_path / "cache"))
    assert table.read_bytes() == before  # the table is not rewritten for one file
    assert 0 < journal.stat().st_size < len(before) // 10
    assert again == run.run([str(corpus)], jobs=1)
    counter = _Counter(monkeypatch)
    assert run.run([str(corpus)], jobs=1, cache=Cache(tmp_path / "cache")) == again
    assert counter.calls == []
    monkeypatch.setattr(cache_store, "COMPACT_SLACK", -(1 << 40))  # the next write compacts
    changed.write_text(changed.read_text(encoding="utf-8") + "\nAnd another.\n", "utf-8")
    last = run.run([str(corpus)], jobs=1, cache=Cache(tmp_path / "cache"))
    assert not journal.exists()
    assert counter.calls == [str(changed)]
    assert _rows(Cache(tmp_path / "cache"))[str(changed)][8] == cache_entry.encode_report(
        next(report for report in last.reports if report.path == str(changed))
    )


def test_a_torn_journal_keeps_what_came_before_and_is_compacted(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    targets = [str(corpus / "meeting-recap.md"), str(corpus / "csv-export.md")]
    run.run(targets[:1], jobs=1, cache=Cache(tmp_path / "cache"))
    fresh = run.run(targets, jobs=1, cache=Cache(tmp_path / "cache"))  # csv-export: journal
    journal = _table(Cache(tmp_path / "cache")).with_suffix(".journal")
    with journal.open("ab") as handle:
        handle.write(_framed(b"a run that died while appending")[:20])
    counter = _Counter(monkeypatch)
    assert run.run(targets, jobs=1, cache=Cache(tmp_path / "cache")) == fresh
    assert counter.calls == []  # both entries read, the torn frame ignored
    assert not journal.exists()  # and compacted away
    assert set(_rows(Cache(tmp_path / "cache"))) == set(targets)


def test_a_fifo_in_place_of_a_table_is_a_miss_not_a_hang(corpus: Path, tmp_path: Path) -> None:
    store = Cache(tmp_path / "cache")
    target = [str(corpus / "meeting-recap.md")]
    fresh = run.run(target, jobs=1, cache=store)
    table = _table(store)
    for planted in (table, table.with_suffix(".journal")):
        planted.unlink(missing_ok=True)
        os.mkfifo(planted)
        start = time.monotonic()
        assert run.run(target, jobs=1, cache=Cache(tmp_path / "cache")) == fresh
        assert time.monotonic() - start < 10
        assert table.is_file() and not table.with_suffix(".journal").exists()


def test_an_unchanged_file_is_not_read_and_a_changed_one_always_is(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for file in corpus.glob("*.md"):
        _old(file)
    run.run([str(corpus)], jobs=1, cache=Cache(tmp_path / "cache"))
    reads = _reads(monkeypatch)
    run.run([str(corpus)], jobs=1, cache=Cache(tmp_path / "cache"))
    assert reads == []
    # the same size and mtime, other text: the ctime still tells, and the text is hashed
    changed = corpus / "meeting-recap.md"
    info = changed.stat()
    text = changed.read_bytes()
    changed.write_bytes(text.replace(b"e", b"a", 1))
    os.utime(changed, ns=(info.st_atime_ns, info.st_mtime_ns))
    counter = _Counter(monkeypatch)
    again = run.run([str(corpus)], jobs=1, cache=Cache(tmp_path / "cache"))
    assert reads == [str(changed)]
    assert counter.calls == [str(changed)]
    assert again == run.run([str(corpus)], jobs=1)


def test_a_file_changed_just_before_it_was_read_is_read_again(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = corpus / "meeting-recap.md"
    target.write_bytes(target.read_bytes())  # written a moment ago
    run.run([str(target)], jobs=1, cache=Cache(tmp_path / "cache"))
    reads = _reads(monkeypatch)
    counter = _Counter(monkeypatch)
    run.run([str(target)], jobs=1, cache=Cache(tmp_path / "cache"))
    assert (reads, counter.calls) == ([str(target)], [])  # read and hashed, not linted


def test_a_file_answered_by_its_hash_within_the_margin_writes_nothing_until_it_passed(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = corpus / "meeting-recap.md"
    target.write_bytes(target.read_bytes())  # written a moment ago
    fresh = run.run([str(target)], jobs=1, cache=Cache(tmp_path / "cache"))
    table = _table(Cache(tmp_path / "cache"))
    journal = table.with_suffix(".journal")
    written = (table.read_bytes(), journal.exists())
    reads = _reads(monkeypatch)
    for _ in range(3):  # its new stat could not answer the next run either: not written
        assert run.run([str(target)], jobs=1, cache=Cache(tmp_path / "cache")) == fresh
        assert (table.read_bytes(), journal.exists()) == written
    assert reads == [str(target)] * 3
    _old(target)  # the margin has passed: its stat is written, and answers the next run
    assert run.run([str(target)], jobs=1, cache=Cache(tmp_path / "cache")) == fresh
    assert journal.exists()
    assert run.run([str(target)], jobs=1, cache=Cache(tmp_path / "cache")) == fresh
    assert reads == [str(target)] * 4


def test_the_cache_folder_ignores_itself_and_no_cache_writes_nothing(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", "utf-8")
    runner = CliRunner()
    fresh = runner.invoke(cli, ["lint", "--no-cache", "--format", "json", str(corpus)])
    assert not (tmp_path / cache_module.DIR_NAME).exists()
    cold = runner.invoke(cli, ["lint", "--format", "json", str(corpus)])
    warm = runner.invoke(cli, ["lint", "--format", "json", str(corpus)])
    assert fresh.stdout == cold.stdout == warm.stdout
    assert (fresh.exit_code, cold.exit_code, warm.exit_code) == (1, 1, 1)
    ignore = tmp_path / cache_module.DIR_NAME / ".gitignore"
    assert ignore.read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_the_environment_and_the_option_choose_the_folder(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    target = str(corpus / "meeting-recap.md")
    monkeypatch.setenv(cache_module.ENV_VAR, str(tmp_path / "from-env"))
    CliRunner().invoke(cli, ["lint", target])
    CliRunner().invoke(cli, ["lint", "--cache-dir", str(tmp_path / "from-option"), target])
    assert list((tmp_path / "from-env").glob("*/*.table"))
    assert list((tmp_path / "from-option").glob("*/*.table"))
    monkeypatch.setenv(cache_module.NO_CACHE_VAR, "1")
    CliRunner().invoke(cli, ["lint", "--cache-dir", str(tmp_path / "off"), target])
    assert not (tmp_path / "off").exists()


def _report(path: str, n: int) -> FileReport:
    error = Severity.ERROR
    finding = Finding(path, n, 1, "PRD001", "missing-section", "metrics", error, "x" * 500)
    return FileReport(path, n % 2 == 0, {"metrics": CoverageState.MISSING}, (finding,) * 20)


def test_concurrent_runs_keep_every_entry_and_never_half_a_table(tmp_path: Path) -> None:
    source = tmp_path / "a.md"
    source.write_text("# A\n", "utf-8")
    info = source.stat()
    errors: list[BaseException] = []

    def write(writer: int) -> None:
        try:
            for n in range(10):
                store = Cache(tmp_path / "cache")
                path = f"{writer}-{n}.md"
                store.store(path, "s", info, "sha", (_report(path, n), None))
                store.save()
                seen = Cache(tmp_path / "cache").matching(path, "s", info, "sha")
                assert seen is not None and store.report(seen) == _report(path, n)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=write, args=(writer,)) for writer in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    store = Cache(tmp_path / "cache")
    for writer in range(8):
        for n in range(10):
            entry = store.matching(f"{writer}-{n}.md", "s", info, "sha")
            assert entry is not None and store.report(entry) == _report(f"{writer}-{n}.md", n)
    folder = Path(store.folder)
    assert not list(folder.glob("*.tmp")) and not list(folder.glob(".*.tmp"))
    assert len(list(folder.glob("*.table"))) == 1


def test_stale_entries_and_other_versions_are_pruned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_store, "COMPACT_SLACK", -(1 << 40))  # every write compacts
    root = tmp_path / "cache"
    old_version = root / "0000000000000000" / "ab" / "ab12.json"
    old_version.parent.mkdir(parents=True)
    old_version.write_text("{}", "utf-8")
    source = tmp_path / "a.md"
    source.write_text("# A\n", "utf-8")
    info = source.stat()
    store = Cache(root)
    store.now_ns -= (cache_module.MAX_AGE_DAYS + 1) * 86_400 * 10**9  # written a month ago
    store.store("unused.md", "s", info, "sha", (_report("unused.md", 1), None))
    store.save()
    (root / "last-pruned").unlink()
    later = Cache(root)
    later.store("used.md", "s", info, "sha", (_report("used.md", 2), None))
    later.save()
    assert not old_version.exists() and not old_version.parent.parent.exists()
    assert list(_rows(later)) == ["used.md"]


_MODULES_AFTER = """
import sys
from prd_forge.entry import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("\\nmodules:", " ".join(sorted(sys.modules)))
"""

# What a run answered from file stats must not import (each costs more than the lookups):
# the parser and the analysis, click, dataclasses (with inspect and ast: lint's records are
# NamedTuples, about a sixth of the cost), hashing, JSON, temporary files, the process pool,
# typing (prd_forge/_records.py gives the records' class syntax without it).
_NOT_WHEN_WARM = (
    *("markdown_it", "prd_forge.lint.engine", "prd_forge.lint.coverage", "click", "dataclasses"),
    *("hashlib", "json", "tempfile", "concurrent.futures", "pathspec"),
    *("prd_forge.lint.parallel", "multiprocessing", "typing"),
)
# Nor, when the files are named (as pre-commit and a shell's glob name them), pathlib (with
# urllib.parse and ipaddress) or glob: str paths and os.path do; walking a folder uses Path.
# Nor what only writing the cache needs (contextlib), nor importlib (with warnings).
_NOT_WHEN_NAMED = ("pathlib", "urllib", "glob", "contextlib", "importlib", "warnings")


def test_a_run_answered_from_the_cache_imports_neither_parser_nor_analysis(
    corpus: Path, tmp_path: Path
) -> None:
    args = ["lint", "--jobs", "1", "--cache-dir", str(tmp_path / "cache"), str(corpus)]
    env = {**os.environ, cache_module.NO_CACHE_VAR: ""}
    for file in corpus.glob("*.md"):
        _old(file)  # so the warm run answers every file from its stat

    def modules() -> set[str]:
        command = [sys.executable, "-c", _MODULES_AFTER, *args]
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
        return set(done.stdout.rsplit("\nmodules:", 1)[1].split())

    cold = modules()
    assert {"markdown_it", "prd_forge.lint.engine", "hashlib"} <= cold  # the check can see them
    warm = modules()
    assert [module for module in _NOT_WHEN_WARM if module in warm] == []
    assert not {name for name in warm if name.startswith("prd_forge.lint.rules")}
    args[-1:] = sorted(str(file) for file in corpus.glob("*.md"))
    named = modules()
    assert [module for module in (*_NOT_WHEN_WARM, *_NOT_WHEN_NAMED) if module in named] == []
    changed = corpus / "csv-export.md"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
    one_changed = modules()  # hashed by the built-in SHA-256: OpenSSL costs more to load
    assert "prd_forge.lint.engine" in one_changed and "hashlib" not in one_changed


def test_the_built_in_sha_256_and_hashlib_s_give_one_digest(tmp_path: Path) -> None:
    store = Cache(tmp_path / "cache")
    small, accented = "# A\n", "é\udcff" * 1000  # a lone surrogate, as surrogateescape reads
    big = "x" * cache_module.BUILTIN_HASH_BYTES  # past the budget: hashlib from here on
    texts = [small, accented, big, small, accented]
    assert [store.digest(text) for text in texts] == [cache_module.digest(t) for t in texts]


# Modules a cold run loads that only read arguments or print: they cannot change a result.
_FRONT_END = ("prd_forge", "prd_forge.entry", "prd_forge._exits", "prd_forge.commands")


def test_every_module_that_shapes_a_result_is_in_the_code_stamp(
    corpus: Path, tmp_path: Path
) -> None:
    """Editing any source a cold lint runs must invalidate the cache (wording.py's duration
    rules once were outside the stamp): each prd_forge module loaded is under a stamped
    path, or only parses options."""
    args = ["lint", "--jobs", "1", "--no-cache", str(corpus)]
    command = [sys.executable, "-c", _MODULES_AFTER, *args]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    loaded = [m for m in done.stdout.rsplit("\nmodules:", 1)[1].split() if m.startswith("prd_")]
    stamped = tuple(
        "prd_forge." + source.removesuffix(".py").replace("/", ".")
        for source in cache_module._SOURCES
    )
    outside = [
        module
        for module in loaded
        if not any(module == s or module.startswith(s + ".") for s in stamped)
        and not any(module == f or module.startswith(f + ".") for f in _FRONT_END[1:])
        and module != _FRONT_END[0]
    ]
    assert {"prd_forge.wording", "prd_forge.lint.engine"} <= set(loaded)  # the check sees them
    assert outside == []
