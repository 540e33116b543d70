"""Fixtures for the spec tests: the CLI run in-process, from the repository root."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from prd_forge.cli import cli

ROOT = Path(__file__).resolve().parents[2]

Invoke = Callable[..., Result]


@pytest.fixture
def prd_forge(monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """Run `prd-forge ARGS...` from the repository root, so paths in output read samples/..."""
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)  # else --format auto means github

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)

    return invoke
