"""`report` counts only the concerns that apply to a PRD, as lint does: an AI-only concern of a
PRD marked `ai: false` is n/a, shown so, and left out of the coverage score."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from prd_forge import concerns
from prd_forge.cli import cli

NON_AI = "---\nai: false\n---\n# Search filters\n## Problem\nUsers cannot filter.\n"


def report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output: str) -> str:
    (tmp_path / "filters.md").write_text(NON_AI, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["report", "filters.md", "--format", output, "--today", "2026-12-10"]
    result = CliRunner().invoke(cli, [*args, "--revisions", "0"])
    assert result.stderr == ""
    return result.stdout


def test_ai_only_concerns_are_n_a_and_not_scored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = json.loads(report(tmp_path, monkeypatch, "json"))["prds"][0]
    ai_only = {c.id for c in concerns.applicable(ai=True)} - {
        c.id for c in concerns.applicable(ai=False)
    }
    assert row["ai"] is False
    assert ai_only and {c for c, s in row["coverage"].items() if s == "n/a"} == ai_only
    scored = [s for s in row["coverage"].values() if s != "n/a"]
    expected = sum({"present": 1.0, "partial": 0.5}.get(s, 0.0) for s in scored) / len(scored)
    assert row["score"] == round(expected, 3)


def test_the_markdown_table_shows_n_a(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    table = report(tmp_path, monkeypatch, "markdown")
    head = next(line for line in table.splitlines() if line.startswith("| PRD "))
    row = next(line for line in table.splitlines() if line.startswith("| filters.md "))
    cells = dict(zip(head.split(" | "), row.split(" | "), strict=True))
    assert (cells["ai-fit"], cells["baseline"], cells["evaluation"]) == ("n/a", "n/a", "n/a")
