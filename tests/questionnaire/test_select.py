"""A menu never ends in a traceback: keys that pick no choice ask again."""

from __future__ import annotations

from prd_forge.questionnaire import prompts
from prd_forge.questionnaire.fields import question
from prd_forge.spec.model import Problem
from tests.questionnaire.keys import ENTER, ESC_ENTER, run_with_keys


def test_esc_then_enter_in_a_menu_asks_again() -> None:
    # Esc then Enter submits a multi-line text; typed out of habit in a filtered menu, it
    # used to hand the filter's text to validation and end `new` with a ValueError.
    kind = question(Problem, "output_kind")
    picked = run_with_keys(
        lambda: prompts.ask_select(kind), "generated", ESC_ENTER, "selected", ENTER
    )
    assert picked == "selected"
