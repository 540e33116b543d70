"""Words shared by lint, the render guard, `diff`, `template check` and check's report.

Stdlib only: the lint path imports this module.
"""

from __future__ import annotations

from enum import StrEnum
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
