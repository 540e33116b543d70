"""Stakes: answers that make a concern required, or ask more of it, as each concern says
(`Concern.raised_by`): an unacceptable failure mode makes human oversight and the
human-review UX state required."""

from __future__ import annotations

from typing import Any

from prd_forge import concerns
from prd_forge.concerns import Raise
from prd_forge.spec.model import REQUIRED_UX_STATES, Spec, UxStateName


def human_review_required(spec: Spec) -> bool:
    """Whether stakes make the human-review state and human oversight mandatory."""
    return "human-oversight" in raised(spec)


def required_ux_states(spec: Spec) -> tuple[UxStateName, ...]:
    """The UX states this spec must describe."""
    if human_review_required(spec):
        return (*REQUIRED_UX_STATES, UxStateName.HUMAN_REVIEW)
    return REQUIRED_UX_STATES


def raised(spec: Spec) -> frozenset[str]:
    """The concerns whose stakes earlier answers raised (`Concern.raised_by` says which)."""
    return frozenset(
        concern.id
        for concern in concerns.current()
        if any(_answered(spec, said) for said in concern.raised_by)
    )


def _answered(spec: Spec, said: Raise) -> bool:
    """Whether an item of the list at `said.items` gives `said.value` for `said.field`."""
    items: Any = spec
    for name in said.items.split("."):
        items = getattr(items, name)
    return any(getattr(item, said.field) == said.value for item in items)
