"""What coverage reads from the concern registry, built once per registry.

A `functools.cache` keyed by the registry hashes every concern (a NamedTuple of tuples)
on each call: thousands of calls per corpus. The registry only changes when a test registers a
throwaway concern, so the facts are kept per registry object, found by identity.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from prd_forge import concerns as registry
from prd_forge._records import TYPE_CHECKING, NamedTuple
from prd_forge.concerns import Concern, TableSign
from prd_forge.lint import phrases
from prd_forge.lint._re import Caseless, LazyPattern, lazy

if TYPE_CHECKING:
    from typing import Final

_KEPT: Final = 4  # registries remembered at once (tests swap in a few)


class Known(NamedTuple):
    """The registry's facts that coverage asks about, by concern id.

    settled: one sentence of evidence settles them, wherever it stands.
    current: about the state today: a figure in a sentence that sets a target does not settle
        them.
    measured: a sentence settles them when it gives a figure.
    referenced: their entries are named by id (a fallback table names fallbacks).
    signs: the table signs of each concern, in registry order.
    completion: what a section must show to be complete, where the concern says.
    kinds: for a concern made of kinds (UX states), one pattern per kind.
    in_one: for a concern one paragraph can answer, how many kinds it must name.
    """

    scanner: phrases.Scanner
    settled: frozenset[str]
    current: frozenset[str]
    measured: frozenset[str]
    referenced: frozenset[str]
    signs: Mapping[str, tuple[TableSign, ...]]
    completion: Mapping[str, Caseless]
    kinds: Mapping[str, tuple[LazyPattern, ...]]
    in_one: Mapping[str, int]


_built: dict[int, tuple[tuple[Concern, ...], Known]] = {}


def known() -> Known:
    """The facts of the current registry."""
    concerns = registry.current()
    kept = _built.get(id(concerns))
    if kept is None or kept[0] is not concerns:
        if len(_built) >= _KEPT:
            _built.pop(next(iter(_built)))
        kept = _built[id(concerns)] = (concerns, _build(concerns))
    return kept[1]


def _build(concerns: tuple[Concern, ...]) -> Known:
    return Known(
        phrases.Scanner(phrases.evidence(c.id, c.evidence) for c in concerns if c.evidence),
        frozenset(c.id for c in concerns if c.settles),
        frozenset(c.id for c in concerns if c.current),
        frozenset(c.id for c in concerns if c.measured),
        frozenset(c.id for c in concerns if c.referenced),
        {c.id: tuple(c.tables) for c in concerns},
        {c.id: Caseless("|".join(c.complete), re.MULTILINE) for c in concerns if c.complete},
        {c.id: tuple(lazy(kind, re.IGNORECASE) for kind in c.kinds) for c in concerns if c.kinds},
        {c.id: c.kinds_in_one for c in concerns if c.kinds and c.kinds_in_one},
    )
