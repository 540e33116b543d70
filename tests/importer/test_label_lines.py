"""`prd-forge import` reads a label however it is written: plain, bold, italic, a table row, a
list item, a line of a paragraph, front matter; and never makes one up."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from prd_forge.cli import cli
from prd_forge.importer import labels
from prd_forge.spec.load import load_spec
from prd_forge.spec.model import Spec

PROBLEM = "## Problem\n\nAgents spend 6 minutes per ticket typing replies the help centre holds.\n"


def imported(tmp_path: Path, markdown: str) -> Spec:
    prd, answers = tmp_path / "PRD.md", tmp_path / "answers.yaml"
    prd.write_text(markdown, encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(prd), "-o", str(answers)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    return load_spec(answers).spec


OWNER_LINES = {
    "plain": "Owner: Dana Kim",
    "bold, colon inside": "**Owner:** Dana Kim",
    "bold, colon outside": "**Owner**: Dana Kim",
    "underscore bold": "__Owner__: Dana Kim",
    "italic, colon inside": "*Owner:* Dana Kim",
    "underscore italic, colon outside": "_Owner_: Dana Kim",
    "list item": "- Owner: Dana Kim",
    "bold list item": "- **Owner:** Dana Kim",
    "checklist item": "- [x] Owner: Dana Kim",
    "table header row": "| Owner | Dana Kim |\n|---|---|",
    "table row": "| Field | Value |\n|---|---|\n| Owner | Dana Kim |",
    "headerless table": "| | |\n|---|---|\n| Owner | Dana Kim |",
    "a line among others": "Status: draft\nOwner: Dana Kim\nLast edited: 2026-11-30",
    "another word for it": "Product manager: Dana Kim",
    "a qualified label": "Owner (PM): Dana Kim",
    "under an unrelated heading": "## Document properties\n\n| Owner | Dana Kim |\n|---|---|",
    "labels side by side": "**ID:** EXP-7 · **Owner:** Dana Kim · **Status:** draft",
    "after a dash": "Owner: Dana Kim — Reviewed by: Control room operations",
}


@pytest.mark.parametrize("line", OWNER_LINES.values(), ids=list(OWNER_LINES))
def test_an_owner_line_in_any_form_is_the_owner(line: str, tmp_path: Path) -> None:
    spec = imported(tmp_path, f"# Reply drafts\n\n{line}\n\n{PROBLEM}")
    assert spec.feature.owner == "Dana Kim"


def test_front_matter_owner_and_users(tmp_path: Path) -> None:
    front = (
        "---\ntitle: Reply drafts\nowner: Dana Kim\naudience: support agents\nstatus: draft\n---\n"
    )
    spec = imported(tmp_path, f"{front}# Reply drafts\n\n{PROBLEM}")
    assert (spec.feature.owner, spec.feature.target_users) == ("Dana Kim", ["support agents"])


def test_label_lines_of_one_paragraph_each_fill_their_field(tmp_path: Path) -> None:
    lines = "Owner: Dana Kim\nTarget users: support agents; team leads\nSummary: Draft replies."
    spec = imported(tmp_path, f"# Reply drafts\n\n{lines}\n\n{PROBLEM}")
    assert spec.feature.owner == "Dana Kim"
    assert spec.feature.target_users == ["support agents", "team leads"]
    assert spec.feature.summary == "Draft replies."


def test_label_lines_fill_the_fields_of_their_section_concern(tmp_path: Path) -> None:
    monitoring = (
        "## Monitoring\n\nOwner: ML on-call (Priya)\n*Review cadence:* weekly\n\n"
        "Alert when the acceptance rate drops below 40% for a day.\n"
    )
    rollout = (
        "## Rollout\n\nFirst 5% of agents for a week, then everyone; roll back if the error "
        "rate passes 2%.\n\n| Kill switch owner | Sam Ortiz |\n|---|---|\n"
    )
    privacy = "## Privacy\n\n- _Retention_: drafts are deleted after 30 days.\n"
    spec = imported(tmp_path, f"# Reply drafts\n\n{PROBLEM}\n{monitoring}\n{rollout}\n{privacy}")
    assert spec.feature.owner is None  # the monitoring owner is not the feature's
    assert spec.monitoring is not None and spec.rollout is not None and spec.privacy is not None
    assert (spec.monitoring.owner, spec.monitoring.cadence) == ("ML on-call (Priya)", "weekly")
    assert spec.rollout.kill_switch_owner == "Sam Ortiz"
    assert spec.privacy.retention == "drafts are deleted after 30 days."


NOT_LABELS = {
    "a gap": "Owner: TBD",
    "a longer word": "Ownership: shared between support and ML",
    "a sentence with a colon": "We asked the owner of the queue about it: no objection.",
    "italic without a colon": "*Owner* Dana Kim",
    "emphasis": "*Really* important: agents must stay in charge.",
}


@pytest.mark.parametrize("line", NOT_LABELS.values(), ids=list(NOT_LABELS))
def test_no_owner_is_invented(line: str, tmp_path: Path) -> None:
    spec = imported(tmp_path, f"# Reply drafts\n\n{line}\n\n{PROBLEM}")
    assert spec.feature.owner is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Owner: Dana Kim", ("Owner", "Dana Kim")),
        ("**Kill switch:** the flag `reply_drafts`", ("Kill switch", "the flag `reply_drafts`")),
        ("_Retention_: 30 days", ("Retention", "30 days")),
        ("https://example.com/x", None),
        ("A label of far too many words to be a label: x", None),
        ("Note:nothing after a space", None),
    ],
)
def test_split(line: str, expected: tuple[str, str] | None) -> None:
    assert labels.split(line) == expected
