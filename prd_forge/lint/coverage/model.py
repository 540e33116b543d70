"""How well one concern is covered, and how two findings of it compare."""

from __future__ import annotations

from prd_forge._records import TYPE_CHECKING, NamedTuple
from prd_forge.terms import COVERAGE_STATES, CoverageState

if TYPE_CHECKING:
    from typing import Final

MISSING: Final = CoverageState.MISSING
HOLLOW: Final = CoverageState.HOLLOW
PARTIAL: Final = CoverageState.PARTIAL
PRESENT: Final = CoverageState.PRESENT
RANK: Final = {state: state.rank for state in CoverageState}
STATES: Final = COVERAGE_STATES
OPEN_QUESTIONS: Final = "open-questions"


class Coverage(NamedTuple):
    """How one concern is covered.

    line: where findings about it point (its best section's heading, else the title).
    sections: indices of the sections whose headings name it.
    via: "heading", "table", "text" or "" (missing).
    detail: for hollow or partial, what is wrong ("placeholder", "N/A without a reason", ...).
    """

    concern: str
    state: CoverageState
    line: int
    sections: tuple[int, ...] = ()
    via: str = ""
    detail: str = ""


def at_most(found: Coverage, state: CoverageState) -> Coverage:
    if RANK[found.state] <= RANK[state]:
        return found
    return Coverage(found.concern, state, found.line, found.sections, found.via, found.detail)


def better(a: Coverage | None, b: Coverage | None) -> Coverage | None:
    if a is None:
        return b
    if b is None:
        return a
    return b if RANK[b.state] > RANK[a.state] else a
