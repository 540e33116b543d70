"""`prd-forge diff BASE HEAD`: the real linter on both sides, golden output, exact exit codes.

after.md is before.md with its failure-mode section cut (fallbacks lost), a success-metrics
table added (metrics gained) and a line inserted at the top, so the one finding both share
moves down by two lines and must not count as a change.

Regenerate after an intended change: PRD_FORGE_REGEN=1 python -m pytest tests/workflow
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from prd_forge.cli import cli

HERE = Path(__file__).resolve().parent
PRDS = HERE / "prds"
GOLDEN = HERE / "golden"
SUFFIX = {"text": "txt", "json": "json", "markdown": "md"}


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("PRD_FORGE_REGEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{name} changed (PRD_FORGE_REGEN=1)"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["diff", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def in_prds(monkeypatch: pytest.MonkeyPatch) -> None:
    # Paths in the output are as given on the command line; relative ones keep goldens stable.
    monkeypatch.chdir(PRDS)


@pytest.mark.parametrize("name", sorted(SUFFIX))
def test_regression_in_every_format(name: str) -> None:
    code, out, err = run("before.md", "after.md", "--format", name)
    assert (code, err) == (1, "")
    check_golden(f"diff-cli.{SUFFIX[name]}", out)


def test_moved_finding_is_not_reported() -> None:
    out = run("before.md", "after.md")[1]
    assert "PRD103" not in out


def test_only_gains_exit_zero() -> None:
    code, out, _ = run("before.md", "good.md")
    assert code == 0
    assert out.splitlines()[-1] == (
        "1 PRD compared: 0 concerns lost, 1 gained; 0 findings added, 4 resolved; "
        "coverage did not regress"
    )


def test_identical_files() -> None:
    assert run("good.md", "good.md") == (
        0,
        "good.md\n  no change to coverage or findings\n\n"
        "1 PRD compared: 0 concerns lost, 0 gained; 0 findings added, 0 resolved; "
        "coverage did not regress\n",
        "",
    )


def test_missing_file_is_an_input_error() -> None:
    assert run("good.md", "nope.md") == (
        2,
        "",
        "prd-forge: error: nope.md: no such file; check the path\n",
    )


def test_one_file_is_a_usage_error() -> None:
    code, out, err = run("good.md")
    assert (code, out) == (2, "")
    assert err.endswith("Error: give two files, BASE and HEAD, or --git REF [PATH]...\n")


def test_non_text_file_is_an_input_error(tmp_path: Path) -> None:
    latin = tmp_path / "latin.md"
    latin.write_bytes(b"# R\x81sum\x8d\n")
    assert run("good.md", str(latin)) == (
        2,
        "",
        f"prd-forge: error: {latin}: not text: neither UTF-8 nor Windows-1252 (byte 0x81 on "
        "line 1); lint Markdown text only\n",
    )


def test_broken_config_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / ".prd-forge.toml").write_text("colour = true\n")
    (tmp_path / "a.md").write_text("# A\n")
    code, out, err = run(str(tmp_path / "a.md"), str(tmp_path / "a.md"))
    assert (code, out) == (2, "")
    assert err.startswith(f"prd-forge: error: {tmp_path}/.prd-forge.toml: ")
    assert "colour" in err
