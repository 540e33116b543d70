"""What makes a section hollow, partial or present: the rules a careful reader states."""

from __future__ import annotations

import pytest

from prd_forge.lint import Config, lint_text

AI = Config(ai=True)


def _state(text: str, concern: str) -> str:
    return str(lint_text(text, config=AI).coverage[concern])


@pytest.mark.parametrize(
    ("text", "concern", "state"),
    [
        # template guidance in a quote, then a placeholder: nobody wrote anything
        (
            "# PRD\n\n## Evaluation\n\n> *Named eval set, metrics, slices, thresholds.*\n\nTODO\n",
            "evaluation",
            "hollow",
        ),
        ("# PRD\n\n## Evaluation\n\n_To be completed by the ML lead._\n", "evaluation", "hollow"),
        # a form whose every answer is a placeholder
        (
            "# PRD\n\n## Evaluation\n\n| Item | Status |\n|---|---|\n"
            "| Test set | TODO |\n| Pass criteria | TBD |\n",
            "evaluation",
            "hollow",
        ),
        # labels with nothing after them, and unticked to-dos, are slots
        ("# PRD\n\n## Rollout\n\n- Phase 1:\n- Phase 2:\n", "rollout", "hollow"),
        (
            "# PRD\n\n## Privacy\n\n- [ ] Privacy review\n- [ ] Legal review\n",
            "privacy",
            "hollow",
        ),
        # ... but in a checklist with ticked items, an unticked one is a decision
        (
            "# PRD\n\n## Scope\n\n- [x] English episodes only\n- [x] Episodes over 20 minutes\n"
            "- [ ] Non-English episodes (later)\n",
            "scope",
            "present",
        ),
        # a Target column left blank (under a wiki export's empty header row) is unfinished
        (
            "# PRD\n\n## Success metrics\n\n|  |  |  |\n|---|---|---|\n"
            "| Metric | Baseline | Target |\n| Share of users opted in | 23% | |\n"
            "| Checkouts from the row per month | 0 | |\n",
            "metrics",
            "partial",
        ),
    ],
)
def test_placeholders_and_slots(text: str, concern: str, state: str) -> None:
    assert _state(text, concern) == state


FAILURES = "- The draft invents a fact.\n- The draft is in the wrong language.\n"


@pytest.mark.parametrize(
    ("text", "concern", "state"),
    [
        # failures listed without cost or severity
        (f"# PRD\n\n## What could go wrong\n\n{FAILURES}", "error-cost", "partial"),
        (
            "# PRD\n\n## What could go wrong\n\n- The draft invents a fact: legal exposure. High.\n"
            "- The draft is in the wrong language. Low.\n",
            "error-cost",
            "present",
        ),
        # data sources with nothing on whose data it is
        (
            "# PRD\n\n## Data sources\n\nTicket text and the final queue from the last 12 months "
            "of the help desk export.\n",
            "data",
            "partial",
        ),
        (
            "# PRD\n\n## Data sources\n\nTicket text from the help desk export, owned by Support "
            "Ops; personal data is scrubbed before training.\n",
            "data",
            "present",
        ),
        # monitoring with no number that calls for action
        (
            "# PRD\n\n## Monitoring\n\nOwner: the ML team. A weekly dashboard of acceptance and "
            "override rates.\n",
            "monitoring",
            "partial",
        ),
        (
            "# PRD\n\n## Monitoring\n\nOwner: the ML team. Alert if the override rate exceeds "
            "15% in a week.\n",
            "monitoring",
            "present",
        ),
    ],
)
def test_a_section_without_its_key_part_is_partial(text: str, concern: str, state: str) -> None:
    assert _state(text, concern) == state


@pytest.mark.parametrize(
    ("items", "state"),
    [
        (
            "- Do we keep drafts? — Femi, before launch.\n- Which model? (IT + Imaging, by beta)\n",
            "present",
        ),
        ("- Do we keep drafts? — Femi, before launch.\n- Which model?\n", "present"),
        ("- Do we keep drafts? — Femi.\n- Which model?\n- Who reviews?\n", "partial"),
    ],
)
def test_open_questions_need_an_owner_or_date_on_half_their_entries(items: str, state: str) -> None:
    assert _state(f"# PRD\n\n## Open questions\n\n{items}", "open-questions") == state


def test_an_inline_clarification_marker_is_an_unowned_open_question() -> None:
    text = (
        "# PRD\n\n## Requirements\n\nThe crew takes over when the order stalls "
        "[NEEDS CLARIFICATION: after how many seconds?].\n"
    )
    assert _state(text, "open-questions") == "partial"


@pytest.mark.parametrize(
    ("sentence", "state"),
    [
        # the reasoning itself settles why a model, wherever it stands
        (
            "The planning formula cannot account for congestion or weather; a model trained on "
            "arrival times can learn those delays.",
            "present",
        ),
        ("We will use a model.", "missing"),
    ],
)
def test_one_sentence_of_reasoning_settles_ai_fit(sentence: str, state: str) -> None:
    text = f"# PRD\n\n## Overview\n\nETAs for deliveries. {sentence}\n"
    assert _state(text, "ai-fit") == state


def test_a_wrapped_phrase_is_still_one_phrase() -> None:
    text = (
        "# PRD\n\n## Overview\n\nInputs are substation readings. IT Security has\n"
        "approved the read-only link; no personal data is used; logs are deleted after\n"
        "30 days.\n"
    )
    assert _state(text, "privacy") == "present"


def test_a_note_opening_with_a_placeholder_is_no_evidence() -> None:
    text = (
        "# PRD\n\n## Privacy\n\nTBD — check with the DPO whether the privacy notice covers "
        "purchase history and consent.\n"
    )
    assert _state(text, "privacy") == "hollow"


@pytest.mark.parametrize(
    "rollout",
    [
        "Internal accounts, then 20% for a week, then everyone. If export errors exceed 2% we "
        "turn the flag off.",
        "Two cities, then all nine over 4 weeks. Ops can switch a city\nback to slot display "
        "if hit-rate falls below 70% for a day.",
        "Beta with 20 accounts, then all. Rollback: turn off the flag; the page hides.",
    ],
)
def test_a_rollback_the_team_can_pull_covers_rollout(rollout: str) -> None:
    assert _state(f"# PRD\n\n## Rollout\n\n{rollout}\n", "rollout") == "present"


def test_a_rollout_without_any_rollback_is_partial() -> None:
    text = "# PRD\n\n## Rollout\n\nPilot with 6 recruiters for 6 weeks, then all US requisitions.\n"
    assert _state(text, "rollout") == "partial"


def test_an_faq_answers_questions_it_does_not_leave_them_open() -> None:
    text = "# PRD\n\n## FAQ\n\n**Why now?** Half our learners live abroad.\n"
    assert _state(text, "open-questions") == "missing"


def test_a_blank_form_is_hollow_even_for_open_questions() -> None:
    text = (
        "# PRD\n\n## Open questions\n\n> List unresolved questions with an owner and a due date."
        "\n\n| Question | Owner | Due |\n|---|---|---|\n| | | |\n"
    )
    assert _state(text, "open-questions") == "hollow"


def test_have_to_be_written_is_a_statement_not_a_placeholder() -> None:
    text = (
        "# PRD\n\n## Why a model\n\nRules have to be written per supplier; we measured 3 "
        "engineer-days per template. A layout model generalises across unseen suppliers.\n"
    )
    assert _state(text, "ai-fit") == "present"


def test_technical_assumptions_are_not_scope_without_its_evidence() -> None:
    text = "# PRD\n\n## Technical Assumptions\n\nMonorepo, Python services, Postgres for storage.\n"
    assert _state(text, "scope") == "partial"


@pytest.mark.parametrize(
    "evaluation",
    [
        "Held-out set: 3,000 returns coded by analysts. Top-1 accuracy must be at least 80%.",
        "Before launch, on the 200 reference articles: COMET score of 0.82 or better.",
        "Out-of-time test on accounts active in H1. Target: top-decile recall of 45% or more.",
    ],
)
def test_an_evaluation_names_its_data_in_many_ways(evaluation: str) -> None:
    assert _state(f"# PRD\n\n## Evaluation\n\n{evaluation}\n", "evaluation") == "present"


_BODY = "Over 8 weeks of orders, 80% of parcels arrive inside the promised window (today 58%)."


@pytest.mark.parametrize(
    ("heading", "concern"),
    [
        # question headings a reader takes for what they ask about
        ("How will we know it's good enough?", "evaluation"),
        ("How will we know it's good enough?", "metrics"),
        ("Not in this epic", "scope"),
        ("REQ-3 Degrade silently", "fallbacks"),
        ("Where we are", "problem"),
        ("Slide 2 — What we see today", "problem"),
        ("Why a learned model and not more rules", "ai-fit"),
        ("Why machine translation", "ai-fit"),
    ],
)
def test_headings_a_reader_knows(heading: str, concern: str) -> None:
    text = f"# PRD\n\n## Intro\n\nA page.\n\n## {heading}\n\n{_BODY} The rest holds.\n"
    assert lint_text(text, config=AI).coverage[concern].covered


@pytest.mark.parametrize(
    ("body", "state"),
    [
        # a "Model" or "Approach" section that only describes the model does not argue for one
        (
            "GPT-class hosted model with function calling (calendar free/busy, create event).",
            "partial",
        ),
        (
            "A quantile GBM on sold listings; a median-of-brand baseline was much worse for the "
            "long tail.",
            "present",
        ),
        (
            "Chosen over training our own classifier because the taxonomy changes every month.",
            "present",
        ),
    ],
)
def test_a_model_section_covers_ai_fit_by_its_reasoning(body: str, state: str) -> None:
    assert (
        _state(f"# PRD\n\n## Intro\n\nA page.\n\n## Model & prompts\n\n{body}\n", "ai-fit") == state
    )


@pytest.mark.parametrize(
    ("body", "state"),
    [
        # alerts users get and a product's own dashboard are features, not watching the model:
        # an "Alerts" heading may mean monitoring, so at most partial
        (
            "## Alerts (UI)\n\n- When a message is hidden, the sender sees a banner.\n"
            '- A restricted player sees a red "Chat restricted" alert on the post-match screen.\n',
            "partial",
        ),
        (
            "## Summary\n\nA dashboard that groups every review into topics and shows sentiment "
            "trends per topic and app version.\n",
            "missing",
        ),
    ],
)
def test_user_facing_alerts_and_dashboards_are_not_monitoring(body: str, state: str) -> None:
    assert _state(f"# PRD\n\n{body}", "monitoring") == state


def test_one_slot_left_in_a_section_written_at_length_does_not_make_it_partial() -> None:
    written = "".join(
        f"- State {n}: the panel shows the draft with its sources and a retry button.\n"
        for n in range(4)
    )
    assert _state(f"# PRD\n\n## UX states\n\n{written}- Empty state: TBD\n", "ux-states") == (
        "present"
    )
    assert _state(f"# PRD\n\n## UX states\n\n{written[:80]}- Empty state: TBD\n", "ux-states") == (
        "partial"
    )
