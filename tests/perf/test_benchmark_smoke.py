"""The benchmark script runs end to end (--quick, no peers) and its corpus is reproducible.

The full benchmark stays out of the suite (minutes, and peers from PyPI and npm); this smoke run
takes a few seconds and proves the one command in benchmarks/README.md still works.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.pairs import Paired, in_turn
from benchmarks.run import CACHE, warm_copy
from prd_forge.lint import files
from prd_forge.lint import run as lint_run
from prd_forge.lint.cache import Cache

ROOT = Path(__file__).resolve().parents[2]
TARGETS = (
    "corpus lint / floor, wall (<=)",
    "corpus lint / floor, CPU (<=)",
    "warm cache / floor (<=)",
    "warm cache / rumdl's cache (<=)",
    "one changed / warm cache (<=)",
    "markdownlint-cli2 / corpus lint (>=)",
    "(stretch) corpus lint / rumdl cold (<=)",
    "one file / import markdown_it (<=)",
    "lint 2 MB / lint 1 MB (<=)",
    "tests/perf shapes, worst 2n / n (<=)",
    "peak RSS on the corpus, MB (<)",
)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)


def _digest(folder: Path) -> str:
    files = sorted(folder.rglob("*.md"))
    return hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()


def test_quick_benchmark_times_every_command_and_checks_every_target(tmp_path: Path) -> None:
    done = _run(
        "-m", "benchmarks.run", "--quick", "--no-peers", "--no-hyperfine",
        "--python", sys.executable, "--work", str(tmp_path),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    record = json.loads((tmp_path / "results.json").read_text())
    results = record["results"]
    assert set(results) == {
        "python", "import", "version", "lint-small", "floor", "lint-corpus", "lint-warm",
        "lint-changed", "floor-half", "floor-big", "lint-half", "lint-big",
    }  # fmt: skip
    failed = {key: r["error"] for key, r in results.items() if r["error"] or not r["times"]}
    assert failed == {}
    assert all(r["cpu"] for r in results.values())  # CPU seconds recorded for every command
    assert [t["name"] for t in record["targets"]] == list(TARGETS)
    statuses = {t["name"]: t["status"] for t in record["targets"]}
    peers = {name for name in statuses if "markdownlint" in name or "rumdl" in name}
    assert {statuses[name] for name in peers} == {"n/a"}  # peers skipped
    assert {s for name, s in statuses.items() if name not in peers} <= {"met", "missed"}
    assert record["rss_bytes"] > 10 * 1024 * 1024
    grown = record["growth"]  # --quick: the first two of tests/perf's shapes, each timed
    assert len(grown["ratios"]) == 2 and grown["error"] == ""
    assert all(ratio > 0 for ratio in grown["ratios"].values())
    assert "growth on tests/perf's shapes, t(2n) / t(n)" in done.stdout
    # the targets' commands timed again in turn; without peers, the pairs of prd-forge's own
    pairs = record["pairs"]
    assert list(pairs) == [
        "lint-corpus / floor", "lint-warm / floor", "lint-changed / lint-warm",
        "lint-small / import", "lint-big / lint-half",
    ]  # fmt: skip
    assert all(len(p["wall"]) == len(p["cpu"]) == 1 and not p["error"] for p in pairs.values())
    values = {t["name"]: t["value"] for t in record["targets"]}
    assert (
        values["one changed / warm cache (<=)"]
        == f"{pairs['lint-changed / lint-warm']['wall'][0]:.2f}"
    )
    assert (
        values["corpus lint / floor, CPU (<=)"] == f"{pairs['lint-corpus / floor']['cpu'][0]:.2f}"
    )
    assert "timed in turn: top / bottom" in done.stdout
    assert "load average" in record["machine"]
    for line in ("prd-forge lint, 20 files", *TARGETS):
        assert line in done.stdout
    assert re.search(r"^prd-forge lint, 2\d\d KB file +\d", done.stdout, re.MULTILINE)
    assert len(list((tmp_path / "corpus").glob("prd_*.md"))) == 20


def test_corpus_is_the_same_for_the_same_seed(tmp_path: Path) -> None:
    outputs = []
    for name, seed in (("a", "7"), ("b", "7"), ("c", "8")):
        done = _run(
            "-m", "benchmarks.corpus", "--out", str(tmp_path / name),
            "--files", "5", "--big-bytes", "50000", "--seed", seed,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        outputs.append(_digest(tmp_path / name))
    assert outputs[0] == outputs[1]
    assert outputs[0] != outputs[2]


def test_corpus_files_are_prd_shaped(tmp_path: Path) -> None:
    done = _run("-m", "benchmarks.corpus", "--out", str(tmp_path), "--files", "40")
    assert done.returncode == 0, done.stderr
    texts = [p.read_text(encoding="utf-8") for p in sorted((tmp_path / "corpus").glob("*.md"))]
    sizes = [len(text.encode()) for text in texts]
    assert 7_000 < sum(sizes) / len(sizes) < 9_500
    assert all(text.startswith("---\ntitle: ") and "\n# " in text for text in texts)
    shaped = ["\n|---" in text and ("\n- " in text or "\n* " in text) for text in texts]
    assert sum(shaped) >= 0.9 * len(texts)  # tables and lists in nearly all
    ai = sum("ai: True" in text for text in texts)
    assert 10 < ai < 30
    big = (tmp_path / "big" / "prd_big.md").stat().st_size
    half = (tmp_path / "big" / "prd_half.md").stat().st_size
    assert 2_000_000 <= big < 2_100_000
    assert 900_000 < half <= 1_000_000


def test_the_warm_case_lints_copies_its_cache_answers_by_their_stat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The warm copies are dated back as a checkout's files are: made the moment before
    timing, every run read and hashed them (a file written within the cache's stat margin)."""
    sources = sorted((ROOT / "tests" / "corpus" / "docs").glob("*.md"))[:5]
    copies = [str(path) for path in warm_copy(sources, tmp_path)]
    lint_run.run(copies, jobs=1, cache=Cache(tmp_path / CACHE))
    reads: list[str] = []

    def counting(path: str, data: bytes | None) -> files.Decoded | files.InputProblem:
        reads.append(path)
        return files.read(path, data)

    monkeypatch.setattr(lint_run, "read", counting)
    lint_run.run(copies, jobs=1, cache=Cache(tmp_path / CACHE))
    assert reads == []


def test_compare_times_two_installs_in_turn_and_prints_each_ratio(tmp_path: Path) -> None:
    done = _run(
        "-m", "benchmarks.compare", "--before", sys.executable, "--after", sys.executable,
        "--pairs", "1", "--files", "5", "--big-bytes", "40000", "--work", str(tmp_path),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = done.stdout.splitlines()
    assert rows[2].split() == [
        *("case", "before", "wall", "after", "wall", "ratio", "before", "CPU", "after", "CPU"),
        "ratio",
    ]
    names = [row[:26].strip() for row in rows[3:7]]
    assert names[:3] == ["one 8 KB file", "5 files", "5 files, --jobs 1"]
    assert re.fullmatch(r"\d+ KB file", names[3])  # the big file, as built at this size
    for row in rows[3:7]:
        assert re.fullmatch(
            r".{26}( +\d+\.\d{3} s){2} +\d+\.\d\dx( +\d+\.\d{3} s){2} +\d+\.\d\dx", row
        )


def test_pairs_run_the_bottom_command_then_the_top_one_and_stop_at_a_failure(
    tmp_path: Path,
) -> None:
    log = tmp_path / "log"
    top = ["sh", "-c", f"echo top >> {log}"]
    bottom = ["sh", "-c", f"echo bottom >> {log}"]
    paired = in_turn("t", "b", top, bottom, tmp_path, 3, timeout=30)
    assert log.read_text().split() == ["bottom", "top"] * 3
    assert len(paired.wall) == 3 and paired.error == ""
    assert paired.wall_ratio is not None and paired.wall_ratio > 0
    failing = in_turn("t", "b", ["sh", "-c", "exit 3"], bottom, tmp_path, 3, timeout=30)
    assert failing.error.startswith("exit 3") and failing.wall_ratio is None


def test_a_pair_ratio_is_the_median_of_the_pairs_ratios() -> None:
    paired = Paired("t", "b", wall=[0.5, 3.0, 0.7], cpu=[1.0, 1.2, 9.0])
    assert paired.wall_ratio == 0.7 and paired.cpu_ratio == 1.2
    assert Paired("t", "b", wall=[1.0], error="exit 2").wall_ratio is None
