"""UX states and human oversight found the way a reader finds them, in the words specs use."""

from __future__ import annotations

import pytest

from prd_forge.lint import Config, lint_text

AI = Config(ai=True)


def _state(text: str, concern: str) -> str:
    return lint_text(text, config=AI).coverage[concern]


@pytest.mark.parametrize(
    ("body", "state"),
    [
        # quoted screen copy, each state its own: covered without a UX heading
        (
            '## Requirements\n\n1. WHILE learning THE SYSTEM SHALL show "Learning your routine".\n'
            '2. IF the service is down THE SYSTEM SHALL show "Scheduled" with no time.\n'
            "3. WHEN confidence is low the chip reads **Adjuster decision needed**.\n",
            "present",
        ),
        # a state table whose column says what the clerk sees
        (
            "## Clerk screen states\n\n| State | What the clerk sees |\n|---|---|\n"
            '| Processing | "Extracting..." with a spinner |\n'
            '| Failed | "Couldn\'t read this invoice" |\n',
            "present",
        ),
        # a UX section with only the happy path is thin
        (
            "## User experience\n\nScore column in the account list, sortable; the account page "
            "shows score, trend and the top three drivers for each account.\n",
            "partial",
        ),
        # the template's list of states, in italics, and a link still to add
        (
            "## UX states\n\n*Loading, low confidence, fallback, error, empty, review pending.*\n\n"
            "Figma: (link)\n",
            "hollow",
        ),
        ("## User interaction and design\n\nAdd mockups, diagrams or visual designs.\n", "hollow"),
        ("## What players see\n\nSee Figma (link to come).\n", "hollow"),
    ],
    ids=["quoted-copy", "state-table", "happy-path-only", "italic-list", "atlassian", "to-come"],
)
def test_ux_states(body: str, state: str) -> None:
    assert _state(f"# Feature\n\n{body}", "ux-states") == state


@pytest.mark.parametrize(
    ("body", "state"),
    [
        (
            "## Adjuster workflow\n\nThe adjuster confirms or changes the path; a change needs a "
            "reason. The recommendation is always a suggestion; the adjuster owns the route. "
            "Release over $50k needs AP manager approval.\n",
            "present",
        ),
        (
            "## How it works\n\nThe GM reviews, edits, and posts it. Drafts wait in a review "
            "queue, and the instructor gets a notification and can\ncorrect any line.\n",
            "present",
        ),
        ("## Summary\n\nSeller keeps full control of the price.\n", "partial"),
        ("## Summary\n\nThe model ranks tickets by urgency.\n", "missing"),
    ],
    ids=["adjuster", "wrapped-line", "one-line", "none"],
)
def test_human_oversight(body: str, state: str) -> None:
    assert _state(f"# Feature\n\n{body}", "human-oversight") == state


@pytest.mark.parametrize(
    ("body", "state"),
    [
        # underscore italics do not hide a placeholder from the word boundary
        ("## Human oversight\n\n_To be completed by Onboarding Ops._\n", "hollow"),
        # the template's questions, and a slot
        (
            "## Human review\n\n> Who reviews outputs? How can users correct?\n\n{{...}}\n",
            "hollow",
        ),
        # a sign-off checklist under "approvals" is about the document, not the model
        ("## Privacy & approvals\n\n- [ ] Legal: not started\n- [ ] Privacy: done\n", "missing"),
        (
            "## Editorial guardrails\n\nThe duty editor can pin an article or exclude one; "
            "the deputy editor can turn the model off; agents must be able to re-route a "
            "ticket, and money questions go to staff.\n",
            "present",
        ),
    ],
    ids=["underscore-italics", "template-questions", "approvals-checklist", "controls"],
)
def test_human_oversight_template_forms(body: str, state: str) -> None:
    assert _state(f"# Feature\n\n{body}", "human-oversight") == state


def test_a_table_of_what_users_meet_at_each_confidence_covers_ux_states() -> None:
    table = (
        "## Decision\n\n| Confidence of top intent | Behaviour |\n|---|---|\n"
        '| >= 0.80 | Route directly: "I\'ll put you through to billing." |\n'
        '| 0.50 - 0.80 | Confirm: "Is this about your bill?" |\n'
        "| < 0.50 | Fall back to the touch-tone menu |\n"
    )
    assert _state(f"# Feature\n\n{table}", "ux-states") == "present"


def test_copy_in_backticks_is_screen_copy() -> None:
    body = (
        "## Guide\n\nWhile it works the PR shows `review-assistant: running`; when done the check "
        "shows `review-assistant: 3 suggestions`; if it fails the check reads `skipped (error)`.\n"
    )
    assert _state(f"# Feature\n\n{body}", "ux-states") == "present"


@pytest.mark.parametrize(
    ("body", "state"),
    [
        # one state (a banner) described three ways: a reader calls that thin
        (
            "## Screens\n\nA banner appears on the dashboard. The banner is shown above it.\n\n"
            "## Alerts\n\nA toast tells the analyst a new cluster exists.\n",
            "partial",
        ),
        # a loading state and a failure state: two kinds, covered without a UX heading
        (
            "## Screens\n\nA spinner is shown while the draft is generated.\n\n"
            '## Errors\n\nIf the service fails the panel shows "Draft unavailable" and a retry '
            "button to try again.\n",
            "present",
        ),
    ],
)
def test_ux_states_in_prose_need_different_kinds_of_state(body: str, state: str) -> None:
    assert _state(f"# PRD\n\n{body}", "ux-states") == state
