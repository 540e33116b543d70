"""`prd-forge approve`, and approvals turning stale in check, render and lint."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from prd_forge.cli import cli

ROOT = Path(__file__).resolve().parents[2]
COPILOT = ROOT / "samples" / "support-reply-copilot.yaml"
DIGEST = r"evaluation:[0-9a-f]{16}, fallbacks:[0-9a-f]{16}, monitoring:[0-9a-f]{16}"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    path = tmp_path / "spec.yaml"
    path.write_bytes(COPILOT.read_bytes())
    return path


def approve(spec: Path, role: str = "ml", name: str = "Priya Raman") -> str:
    code, stdout, stderr = run(
        "approve", str(spec), "--role", role, "--name", name, "--date", "2026-11-30"
    )
    assert (code, stderr) == (0, ""), stderr
    return stdout


def edit(spec: Path, old: str, new: str) -> None:
    text = spec.read_text(encoding="utf-8")
    assert old in text
    spec.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_approve_records_the_digest_and_keeps_the_rest_of_the_file(spec: Path) -> None:
    before = spec.read_text(encoding="utf-8")
    stdout = approve(spec)
    assert stdout.startswith(f"{spec}: recorded the ml approval by Priya Raman: evaluation:")
    after = spec.read_text(encoding="utf-8")
    assert after.startswith(before)
    added = yaml.safe_load(after[len(before) :])
    assert list(added) == ["approvals"]
    [record] = added["approvals"]
    assert (record["role"], record["name"], record["date"]) == ("ml", "Priya Raman", "2026-11-30")
    assert __import__("re").fullmatch(DIGEST, record["digest"])
    assert run("check", str(spec)) == (0, f"{spec}: ok (review): 0 errors, 0 warnings\n", "")


def test_approving_again_replaces_that_persons_approval_in_place(spec: Path) -> None:
    approve(spec)
    approve(spec, "privacy", "Jo Okafor")
    edit(spec, "confidence_threshold: 0.7", "confidence_threshold: 0.75")
    approve(spec)
    approvals = yaml.safe_load(spec.read_text(encoding="utf-8"))["approvals"]
    assert [(a["role"], a["name"]) for a in approvals] == [
        ("privacy", "Jo Okafor"),
        ("ml", "Priya Raman"),
    ]
    assert run("check", str(spec))[0] == 0


def test_editing_a_signed_section_makes_the_approval_stale_naming_it(spec: Path) -> None:
    approve(spec)
    edit(spec, "confidence_threshold: 0.7", "confidence_threshold: 0.75")
    code, stdout, _ = run("check", str(spec))
    lines = spec.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, start=1) if text.startswith("  digest:"))
    assert code == 1
    assert stdout.splitlines() == [
        f"{spec}:{line}: approvals[0]: the ml approval by Priya Raman is stale: evaluation "
        f"changed since it was signed (review the change, then run `prd-forge approve {spec} "
        "--role ml --name 'Priya Raman'`)",
        f"{spec}: incomplete (review): 1 error, 0 warnings",
    ]


def test_editing_a_section_the_role_does_not_sign_keeps_the_approval(spec: Path) -> None:
    approve(spec)
    edit(spec, "Prompts and drafts 30 days", "Prompts and drafts 60 days")
    code, stdout, _ = run("check", str(spec))
    assert code == 0 and "stale" not in stdout


def test_the_rendered_prd_shows_the_record_and_lint_finds_it_stale(
    spec: Path, tmp_path: Path
) -> None:
    approve(spec)
    prd = tmp_path / "PRD.md"
    assert run("render", str(spec), "-o", str(prd))[0] == 0
    assert "| ml | Priya Raman | 2026-11-30 | current |" in prd.read_text(encoding="utf-8")
    assert run("lint", str(prd))[0] == 0
    edit(spec, "confidence_threshold: 0.7", "confidence_threshold: 0.75")
    # check calls the spec incomplete, so render refuses it as it refuses any gap ...
    code, text, stderr = run("render", str(spec))
    assert (code, text) == (1, "")
    assert "approvals[0].digest: the ml approval by Priya Raman is stale: evaluation" in stderr
    # ... and a draft shows the stale approval in the record
    code, text, _ = run("render", str(spec), "--draft")
    assert code == 0
    assert "| ml | Priya Raman | 2026-11-30 | **stale**: evaluation changed since |" in text
    # A hand edit of the rendered PRD's evaluation section is caught by lint.
    prd.write_text(prd.read_text(encoding="utf-8").replace("0.97", "0.95"), encoding="utf-8")
    code, stdout, _ = run("lint", str(prd))
    assert code == 1
    assert (
        "PRD201 the ml approval by Priya Raman (2026-11-30) is stale: evaluation changed "
        "since it was signed" in stdout
    )


def test_launch_needs_product_engineering_ml_and_privacy(spec: Path) -> None:
    code, stdout, _ = run("check", str(spec), "--stage", "launch")
    assert code == 1
    roles = [
        line.split("a current ")[1].split(" ")[0]
        for line in stdout.splitlines()
        if "a launch needs" in line
    ]
    assert roles == ["product", "engineering", "ml", "privacy"]
    for role in roles:
        approve(spec, role, f"{role} lead")
    assert run("check", str(spec), "--stage", "launch")[0] == 0


def test_a_team_configures_roles_and_what_launch_needs(spec: Path) -> None:
    (spec.parent / ".prd-forge.toml").write_text(
        '[approvals]\nroles = {safety = ["fallbacks", "human-oversight"]}\nlaunch = ["safety"]\n',
        encoding="utf-8",
    )
    code, stdout, _ = run("check", str(spec), "--stage", "launch")
    assert code == 1 and "a launch needs a current safety approval" in stdout
    assert "safety approval by Ana: fallbacks:" in approve(spec, "safety", "Ana")
    assert run("check", str(spec), "--stage", "launch")[0] == 0


def test_a_json_answers_file_gets_its_approval(tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(yaml.safe_load(COPILOT.read_text(encoding="utf-8"))), "utf-8")
    approve(spec)
    assert json.loads(spec.read_text(encoding="utf-8"))["approvals"][0]["role"] == "ml"
    assert run("check", str(spec))[0] == 0


def test_an_unknown_role_or_bad_date_is_exit_2(spec: Path) -> None:
    before = spec.read_text(encoding="utf-8")
    code, _, stderr = run("approve", str(spec), "--role", "finance", "--name", "X")
    assert code == 2
    assert (
        stderr == "prd-forge: error: unknown role 'finance'; known roles: engineering, "
        "legal, ml, privacy, product (add one in the config)\n"
    )
    code, _, stderr = run("approve", str(spec), "--role", "ml", "--name", "X", "--date", "30/11")
    assert (code, stderr) == (
        2,
        "prd-forge: error: --date '30/11' is not a date; write it as YYYY-MM-DD\n",
    )
    assert spec.read_text(encoding="utf-8") == before


def test_a_digest_that_does_not_parse_is_a_bad_spec(spec: Path) -> None:
    with spec.open("a", encoding="utf-8") as handle:
        handle.write(
            "\napprovals:\n- {role: ml, name: X, date: 2026-11-30, digest: 'evaluation=12'}\n"
        )
    code, stdout, _ = run("check", str(spec))
    assert code == 2
    assert "approvals[0].digest" in stdout


def test_a_spec_with_blocking_gaps_is_not_approved_unless_forced(tmp_path: Path) -> None:
    draft = tmp_path / "m.yaml"
    before = (ROOT / "samples" / "incomplete" / "meeting-summary-no-fallbacks.yaml").read_bytes()
    draft.write_bytes(before)
    code, stdout, stderr = run("approve", str(draft), "--role", "ml", "--name", "A B")
    assert (code, stdout, draft.read_bytes()) == (1, "", before)
    lines = stderr.splitlines()
    assert lines[0] == f"prd-forge: refused to approve {draft}: 6 gap(s) block it"
    assert f"  {draft}: fallbacks: lists no fallback" in "\n".join(lines)
    assert lines[-1] == "fill them in, or approve with --force to sign the spec as it is"
    code, stdout, _ = run("approve", str(draft), "--role", "ml", "--name", "A B", "--force")
    assert code == 0 and stdout.startswith(f"{draft}: recorded the ml approval by A B: ")
