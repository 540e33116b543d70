"""Selectors (rule codes, code prefixes, rule names, concern ids, ALL): which are real, and
the nearest real one to suggest when a selector is not."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from prd_forge.lint.rules import REGISTRY, find

_PREFIX = re.compile(r"^PRD\d{0,2}$", re.IGNORECASE)


def known(selector: str, concerns: Iterable[str]) -> bool:
    """Whether the selector names something: a rule, a prefix some rule has, a concern, ALL."""
    upper = selector.upper()
    if upper == "ALL" or selector in set(concerns) or find(selector) is not None:
        return True
    return _PREFIX.match(selector) is not None and any(
        rule.code.startswith(upper) for rule in REGISTRY
    )


def nearest(word: str, candidates: Iterable[str]) -> str | None:
    """The closest candidate by spelling (case-insensitive), if any is close enough."""
    by_folded = {candidate.casefold(): candidate for candidate in candidates}
    close = difflib.get_close_matches(word.casefold(), by_folded, n=1, cutoff=0.6)
    return by_folded[close[0]] if close else None


def unknown_message(selector: str, concerns: Iterable[str]) -> str:
    """`unknown rule or concern 'X'; did you mean 'Y'?` (or where to look when nothing is near)."""
    names = [*(r.code for r in REGISTRY), *(r.name for r in REGISTRY), *concerns]
    guess = nearest(selector, names)
    hint = f"did you mean {guess!r}?" if guess else "see `prd-forge rules` for codes and names"
    return f"unknown rule or concern {selector!r}; {hint}"
