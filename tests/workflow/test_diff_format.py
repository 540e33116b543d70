"""The coverage diff's three formats, against golden files.

Regenerate after an intended change: PRD_FORGE_REGEN=1 python -m pytest tests/workflow
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from prd_forge.terms import Severity
from prd_forge.workflow.diff import ChangedFinding, CoverageChange, Diff, FileChange, FileDiff
from prd_forge.workflow.diff_format import COMMENT_MARKER, FORMATTERS

GOLDEN = Path(__file__).resolve().parent / "golden"
SUFFIX = {"text": "txt", "json": "json", "markdown": "md"}


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("PRD_FORGE_REGEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{name} changed (PRD_FORGE_REGEN=1)"


def sample_diff() -> Diff:
    target = ChangedFinding(
        14, 1, "PRD101", "metric-without-target", "metrics", Severity.ERROR, "no target"
    )
    vague = ChangedFinding(
        7, 12, "PRD120", "vague-quality-word", "metrics", Severity.WARNING, '"fast" | "slow"'
    )
    return Diff(
        (
            FileDiff(
                "docs/prds/search.md",
                "docs/prds/search.md",
                FileChange.MODIFIED,
                True,
                True,
                (
                    CoverageChange("fallbacks", "present", "missing"),
                    CoverageChange("evaluation", "present", "hollow"),
                    CoverageChange("metrics", "partial", "present"),
                ),
                (target,),
                (vague,),
            ),
            FileDiff(
                "docs/prds/new.md",
                "docs/prds/new.md",
                FileChange.ADDED,
                None,
                False,
                (CoverageChange("problem", "missing", "present"),),
            ),
            FileDiff("docs/prds/b.md", "docs/prds/a.md", FileChange.RENAMED, True, True),
            FileDiff("docs/prds/old.md", "docs/prds/old.md", FileChange.DELETED, True, None),
        )
    )


@pytest.mark.parametrize("name", sorted(FORMATTERS))
def test_format_matches_golden(name: str) -> None:
    check_golden(f"diff.{SUFFIX[name]}", FORMATTERS[name](sample_diff()))


@pytest.mark.parametrize("name", sorted(FORMATTERS))
def test_no_changed_prd(name: str) -> None:
    check_golden(f"diff-empty.{SUFFIX[name]}", FORMATTERS[name](Diff(())))


def test_json_summary_counts() -> None:
    document = json.loads(FORMATTERS["json"](sample_diff()))
    assert document["summary"] == {
        "files": 4,
        "lost": 2,
        "gained": 2,
        "added": 1,
        "resolved": 1,
        "regressed": True,
    }
    assert [file["status"] for file in document["files"]] == [
        "modified",
        "added",
        "renamed",
        "deleted",
    ]


def test_markdown_escapes_table_cells_and_starts_with_the_bot_marker() -> None:
    body = FORMATTERS["markdown"](sample_diff())
    assert body.startswith(COMMENT_MARKER + "\n")
    assert '| 7 | warning | `PRD120` vague-quality-word | "fast" \\| "slow" |' in body
