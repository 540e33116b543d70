"""A team's own export views: `export --view NAME --template FOLDER` and `template check FOLDER`.

Regenerate the goldens after an intended change with
    PRD_FORGE_REGEN=1 python -m pytest tests/export/test_team_views.py
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from prd_forge.cli import cli
from tests.golden import matches_golden

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
TEAM = HERE / "team"
GOLDEN = HERE / "golden" / "team"
COMPLETE = ROOT / "samples" / "support-reply-copilot.yaml"
INCOMPLETE = ROOT / "samples" / "incomplete" / "meeting-summary-no-fallbacks.yaml"
SHIPPED = "annex-iv, eval-config, hf-card, model-card, nist-rmf"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def team(tmp_path: Path) -> Path:
    """A copy of the team folder holding one view of its own."""
    shutil.copytree(TEAM, tmp_path / "team")
    return tmp_path / "team"


@pytest.mark.parametrize(
    ("spec", "extra"), [(COMPLETE, ()), (INCOMPLETE, ("--draft",))], ids=["complete", "draft"]
)
def test_a_team_view_exports_with_the_prd_values(spec: Path, extra: tuple[str, ...]) -> None:
    code, text, stderr = run(
        "export", str(spec), "--view", "release-notes", "--template", str(TEAM), *extra
    )
    assert (code, stderr) == (0, "")
    matches_golden(GOLDEN / f"{spec.stem}.release-notes.md", text)


def test_an_incomplete_spec_is_refused_for_a_team_view_too() -> None:
    code, text, stderr = run(
        "export", str(INCOMPLETE), "--view", "release-notes", "--template", str(TEAM)
    )
    assert (code, text) == (1, "")
    assert "to export release-notes of" in stderr


def test_an_unknown_view_lists_the_shipped_views_and_the_teams() -> None:
    assert run("export", str(COMPLETE), "--view", "notes", "--template", str(TEAM)) == (
        2,
        "",
        f"prd-forge: error: --view notes: no such view; shipped: {SHIPPED}; yours in {TEAM}: "
        "release-notes\n",
    )


def test_an_unknown_view_without_template_says_how_to_add_one() -> None:
    assert run("export", str(COMPLETE), "--view", "release-notes") == (
        2,
        "",
        f"prd-forge: error: --view release-notes: no such view; shipped: {SHIPPED} (your own "
        "views need --template FOLDER)\n",
    )


def test_a_shipped_views_name_under_another_file_name_is_an_input_error(team: Path) -> None:
    odd = team / "views" / "annex-iv.txt.j2"
    odd.write_text("{{ spec }}\n", encoding="utf-8")
    message = (
        f"prd-forge: error: {odd}: annex-iv is a shipped view; name the file annex-iv.md.j2 to "
        "replace it, or give your own view another name\n"
    )
    assert run("template", "check", str(team)) == (2, "", message)
    assert run("export", str(COMPLETE), "--view", "notes", "--template", str(team)) == (
        2,
        "",
        message,
    )


def test_two_files_of_one_view_name_are_an_input_error(team: Path) -> None:
    (team / "views" / "release-notes.txt.j2").write_text("{{ blockers }}\n", encoding="utf-8")
    message = (
        f"prd-forge: error: {team / 'views' / 'release-notes.txt.j2'}: view release-notes has "
        "another template, release-notes.md.j2; keep one, or rename one\n"
    )
    assert run("template", "check", str(team)) == (2, "", message)


def test_over_complete_specs_only_a_team_view_claims_no_gap_check() -> None:
    view = TEAM / "views" / "release-notes.md.j2"
    assert run("template", "check", str(TEAM), "--spec", str(COMPLETE)) == (
        0,
        f"{view}: view release-notes renders for 1 spec(s)\n",
        "",
    )


def test_template_check_passes_a_team_view_naming_each_blocking_gap() -> None:
    view = TEAM / "views" / "release-notes.md.j2"
    assert run("template", "check", str(TEAM)) == (
        0,
        f"{view}: view release-notes renders, naming the concern of each blocking gap, for 6 "
        "spec(s)\n",
        "",
    )


def test_template_check_of_a_file_in_views_checks_it_as_the_teams_view() -> None:
    view = TEAM / "views" / "release-notes.md.j2"
    assert run("template", "check", str(view)) == (
        0,
        f"{view}: view release-notes renders, naming the concern of each blocking gap, for 6 "
        "spec(s)\n",
        "",
    )


def test_template_check_fails_a_team_view_that_hides_what_is_missing(team: Path) -> None:
    view = team / "views" / "release-notes.md.j2"
    text = view.read_text(encoding="utf-8")
    view.write_text(text.replace("{{ gap.title }}: ", ""), encoding="utf-8")
    code, stdout, stderr = run("template", "check", str(team))
    assert code == 1
    drafts = ROOT / "samples" / "incomplete"
    invoice, meeting = (
        drafts / "invoice-extraction-draft.yaml",
        drafts / "meeting-summary-no-fallbacks.yaml",
    )
    assert stdout == (
        f"{view}: view release-notes does not name the concern of 2 blocking gap(s) "
        "('Baseline', 'Rollout and rollback'); list each of `blockers` with its `title`, for "
        f"{invoice}, {meeting}\n"
    )
    assert stderr == f"{view}: view release-notes has 1 problem(s)\n"


def test_template_check_refuses_a_json_team_view_that_is_not_json(team: Path) -> None:
    card = team / "views" / "ticket.json.j2"
    card.write_text('{"name": {{ spec.feature.name }}}\n', encoding="utf-8")
    code, stdout, _ = run("template", "check", str(team))
    assert code == 1
    assert f"{card}: view ticket writes invalid JSON (line 1: " in stdout


def test_a_team_view_with_a_template_error_names_its_file_and_line(team: Path) -> None:
    (team / "views" / "release-notes.md.j2").write_text("ok\n{{ spec.nope.deeper }}\n", "utf-8")
    code, _, stderr = run(
        "export", str(COMPLETE), "--view", "release-notes", "--template", str(team)
    )
    assert code == 2
    assert stderr.startswith(f"prd-forge: error: {team / 'views' / 'release-notes.md.j2'}:2: ")
