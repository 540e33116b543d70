"""The omission guard: which required concerns a rendered PRD drops or leaves hollow.

A required concern passes when the PRD has a section of its own for it (a heading naming it)
and lint, judging that section alone, finds it neither missing nor hollow. Lint's own analysis
decides both, so the guard and lint cannot disagree about a heading. Judging the section alone
matters: in a whole document lint rightly credits a risk table's Fallback column as covering
fallbacks, but a template that renders one section per concern must not get away with an empty
or "TBD" Fallbacks section that way.
"""

from __future__ import annotations

from collections.abc import Iterable

from prd_forge import concerns as registry
from prd_forge.lint.engine import analyse_text
from prd_forge.terms import CoverageState

MISSING = CoverageState.MISSING
HOLLOW = CoverageState.HOLLOW


def uncovered(text: str, concerns: Iterable[str] | None = None) -> list[tuple[str, CoverageState]]:
    """(concern id, missing or hollow) for each required concern `text` does not cover.

    `concerns` limits the check (a draft skips the concerns its gaps already explain).
    """
    own = analyse_text(text).own
    wanted = concerns if concerns is not None else registry.ids()
    problems: list[tuple[str, CoverageState]] = []
    for concern in wanted:
        if not registry.get(concern).required:
            continue
        found = own.get(concern)
        if found is None:
            problems.append((concern, MISSING))
        elif not found.state.covered:
            problems.append((concern, HOLLOW))
    return problems
