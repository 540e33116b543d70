"""PRD191-PRD193 on hand-written PRDs: where a value is found, the stage, the noise budget."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from prd_forge.cli import cli
from prd_forge.lint import Config, lint_text

WORDING = Config(ai=True, select=("PRD191", "PRD192", "PRD193"))


def _found(text: str, stage: str | None = None) -> list[tuple[int, str, str]]:
    report = lint_text(text, config=WORDING, stage=stage)
    return [(f.line, f.code, f.message) for f in report.findings]


def test_every_form_of_a_labelled_value_is_read() -> None:
    text = (
        "## Human oversight\n\n"  # 1
        "Agents edit every draft output.\n\n"  # 3
        "**Reviewer:** someone. They read a sample each week.\n\n"  # 5
        "- Review SLA (weekdays): *ASAP*\n\n"  # 7
        "| | |\n|---|---|\n| Reviewer | us |\n"  # 9-11
    )
    assert _found(text) == [
        (
            5,
            "PRD191",
            "2 owners in this section name nobody: 'someone' (line 5), 'us' (line 11); name a "
            "person or a role",
        ),
        (
            7,
            "PRD192",
            "Review SLA: 'ASAP' is not a duration; give a time with its unit, e.g. 'within 4 h'",
        ),
    ]


def test_many_owners_in_one_section_are_one_finding() -> None:
    rows = "".join(f"| Source {n} | export | the team |\n" for n in range(1, 8))
    text = f"## Data sources\n\n| Source | Provenance | Owner |\n|---|---|---|\n{rows}"
    assert _found(text) == [
        (
            5,
            "PRD191",
            "7 owners in this section name nobody: lines 5, 6, 7, 8, 9, 10, 11; name a person "
            "or a role",
        )
    ]


def test_a_section_about_two_concerns_reports_a_value_once() -> None:
    text = "## Data and privacy\n\n- Owner: the team\n- Approved by: pending\n"
    assert _found(text, stage="launch") == [
        (
            3,
            "PRD191",
            "Owner: 'the team' names nobody; name a person or a role, e.g. 'Support ML on-call'",
        ),
        (
            4,
            "PRD193",
            "Approved by: 'pending' is not an approval yet, and the spec is at stage "
            "'launch'; record the approval, or set the stage back to draft",
        ),
    ]


def test_a_pending_approval_waits_for_the_stage(tmp_path: Path) -> None:
    prd = tmp_path / "prd.md"
    prd.write_text(
        "## Privacy\n\n| Sign-off | Who | Status |\n|---|---|---|\n"
        "| Legal | R. Haddad | pending |\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    args = ["lint", "--select", "PRD193", "--ai", "yes", str(prd)]
    assert runner.invoke(cli, args).exit_code == 0  # no stage said: nothing is late yet
    assert runner.invoke(cli, [*args, "--stage", "draft"]).exit_code == 0
    late = runner.invoke(cli, [*args, "--stage", "review"])
    assert late.exit_code == 1
    assert late.stdout.splitlines()[0] == (
        f"{prd}:5:1: PRD193 Status: 'pending' is not an approval yet, and the spec is at stage "
        "'review'; record the approval, or set the stage back to draft"
    )


def test_a_table_reads_ditto_as_the_row_above_and_skips_an_empty_row() -> None:
    text = (
        "## Metrics\n\n"  # 1
        "| Metric | Target | Window | Owner |\n|---|---|---|---|\n"  # 3-4
        "| Travel per pick | \u2264 36 m | 12 weeks post-launch | Ops lead |\n"  # 5
        "| Units per hour | \u2265 120 | same | ditto |\n"  # 6
        "| \u2014 | \u2014 | \u2014 | \u2014 |\n"  # 7: a blank template's row
        "| Planner hours | \u2264 3 h | soon | Ops lead |\n"  # 8
        "| Pick errors | \u2264 0.23% | ditto | \u2014 |\n"  # 9
    )
    assert _found(text) == [
        (
            8,
            "PRD192",
            "2 SLAs or windows in this section are not durations: lines 8, 9; give each a time "
            "and unit",
        )
    ]
    oversight = "## Human oversight\n\n| Step | Reviewer |\n|---|---|\n| Refunds | \u2014 |\n"
    assert _found(oversight) == [
        (
            5,
            "PRD191",
            "Reviewer: '\u2014' names nobody; name a person or a role, e.g. 'Support ML on-call'",
        )
    ]
