"""Concerns a reader finds covered in words and headings of the team's own: each case is one
principle (a heading word, an evidence pattern, a present/partial rule), on a fresh example."""

from __future__ import annotations

import pytest

from prd_forge.lint import Config, lint_text
from prd_forge.lint.engine import analyse_text

AI = Config(ai=True)


def _state(text: str, concern: str) -> str:
    return str(lint_text(text, config=AI).coverage[concern])


@pytest.mark.parametrize(
    ("heading", "state"),
    [
        # "Watching it" and "After launch" are where a team says who watches the model
        ("Watching it", "present"),
        ("🔭 After launch", "present"),
        # ... but only when the body shows the watching: a weak word, at most partial
        ("After launch", "partial"),
    ],
)
def test_watching_headings_are_monitoring_when_the_body_watches(heading: str, state: str) -> None:
    body = (
        "Owner: Payments ML, on a weekly rota. Alert when refunds on approved claims top 2% "
        "tops 2% in a day."
        if state == "present"
        else "We will write a blog post and brief the sales team in the first month."
    )
    text = f"# PRD\n\n## Intro\n\nA page.\n\n## {heading}\n\n{body}\n"
    assert _state(text, "monitoring") == state


@pytest.mark.parametrize(
    ("line", "state"),
    [
        # a figure today and the figure aimed at, joined by an arrow, is a metric with a target
        ("- Hours to close a month: 41 h median → 12 h.", "present"),
        ("- Share of late invoices: 18% → < 5%.", "present"),
        ("- Mobile -> web parity for the export button.", "partial"),
    ],
)
def test_a_figure_arrow_figure_is_a_metric(line: str, state: str) -> None:
    text = f"# PRD\n\n## Intro\n\nA page.\n\n## Measuring it\n\n{line}\n- Fewer complaints.\n"
    assert _state(text, "metrics") == state


@pytest.mark.parametrize(
    ("body", "state"),
    [
        # under a heading about today, a figure that sets no target is the baseline
        (
            "Clerks key in every form. On the March sample, 27% of forms came back with a "
            "field wrong after 3 days of rework.",
            "present",
        ),
        ("Clerks key in every form by hand from scanned copies, one at a time.", "present"),
        # ... a figure that is a target is not the state today
        ("The goal is 90% of forms read without a person touching them.", "partial"),
        ("The team is four people and a contractor; the prototype is in review.", "partial"),
    ],
)
def test_a_figure_under_a_today_heading_is_the_baseline(body: str, state: str) -> None:
    text = f"# PRD\n\n## Intro\n\nA page.\n\n## What happens today\n\n{body}\n"
    assert _state(text, "baseline") == state


def test_a_reasoned_not_applicable_leaves_no_part_out() -> None:
    # a monitoring section needs a number that calls for action, unless it says why none applies
    reasoned = "Not applicable: a one-time import, every record checked by a clerk, no model after."
    assert _state(f"# PRD\n\n## Monitoring\n\n{reasoned}\n", "monitoring") == "present"
    assert _state("# PRD\n\n## Monitoring\n\nN/A\n", "monitoring") == "hollow"
    watched = "The data team looks at the weekly report of corrections and raises anything odd."
    assert _state(f"# PRD\n\n## Monitoring\n\n{watched}\n", "monitoring") == "partial"


_LONG = (
    "- 52,000 labelled scans from the claims archive 2020-2026, which the policy terms let us "
    "use to improve the service, and 6,000 from the partner garages (licence: TBD, Omar "
    "checking).\n- Known gaps: few night-time photos and few scans of vans or lorries.\n"
)


def test_one_slot_in_a_long_answer_is_not_a_half_done_section() -> None:
    # a long paragraph counts for its length, not as one short block
    assert _state(f"# PRD\n\n## Data\n\n{_LONG}", "data") == "present"
    # ... but a question left open in it is a decision not taken
    asked = _LONG.replace("TBD, Omar checking", "[NEEDS CLARIFICATION: may we use them?]")
    assert _state(f"# PRD\n\n## Data\n\n{asked}", "data") == "partial"


def test_a_table_with_a_blank_column_stays_unfinished_however_long() -> None:
    rows = "".join(
        f"| Share of members who borrow a recommended title in month {n} | {n}% | |\n"
        for n in range(1, 6)
    )
    text = f"# PRD\n\n## Success metrics\n\n| Metric | Baseline | Target |\n|---|---|---|\n{rows}"
    assert _state(text, "metrics") == "partial"


@pytest.mark.parametrize(
    ("body", "state"),
    [
        # a "Data" heading is a weak word: the body must show where the records come from
        (
            "Claim records come from the nightly Guidewire extract; access follows the adjuster's "
            "permissions.",
            "present",
        ),
        (
            "Test photos were de-identified by the privacy office; the claims team owns them.",
            "present",
        ),
        ("We build it in the existing repository with the platform team's help.", "partial"),
    ],
)
def test_an_extract_or_de_identified_records_show_a_data_section(body: str, state: str) -> None:
    assert _state(f"# PRD\n\n## Intro\n\nA page.\n\n## Data\n\n- {body}\n", "data") == state


def _codes(text: str) -> set[str]:
    return {finding.code for finding in lint_text(text, config=AI).findings}


def test_a_set_named_by_its_size_is_an_evaluation_dataset() -> None:
    text = (
        "# PRD\n\n## Evaluation\n\n- Recall ≥ 0.9 and precision ≥ 0.8 on the 2,400-invoice "
        "set, checked by two auditors.\n- Re-run on every model change.\n"
    )
    assert "PRD111" not in _codes(text)
    assert _state(text, "evaluation") == "present"
    vague = text.replace("the 2,400-invoice set", "what we have")
    assert "PRD111" in _codes(vague)
    assert _state(vague, "evaluation") == "partial"


def test_an_on_off_setting_someone_owns_is_a_kill_switch() -> None:
    rollout = (
        "# PRD\n\n## Rollout\n\nShadow month first, then the Leeds desk, then every desk. "
        "Support ops owns the on/off setting.\n"
    )
    assert _state(rollout, "rollout") == "present"
    assert _state(rollout.replace(" Support ops owns the on/off setting.", ""), "rollout") == (
        "partial"
    )


@pytest.mark.parametrize(
    ("paragraph", "concern", "state"),
    [
        # a paragraph led by a label of a few words and a colon is that label's section
        (
            "Out of scope: group bookings, the Android app, and any change to how refunds "
            "are paid.",
            "scope",
            "present",
        ),
        (
            "**Training data:** 14 months of returned parcels (~61,000), labelled by the "
            "warehouse team, owned by Logistics.",
            "data",
            "present",
        ),
        # a label that names no concern is just the start of a sentence
        (
            "Note: the widget keeps its current colours and the same keyboard shortcuts.",
            "scope",
            "missing",
        ),
    ],
)
def test_a_paragraph_led_by_a_label_is_that_section(
    paragraph: str, concern: str, state: str
) -> None:
    text = f"# PRD\n\n## Summary\n\nA courier tracking page for parcels.\n\n{paragraph}\n"
    assert _state(text, concern) == state


@pytest.mark.parametrize(
    ("paragraph", "state"),
    [
        # whose data, how it is kept, on whose approval: two said together answer privacy
        (
            "Delivery notes can hold personal data (names, door codes); they are deleted 60 "
            "days after the order closes.",
            "present",
        ),
        (
            "No personal data leaves the depot systems; the DPO approved the nightly sync.",
            "present",
        ),
        # one of them alone is privacy mentioned in passing
        ("No personal data is used.", "partial"),
        ("Route plans are deleted 60 days after the order closes.", "partial"),
        # data "kept apart" from training is not data kept for a time; a lead-in says nothing
        (
            "Test tickets (kept apart from training data) include PII bait from the safety team.",
            "partial",
        ),
        ("Approvals and personal data:", "partial"),
    ],
)
def test_one_paragraph_that_names_two_kinds_of_privacy_answers_it(
    paragraph: str, state: str
) -> None:
    text = f"# PRD\n\n## Inputs\n\nThe route planner reads the depot's orders.\n\n{paragraph}\n"
    assert _state(text, "privacy") == state


def test_a_requirements_table_row_is_named_by_its_title() -> None:
    table = (
        "# PRD\n\n## Requirements\n\n| # | Title | User story | Importance | Notes |\n"
        "|---|---|---|---|---|\n"
        "| 1 | Suggested reply | As an agent, I see a draft reply | Must | |\n"
        "| 2 | Fallback | | Must | If the drafting service errors or takes over 3 s, the agent "
        "gets the empty editor, as today |\n"
        "| 3 | Monitoring | | Should | |\n"
    )
    assert _state(table, "fallbacks") == "present"
    # a title with nothing but its priority beside it names nothing
    assert _state(table, "monitoring") == "missing"


def test_a_gherkin_scenario_in_a_fence_is_the_requirement_written_out() -> None:
    scenario = (
        "Given the summary service errors or takes longer than 4 s\n"
        "When the agent opens the ticket\n"
        "Then the ticket opens without a summary and no error is shown\n"
    )
    text = f"# PRD\n\n## Fallback\n\n```gherkin\n{scenario}```\n"
    assert _state(text, "fallbacks") == "present"
    code = "```python\nsummary = None  # the service failed\n```\n"
    assert _state(f"# PRD\n\n## Fallback\n\n{code}", "fallbacks") == "partial"


def test_an_a_b_test_then_every_site_is_a_rollout_judged_for_its_rollback() -> None:
    staged = (
        "# PRD\n\n## Rollout\n\nA/B by depot: 5 depots treatment vs 5 matched control depots "
        "for 6 weeks, then all 60 depots if the on-time rate improves."
    )
    assert "PRD161" in _codes(staged)
    assert _state(staged, "rollout") == "partial"
    pulled = staged + " Ops can switch a depot back to the old planner in one click."
    assert _state(pulled, "rollout") == "present"


def test_a_bracketed_slot_with_an_example_is_a_placeholder() -> None:
    slots = (
        "# PRD\n\n## Success criteria\n\n"
        '- **SC-001**: [Measurable metric, e.g., "Riders book a trip in under 90 seconds"]\n'
        '- **SC-002**: [Adoption metric, e.g., "40% of riders use it in the first month"]\n'
    )
    assert _state(slots, "metrics") == "hollow"
    # a link whose text gives an example is a link, not a slot
    link = (
        "# PRD\n\n## Success criteria\n\n- Riders book a trip in under 90 s at p50, measured as in "
        "[the funnel doc, e.g. step 3](https://example.com/funnel), from 3 min today.\n"
    )
    assert _state(link, "metrics") == "present"


def test_a_section_missing_its_key_part_names_the_part() -> None:
    # the finding says what the concern itself lacks, not another concern's part
    text = (
        "# PRD\n\n## Intro\n\nA page.\n\n## Failure modes\n\n"
        "The model may misread a smudged total or swap the day and the month in a date.\n"
    )
    found = analyse_text(text, config=AI).coverage["error-cost"]
    assert (found.state, found.detail) == (
        "partial",
        "a key part is missing: which error costs more, or what an error costs",
    )


@pytest.mark.parametrize(
    ("rows", "state"),
    [
        # a Mitigation column over project risks says nothing about the model being wrong
        ("| Schedule slips | Cut the tax field |\n| Prices rise | Sign for a year |", None),
        # ... over the model's errors, with a fallback in it, it covers fallbacks
        ("| Total misread | Fall back to manual entry of the total |", "present"),
    ],
)
def test_a_mitigation_column_covers_fallbacks_only_when_it_shows_one(
    rows: str, state: str | None
) -> None:
    text = f"# PRD\n\n## Intro\n\nA page.\n\n## Notes\n\n| Risk | Mitigation |\n|---|---|\n{rows}\n"
    found = analyse_text(text, config=AI).coverage["fallbacks"]
    assert (found.state if found.via == "table" else None) == state
