"""Bad input: a clear one-line error for that file, the others still linted, no traceback."""

from __future__ import annotations

import gc
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from prd_forge.cli import cli
from prd_forge.lint import lint_text
from prd_forge.lint.files import MAX_BYTES

GOOD = (Path(__file__).parent / "fixtures" / "ai-complete.md").read_text(encoding="utf-8")
ENV = {"NO_COLOR": "", "GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": ""}


def _lint(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["lint", *args], env=ENV)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.md"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"# Title\n\nmenu\n\x81\x8d\x8f\n",
            "not text: neither UTF-8 nor Windows-1252 (byte 0x81 on line 4); "
            "lint Markdown text only",
        ),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "binary file (contains NUL bytes); lint Markdown text only",
        ),
        (b"", "empty file: nothing to lint"),
        (b"  \n\n\t\n", "empty file: nothing to lint"),
    ],
    ids=["not-text", "binary", "empty", "blank"],
)
def test_unreadable_file_is_one_error_and_others_are_linted(
    tmp_path: Path, good: Path, content: bytes, message: str
) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(content)
    code, out, err = _lint(str(bad), str(good))
    assert code == 2
    assert err == f"prd-forge: error: {bad}: {message}\n"
    assert out == "No findings in 1 file. 1 file could not be linted.\n"


def test_windows_1252_file_is_linted_with_one_warning(tmp_path: Path, good: Path) -> None:
    # A curly apostrophe exported from Word: 0x92 in Windows-1252, not UTF-8.
    word = tmp_path / "word.md"
    word.write_bytes(GOOD.encode("utf-8").replace(b"\n\n", b"\n\nIt\x92s Word\n\n", 1))
    line = GOOD.encode("utf-8").split(b"\n\n")[0].count(b"\n") + 3
    code, out, err = _lint(str(word), str(good))
    assert err == (
        f"prd-forge: warning: {word}: not UTF-8 (byte 0x92 on line {line}): "
        "read as Windows-1252; save it as UTF-8\n"
    )
    assert code == 0
    assert out == "No findings in 2 files.\n"


def test_huge_file_is_refused_without_reading_it(tmp_path: Path, good: Path) -> None:
    huge = tmp_path / "huge.md"
    with huge.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    code, _, err = _lint(str(huge), str(good))
    assert code == 2
    assert "is 10.0 MB, over the 10 MB limit; split it or leave it out" in err


def test_broken_symlink_and_missing_path(tmp_path: Path, good: Path) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "gone.md")
    code, _, err = _lint(str(link), str(tmp_path / "nope.md"), str(good))
    assert code == 2
    assert err.splitlines() == [
        f"prd-forge: error: {link}: broken symbolic link or link loop "
        f"(points to {tmp_path / 'gone.md'}); fix it",
        f"prd-forge: error: {tmp_path / 'nope.md'}: no such file or folder; check the path",
    ]


def test_broken_symlink_inside_a_folder_is_skipped_with_a_warning(
    tmp_path: Path, good: Path
) -> None:
    (tmp_path / "dangling.md").symlink_to(tmp_path / "gone.md")
    code, out, err = _lint(str(tmp_path))
    assert code == 0
    assert err == (
        f"prd-forge: warning: {tmp_path / 'dangling.md'}: "
        "a broken symbolic link or a link loop; skipped\n"
    )
    assert out == "No findings in 1 file.\n"


def test_unclosed_fence_is_a_finding_not_a_crash() -> None:
    report = lint_text("## Data sources\n\n```\nsource: tickets\n\n## Evaluation\n\nText\n")
    assert [f.code for f in report.findings if f.code == "PRD007"] == ["PRD007"]


def test_deeply_nested_lists_and_quotes() -> None:
    nested = "".join("  " * depth + "- item\n" for depth in range(1000))
    quotes = ">" * 2000 + " deep\n"
    report = lint_text(f"# T\n\n## Scope\n\n{nested}\n{quotes}")
    assert report.coverage["scope"] in ("present", "partial")


def test_thousands_of_files_in_a_folder(tmp_path: Path) -> None:
    small = "# Saved filters\n\n## Problem\n\nUsers rebuild filters daily, 40 tickets a week.\n"
    for index in range(1200):
        (tmp_path / f"prd_{index:04}.md").write_text(small, encoding="utf-8")
    code, out, _ = _lint(str(tmp_path), "--jobs", "2", "--select", "PRD001")
    assert code == 1
    assert out.endswith("in 1200 files.\n")
    assert out.count("PRD001") == 3 * 1200  # scope, metrics, rollout in every file


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "# T\n\n## Scope\n\n" + "word " * n + "\n",  # one long line
        lambda n: "# T\n\n" + "".join(f"## Heading {i}\n\ntext\n\n" for i in range(n // 20)),
        lambda n: "# T\n\n## Scope\n\n" + "- item TBD fast\n" * (n // 10),  # long list
        lambda n: "# T\n\n## Scope\n\n" + "**" * (n // 4) + "[insert " * (n // 40) + "\n",
    ],
    ids=["long-line", "many-headings", "long-list", "unbalanced-markup"],
)
def test_cost_grows_linearly(make: object) -> None:
    def seconds(n: int) -> float:
        text = make(n)  # type: ignore[operator]
        best = float("inf")
        for _ in range(3):  # the fastest of three runs: a busy machine only adds time
            gc.collect()
            gc.disable()  # a collection inside one run is noise, not growth
            try:
                start = time.perf_counter()
                lint_text(text)
                best = min(best, time.perf_counter() - start)
            finally:
                gc.enable()
        return best

    seconds(2_000)  # warm up the parser
    # 4x the input; quadratic would be 16x. A stalled run can break the bound once, quadratic
    # work breaks it every time: measure again before failing.
    for _ in range(2):
        small, large = seconds(10_000), seconds(40_000)
        if large < max(small, 0.01) * 10:
            return
    pytest.fail(f"4x the input took {large / max(small, 0.01):.1f}x the time ({large:.3f} s)")
