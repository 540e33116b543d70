"""Numeric conditions in free text: `Policy accuracy >= 0.97 on Golden tickets v3`.

Launch criteria, alert thresholds and rollback triggers are sentences; the parts a machine can
check are `<metric> <comparator> <number>[%]` clauses (or `0 <things>`, meaning none of them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

COMPARATORS = {">=": ">=", "<=": "<=", "≥": ">=", "≤": "<=", ">": ">", "<": "<"}
_NUMBER = r"-?\d[\d,]*(?:\.\d+)?"
_CLAUSE = re.compile(rf"(?P<cmp>>=|<=|≥|≤|>|<)\s*(?P<num>{_NUMBER})\s*(?P<unit>%)?")
# Words that end the metric's name on its left, or the clause's tail on its right.
_BOUNDARY = re.compile(r",|;|\(|\)|\band\b|\bor\b|\bwith\b|\bon\b|\bin\b|\bat\b|\bfor\b", re.I)
_ZERO = re.compile(r"^\s*0\s+(?P<name>[^,;]+?)(?:\s+(?:on|across)\s+(?P<tail>.*))?$")
_EVERY_SLICE = re.compile(r"\bin every (?P<slice>[\w -]+?) slice\b", re.I)
_ON = re.compile(r"\bon (?:the )?(?P<set>.+?)(?=\s+in every\b|\s+with\b|,|;|$)", re.I)
# `n >= 50` states a minimum sample size, not a promise about the metric.
_SAMPLE_SIZE = frozenset({"n", "size", "sample size"})


@dataclass(frozen=True)
class Clause:
    """`metric comparator value unit`, with the set it is `on` and a slice named `in every`."""

    metric: str
    comparator: str
    value: float
    unit: str | None
    on: str | None
    every_slice: str | None


def number(text: str) -> float:
    """`5,000` -> 5000.0; raises ValueError for anything else that is not a number."""
    return float(text.replace(",", ""))


def holds(value: float, comparator: str, target: float) -> bool:
    """Whether `value comparator target` is true."""
    return {
        ">=": value >= target,
        "<=": value <= target,
        ">": value > target,
        "<": value < target,
    }[comparator]


def _name_before(text: str, end: int) -> str:
    start = 0
    for boundary in _BOUNDARY.finditer(text, 0, end):
        start = boundary.end()
    return " ".join(text[start:end].split())


def clauses(text: str) -> list[Clause]:
    """Every checkable clause of `text`, in order; [] when it has none."""
    every = _EVERY_SLICE.search(text)
    slice_name = every.group("slice").strip() if every else None
    on = _ON.search(text)
    set_name = on.group("set").strip() if on else None
    found = []
    for match in _CLAUSE.finditer(text):
        name = _name_before(text, match.start())
        if not name or name.casefold() in _SAMPLE_SIZE:
            continue
        comparator = COMPARATORS[match.group("cmp")]
        value = number(match.group("num"))
        found.append(Clause(name, comparator, value, match.group("unit"), set_name, slice_name))
    zero = _ZERO.match(text)
    if not found and zero:
        tail = zero.group("tail")
        found.append(Clause(zero.group("name").strip(), "<=", 0.0, None, tail, slice_name))
    return found


def conditions(text: str) -> list[tuple[str, float, str | None]]:
    """The `comparator number unit` conditions of an alert threshold (`> 1.8% or < 0.8%`)."""
    return [
        (COMPARATORS[m.group("cmp")], number(m.group("num")), m.group("unit"))
        for m in _CLAUSE.finditer(text)
    ]
