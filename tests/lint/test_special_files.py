"""Files that are not regular files: refused when named, skipped with a warning in folders.

A FIFO would block a read forever and /dev/zero would fill memory; neither may hang or crash a
pre-commit hook or a CI job, and the good files beside them are still linted.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from prd_forge.cli import cli

GOOD = (Path(__file__).parent / "fixtures" / "ai-complete.md").read_text(encoding="utf-8")
ENV = {"NO_COLOR": "", "GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": ""}


def _lint(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["lint", *args], env=ENV)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout, result.stderr


def test_folder_with_fifo_device_link_and_link_loop(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "z.md").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "zero.md").symlink_to("/dev/zero")
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    start = time.monotonic()
    code, out, err = _lint(str(tmp_path))
    assert time.monotonic() - start < 10
    assert code == 0
    assert out == "No findings in 2 files.\n"
    assert sorted(err.splitlines()) == [
        f"prd-forge: warning: {tmp_path / 'loop.md'}: a broken symbolic link or a link loop; "
        "skipped",
        f"prd-forge: warning: {tmp_path / 'pipe.md'}: a named pipe (FIFO), not a regular file; "
        "skipped",
        f"prd-forge: warning: {tmp_path / 'zero.md'}: a device, not a regular file; skipped",
    ]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: os.mkfifo(p), "a named pipe (FIFO), not a regular file or folder"),
        (lambda p: p.symlink_to("/dev/zero"), "a device, not a regular file or folder"),
    ],
    ids=["fifo", "device-link"],
)
def test_named_special_file_is_an_error(tmp_path: Path, make: object, message: str) -> None:
    special = tmp_path / "special.md"
    make(special)  # type: ignore[operator]
    code, _, err = _lint(str(special))
    assert code == 2
    assert err == f"prd-forge: error: {special}: {message}; pass Markdown files or folders\n"


def test_config_that_is_a_fifo_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "prd-forge.toml")
    code, _, err = _lint("--config", str(tmp_path / "prd-forge.toml"), str(tmp_path / "a.md"))
    assert code == 2
    assert err == (
        f"prd-forge: error: {tmp_path / 'prd-forge.toml'}: cannot read config: "
        "is a named pipe (FIFO), not a regular file; give a file\n"
    )


def test_pyproject_whose_tool_is_not_a_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("tool = 3\n", encoding="utf-8")
    code, _, err = _lint("--config", str(tmp_path / "pyproject.toml"), str(tmp_path))
    assert code == 2
    assert err == (
        f"prd-forge: error: {tmp_path / 'pyproject.toml'}: `tool` is int, not a table; "
        "make it [tool]\n"
    )


def test_empty_folder_says_nothing_was_linted(tmp_path: Path) -> None:
    code, out, err = _lint(str(tmp_path))
    assert code == 0
    assert out == "No findings in 0 files.\n"
    assert err == (
        f"prd-forge: warning: {tmp_path}: no Markdown files found (after excludes and "
        ".gitignore); nothing was linted\n"
    )


def test_stdin_over_the_cap_is_refused() -> None:
    from prd_forge.lint.files import MAX_BYTES

    result = CliRunner().invoke(cli, ["lint", "-"], input=b"#" * (MAX_BYTES + 5), env=ENV)
    assert result.exit_code == 2
    assert (
        result.stderr
        == "prd-forge: error: -: is 10.0 MB, over the 10 MB limit; split it or leave it out\n"
    )
