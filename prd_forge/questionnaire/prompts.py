"""One questionary prompt per question kind; each returns the answer in answers-file form.

Prompts read the keyboard through prompt_toolkit's current app session, so tests drive them
with a pipe (see tests/questionnaire/keys.py) and production code passes no input or output.
Every prompt is asked with `unsafe_ask()`: Ctrl-C raises KeyboardInterrupt, and the caller
has already saved every earlier answer.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

import click
import questionary
from questionary import Choice

from prd_forge.questionnaire.choices import describe
from prd_forge.questionnaire.fields import Question
from prd_forge.questionnaire.interrupt import TYPED
from prd_forge.questionnaire.menu_filter import without_surprise
from prd_forge.questionnaire.tape import TAPE, asked

SKIP = "(skip for now)"
NEEDED = "an answer is needed here"


def echo(message: str = "", *, dim: bool = False, bold: bool = False) -> None:
    """Print a line between prompts; styled only on a colour terminal without NO_COLOR.

    Nothing is printed while "back" replays the answers before the question asked again.
    """
    if TAPE.replaying:
        return
    colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    click.echo(click.style(message, dim=dim, bold=bold) if colour else message)


def show_help(question: Question, where: str = "") -> None:
    """Where the PM is (one line), then the field's help and example (one line)."""
    if where:
        echo(f"  {where}", dim=True)
    example = question.example_text
    parts = [question.help] if question.help else []
    if example:
        parts.append(f"e.g. {example}")
    if parts:
        echo("  " + "  ".join(parts), dim=True)


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


Extra = Callable[[Any], "str | None"]
"""A check beyond the field's type, run on the validated value (see `spec.wording`, `ids`)."""


def text_validator(
    question: Question, required: bool, wrap: bool = False, extra: Extra | None = None
) -> Callable[[str], Any]:
    """questionary's `validate=`: True, or the reason the answer is refused."""

    def check(raw: str) -> bool | str:
        if not raw.strip():
            return True if (question.optional or wrap) and not required else NEEDED
        try:
            value = question.validate([raw] if wrap else raw)
        except ValueError as error:
            return str(error)
        reason = extra(value[0] if wrap else value) if extra else None
        return reason or True

    return check


def ask_text(
    question: Question, default: Any = None, *, required: bool = False, extra: Extra | None = None
) -> Any:
    """A text, number or id; empty means skipped (None) when the field may be left out."""
    # A multi-line answer starts on the line below the question and takes the full width.
    instruction = "(Esc then Enter to finish)\n" if question.multiline else None
    raw = asked(
        lambda start: _keeping_text(
            question.message,
            questionary.text(
                question.message,
                default=TYPED.default(question.message, _as_text(start)),
                validate=text_validator(question, required, extra=extra),
                multiline=question.multiline,
                instruction=instruction,
            ),
        ),
        default,
    )
    if not raw.strip():
        return None
    return question.validate(raw)


def _keeping_text(message: str, prompt: questionary.Question) -> questionary.Question:
    """The prompt, made to keep the text being typed (for the draft) when Ctrl-C, SIGTERM or
    SIGHUP interrupts it: prompt_toolkit's buffer still holds it then."""
    ask = prompt.unsafe_ask

    def unsafe_ask(patch_stdout: bool = False) -> Any:
        TYPED.pending = None
        try:
            return ask(patch_stdout)
        except KeyboardInterrupt:
            TYPED.keep(message, prompt.application.current_buffer.text)
            raise

    prompt.unsafe_ask = unsafe_ask  # type: ignore[method-assign]
    return prompt


def ask_list_item(
    question: Question,
    message: str,
    default: str = "",
    *,
    required: bool = False,
    instruction: str | None = None,
) -> str | None:
    """One entry of a list of texts; empty ends the list (or removes a prefilled entry)."""
    raw = asked(
        lambda start: _keeping_text(
            message,
            questionary.text(
                message,
                default=TYPED.default(message, start),
                validate=text_validator(question, required, wrap=True),
                instruction=instruction,
            ),
        ),
        default,
    )
    if not raw.strip():
        return None
    value: list[str] = question.validate([raw])
    return value[0]


PICK = "(pick one)"


def ask_select(question: Question, default: Any = None) -> Any:
    """One value of an enum; type to filter. Enter never picks a value by surprise: without a
    default the pointer starts on "(pick one)" (asked again) or "(skip for now)", and after a
    filter Enter takes only the one match or the one moved to (see `menu_filter`)."""
    titled = [
        Choice(c, value=c, description=describe(question.enum_name, c)) for c in question.choices
    ]
    first = Choice(SKIP, value=SKIP) if question.optional else Choice(PICK, value=PICK)
    choices: list[str | Choice] = [first, *titled]
    while True:
        answer = asked(
            lambda start: without_surprise(
                questionary.select(
                    question.message,
                    choices=choices,
                    default=start if start in question.choices else None,
                    use_search_filter=True,
                    use_jk_keys=False,
                    instruction="(arrows or type to filter, Enter to pick)",
                )
            ),
            default,
        )
        if answer == SKIP:
            return None
        # Esc then Enter, or Enter on a filter that matches nothing, picks no choice at all
        if answer in question.choices:
            return question.validate(answer)
        echo("  pick one of the choices (type to filter)")


def ask_confirm(question: Question, default: Any = None) -> bool:
    if not isinstance(default, bool):
        default = question.example if isinstance(question.example, bool) else True
    answer: bool = asked(
        lambda start: questionary.confirm(question.message, default=start), default
    )
    return answer


def ask_checkbox(
    message: str,
    choices: Sequence[str],
    checked: Sequence[str] = (),
    *,
    titles: dict[str, str] | None = None,
    validate: Callable[[list[str]], bool | str] | None = None,
    enum_name: str = "",
) -> list[str]:
    """Several values at once; `checked` ones start selected; the picks are echoed after."""
    titles = titles or {}

    def build(start: Sequence[str]) -> questionary.Question:
        options = [
            Choice(
                titles.get(c, c), value=c, checked=c in start, description=describe(enum_name, c)
            )
            for c in choices
        ]
        return questionary.checkbox(
            message,
            choices=options,
            validate=validate or (lambda _: True),
            instruction="(Space to toggle, Enter to confirm)",
        )

    answer: list[str] = asked(build, checked)
    echo(f"  picked: {', '.join(answer) if answer else 'none'}", dim=True)
    return answer


def ask_yes_no(message: str, default: bool) -> bool:
    answer: bool = asked(lambda start: questionary.confirm(message, default=start), default)
    return answer


def ask_menu(message: str, choices: Sequence[tuple[str, Any]], default: Any = None) -> Any:
    """A select over (title, value) pairs: menus of the loops and the review screen."""
    options = [Choice(title, value=value) for title, value in choices]

    def build(value: Any) -> questionary.Question:
        start = next((o for o in options if o.value == value), None)
        return questionary.select(message, choices=options, default=start)

    return asked(build, default)
