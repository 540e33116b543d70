"""Back one question: every prompt's answer goes on a tape, and "back" replays all but the last.

Prompt libraries have no back key (questionary #81), and the walk is a recursion, not a list
of questions. So going back restores the answers to where the walk started, then runs the walk
again: the prompts answered before the last one take their answers from the tape without
showing anything, and the last one is asked again with its previous answer as the default.
The walk is deterministic given its answers, so the replay lands on the same question.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.key_binding.key_processor import KeyPressEvent
from questionary import Question

from prd_forge.questionnaire.answers import Answers

BACK_KEY = "c-b"
BACK_HINT = "Ctrl-B: back one question"
NOTHING = object()

T = TypeVar("T")


class GoBack(Exception):
    """The PM pressed the back key at a prompt."""


@dataclass
class Tape:
    """The answers given to the prompts of the current walk, in order."""

    entries: list[Any] = field(default_factory=list)
    position: int = 0
    replay_to: int = 0
    pending: Any = NOTHING
    active: bool = False

    @property
    def replaying(self) -> bool:
        return self.position < self.replay_to

    def next(self) -> Any:
        """The recorded answer while replaying, else NOTHING (ask the PM)."""
        if not self.replaying:
            return NOTHING
        value = self.entries[self.position]
        self.position += 1
        return value

    def default(self, given: Any) -> Any:
        """The default of the prompt asked live: the answer given before going back, if any."""
        value, self.pending = self.pending, NOTHING
        return given if value is NOTHING else value

    def record(self, value: T) -> T:
        self.entries[self.position :] = [value]
        self.position += 1
        return value

    def rewind(self) -> bool:
        """Drop the last answer and replay the rest; False when there is nothing to go back to."""
        if not self.entries:
            return False
        self.pending = self.entries.pop()
        self.replay_to = len(self.entries)
        self.position = 0
        return True


TAPE = Tape()


def with_back(question: Question) -> Question:
    """The prompt, with the back key bound (ahead of the prompt's own use of the key)."""
    bindings = KeyBindings()

    @bindings.add(BACK_KEY, eager=True)
    def _back(event: KeyPressEvent) -> None:
        event.app.exit(exception=GoBack(), style="class:aborting")

    application = question.application
    application.key_bindings = merge_key_bindings(
        [application.key_bindings or KeyBindings(), bindings]
    )
    return question


def walk_with_back(answers: Answers, walk: Callable[[], T], say: Callable[[str], None]) -> T:
    """Run `walk`; on the back key, restore the answers and replay up to the previous prompt.

    A walk inside a walk (a gap filled from the review) shares the outer tape.
    """
    if TAPE.active:
        return walk()
    saved = _state(answers)
    TAPE.entries, TAPE.position, TAPE.replay_to, TAPE.pending = [], 0, 0, NOTHING
    TAPE.active = True
    try:
        while True:
            try:
                return walk()
            except GoBack:
                if not TAPE.rewind():
                    say("  (this is the first question: there is nothing to go back to)")
                    TAPE.position = 0
                _restore(answers, saved)
    finally:
        TAPE.entries, TAPE.position, TAPE.replay_to, TAPE.pending = [], 0, 0, NOTHING
        TAPE.active = False


def asked(build: Callable[[Any], Question], default: Any) -> Any:
    """One prompt: replayed from the tape, or built with its default, asked and recorded."""
    replayed = TAPE.next()
    if replayed is not NOTHING:
        return replayed
    answer = with_back(build(TAPE.default(default))).unsafe_ask()
    return TAPE.record(answer)


def _state(answers: Answers) -> tuple[Any, ...]:
    return copy.deepcopy((answers.data, answers.closed, answers.suggested))


def _restore(answers: Answers, saved: tuple[Any, ...]) -> None:
    answers.data, answers.closed, answers.suggested = copy.deepcopy(saved)
    answers.on_change(answers)
