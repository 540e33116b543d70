"""Menus: keys that pick no choice ask again, and every choice says what it means."""

from __future__ import annotations

from enum import Enum

import pytest
import questionary
from questionary.prompts.common import InquirerControl

from prd_forge.questionnaire import prompts
from prd_forge.questionnaire.choices import DESCRIPTIONS, describe
from prd_forge.questionnaire.fields import question
from prd_forge.questionnaire.menu_filter import without_surprise
from prd_forge.spec import model
from prd_forge.spec.model import Problem
from tests.questionnaire.keys import (
    BACKSPACE,
    DOWN,
    ENTER,
    ESC_ENTER,
    UP,
    run_with_keys,
)


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


# Typing filters the menu: "ti" leaves classification, extraction and action (in that order).
OUTPUT_KIND = question(Problem, "output_kind")


def _select() -> object:
    return prompts.ask_select(OUTPUT_KIND)


def _refusal(*keys: str) -> str:
    """What the menu says after `keys`, still asking when they run out (the pipe's end)."""
    menus: list[questionary.Question] = []

    def ask() -> object:
        # built inside the keys' app session, so that it reads them
        menus.append(
            without_surprise(
                questionary.select(
                    "Output?",
                    choices=list(OUTPUT_KIND.choices),
                    use_search_filter=True,
                    use_jk_keys=False,
                )
            )
        )
        return menus[0].unsafe_ask()

    with pytest.raises(EOFError):
        run_with_keys(ask, *keys)
    control = next(
        found
        for found in menus[0].application.layout.find_all_controls()
        if isinstance(found, InquirerControl)
    )
    assert not control.is_answered
    shown = control.error_message
    return "" if shown is None else "".join(text for _, text, *_ in shown)


def test_enter_takes_the_only_match_of_a_filter() -> None:
    assert run_with_keys(_select, "forec", ENTER) == "forecast"


def test_enter_on_several_matches_says_so_and_keeps_asking() -> None:
    assert _refusal("ti", ENTER) == "3 choices match 'ti'; use ↑/↓ to pick one, then Enter"
    picked = run_with_keys(_select, "ti", ENTER, BACKSPACE, BACKSPACE, "forec", ENTER)
    assert picked == "forecast"  # not "classification", the first match of "ti"


def test_a_match_moved_to_with_the_arrows_is_taken() -> None:
    assert run_with_keys(_select, "ti", DOWN, ENTER) == "extraction"
    assert run_with_keys(_select, "ti", DOWN, DOWN, UP, ENTER) == "extraction"


def test_typing_after_moving_asks_for_a_move_again() -> None:
    assert _refusal("ti", DOWN, "on", ENTER) == (
        "3 choices match 'tion'; use ↑/↓ to pick one, then Enter"
    )
    assert run_with_keys(_select, "ti", DOWN, "on", ENTER, DOWN, DOWN, ENTER) == "action"


def test_enter_on_a_filter_matching_nothing_asks_again() -> None:
    # Before, Enter took the pointer's place in the whole list: "(skip for now)", silently.
    assert _refusal("zz", ENTER) == "no choice matches 'zz'; Backspace to change the filter"
    picked = run_with_keys(_select, "zz", ENTER, BACKSPACE, BACKSPACE, "rank", ENTER)
    assert picked == "ranking"


def test_a_key_after_a_refusal_clears_it() -> None:
    assert _refusal("ti", ENTER, BACKSPACE) == ""
    assert _refusal("ti", ENTER, DOWN) == ""


def test_without_a_filter_the_arrows_and_enter_work_as_before() -> None:
    assert run_with_keys(_select, DOWN, DOWN, ENTER) == "selected"
    assert run_with_keys(_select, ENTER) is None  # "(skip for now)": the optional field's start
