"""`prd-forge new` and `edit` in process: CliRunner inside an app session fed by a pipe."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from prd_forge.cli import cli
from prd_forge.spec.load import load_spec
from tests.questionnaire.keys import CTRL_C, CTRL_U, ENTER, line, run_with_keys
from tests.questionnaire.script import MONITORING, REVIEW, ROLLOUT, SAMPLE, keys, partial_sample


@pytest.fixture
def interactive(monkeypatch: pytest.MonkeyPatch) -> None:
    # CliRunner's stdin is not a TTY; the pipe-fed app session stands in for the terminal.
    monkeypatch.setattr("prd_forge.commands.new.is_interactive", lambda: True)
    monkeypatch.setattr("prd_forge.commands.edit.is_interactive", lambda: True)


def invoke(args: list[str], *typed: str) -> Result:
    return run_with_keys(lambda: CliRunner().invoke(cli, args), *typed)


def test_no_terminal_and_no_answers_stops_before_asking(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["new", "-o", str(tmp_path / "PRD.md")])
    assert result.exit_code == 2
    assert result.output == (
        "prd-forge: error: stdin is not a terminal, so nobody can answer the questions; "
        "run in a terminal, or give --answers FILE to write from an answers file\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("existing", ["PRD.md", "PRD.yaml"])
def test_existing_output_stops_before_asking(
    interactive: None, tmp_path: Path, existing: str
) -> None:
    (tmp_path / existing).write_text("keep me\n")
    result = invoke(["new", "-o", str(tmp_path / "PRD.md")])  # no keys: a prompt would EOF
    assert result.exit_code == 1
    assert result.output == (
        f"prd-forge: {tmp_path / existing}: already exists; use --force to overwrite it, "
        "-o for another name, or `prd-forge edit`\n"
    )
    assert (tmp_path / existing).read_text() == "keep me\n"


def test_missing_template_stops_before_asking(interactive: None, tmp_path: Path) -> None:
    result = invoke(["new", "-o", str(tmp_path / "PRD.md"), "--template", "nope.j2"])
    assert result.exit_code == 2
    assert "nope.j2: no such template" in result.output


def test_complete_answers_without_terminal_write_both_files(tmp_path: Path) -> None:
    prd = tmp_path / "PRD.md"
    result = CliRunner().invoke(cli, ["new", "-o", str(prd), "--answers", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote {tmp_path / 'PRD.yaml'} (answers) and {prd} (the PRD).\n"
    assert load_spec(tmp_path / "PRD.yaml").spec == load_spec(SAMPLE).spec
    assert prd.read_text().startswith("<!-- Rendered by prd-forge")


def test_incomplete_answers_without_terminal_are_refused(tmp_path: Path) -> None:
    partial = partial_sample(tmp_path, drop=("rollout",))
    result = CliRunner().invoke(
        cli, ["new", "-o", str(tmp_path / "PRD.md"), "--answers", str(partial)]
    )
    assert result.exit_code == 1
    assert "gap(s) block the PRD, and stdin is not a terminal to ask for them" in result.output
    assert "  rollout.phases: is missing" in result.output
    assert not (tmp_path / "PRD.md").exists() and not (tmp_path / "PRD.yaml").exists()


def test_answers_file_prefills_and_only_the_missing_is_asked(
    interactive: None, tmp_path: Path
) -> None:
    partial = partial_sample(tmp_path, drop=("monitoring",))
    prd = tmp_path / "PRD.md"
    result = invoke(["new", "-o", str(prd), "--answers", str(partial)], *keys(MONITORING + REVIEW))
    assert result.exit_code == 0, result.output
    assert "Section 12/15: Monitoring" in result.output
    assert "Section 11/15" not in result.output and "Section 13/15" not in result.output
    spec = load_spec(tmp_path / "PRD.yaml").spec
    assert spec.monitoring.owner == "Support ML on-call"
    assert spec.rollout == load_spec(SAMPLE).spec.rollout


def test_ctrl_c_keeps_every_answer_and_says_how_to_resume(
    interactive: None, tmp_path: Path
) -> None:
    partial = partial_sample(tmp_path, drop=("monitoring", "rollout"))
    prd = tmp_path / "PRD.md"
    typed = [*keys(MONITORING[:2]), CTRL_C]
    result = invoke(["new", "-o", str(prd), "--answers", str(partial)], *typed)
    assert result.exit_code == 130
    draft = tmp_path / ".PRD.draft.yaml"
    assert result.output.endswith(
        f"Interrupted. Your answers are saved in {draft}.\n"
        f"Continue with: prd-forge new -o {prd} --resume\n"
    )
    saved = yaml.safe_load(draft.read_text())
    assert saved["answers"]["monitoring"]["signals"] == [{"name": "Re-route rate"}]
    assert saved["answers"]["feature"]["name"] == "Support reply copilot"

    # Run `new` again: it offers the draft, and continues with the signal's kind.
    rest = ["y", *keys(MONITORING[2:] + ROLLOUT + REVIEW)]
    result = invoke(["new", "-o", str(prd)], *rest)
    assert result.exit_code == 0, result.output
    assert load_spec(tmp_path / "PRD.yaml").spec.monitoring.signals[0].kind == "correction-rate"
    assert not draft.exists()


def test_resume_without_a_draft_is_an_input_error(interactive: None, tmp_path: Path) -> None:
    result = invoke(["new", "-o", str(tmp_path / "PRD.md"), "--resume"])
    assert result.exit_code == 2
    assert f"{tmp_path / '.PRD.draft.yaml'}: no draft to resume" in result.output


def test_edit_one_section_then_re_render(interactive: None, tmp_path: Path) -> None:
    spec_file = tmp_path / "copilot.yaml"
    spec_file.write_text(SAMPLE.read_text())
    # Human oversight: Enter keeps each review point, an empty entry adds none; the reviewer
    # is cleared and retyped; the four other answers are kept; then the review writes.
    points = len(load_spec(SAMPLE).spec.human_oversight.review_points)
    typed = [ENTER] * (points + 1) + [line(CTRL_U + "The senior agent on shift")]
    typed += [ENTER] * 4 + keys(REVIEW)
    result = invoke(["edit", str(spec_file), "--section", "human-oversight"], *typed)
    assert result.exit_code == 0, result.output
    assert "Section 11/15: Human oversight" in result.output
    assert "Section 1/15" not in result.output
    edited = load_spec(spec_file).spec
    assert edited.human_oversight.reviewer == "The senior agent on shift"
    assert edited.model_copy(update={"human_oversight": None}) == load_spec(SAMPLE).spec.model_copy(
        update={"human_oversight": None}
    )
    assert "The senior agent on shift" in (tmp_path / "copilot.md").read_text()


def test_a_misspelt_key_in_the_answers_file_stops_before_asking(
    interactive: None, tmp_path: Path
) -> None:
    answers = tmp_path / "in.yaml"
    answers.write_text("feature:\n  nmae: Triage\n")
    result = invoke(["new", "-o", str(tmp_path / "PRD.md"), "--answers", str(answers)])
    assert result.exit_code == 2
    assert result.output == (
        f"prd-forge: error: {answers}: feature.nmae: unknown field (did you mean 'name'?)\n"
    )


MONITORING_KEPT = [ENTER] * 4  # signals menu "Done", then owner, cadence, retraining kept


def test_saving_a_draft_never_overwrites_a_clean_spec(interactive: None, tmp_path: Path) -> None:
    spec_file = tmp_path / "copilot.yaml"
    spec_file.write_text(SAMPLE.read_text())
    save_as_draft = "\x1b[B" * 16 + ENTER  # the review's last choice
    typed = [*MONITORING_KEPT, save_as_draft]
    result = invoke(["edit", str(spec_file), "--section", "monitoring"], *typed)
    assert result.exit_code == 0, result.output
    assert result.output.endswith(
        f"Wrote {tmp_path / 'copilot-draft.yaml'} (answers) and {tmp_path / 'copilot-draft.md'}"
        " (a draft PRD: its gaps are marked).\n"
        f"{spec_file} and {tmp_path / 'copilot.md'} are complete and were left unchanged.\n"
        f"Change answers later with: prd-forge edit {tmp_path / 'copilot-draft.yaml'}\n"
    )
    assert spec_file.read_text() == SAMPLE.read_text()
    assert not (tmp_path / "copilot.md").exists()


def test_declining_an_unfinished_edit_asks_before_discarding_it(
    interactive: None, tmp_path: Path
) -> None:
    spec_file = tmp_path / "copilot.yaml"
    spec_file.write_text(SAMPLE.read_text())
    typed = [ENTER, CTRL_C]  # the signals menu's Done is saved; Ctrl-C at the owner
    result = invoke(["edit", str(spec_file), "--section", "monitoring"], *typed)
    assert result.exit_code == 130
    assert result.output.endswith(
        f"Continue with: prd-forge edit {spec_file} --section monitoring\n"
    )
    # No to "continue?", then no to "discard?": the draft goes on, in monitoring only.
    typed = ["n", "n", *MONITORING_KEPT, ENTER]
    result = invoke(["edit", str(spec_file)], *typed)
    assert result.exit_code == 0, result.output
    assert "Kept: continuing the draft." in result.output
    assert "Section 12/15: Monitoring" in result.output
    assert "Section 1/15" not in result.output


def test_edit_keeps_the_comments_and_key_order_of_the_answers_file(
    interactive: None, tmp_path: Path
) -> None:
    spec_file = tmp_path / "copilot.yaml"
    original = SAMPLE.read_text()
    commented = original.replace(
        "monitoring:\n", "# Reviewed with on-call, 2026-11-02\nmonitoring:\n", 1
    ).replace("  cadence:", "  # weekly since the canary\n  cadence:", 1)
    spec_file.write_text(commented)
    typed = [ENTER, line(CTRL_U + "Support ML on-call (PagerDuty)"), ENTER, ENTER, *keys(REVIEW)]
    result = invoke(["edit", str(spec_file), "--section", "monitoring"], *typed)
    assert result.exit_code == 0, result.output
    old_owner = load_spec(SAMPLE).spec.monitoring.owner
    assert old_owner is not None
    expected = commented.replace(
        f"  owner: {old_owner}\n", "  owner: Support ML on-call (PagerDuty)\n", 1
    )
    assert spec_file.read_text() == expected
