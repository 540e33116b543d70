"""The noise budget: one finding per rule per section, and at most BUDGET per rule per file.

Rules report one problem per thing they judge (a metric, a placeholder, a hollow section);
a reader wants one line per rule and section that says how many and where ("7 metrics in this
section have no numeric target: lines 12, 14, ..."). A problem that can repeat carries its
plural phrasing (`Problem.many`); problems of one rule, severity and phrasing are merged, first
within their section and concern, then, if the rule still reports more than BUDGET times in the
file, across the file. Suppression and selection run before the merge, so a merged finding
holds exactly the findings that survived them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Hashable, Sequence

from prd_forge._records import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from typing import Final

    from prd_forge.lint.results import Finding

BUDGET: Final = 5  # findings of one rule in one file before they are merged file-wide
_SHOWN: Final = 15  # items listed in a merged message before "and N more" (15 concerns)


class Item(NamedTuple):
    """A finding with what the merge needs: its plural phrasing and a short subject."""

    finding: Finding
    many: str | None  # e.g. "{count} metrics {where} have no numeric target: {items}"
    subject: str = ""  # e.g. a section's title; empty: the item is named by its line


def apply(items: Sequence[Item], section_starts: Sequence[int]) -> list[Finding]:
    """The findings of one file within the budget, sorted."""

    def section(item: Item) -> Hashable:
        # Per concern too: each missing or hollow concern keeps its own finding (and its
        # concern id in the JSON) until the rule goes over the budget.
        return (bisect_right(section_starts, item.finding.line), item.finding.concern)

    merged = _merge(items, section, "in this section")
    counts = Counter(item.finding.code for item in merged)
    over = {code for code, count in counts.items() if count > BUDGET}
    kept = [item for item in merged if item.finding.code not in over]
    # Merged file-wide from the original items, so the message lists every line.
    wide = [item for item in items if item.finding.code in over]
    kept += _merge(wide, lambda _: 0, "in this file")
    return sorted(item.finding for item in kept)


def _key(item: Item, scope: Callable[[Item], Hashable]) -> Hashable:
    finding = item.finding
    if item.many is None:
        return (id(finding),)
    return (finding.code, finding.severity, item.many, scope(item))


def _merge(items: Sequence[Item], scope: Callable[[Item], Hashable], where: str) -> list[Item]:
    groups: dict[Hashable, list[Item]] = {}
    for item in items:
        groups.setdefault(_key(item, scope), []).append(item)
    return [group[0] if len(group) == 1 else _one(group, where) for group in groups.values()]


def _one(group: list[Item], where: str) -> Item:
    """One finding standing for `group`: at its first line, listing every line."""
    group = sorted(group, key=lambda item: (item.finding.line, item.finding.column))
    first = group[0]
    assert first.many is not None
    message = first.many.format(count=len(group), where=where, items=_items(group))
    # A group of several concerns (missing sections) is filed under its first one, and lists
    # them all in `concerns` (lint --fix scaffolds each).
    about = tuple(dict.fromkeys(c for item in group for c in item.finding.about))
    concerns = about if len(about) > 1 else ()
    return Item(first.finding._replace(message=message, concerns=concerns), first.many)


def _items(group: list[Item]) -> str:
    """'Why AI' (line 17), 'Baseline' (line 19) ...; or lines 12, 14, 20 when unnamed."""
    lines = sorted({item.finding.line for item in group})
    if len({item.subject for item in group}) == 1:  # unnamed, or all named alike
        shown = ", ".join(str(line) for line in lines[:_SHOWN])
        return f"line{'s' if len(lines) > 1 else ''} {shown}{_more(len(lines))}"
    same_line = len(lines) == 1
    named = [
        f"'{item.subject}'" if same_line else f"'{item.subject}' (line {item.finding.line})"
        for item in group
    ]
    return ", ".join(named[:_SHOWN]) + _more(len(named))


def _more(count: int) -> str:
    return f" and {count - _SHOWN} more" if count > _SHOWN else ""
