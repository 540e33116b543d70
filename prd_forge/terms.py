"""Words shared by lint, the render guard, `diff`, `template check` and check's report:
coverage states, severities and stages.

Stdlib only: the lint path imports this module.
"""

from __future__ import annotations

from enum import StrEnum

from prd_forge._records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Final


class CoverageState(StrEnum):
    """How well a document covers one concern, from best to worst.

    The values are public (JSON output, `--summary`, `diff`); a StrEnum compares equal to its
    value, so `state == "present"` keeps working for readers of the JSON.
    """

    PRESENT = "present"
    PARTIAL = "partial"
    HOLLOW = "hollow"
    MISSING = "missing"

    @property
    def rank(self) -> int:
        """0 for missing up to 3 for present: a higher rank is better coverage."""
        return _RANK[self]

    @property
    def covered(self) -> bool:
        """Whether the concern counts as covered: present or partial."""
        return self in (CoverageState.PRESENT, CoverageState.PARTIAL)


_RANK: Final = {
    CoverageState.MISSING: 0,
    CoverageState.HOLLOW: 1,
    CoverageState.PARTIAL: 2,
    CoverageState.PRESENT: 3,
}

COVERAGE_STATES: Final = tuple(CoverageState)
"""Every coverage state, best first (present, partial, hollow, missing)."""


class Severity(StrEnum):
    """How much a finding matters, from worst to least.

    The values are public (every output format, config's `severity` and `fail-level`).
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for info up to 2 for error: a higher rank matters more."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK: Final = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}

SEVERITIES: Final = tuple(Severity)
"""Every severity, worst first (error, warning, info)."""


class Stage(StrEnum):
    """How finished a document (or an answers file) should be: what lint and check demand."""

    DRAFT = "draft"
    REVIEW = "review"
    LAUNCH = "launch"

    @classmethod
    def of_status(cls, status: str) -> Stage | None:
        """The stage a front-matter or spec status implies ("approved" is launch); None for
        a status prd-forge does not know."""
        return _STATUS_STAGE.get(status.strip().lower())


_STATUS_STAGE: Final = {
    "draft": Stage.DRAFT,
    "wip": Stage.DRAFT,
    "review": Stage.REVIEW,
    "in review": Stage.REVIEW,
    "approved": Stage.LAUNCH,
    "launch": Stage.LAUNCH,
    "launched": Stage.LAUNCH,
}

STAGES: Final = tuple(stage.value for stage in Stage)
"""Every stage's name, least finished first (the choices of `--stage`)."""
