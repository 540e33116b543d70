"""Lint any Markdown PRD for missing and hollow risk sections.

The public API (used by the renderer's omission guard, the CLI and tests):
`lint_text(text, path=, config=, stage=) -> FileReport`, `FileReport`, `Finding`, `Config`.
"""

from prd_forge.lint.config import Config, ConfigError
from prd_forge.lint.engine import FileReport, Finding, fails, lint_text

__all__ = ["Config", "ConfigError", "FileReport", "Finding", "fails", "lint_text"]
