"""Output formats: pure functions from a RunResult to text, chosen from one mapping.

Every machine format is built from the same records (FileReport and its Finding rows, plus
InputProblem rows for files that could not be read); none of them decides severity.
"""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType

from prd_forge._records import TYPE_CHECKING, NamedTuple
from prd_forge.lint.run import RunResult
from prd_forge.terms import Severity

if TYPE_CHECKING:
    from typing import Final


class RuleInfo(NamedTuple):
    """What SARIF tells code scanning about one rule: lint's, or a code of another command
    that reports through these formats (`check`'s SPEC001-SPEC004)."""

    code: str
    name: str
    summary: str
    why: str
    anchor: str
    severity: Severity
    tags: tuple[str, ...]
    help_uri: str
    help_markdown: str


class Options(NamedTuple):
    color: bool = False
    summary: bool = False
    quiet: bool = False  # text: no tally line
    statistics: bool = False  # text: counts by rule instead of the findings
    sarif_category: str | None = None  # SARIF automationDetails.id; none: the uploader's
    base_path: str | None = None  # SARIF and gitlab paths are relative to it (default: git root)
    rules: tuple[RuleInfo, ...] = ()  # SARIF's rule table; empty: lint's rules


Formatter = Callable[[RunResult, Options], str]


# name -> module defining `render`; a format's module (json, hashlib, xml) is imported only
# when that format is asked for, to keep the lint path's start-up small.
FORMATS: Final = MappingProxyType(
    {
        "text": "prd_forge.lint.formats.text",
        "json": "prd_forge.lint.formats.json_format",
        "sarif": "prd_forge.lint.formats.sarif",
        "github": "prd_forge.lint.formats.github",
        "junit": "prd_forge.lint.formats.junit",
        "gitlab": "prd_forge.lint.formats.gitlab",
    }
)
NAMES: Final = tuple(FORMATS)


def get(name: str) -> Formatter:
    """The formatter called `name` (one of NAMES)."""
    # __import__, not importlib.import_module: importing importlib (and warnings) would cost
    # a warm run more than the module it finds
    render: Formatter = __import__(FORMATS[name], fromlist=("render",)).render
    return render
