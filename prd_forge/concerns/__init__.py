"""The concerns an AI-feature spec must address, one module each, and their registry.

Everything prd-forge does is a view of this registry: the questionnaire walks it, the spec
model's completeness checks apply it to structured answers, the renderer writes one section per
concern, and lint (with the render guard and `template check`, which use lint's analysis) looks
for each concern in Markdown by its headings, its body evidence and its tables.

A concern's module holds everything known about it (see `base.Concern`). Adding a concern is
adding a module, listing it in `_MODULES`, and writing its template partial and its checks.
Standard library only: the lint path loads this cheaply. Ids are public: add, never rename.
"""

from __future__ import annotations

from prd_forge._records import TYPE_CHECKING
from prd_forge.concerns.base import Concern, GapMessage, Level, Placeholder, Raise, TableSign

if TYPE_CHECKING:
    from typing import Final

__all__ = [
    "Concern",
    "GapMessage",
    "Level",
    "Placeholder",
    "Raise",
    "TableSign",
    "applicable",
    "by_id",
    "current",
    "get",
    "ids",
    "registered",
]

# The registry, in the order sections are asked, rendered and reported.
_MODULES: Final = (
    "problem",
    "ai_fit",
    "scope",
    "baseline",
    "error_cost",
    "data",
    "metrics",
    "evaluation",
    "fallbacks",
    "ux_states",
    "human_oversight",
    "monitoring",
    "rollout",
    "privacy",
    "open_questions",
)

# __import__, not importlib.import_module, and `registered` is a class, not a contextlib
# generator: the lint path imports neither importlib nor contextlib for them
_registry: tuple[Concern, ...] = tuple(
    __import__(f"{__name__}.{name}", fromlist=("CONCERN",)).CONCERN for name in _MODULES
)


def current() -> tuple[Concern, ...]:
    """Every registered concern, in registry order."""
    return _registry


def ids() -> tuple[str, ...]:
    return tuple(concern.id for concern in _registry)


def by_id() -> dict[str, Concern]:
    return {concern.id: concern for concern in _registry}


def get(concern_id: str) -> Concern:
    """The concern with this id; KeyError names the valid ids."""
    for concern in _registry:
        if concern.id == concern_id:
            return concern
    raise KeyError(f"unknown concern {concern_id!r}; known: {', '.join(ids())}")


def applicable(*, ai: bool) -> tuple[Concern, ...]:
    """The concerns that apply to a feature that does (or does not) use a model."""
    return tuple(c for c in _registry if ai or not c.ai_only)


def registered(*extra: Concern) -> _Registered:
    """The registry with `extra` concerns added, for as long as the `with` block runs.

    For trying a concern out (and for the test that a new concern needs no other module
    edited): every reader that asks `current()` sees it.
    """
    return _Registered(extra)


class _Registered:
    """`with registered(...)`: adds the concerns on entering, restores the registry on exit."""

    def __init__(self, extra: tuple[Concern, ...]) -> None:
        self.extra = extra
        self.saved: tuple[Concern, ...] = ()

    def __enter__(self) -> tuple[Concern, ...]:
        global _registry
        self.saved = _registry
        taken = {concern.id for concern in self.saved}
        clash = [concern.id for concern in self.extra if concern.id in taken]
        if clash:
            raise ValueError(f"concern ids already registered: {', '.join(clash)}")
        _registry = (*self.saved, *self.extra)
        return _registry

    def __exit__(self, *exc: object) -> None:
        global _registry
        _registry = self.saved
