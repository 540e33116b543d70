"""Menus: keys that pick no choice ask again, and every choice says what it means."""

from __future__ import annotations

from enum import Enum

from prd_forge.questionnaire import prompts
from prd_forge.questionnaire.choices import DESCRIPTIONS, describe
from prd_forge.questionnaire.fields import question
from prd_forge.spec import model
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


def test_every_choice_of_every_menu_has_a_one_line_description() -> None:
    menus = {
        name: kind
        for name, kind in vars(model).items()
        if isinstance(kind, type) and issubclass(kind, Enum) and kind.__module__ == model.__name__
    }
    assert len(menus) >= 18
    for name, kind in menus.items():
        for choice in kind:
            line = describe(name, choice.value)
            assert line, f"{name}.{choice.value} has no description in questionnaire/choices.py"
            assert "\n" not in line and len(line) <= 80, f"{name}.{choice.value}: one short line"
    assert set(DESCRIPTIONS) == set(menus)
