"""The noise budget: one finding per rule per section with a count, at most 5 per rule per file."""

from __future__ import annotations

from prd_forge.lint import Config, lint_text
from prd_forge.workflow.diff import ChangedFinding

AI = Config(ai=True, select=("PRD101", "PRD103", "PRD005"))


def _metrics(count: int, start: str = "") -> str:
    items = "".join(f"- Agents are happier with reply {c}.\n" for c in "abcdefgh"[:count])
    return f"{start}## Success metrics\n\n- Median handle time from 11m to 9m by June.\n{items}"


def test_one_finding_per_rule_per_section_with_the_count_and_lines() -> None:
    report = lint_text(_metrics(7), config=AI)
    assert [(f.code, f.line, f.message) for f in report.findings] == [
        (
            "PRD101",
            4,
            "7 metrics in this section have no numeric target: lines 4, 5, 6, 7, 8, 9, 10",
        )
    ]


def test_a_single_problem_keeps_its_own_message() -> None:
    report = lint_text(_metrics(1), config=AI)
    assert [f.message for f in report.findings] == [
        "metric has no numeric target: 'Agents are happier with reply a.'"
    ]


def test_suppressed_items_are_not_counted() -> None:
    text = _metrics(3).replace(
        "- Agents are happier with reply b.\n",
        "<!-- prd-forge-ignore-next-line PRD101 -- a goal, not a metric -->\n"
        "- Agents are happier with reply b.\n",
    )
    report = lint_text(text, config=AI)
    assert [f.message for f in report.findings] == [
        "2 metrics in this section have no numeric target: lines 4, 7"
    ]


def test_more_than_five_sections_merge_file_wide() -> None:
    sections = "".join(f"## Part {c}\n\n- Drafts appear fast in part {c}.\n\n" for c in "abcdef")
    report = lint_text(sections, config=AI)
    assert [(f.code, f.line, f.message) for f in report.findings] == [
        (
            "PRD103",
            3,
            "6 quality words in this file have no number: lines 3, 7, 11, 15, 19, 23; say how "
            "much, measured how",
        )
    ]
    five = "".join(f"## Part {c}\n\n- Drafts appear fast in part {c}.\n\n" for c in "abcde")
    assert len(lint_text(five, config=AI).findings) == 5


def test_a_placeholder_in_a_hollow_section_is_reported_once() -> None:
    report = lint_text("## Fallbacks\n\nTBD\n", config=Config(ai=True))
    codes = [f.code for f in report.findings]
    assert "PRD002" in codes
    assert "PRD005" not in codes


def test_diff_matches_a_merged_finding_whose_lines_moved() -> None:
    before = lint_text(_metrics(3), config=AI).findings[0]
    after = lint_text(_metrics(3, start="# Title\n\nIntro.\n\n"), config=AI).findings[0]
    assert before.message != after.message
    assert ChangedFinding.of(before).key == ChangedFinding.of(after).key


def test_a_merged_missing_section_finding_names_every_concern() -> None:
    report = lint_text(
        "## Success metrics\n\nHandle time from 11m to 9m.\n", config=Config(ai=True)
    )
    missing = [f for f in report.findings if f.code == "PRD001"]
    assert len(missing) == 1
    assert missing[0].message.startswith("12 required sections are missing: 'Problem and user")
    assert len(missing[0].about) == 12 and missing[0].concern == missing[0].about[0]
    assert "fallbacks" in missing[0].about
