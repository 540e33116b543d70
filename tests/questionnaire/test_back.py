"""Back one question (Ctrl-B), progress and required markers, driven through the real prompts."""

from __future__ import annotations

from typing import Any

import pytest

from prd_forge.questionnaire import progress
from prd_forge.questionnaire.answers import Answers
from prd_forge.questionnaire.fields import question
from prd_forge.questionnaire.flow import Interview
from prd_forge.questionnaire.sections import by_id, plan, run
from prd_forge.questionnaire.special import HANDLERS
from prd_forge.spec.model import Feature, HumanOversight, Metric, Scope
from tests.questionnaire.keys import CTRL_U, ENTER, ESC_ENTER, block, line, run_with_keys

BACK = "\x02"  # Ctrl-B


def walk(concern: str, keys: list[str], data: dict[str, Any] | None = None) -> Interview:
    interview = Interview(Answers(data=data or {}), handlers=HANDLERS)
    run_with_keys(lambda: run(interview, by_id([concern])), *keys)
    return interview


def test_back_asks_the_previous_question_with_its_answer_as_default() -> None:
    keys = [line("manual"), block("By hand."), BACK, ESC_ENTER, line("7 min median")]
    done = walk("baseline", keys)
    assert done.answers.data["baseline"] == {
        "kind": "manual",
        "description": "By hand.",
        "measured_value": "7 min median",
    }


def test_back_twice_reaches_a_select_and_keeps_its_choice() -> None:
    keys = [line("manual"), block("By hand."), BACK, BACK, ENTER, ESC_ENTER, line("7 min")]
    done = walk("baseline", keys)
    assert done.answers.data["baseline"]["kind"] == "manual"
    assert done.answers.data["baseline"]["measured_value"] == "7 min"


def test_back_works_inside_a_list_entry_and_out_of_it() -> None:
    keys = ["y", line("Re-route"), BACK, line(CTRL_U + "Re-route rate")]
    keys += [BACK, BACK, "n"]  # back to the name, back to "Add a metric?": no metric after all
    done = walk("metrics", keys)
    assert done.answers.data["metrics"] == []


def test_back_at_the_first_question_stays_there(capsys: pytest.CaptureFixture[str]) -> None:
    done = walk("scope", [BACK, ENTER, ENTER, ENTER])
    assert done.answers.data["scope"]["non_goals"] == []
    assert "this is the first question: there is nothing to go back to" in capsys.readouterr().out


def test_each_prompt_shows_where_it_is_and_whether_it_is_required(
    capsys: pytest.CaptureFixture[str],
) -> None:
    walk("baseline", [line("manual"), block("By hand."), line("7 min")])
    out = [line.strip() for line in capsys.readouterr().out.splitlines()]
    assert "Section 4/15 · question 1 of about 3 · required · Ctrl-B: back one question" in out
    assert "Section 4/15 · question 3 of about 3 · required · Ctrl-B: back one question" in out


def test_optional_questions_say_how_to_skip() -> None:
    answers = Answers()
    assert progress.marker(question(Feature, "name"), answers) == "required"
    assert progress.marker(question(Scope, "out_of_scope_uses"), answers) == (
        "optional: an empty answer skips"
    )
    assert progress.marker(question(HumanOversight, "sla"), answers) == "required"
    assert progress.marker(question(Metric, "method"), answers) == "required"


def test_the_estimate_follows_the_path_taken() -> None:
    paths = [path for section in plan() for path in section.paths]
    empty = Answers()
    assert progress.answered(empty, paths) == 0
    none = Answers(data={"baseline": {"kind": "none"}})
    manual = Answers(data={"baseline": {"kind": "manual"}})
    # no baseline asks one question (why), a manual one asks two (how, and its number)
    assert progress.expected(manual, paths) - progress.expected(none, paths) == 1
