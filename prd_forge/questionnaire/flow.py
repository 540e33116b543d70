"""Walking the spec model: one question per field, nested models recursed, lists as loops.

The walk asks what is not answered yet (`new`, `--resume`, `--answers`), or everything with
the saved answers as defaults (`edit`, and any answer picked on the review screen). Each answer
is stored in `Answers` at once, which saves the draft.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from prd_forge.questionnaire import editing, ids, progress, prompts, rules
from prd_forge.questionnaire.answers import Answers, Path, text
from prd_forge.questionnaire.fields import Kind, Question, noun, question, with_article
from prd_forge.questionnaire.tape import BACK_HINT
from prd_forge.spec import wording
from prd_forge.spec.model import Model, Spec, Status

Handler = Callable[["Interview", Question, Path], None]


@dataclass
class Interview:
    """The questionnaire's state: the answers, and whether answered questions are asked again."""

    answers: Answers
    revisit: bool = False
    insist: bool = False
    quick: bool = False
    position: Callable[[], str] | None = None
    section: int = 0
    handlers: Mapping[tuple[type[Model], str], Handler] = field(default_factory=dict)
    heading: str | None = None

    # --- output -------------------------------------------------------------------------------

    def announce(self, heading: str) -> None:
        """Show `heading` before the next prompt (never, when nothing is left to ask)."""
        self.heading = heading

    def before_prompt(self, question: Question | None = None, path: Path | None = None) -> None:
        if self.heading is not None:
            prompts.echo()
            for index, line in enumerate(self.heading.splitlines()):
                prompts.echo(line, bold=index == 0, dim=index > 0)
            self.heading = None
        if question is not None:
            where = [self.position()] if self.position else []
            where.append(progress.marker(question, self.answers, insist=self.insist))
            prompts.show_help(question, " · ".join([*where, BACK_HINT]))

    # --- walking ------------------------------------------------------------------------------

    def ask_model(self, model: type[Model], path: Path, skip: tuple[str, ...] = ()) -> None:
        """Every field of `model`, stored under `path`."""
        if not self.answers.has(path):
            self.answers.set(path, {})
        for name in ids.ask_order(model):
            if name not in skip:
                self.ask_field(question(model, name), (*path, name))

    def ask_field(self, item: Question, path: Path) -> None:
        """One field, by kind; special fields (cross-references, cascades) by their handler."""
        siblings = self.answers.get(path[:-1], {})
        if not rules.applies(item, siblings):
            return
        handler = self.handlers.get((item.model, item.name))
        if handler is not None:
            handler(self, item, path)
        elif item.kind is Kind.MODEL:
            assert item.item_model is not None
            if item.model is not Spec:
                self.announce(f"{item.message}  ({item.help})")
            self.ask_model(item.item_model, path)
        elif item.kind is Kind.MODEL_LIST:
            self.ask_list(item, path)
        elif item.kind is Kind.TEXT_LIST:
            self.ask_text_list(item, path)
        else:
            self.ask_scalar(item, path)

    def is_answered(self, item: Question, path: Path) -> bool:
        """Whether a stored answer stands: present, and valid (a file may hold a bad one)."""
        if self.revisit or not self.answers.has(path):
            return False
        value = self.answers.get(path)
        try:
            reason = self.extra_check(item, path)(item.validate(value))
        except ValueError as error:
            reason = str(error)
        if reason is not None:
            prompts.echo(f"  {text(path)}: {value!r} is not accepted: {reason}")
            return False
        return True

    def status(self) -> Status:
        value = self.answers.get(("feature", "status"))
        return Status(value) if value in set(Status) else Status.DRAFT

    def extra_check(self, item: Question, path: Path) -> prompts.Extra:
        """The checks `check` makes on this field's words, and a unique id among siblings."""
        status = self.status()

        def check(value: Any) -> str | None:
            reason = wording.problem(item.model, item.name, value, status)
            if reason is None and item.name == "id" and len(path) > 1:
                reason = ids.taken(value, self.answers, path)
            return reason

        return check

    def default_for(self, item: Question, path: Path) -> Any:
        if self.answers.has(path):
            return self.answers.get(path)
        suggested = self.answers.suggested.get(text(path))
        if suggested is None and item.name == "id" and len(path) > 1:
            return ids.propose(self.answers, path)
        if suggested is None and item.kind is Kind.SELECT:
            return item.model.model_fields[item.name].default  # e.g. status: draft
        return suggested

    def ask_scalar(self, item: Question, path: Path) -> None:
        if self.is_answered(item, path):
            return
        self.before_prompt(item, path)
        default = self.default_for(item, path)
        old = self.answers.get(path)
        required = self.insist or rules.required(item, self.answers)
        if item.kind is Kind.SELECT:
            value = prompts.ask_select(item, default)
        elif item.kind is Kind.CONFIRM:
            value = prompts.ask_confirm(item, default)
        elif item.kind is Kind.CHECKBOX:
            value = prompts.ask_checkbox(
                item.message, item.choices, default or (), enum_name=item.enum_name
            )
        else:
            check = self.extra_check(item, path)
            value = prompts.ask_text(item, default, required=required, extra=check)
        self.answers.set(path, value)
        rules.after(item, value, self.answers)
        if renamed := ids.rename(self.answers, item.model, item.name, old, value):
            prompts.echo(f"  Renamed '{old}' to '{value}' in {renamed} reference(s).")

    def ask_text_list(self, item: Question, path: Path) -> None:
        """Entries one by one; an empty entry ends the list (or removes a prefilled one)."""
        if not self.revisit and self.answers.is_closed(path):
            return
        self.before_prompt(item, path)
        current = list(self.answers.get(path) or [])
        required = self.insist or rules.required(item, self.answers)
        kept: list[str] = []
        if self.revisit:
            prompts.echo("  (Enter keeps an entry; clear it to remove it)", dim=True)
            for index, entry in enumerate(current):
                value = prompts.ask_list_item(item, f"{item.message} [{len(kept) + 1}]", entry)
                if value is not None:
                    kept.append(value)
                self.answers.set(path, [*kept, *current[index + 1 :]])
        else:
            kept = current
        self.answers.set(path, kept)
        while True:
            first = not kept
            message = item.message if first else f"{item.message} [{len(kept) + 1}]"
            value = prompts.ask_list_item(
                item,
                message,
                required=required and first,
                instruction=LIST_HINT if first else None,
            )
            if value is None:
                break
            kept.append(value)
            self.answers.set(path, kept)
        self.answers.close(path)

    def ask_list(self, item: Question, path: Path) -> None:
        """A repeating group: each item's fields, then 'add another?'."""
        model = item.item_model
        assert model is not None
        if self.revisit:
            self.edit_list(item, path)
            return
        items = self.answers.get(path) or []
        if not self.answers.has(path):
            self.answers.set(path, [])
        for index in range(len(items)):
            self.ask_model(model, (*path, index))
        if self.answers.is_closed(path):
            return
        self.announce_list(item)
        while self.add_another(item, path):
            self.ask_model(model, (*path, len(self.answers.get(path))))
        self.answers.close(path)

    def announce_list(self, item: Question) -> None:
        if self.heading is None:
            self.announce(f"{item.message}  ({item.help})")
        else:
            self.heading += f"\n{item.message}: {item.help}"

    def add_another(self, item: Question, path: Path) -> bool:
        assert item.item_model is not None
        name = noun(item.item_model)
        count = len(self.answers.get(path) or [])
        self.before_prompt()
        if count == 0:
            return prompts.ask_yes_no(f"Add {with_article(name)}?", default=True)
        return prompts.ask_yes_no(f"Add another {name}? ({count} so far)", default=False)

    def edit_list(self, item: Question, path: Path) -> None:
        editing.edit_list(self, item, path)

    def ask_path(self, path: Path) -> None:
        """The question at `path` (a gap, or an answer picked on the review screen)."""
        model: type[Model] | None = Spec
        for key in path[:-1]:
            if isinstance(key, str) and model is not None:
                known = key in model.model_fields
                model = question(model, key).item_model if known else None
        last = path[-1]
        if model is None or not (isinstance(last, int) or last in model.model_fields):
            prompts.echo(f"  {text(path)}: not a question of the spec; fix it in the file")
            return
        if isinstance(last, int):
            self.ask_model(model, path)
        else:
            self.ask_field(question(model, last), path)


LIST_HINT = "(one at a time; an empty answer goes on)"
