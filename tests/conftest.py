"""Fixtures shared by every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _no_result_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lint's result cache stays out of every test but its own (tests/lint/test_cache.py)."""
    monkeypatch.setenv("PRD_FORGE_NO_CACHE", "1")


@pytest.fixture
def repo_root() -> Path:
    return ROOT


@pytest.fixture
def samples_dir() -> Path:
    return ROOT / "samples"
