"""How import reads concerns written without its own words: UX states described rather than
named, a baseline given as a column of the metrics table, a header row exported as the first
row, a heading that names two concerns. Nothing is guessed: text that says none of it maps to
nothing."""

from __future__ import annotations

import pytest

from prd_forge.importer import prose
from prd_forge.importer.build import build
from prd_forge.importer.tables import headed, items_of
from prd_forge.lint.document import Table, parse
from prd_forge.lint.engine import concern_analysis
from prd_forge.spec.model import Spec


def imported(markdown: str) -> Spec:
    doc = parse(markdown)
    return build(doc, concern_analysis(doc), "PRD.md").spec


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("While the episode is processing, the panel shows 'Generating chapters'.", "loading"),
        ("A progress bar per batch ('312 / 900 analysed').", "loading"),
        ("If the service fails, the checklist shows 'Assist unavailable'.", "error"),
        ("If the document can't be read, the workspace says so.", "error"),
        ("Below 0.6 confidence the chip reads 'Adjuster decision needed'.", "low-confidence"),
        ("When the model is not sure, it says so and shows two options.", "low-confidence"),
        ("Claims that need review go to the adjuster queue with the photos.", "human-review"),
        ("No results: the panel says nothing matched and offers search.", "empty"),
        ("The loading state shows a skeleton.", "loading"),  # named outright first
    ],
)
def test_a_ux_state_described_in_other_words(text: str, state: str) -> None:
    assert prose.place("ux-states", text, "Experience") == (
        "ux_states",
        {"state": state, "user_sees": text},
    )


@pytest.mark.parametrize(
    "text",
    ["Draft chapters appear as markers on the waveform.", "Each answer shows its sources."],
)
def test_text_that_describes_no_state_makes_none(text: str) -> None:
    assert prose.place("ux-states", text, "Experience") is None


METRICS = (
    "# Load forecast\n\n## Problem\n\nEngineers schedule switching from a day-ahead forecast "
    "whose error has doubled since 2019.\n\n## Success measures\n\n"
)


def test_a_baseline_column_of_the_metrics_table_is_the_baseline() -> None:
    table = "| Measure | Baseline (2023) | Target |\n|---|---|---|\n| MAPE | 11.4% | ≤ 7% |\n"
    spec = imported(METRICS + table)
    assert [m.name for m in spec.metrics] == ["MAPE"]
    assert spec.baseline.measured_value == "MAPE: 11.4%"


def test_without_a_baseline_column_no_baseline_is_made() -> None:
    spec = imported(METRICS + "| Measure | Target |\n|---|---|\n| MAPE | ≤ 7% |\n")
    assert spec.baseline.measured_value is None


def test_a_table_whose_header_came_as_its_first_row() -> None:
    table = Table(("", "", ""), (("Measure", "2023", "Target"), ("MAPE", "11.4%", "≤ 7%")), (3, 4))
    assert headed(table) == Table(("Measure", "2023", "Target"), (("MAPE", "11.4%", "≤ 7%"),), (4,))
    [(path, item, line)] = items_of(table)
    assert (path, item["name"], line) == ("metrics", "MAPE", 4)
    prose_row = Table(
        ("", ""), (("Problem", "Agents retype the same answer every day."),) * 2, (3, 4)
    )
    assert headed(prose_row) is prose_row


def test_a_heading_naming_two_concerns_feeds_the_one_without_a_section() -> None:
    spec = imported(
        "# Load forecast\n\n## Problem statement\n\nEngineers schedule switching from a forecast "
        "whose error doubled since 2019.\n\n## Why a learned model\n\nLoad now depends on solar "
        "irradiance, which the similar-day method cannot use; a gradient-boosted model can.\n"
    )
    assert spec.problem.why_ai is not None and spec.problem.why_ai.startswith("Load now depends")
    assert "solar" not in (spec.problem.user_need or "")
