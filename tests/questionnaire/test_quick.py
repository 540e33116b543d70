"""`new --quick`: the core questions in process, what is deferred, and the README's counts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from prd_forge.cli import cli
from prd_forge.questionnaire.answers import Answers
from prd_forge.questionnaire.flow import Interview
from prd_forge.questionnaire.quick import defer_the_rest
from prd_forge.questionnaire.special import HANDLERS
from prd_forge.spec.completeness import blocking, find_gaps
from prd_forge.spec.load import load_spec
from tests.questionnaire.keys import run_with_keys
from tests.questionnaire.script import MINIMAL_SPEC, QUICK, keys

README = Path(__file__).resolve().parents[2] / "README.md"


def test_quick_in_process_writes_a_draft_that_check_accepts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("prd_forge.commands.new.is_interactive", lambda: True)
    prd = tmp_path / "PRD.md"
    result = run_with_keys(
        lambda: CliRunner().invoke(cli, ["new", "--quick", "-o", str(prd)]), *keys(QUICK)
    )
    assert result.exit_code == 0, result.output
    assert "Section 1/15 · question 1 of about 27 · required" in result.output
    spec = load_spec(tmp_path / "PRD.yaml").spec
    assert blocking(spec, find_gaps(spec)) == []
    assert spec.metrics[0].target is not None and spec.metrics[0].target.unit == "min"
    assert prd.read_text().startswith("<!-- Rendered by prd-forge")


def test_every_concern_left_open_gets_one_open_question_naming_it() -> None:
    walk = Interview(Answers(data={"feature": {"owner": "Dana Reyes"}}), handlers=HANDLERS)
    defer_the_rest(walk)
    questions = walk.answers.data["open_questions"]
    blocked = [q["blocks"] for q in questions]
    assert len(blocked) == len(set(blocked))
    assert "problem" in blocked and "rollout" in blocked and "privacy" not in blocked
    assert questions[0]["owner"] == "Dana Reyes"
    spec = walk.answers.spec()
    assert blocking(spec, find_gaps(spec)) == []


def test_the_readme_states_the_prompt_counts_the_scripts_take() -> None:
    text = README.read_text(encoding="utf-8")
    quick = re.search(r"`prd-forge new --quick` asks \*\*(\d+) prompts\*\*", text)
    full = re.search(r"The full\s+questionnaire takes \*\*(\d+) prompts\*\*", text)
    assert quick is not None and int(quick.group(1)) == len(QUICK) <= 30
    assert full is not None and int(full.group(1)) == len(MINIMAL_SPEC)
