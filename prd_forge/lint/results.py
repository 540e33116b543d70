"""What lint says about a file: Finding and FileReport, and the severities they carry.

Stdlib only, apart from the vocabulary in prd_forge.terms: a run answered entirely from the
result cache builds these and prints them without importing the parser or the analysis
(lint/engine.py makes them; lint/run.py and the formats read them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from prd_forge.terms import CoverageState

ERROR: Final = "error"
WARNING: Final = "warning"
INFO: Final = "info"
SEVERITIES: Final = (ERROR, WARNING, INFO)
SEVERITY_RANK: Final = {INFO: 0, WARNING: 1, ERROR: 2}


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in one file; sorts by path, then line, column and code."""

    path: str
    line: int
    column: int
    code: str
    name: str
    concern: str
    severity: str
    message: str
    # Every concern a finding merged by the noise budget stands for (lint/budget.py), the first
    # being `concern`; empty for a finding about one concern. Not part of its identity.
    concerns: tuple[str, ...] = field(default=(), compare=False)

    @property
    def about(self) -> tuple[str, ...]:
        """The concerns this finding is about."""
        return self.concerns or (self.concern,)


@dataclass(frozen=True)
class FileReport:
    """What lint says about one file.

    coverage maps every concern id (catalogue and the team's own) to present, partial, hollow
    or missing.
    """

    path: str
    ai: bool
    coverage: dict[str, CoverageState]
    findings: tuple[Finding, ...]


def fails(report: FileReport, level: str) -> bool:
    """Whether any finding is at or above the fail level."""
    floor = SEVERITY_RANK[level]
    return any(SEVERITY_RANK[f.severity] >= floor for f in report.findings)
