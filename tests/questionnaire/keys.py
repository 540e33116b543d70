"""Keystrokes and a pipe-input harness for driving the real prompts (no mocks)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

ENTER = "\r"
DOWN = "\x1b[B"
UP = "\x1b[A"
SPACE = " "
CTRL_C = "\x03"
BACKSPACE = "\x7f"
CTRL_U = "\x15"  # clears the prefilled default of a text prompt
ESC_ENTER = "\x1b\r"  # submits a multi-line text

T = TypeVar("T")


def run_with_keys(function: Callable[[], T], *keys: str) -> T:
    """Run `function` with every prompt inside it reading `keys` from a closed pipe.

    The pipe is closed after the keys are sent, so a test that sends too few keys fails with
    EOFError at once instead of hanging.
    """
    with create_pipe_input() as pipe:
        for chunk in keys:
            pipe.send_text(chunk)
        pipe.close()
        with create_app_session(input=pipe, output=DummyOutput()):
            return function()


def line(text: str) -> str:
    """A one-line answer."""
    return text + ENTER


def block(text: str) -> str:
    """A multi-line answer (Esc then Enter submits)."""
    return text + ESC_ENTER
