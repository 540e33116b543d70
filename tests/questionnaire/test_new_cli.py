"""`prd-forge new` in process: CliRunner inside a prompt_toolkit app session fed by a pipe."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from prd_forge.cli import cli
from prd_forge.spec.load import load_spec
from tests.questionnaire.keys import run_with_keys
from tests.questionnaire.script import MINIMAL_SPEC, keys


@pytest.fixture
def interactive(monkeypatch: pytest.MonkeyPatch) -> None:
    # CliRunner's stdin is not a TTY; the pipe-fed app session stands in for the terminal.
    monkeypatch.setattr("prd_forge.commands.new.is_interactive", lambda: True)
    monkeypatch.setattr("prd_forge.commands.edit.is_interactive", lambda: True)


def invoke(args: list[str], *typed: str) -> Result:
    return run_with_keys(lambda: CliRunner().invoke(cli, args), *typed)


def test_minimal_spec_typed_from_nothing(interactive: None, tmp_path: Path) -> None:
    prd = tmp_path / "PRD.md"
    result = invoke(["new", "-o", str(prd)], *keys(MINIMAL_SPEC))
    assert result.exit_code == 0, result.output
    assert f"Wrote {tmp_path / 'PRD.yaml'} (answers) and {prd} (the PRD)." in result.output
    spec = load_spec(tmp_path / "PRD.yaml").spec
    assert spec.feature.name == "Ticket triage"
    assert [m.id for m in spec.failure_modes.modes] == ["false-positive"]
    assert spec.failure_modes.modes[0].fallbacks == ["manual-routing"]
    assert [s.state.value for s in spec.ux_states] == ["loading", "low-confidence", "fallback", "error"]
    assert "# Ticket triage" in prd.read_text() or "Ticket triage" in prd.read_text()
    assert not (tmp_path / ".PRD.draft.yaml").exists()
