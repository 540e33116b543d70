"""What a view can take from the answers, and who must supply what the answers do not hold.

Every view lists, in its own section, each item it cannot fill: items no PRD holds (the
architecture, the declaration of conformity...) with the role that owns them, and in a draft
each gap of the spec itself, owned by the spec's owner. Nothing is left silently blank.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from prd_forge.spec.completeness import find_gaps
from prd_forge.spec.model import Spec

SPEC_OWNER = "the spec owner"


@dataclass(frozen=True)
class Unsupplied:
    """One item a view needs and the answers do not hold, and who must supply it."""

    item: str
    role: str

    def as_dict(self) -> dict[str, str]:
        return {"item": self.item, "role": self.role}


def owner(spec: Spec) -> str:
    """The role that answers the spec's own gaps: its owner, by name when the spec gives one."""
    return f"{SPEC_OWNER} ({spec.feature.owner})" if spec.feature.owner else SPEC_OWNER


def spec_gaps(spec: Spec) -> list[Unsupplied]:
    """Each gap of the spec (a draft's), as an item its owner must still answer."""
    role = owner(spec)
    return [Unsupplied(f"{gap.path}: {gap.message}", role) for gap in find_gaps(spec)]


def _present(value: Any) -> bool:
    return value is not None and value != [] and value != ""


def _answered(value: Any, parts: list[str]) -> bool:
    if not parts:
        return _present(value)
    part, rest = parts[0], parts[1:]
    if part.endswith("[]"):
        items = getattr(value, part[:-2], None) or []
        return any(_answered(item, rest) for item in items)
    return _answered(getattr(value, part, None), rest)


def answered(spec: Spec, path: str) -> bool:
    """Whether the answers hold something at a dotted path such as `failure_modes.modes`.

    `name[]` steps into every item of a list: `data_sources[].basis` is answered when any data
    source states its basis. Absent values, empty lists and empty text are not answers.
    """
    return _answered(spec, path.split("."))


def unsupplied(spec: Spec, beyond_the_prd: tuple[tuple[str, str], ...]) -> list[Unsupplied]:
    """The view's fixed items no PRD holds, then the spec's own gaps."""
    return [Unsupplied(item, role) for item, role in beyond_the_prd] + spec_gaps(spec)
