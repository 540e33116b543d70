"""The AI 600-1 risks in the questionnaire: asked one by one only when they apply, and recorded
as one open question by `new --quick`."""

from __future__ import annotations

from typing import Any

from prd_forge.questionnaire.answers import Answers
from prd_forge.questionnaire.fields import question
from prd_forge.questionnaire.flow import Interview
from prd_forge.questionnaire.quick import defer_the_rest
from prd_forge.questionnaire.risks import PATH, ask_risks
from prd_forge.questionnaire.special import HANDLERS
from prd_forge.spec.model import Spec


def _interview(problem: dict[str, Any]) -> Interview:
    data = {"feature": {"owner": "Dana Reyes"}, "problem": problem}
    return Interview(Answers(data=data), handlers=HANDLERS)


def test_quick_records_the_risks_as_one_open_question_when_they_apply() -> None:
    walk = _interview({"output_kind": "generated"})
    defer_the_rest(walk)
    assert walk.answers.data["open_questions"][-1] == {
        "question": "Generative AI risks (NIST AI 600-1): 12 risk(s) to answer with "
        "`prd-forge edit`",
        "owner": "Dana Reyes",
        "blocks": "genai_risks",
    }


def test_quick_records_nothing_for_a_classifier() -> None:
    walk = _interview({"output_kind": "classification", "uses_tools": False})
    defer_the_rest(walk)
    assert all(q["blocks"] != "genai_risks" for q in walk.answers.data["open_questions"])


def test_no_risk_is_asked_when_the_profile_does_not_apply() -> None:
    walk = _interview({"output_kind": "ranking"})
    ask_risks(walk, question(Spec, "genai_risks"), PATH)  # no keys: a prompt would fail
    assert walk.answers.get(PATH) is None
