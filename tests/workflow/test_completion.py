"""Shell completion, from click: the scripts the README tells users to install, and answers."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def complete(mode: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prd_forge"],
        env={**os.environ, "_PRD_FORGE_COMPLETE": mode, **env},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("shell", "line"),
    [
        ("bash", "complete -o nosort -F _prd_forge_completion prd-forge"),
        ("zsh", "#compdef prd-forge"),
        ("fish", 'complete --no-files --command prd-forge --arguments "(_prd_forge_completion)";'),
    ],
)
def test_completion_script_is_produced(shell: str, line: str) -> None:
    done = complete(f"{shell}_source")
    assert (done.returncode, done.stderr) == (0, "")
    assert line in [text.strip() for text in done.stdout.splitlines()]


def test_bash_script_is_valid_bash() -> None:
    script = complete("bash_source").stdout
    done = subprocess.run(["bash", "-n"], input=script, text=True, capture_output=True)
    assert done.returncode == 0, done.stderr


def test_subcommands_complete() -> None:
    done = complete("bash_complete", COMP_WORDS="prd-forge in", COMP_CWORD="1")
    assert done.stdout.splitlines() == ["plain,init"]


def test_options_of_a_subcommand_complete() -> None:
    done = complete("bash_complete", COMP_WORDS="prd-forge init --", COMP_CWORD="2")
    assert done.stdout.splitlines() == [
        "plain,--prds",
        "plain,--source",
        "plain,--ref",
        "plain,--branch",
        "plain,--force",
        "plain,--help",
    ]


def test_choices_of_an_option_complete() -> None:
    done = complete("bash_complete", COMP_WORDS="prd-forge diff --format ", COMP_CWORD="3")
    assert done.stdout.splitlines() == ["plain,text", "plain,json", "plain,markdown"]
