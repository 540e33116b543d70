"""Ending a questionnaire without losing what was typed: Ctrl-C, SIGTERM and SIGHUP.

SIGTERM and SIGHUP (a closed terminal, `kill`) are turned into `Terminated`, a kind of
KeyboardInterrupt, so they take Ctrl-C's path: the draft is saved with the answer being typed,
the resume hint is shown, and the exit code is 128 + the signal (143, 129), as a shell reports.

The text in the prompt when it was interrupted is kept in `TYPED`; the draft stores it, and a
resumed run offers it as the default of the same question.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType

from prd_forge.commands._common import EXIT_INTERRUPTED

_CAUGHT = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class Terminated(KeyboardInterrupt):
    """The process got SIGTERM or SIGHUP while asking."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def exit_code(error: BaseException) -> int:
    """128 + the signal for SIGTERM/SIGHUP, 130 for Ctrl-C (and end of input)."""
    return 128 + error.signum if isinstance(error, Terminated) else EXIT_INTERRUPTED


def what(error: BaseException) -> str:
    """How the run ended, as the first word of the message."""
    return f"Stopped by {error}" if isinstance(error, Terminated) else "Interrupted"


def _raise(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signum)


@contextmanager
def signals_as_interrupts() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise Terminated; the old handlers come back after."""
    old = {signum: signal.signal(signum, _raise) for signum in _CAUGHT}
    try:
        yield
    finally:
        for signum, handler in old.items():
            signal.signal(signum, handler)


@dataclass
class TypedText:
    """The text of an interrupted prompt (question, text), and texts to offer on resume."""

    pending: tuple[str, str] | None = None
    resumed: dict[str, str] = field(default_factory=dict)

    def keep(self, message: str, text: str) -> None:
        self.pending = (message, text) if text.strip() else None

    def default(self, message: str, default: str) -> str:
        """The text typed before an interrupt for this question, once; else `default`."""
        return self.resumed.pop(message, default)


TYPED = TypedText()
