"""What lint says about a file: Finding and FileReport.

Stdlib only, apart from the vocabulary in prd_forge.terms: a run answered entirely from the
result cache builds these and prints them without importing the parser or the analysis
(lint/engine.py makes them; lint/run.py and the formats read them).
"""

from __future__ import annotations

from prd_forge._records import NamedTuple
from prd_forge.terms import CoverageState, Severity


class Finding(NamedTuple):
    """One problem in one file; sorts by path, then line, column and code."""

    path: str
    line: int
    column: int
    code: str
    name: str
    concern: str
    severity: Severity
    message: str
    # Every concern a finding merged by the noise budget stands for (lint/budget.py), the first
    # being `concern`; empty for a finding about one concern.
    concerns: tuple[str, ...] = ()

    @property
    def about(self) -> tuple[str, ...]:
        """The concerns this finding is about."""
        return self.concerns or (self.concern,)


class FileReport(NamedTuple):
    """What lint says about one file.

    coverage maps every concern id (catalogue and the team's own) to present, partial, hollow
    or missing.
    """

    path: str
    ai: bool
    coverage: dict[str, CoverageState]
    findings: tuple[Finding, ...]


def fails(report: FileReport, level: str) -> bool:
    """Whether any finding is at or above the fail level (a Severity or its name)."""
    floor = Severity(level).rank
    return any(f.severity.rank >= floor for f in report.findings)
