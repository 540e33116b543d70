"""Output formats: pure functions from a RunResult to text, chosen from one mapping.

Every machine format is built from the same records (FileReport and its Finding rows, plus
InputProblem rows for files that could not be read); none of them decides severity.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from prd_forge.lint.run import RunResult


@dataclass(frozen=True, slots=True)
class Options:
    color: bool = False
    summary: bool = False


Formatter = Callable[[RunResult, Options], str]


def _load() -> Mapping[str, Formatter]:
    from prd_forge.lint.formats import github, json_format, junit, sarif, text

    return MappingProxyType(
        {
            "text": text.render,
            "json": json_format.render,
            "sarif": sarif.render,
            "github": github.render,
            "junit": junit.render,
        }
    )


NAMES: Final = ("text", "json", "sarif", "github", "junit")


def get(name: str) -> Formatter:
    """The formatter called `name` (one of NAMES)."""
    return _load()[name]
