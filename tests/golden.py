"""Golden files: compare a test's output with the file, or rewrite it under PRD_FORGE_REGEN=1."""

from __future__ import annotations

import os
from pathlib import Path


def matches_golden(path: Path, text: str) -> None:
    """Assert `text` equals the golden file at `path` (rewritten first when regenerating)."""
    if os.environ.get("PRD_FORGE_REGEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"{path} is missing; regenerate it with PRD_FORGE_REGEN=1"
    assert text == path.read_text(encoding="utf-8"), (
        f"{path} is out of date; if the change is intended, run the test with "
        "PRD_FORGE_REGEN=1 and review the diff"
    )
