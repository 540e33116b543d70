"""A standard output or step summary that cannot be written is one line and exit 2.

Run as a real process: the failure happens on the file descriptor, at flush or at exit.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from prd_forge.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "support-reply-copilot.yaml"
GOOD = ROOT / "tests" / "lint" / "fixtures" / "ai-complete.md"


def _run(args: list[str], stdout: int) -> tuple[int, str]:
    done = subprocess.run(
        [sys.executable, "-m", "prd_forge", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        check=False,
    )
    return done.returncode, done.stderr


@pytest.mark.parametrize(
    "args", [["schema"], ["render", str(SAMPLE)], ["lint", str(GOOD), "--summary"]]
)
def test_full_disk_on_stdout(args: list[str]) -> None:
    with Path("/dev/full").open("w") as full:
        code, err = _run(args, full.fileno())
    assert (code, err) == (
        2,
        "prd-forge: error: cannot write to standard output: No space left on device\n",
    )


def test_closed_pipe_on_stdout() -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        code, err = _run(["schema"], write_end)
    finally:
        os.close(write_end)
    assert (code, err) == (2, "prd-forge: error: cannot write to standard output: Broken pipe\n")


@pytest.mark.parametrize(
    ("target", "reason"),
    [("missing/summary.md", "No such file or directory"), (".", "is a folder, not a regular file")],
)
def test_step_summary_that_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, reason: str
) -> None:
    monkeypatch.chdir(tmp_path)
    env = {"GITHUB_STEP_SUMMARY": target, "GITHUB_ACTIONS": "true", "NO_COLOR": ""}
    result = CliRunner().invoke(cli, ["lint", str(GOOD)], env=env)
    assert result.exit_code == 2
    assert result.stderr == (
        f"prd-forge: error: GITHUB_STEP_SUMMARY {target}: cannot be written: {reason}\n"
    )


def test_read_only_step_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("", encoding="utf-8")
    summary.chmod(0o444)
    if os.getuid() == 0:  # root writes read-only files: make the refusal the kernel's would be
        real_open = Path.open

        def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
            if self == summary:
                raise PermissionError(13, "Permission denied")
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", refuse)
    env = {"GITHUB_STEP_SUMMARY": str(summary), "GITHUB_ACTIONS": "true", "NO_COLOR": ""}
    result = CliRunner().invoke(cli, ["lint", str(GOOD)], env=env)
    assert result.exit_code == 2
    assert result.stderr == (
        f"prd-forge: error: GITHUB_STEP_SUMMARY {summary}: cannot be written: Permission denied\n"
    )


def test_step_summary_that_is_a_fifo_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "summary"
    os.mkfifo(fifo)
    env = {"GITHUB_STEP_SUMMARY": str(fifo), "GITHUB_ACTIONS": "true", "NO_COLOR": ""}
    result = CliRunner().invoke(cli, ["lint", str(GOOD)], env=env)
    assert result.exit_code == 2
    assert result.stderr == (
        f"prd-forge: error: GITHUB_STEP_SUMMARY {fifo}: cannot be written: is a named pipe "
        "(FIFO), not a regular file\n"
    )
