"""Concerns a reader finds covered in words and headings of the team's own: each case is one
principle (a heading word, an evidence pattern, a present/partial rule), on a fresh example."""

from __future__ import annotations

import pytest

from prd_forge.lint import Config, lint_text

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
