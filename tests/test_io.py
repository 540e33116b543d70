"""Atomic writes: nothing half-written, and the permissions a plain write would give."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from prd_forge._io import OutputExistsError, write_atomic


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_new_file_gets_umask_permissions(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "PRD.md"
    write_atomic(target, "# PRD\n")
    assert target.read_text(encoding="utf-8") == "# PRD\n"
    assert target.stat().st_mode & 0o777 == 0o644


def test_overwrite_keeps_existing_permissions(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "PRD.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new\n", force=True)
    assert target.read_text(encoding="utf-8") == "new\n"
    assert target.stat().st_mode & 0o777 == 0o640


def test_refuses_existing_file_without_force(tmp_path: Path) -> None:
    target = tmp_path / "PRD.md"
    target.write_text("keep me\n", encoding="utf-8")
    with pytest.raises(OutputExistsError):
        write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "keep me\n"
    assert [p.name for p in tmp_path.iterdir()] == ["PRD.md"]
