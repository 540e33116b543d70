"""End to end: import a PRD, then `new --answers` asks only what the import could not fill."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from prd_forge.cli import cli
from prd_forge.spec.load import load_spec
from prd_forge.spec.model import Status
from tests.questionnaire.keys import line, run_with_keys
from tests.questionnaire.script import AI_FIT, MONITORING, REVIEW, SAMPLE, keys


@pytest.fixture
def interactive(monkeypatch: pytest.MonkeyPatch) -> None:
    # CliRunner's stdin is not a TTY; the pipe-fed app session stands in for the terminal.
    monkeypatch.setattr("prd_forge.commands.new.is_interactive", lambda: True)


def test_an_imported_prd_is_completed_by_new(interactive: None, tmp_path: Path) -> None:
    rendered = SAMPLE.with_suffix(".md").read_text(encoding="utf-8")
    start = rendered.index("\n## Monitoring\n")
    old = tmp_path / "old-prd.md"
    old.write_text(rendered[:start] + rendered[rendered.index("\n## ", start + 1) :], "utf-8")
    answers = tmp_path / "PRD.yaml"
    imported = CliRunner().invoke(cli, ["import", str(old), "-o", str(answers)])
    assert imported.exit_code == 0, imported.output
    assert load_spec(answers).spec.open_questions[-1].blocks == "monitoring"

    prd = tmp_path / "PRD.md"
    args = ["new", "-o", str(prd), "--answers", str(answers), "--force"]
    # The HAX questions the sample predates are asked (a menu no longer takes an answer its
    # filter does not match), then Monitoring, then the owner and date of the open question
    # the import added.
    hax = [
        step for step in AI_FIT if step[0].startswith(("What does the model take", "Does", "Can"))
    ]
    question = [("Who will answer it?", line("Dana Reyes")), ("By when?", line("2026-12-20"))]
    typed = keys(hax + MONITORING + question + REVIEW)
    result = run_with_keys(lambda: CliRunner().invoke(cli, args), *typed)
    assert result.exit_code == 0, result.output
    assert "Section 12/15: Monitoring" in result.output
    assert "Section 11/15" not in result.output and "Section 13/15" not in result.output
    assert "Section 15/15: Open questions" in result.output
    spec = load_spec(answers).spec
    assert spec.monitoring.owner == "Support ML on-call"
    assert spec.feature.status == Status.DRAFT
    assert (spec.open_questions[-1].owner, spec.open_questions[-1].due) == (
        "Dana Reyes",
        "2026-12-20",
    )
    assert spec.rollout == load_spec(SAMPLE).spec.rollout
    assert prd.read_text(encoding="utf-8").startswith("<!-- Rendered by prd-forge")
