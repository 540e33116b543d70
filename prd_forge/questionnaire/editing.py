"""Changing what is already answered: a list's items, and one field of an item at a time.

A list shows a menu of its items; picking one shows its fields with their values, and picking
a field asks that field alone (its old answer as the default), not the whole item again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from prd_forge.questionnaire import ids, prompts
from prd_forge.questionnaire.answers import Path
from prd_forge.questionnaire.fields import Question, noun, question, with_article
from prd_forge.spec.model import Model

if TYPE_CHECKING:
    from prd_forge.questionnaire.flow import Interview

LABEL_FIELDS = ("id", "name", "state", "question", "role", "method", "metric")
DONE, ADD, REMOVE = "done", "add", "remove"


def label(entry: Any, index: int) -> str:
    """How an item of a list is named in menus: its id, name or state."""
    if isinstance(entry, dict):
        for key in LABEL_FIELDS:
            if entry.get(key):
                return str(entry[key])
    return f"#{index + 1}"


def short(value: Any, width: int = 50) -> str:
    """A value on one line: lists of items by their labels, long texts cut."""
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            value = ", ".join(label(entry, i) for i, entry in enumerate(value))
        else:
            value = ", ".join(str(item) for item in value)
    words = "-" if value in (None, "") else str(value).replace("\n", " ")
    return words if len(words) <= width else words[: width - 3] + "..."


def edit_list(interview: Interview, item: Question, path: Path) -> None:
    """A menu over the items: change one (field by field), add one, or go on."""
    model = item.item_model
    assert model is not None
    name = noun(model)
    while True:
        items = interview.answers.get(path) or []
        choices: list[tuple[str, Any]] = [
            (f"Change or remove: {label(entry, i)}", i) for i, entry in enumerate(items)
        ]
        choices += [(f"+ Add {with_article(name)}", ADD), ("Done", DONE)]
        interview.before_prompt()
        picked = prompts.ask_menu(f"{item.message} ({len(items)})", choices, DONE)
        if picked == DONE:
            break
        if picked == ADD:
            interview.ask_model(model, (*path, len(items)))
        else:
            edit_item(interview, model, (*path, picked))
    interview.answers.close(path)


def edit_item(interview: Interview, model: type[Model], path: Path) -> None:
    """One item: pick a field to change (asked alone), remove the item, or finish."""
    index = path[-1]
    assert isinstance(index, int)
    while True:
        entry = interview.answers.get(path) or {}
        choices: list[tuple[str, Any]] = [
            (f"{question(model, n).message}  {short(entry.get(n))}", n)
            for n in ids.ask_order(model)
        ]
        choices += [(f"Remove this {noun(model)}", REMOVE), ("Done", DONE)]
        message = f"{label(entry, index)}: pick a field to change"
        picked = prompts.ask_menu(message, choices, DONE)
        if picked == DONE:
            return
        if picked == REMOVE:
            if prompts.ask_yes_no(f"Remove {label(entry, index)}?", default=False):
                interview.answers.remove(path)
                return
            continue
        interview.ask_field(question(model, picked), (*path, picked))
