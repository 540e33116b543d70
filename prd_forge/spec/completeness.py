"""Completeness beyond types: what an AI feature spec must say, as gaps with field paths.

`find_gaps(spec)` lists every gap, whatever the status. `blocking(spec, gaps)` applies the
status rule: a draft may leave a required item open only by recording it as an open question
(`blocks:` naming the concern or the field path); review, approved and launched accept no gap
in a required concern. Gaps in recommended concerns block only from `approved` on (as lint's
launch stage requires every concern), open questions never; the rest are shown as warnings.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from prd_forge import concerns
from prd_forge.spec.checks import checks_for, wording_gaps
from prd_forge.spec.gap import Gap
from prd_forge.spec.model import Spec, Status

__all__ = [
    "Gap",
    "blocking",
    "deferring_question",
    "find_gaps",
    "recorded_as_open_question",
    "required_at",
    "summary",
]


def find_gaps(spec: Spec) -> list[Gap]:
    """Every gap in the spec, in registry order, whatever its status."""
    registry = concerns.current()
    order = {concern.id: index for index, concern in enumerate(registry)}
    found = [gap for concern in registry for check in checks_for(concern) for gap in check(spec)]
    gaps = found + list(wording_gaps(spec))
    return sorted(gaps, key=lambda gap: order[gap.concern])


def recorded_as_open_question(spec: Spec, gap: Gap) -> bool:
    """Whether an open question names the gap's concern or a prefix of its field path."""
    return deferring_question(spec, gap) is not None


def deferring_question(spec: Spec, gap: Gap) -> int | None:
    """The index of the first open question that records `gap`, if any."""
    for index, item in enumerate(spec.open_questions):
        blocks = item.blocks
        if blocks and (blocks == gap.concern or _path_within(gap.path, blocks)):
            return index
    return None


def _path_within(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith((prefix + ".", prefix + "["))


# Statuses at which every concern but open questions is required, as lint's launch stage
# (the strict preset) requires them: an approved PRD has decided its privacy sign-offs too.
_STRICT: Final = frozenset({Status.APPROVED, Status.LAUNCHED})


def required_at(spec: Spec, gap: Gap) -> bool:
    """Whether `gap`'s concern is required at the spec's status."""
    strict = spec.feature.status in _STRICT and gap.concern != "open-questions"
    return gap.required or strict


def blocking(spec: Spec, gaps: Sequence[Gap]) -> list[Gap]:
    """The gaps that make the spec incomplete at its status."""
    draft = spec.feature.status is Status.DRAFT
    return [
        gap
        for gap in gaps
        if required_at(spec, gap) and not (draft and recorded_as_open_question(spec, gap))
    ]


def summary(spec: Spec) -> dict[str, Any]:
    """Counts for reports: gaps, blocking gaps, and the concerns with a gap."""
    gaps = find_gaps(spec)
    blockers = blocking(spec, gaps)
    return {
        "gaps": len(gaps),
        "blocking": len(blockers),
        "concerns": sorted({gap.concern for gap in gaps}),
    }
