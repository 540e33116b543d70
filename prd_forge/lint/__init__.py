"""Lint any Markdown PRD for missing and hollow risk sections.

The public API (used by the renderer's omission guard, the CLI and tests):
`lint_text(text, path=, config=, stage=) -> FileReport`, `FileReport`, `Finding`, `Config`.

Importing this package is cheap: the engine (parser, analysis, rules) is imported when
`lint_text` is first asked for, so a run answered from the result cache never loads it.
"""

from __future__ import annotations

from prd_forge._records import TYPE_CHECKING
from prd_forge.lint.config import Config, ConfigError
from prd_forge.lint.results import FileReport, Finding, fails

if TYPE_CHECKING:
    from typing import Any

    from prd_forge.lint.engine import lint_text

__all__ = ["Config", "ConfigError", "FileReport", "Finding", "fails", "lint_text"]


def __getattr__(name: str) -> Any:
    if name == "lint_text":
        from prd_forge.lint.engine import lint_text

        return lint_text
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
