"""Type to filter a menu, without Enter taking the first match by surprise.

questionary's search filter moves the pointer to the first match as each character is typed,
so Enter after "ca" picks whichever choice containing "ca" comes first. Here Enter takes the
highlighted choice only when the filter leaves exactly one, or when the PM moved the pointer
with ↑/↓ since the filter last changed. Otherwise the prompt stays, saying how many choices
match (or that none does) until the PM picks one.
"""

from __future__ import annotations

import questionary
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.key_binding.key_processor import KeyPressEvent
from prompt_toolkit.keys import Keys
from questionary.prompts.common import InquirerControl


def several(count: int, typed: str) -> str:
    return f"{count} choices match '{typed}'; use ↑/↓ to pick one, then Enter"


def none_match(typed: str) -> str:
    return f"no choice matches '{typed}'; Backspace to change the filter"


def without_surprise(question: questionary.Question) -> questionary.Question:
    """The select prompt `question` (made with `use_search_filter=True`), with Enter, ↑ and ↓
    rebound as the module says; every other key keeps questionary's binding."""
    application = question.application
    control = next(
        found
        for found in application.layout.find_all_controls()
        if isinstance(found, InquirerControl)
    )
    moved_under: list[str | None] = [None]  # the filter the pointer was last moved under
    typing = control.add_search_character

    def add_search_character(char: Keys) -> None:
        control.error_message = None
        moved_under[0] = None
        typing(char)

    # questionary's filter binding looks the method up on the control at each key
    control.add_search_character = add_search_character  # type: ignore[method-assign]
    bindings = KeyBindings()

    def move(step: int) -> None:
        control.error_message = None
        for _ in range(len(control.choices)):  # past disabled choices, as questionary does
            control.pointed_at = (control.pointed_at + step) % control.choice_count
            if control.is_selection_valid():
                break
        moved_under[0] = control.search_filter

    bindings.add(Keys.Down, eager=True)(lambda _: move(1))
    bindings.add(Keys.Up, eager=True)(lambda _: move(-1))

    @bindings.add(Keys.ControlM, eager=True)
    def _enter(event: KeyPressEvent) -> None:
        refusal = _refusal(control, moved_under[0])
        if refusal is not None:
            # Shown in the validation bar below the choices, as a checkbox's refusal is;
            # questionary declares the attribute as None only, and sets it the same way.
            shown = FormattedText([("class:validation-toolbar", refusal)])
            control.error_message = shown  # type: ignore[assignment]
            return
        control.is_answered = True
        event.app.exit(result=control.get_pointed_at().value)

    application.key_bindings = merge_key_bindings(
        [application.key_bindings or KeyBindings(), bindings]
    )
    return question


def _refusal(control: InquirerControl, moved_under: str | None) -> str | None:
    """Why Enter picks nothing yet, or None when the highlighted choice is the PM's pick."""
    typed = control.search_filter
    if not typed:
        return None
    matches = control.filtered_choices  # also sets found_in_search
    if not control.found_in_search:
        return none_match(typed)
    if len(matches) > 1 and moved_under != typed:
        return several(len(matches), typed)
    return None
