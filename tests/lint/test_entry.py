"""The click-free lint entry point: the same bytes and exit codes as the click command."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from prd_forge import cli, entry
from prd_forge.commands.lint import lint as click_lint
from prd_forge.commands.lint_options import OPTIONS, parse

FIXTURES = Path(__file__).parent / "fixtures"
CONFIG = '[tool.prd-forge]\nignore = ["PRD131"]\n'
BAD_CONFIG = "[tool.prd-forge]\nfail_level = 3\n"
STDIN = (FIXTURES / "crud.md").read_text(encoding="utf-8")

# Command lines the fast path runs itself.
FAST = [
    ["crud.md"],
    ["ai-complete.md"],
    ["crud.md", "hollow.md", "ai-complete.md", "--summary"],
    ["."],
    *(["--format", name, "crud.md", "hollow.md"] for name in ("text", "json", "github", "junit")),
    ["--format=sarif", "--base-path", ".", "crud.md"],
    ["--format", "gitlab", "--base-path=.", "hollow.md"],
    ["-q", "crud.md"],
    ["--statistics", "crud.md", "hollow.md"],
    ["--select", "PRD001", "crud.md", "--select", "metrics,rollout"],
    ["--ignore", "PRD131", "--ignore=PRD005", "crud.md"],
    ["--stage", "launch", "crud.md"],
    ["--stage", "draft", "--preset", "strict", "--fail-level", "info", "hollow.md"],
    ["--ai", "yes", "crud.md"],
    ["--ai=no", "--color", "always", "crud.md"],
    ["--color", "never", "crud.md"],
    ["-", "--stdin-filename", "prds/from-stdin.md"],
    ["-"],
    ["--format", "json", "-", "crud.md"],
    ["--config", "team.toml", "crud.md"],
    ["--config", "bad.toml", "crud.md"],
    ["--config", "absent.toml", "crud.md"],
    ["missing.md", "crud.md"],
    ["--exclude", "hollow.md", "."],
    ["--exclude", "crud.md", "--force-exclude", "crud.md", "hollow.md"],
    ["--jobs", "1", "--no-cache", "crud.md"],
    ["--cache-dir", "cache", "crud.md"],
    ["-o", "out/report.txt", "crud.md"],
    ["--output-file", "missing-folder/report.txt", "crud.md"],
    ["--sarif-category", "prds", "--format", "sarif", "crud.md"],
    ["notes.txt"],
]

# Command lines the fast path parses but leaves to click: a usage error, or what writes files.
CLICK_PARSED = [
    ["--select", "PRD999", "crud.md"],
    ["--ignore", "no-such-concern", "crud.md"],
    ["--statistics", "--format", "json", "crud.md"],
    ["--quiet", "--format", "sarif", "crud.md"],
    ["--format", "sarif", "-"],
    ["--fix", "-"],
    ["--diff", "crud.md"],
]
# Command lines it does not parse: help, what click refuses or reads otherwise.
CLICK_UNPARSED = [
    [],
    ["--help"],
    ["-h"],
    ["--bogus", "crud.md"],
    ["--format", "yaml", "crud.md"],
    ["--format"],
    ["--jobs", "0", "crud.md"],
    ["--jobs", "two", "crud.md"],
    ["--config", ".", "crud.md"],
    ["--cache-dir", "crud.md", "crud.md"],
    ["--base-path", "absent", "crud.md"],
    ["--select", "--summary", "crud.md"],
    ["-qo", "x.txt", "crud.md"],
    ["--summary=yes", "crud.md"],
    ["--", "crud.md"],
    ["-x.md"],
]
CLICK = CLICK_PARSED + CLICK_UNPARSED


@pytest.fixture(autouse=True)
def _workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for fixture in FIXTURES.glob("*.md"):
        (tmp_path / fixture.name).write_bytes(fixture.read_bytes())
    (tmp_path / "team.toml").write_text(CONFIG, "utf-8")
    (tmp_path / "bad.toml").write_text(BAD_CONFIG, "utf-8")
    (tmp_path / "notes.txt").write_text("not markdown\n", "utf-8")
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path)
    for name in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)


class _Bytes(io.BytesIO):
    """Keeps its bytes when the text stream around it is closed."""

    def close(self) -> None:
        pass


def _invoke(main: Any, args: list[str]) -> tuple[int, bytes, bytes, str]:
    """Run a `main` on `args` with real byte streams; exit code, stdout, stderr, report."""
    saved = sys.stdin, sys.stdout, sys.stderr
    out, err = _Bytes(), _Bytes()
    sys.stdin = io.TextIOWrapper(io.BytesIO(STDIN.encode()), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    sys.stderr = io.TextIOWrapper(err, encoding="utf-8", write_through=True)
    try:
        main(["lint", *args])
        code: Any = 0
    except SystemExit as done:
        code = done.code
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    report = Path("out/report.txt")
    written = report.read_text("utf-8") if report.exists() else ""
    report.unlink(missing_ok=True)
    return code or 0, out.getvalue(), err.getvalue(), written


@pytest.mark.parametrize("args", FAST, ids=" ".join)
def test_the_fast_path_prints_what_the_click_command_prints(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _invoke(cli.main, args)
    with monkeypatch.context() as patch:
        patch.setattr(cli, "main", _refuse)
        assert _invoke(entry.main, args) == expected
    assert expected[0] in (0, 1, 2)


def _refuse(argv: object = None) -> None:
    raise AssertionError("the fast path fell back to click")


@pytest.mark.parametrize("args", CLICK, ids=lambda args: " ".join(args) or "(none)")
def test_anything_unusual_goes_to_click(args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _invoke(cli.main, args)
    handed: list[object] = []
    real = cli.main

    def recording(argv: list[str] | None = None) -> object:
        handed.append(argv)
        return real(argv)

    with monkeypatch.context() as patch:
        patch.setattr(cli, "main", recording)
        assert _invoke(entry.main, args) == expected
    assert handed == [["lint", *args]]
    assert expected[0] in (0, 1, 2)


@pytest.mark.parametrize("args", [*FAST, *CLICK_PARSED])
def test_the_parser_reads_each_command_line_as_click_does(args: list[str]) -> None:
    parsed = parse(args)
    assert parsed is not None
    context = click_lint.make_context("lint", list(args))
    assert parsed == (context.params.pop("paths"), context.params)


@pytest.mark.parametrize("args", CLICK_UNPARSED)
def test_the_parser_leaves_the_rest_to_click(args: list[str]) -> None:
    assert parse(args) is None


def test_the_click_command_has_exactly_the_table_s_options() -> None:
    declared = {name for param in click_lint.params for name in param.opts}
    assert declared == {"paths", *(name for option in OPTIONS for name in option.names)}


def test_a_fast_lint_collects_young_objects_less_often() -> None:
    show = "import gc, sys\nfrom prd_forge.entry import main\ntry:\n    main(sys.argv[1:])\n"
    show += "except SystemExit:\n    print('\\nthreshold:', gc.get_threshold()[0])\n"
    args = ["lint", "--no-cache", str(FIXTURES / "crud.md")]
    done = subprocess.run([sys.executable, "-c", show, *args], capture_output=True, text=True)
    assert done.stdout.rsplit("\nthreshold:", 1)[1].split() == [str(entry.YOUNG_COLLECTION)]


def test_a_fast_lint_imports_neither_click_nor_the_heavy_libraries() -> None:
    show = "import sys\nfrom prd_forge.entry import main\ntry:\n    main(sys.argv[1:])\n"
    show += "except SystemExit:\n    print('\\nmodules:', *sorted(sys.modules))\n"
    args = ["lint", "--no-cache", str(FIXTURES / "crud.md")]
    done = subprocess.run([sys.executable, "-c", show, *args], capture_output=True, text=True)
    modules = set(done.stdout.rsplit("\nmodules:", 1)[1].split())
    assert "prd_forge.lint.engine" in modules  # it did lint
    for heavy in ("click", "prd_forge.cli", "questionary", "jinja2", "pydantic", "yaml"):
        assert heavy not in modules, heavy
    # nor what only the result cache, the machine formats or an approvals table need
    assert [name for name in ("hashlib", "json", "tempfile", "shutil") if name in modules] == []
    # nor typing: lint's records are prd_forge/_records.py's and its type-only names are
    # imported under TYPE_CHECKING (typing, with typing.NamedTuple's classes, cost about a tenth
    # of linting one file)
    assert "typing" not in modules
    # nor pathlib (with urllib.parse and ipaddress): lint's paths are str, and the compiled
    # patterns it reads (lint/_programs.py) are found with os.path; nor string
    assert [name for name in ("pathlib", "urllib", "ipaddress", "string") if name in modules] == []
    # nor contextlib, importlib or warnings (the concerns' registry is read with __import__)
    assert [name for name in ("contextlib", "importlib", "warnings") if name in modules] == []
