"""Matching results to checks: met, missed or not measured, and the verdict."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from prd_forge.verify.checks import LAUNCH, Check
from prd_forge.verify.clauses import holds
from prd_forge.verify.results import Measurement, ResultsError

MET, MISSED, NOT_MEASURED = "met", "missed", "not measured"
_UNIT_WORDS = {"percent": "%", "pct": "%", "ratios": "ratio"}
# The only conversion verify makes on its own: the same share written as a ratio or in %.
_CONVERSIONS = {("ratio", "%"): 100.0, ("%", "ratio"): 0.01}


@dataclass(frozen=True)
class Outcome:
    """One check, overall or in one slice, with what was measured and the state it is in."""

    check: Check
    slice: str | None
    result: Measurement | None
    state: str

    @property
    def blocks(self) -> bool:
        """Whether this outcome alone makes the verdict no-go."""
        return self.state == MISSED or (self.state == NOT_MEASURED and self.check.kind == LAUNCH)


@dataclass(frozen=True)
class Verdict:
    """Every outcome, the results that matched no check, and go or no-go."""

    spec: str
    results: str
    outcomes: tuple[Outcome, ...]
    unmatched: tuple[Measurement, ...]

    @property
    def go(self) -> bool:
        return not any(outcome.blocks for outcome in self.outcomes)

    def count(self, state: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.state == state)


def _unit(text: str) -> str:
    word = text.split()[0].casefold() if text.split() else ""
    return _UNIT_WORDS.get(word, word)


def _unitless(check: Check, result: Measurement) -> float:
    """A value with no unit is read in the check's unit; a "ratio" over 1 is refused."""
    if check.unit and _unit(check.unit) == "ratio" and abs(result.value) > 1:
        raise ResultsError(
            f"{result.where}: {result.metric!r} = {result.value:g} has no unit, so it was read "
            f"in the unit of the spec's {check.kind} '{check.label}' (ratio), and a ratio is "
            "at most 1; give the unit ('%' or 'ratio') or write the ratio"
        )
    return result.value


def is_change(result: Measurement) -> bool:
    """Whether the result measures a change over its window (its unit is `change`)."""
    return _unit(result.unit or "") == "change"


def measured(check: Check, result: Measurement) -> float:
    """The result's value in the check's unit: as is, a ratio as % or back, else an error."""
    if is_change(result):
        return result.value
    if not result.unit:
        return _unitless(check, result)
    if not (result.unit and check.unit) or _unit(result.unit) == _unit(check.unit):
        return result.value
    factor = _CONVERSIONS.get((_unit(result.unit), _unit(check.unit)))
    if factor is None:
        raise ResultsError(
            f"{result.where}: {result.metric!r} is in {result.unit!r} but the spec's "
            f"{check.kind} '{check.label}' is in {check.unit!r}; convert the value to "
            f"{check.unit!r} or drop the unit"
        )
    return result.value * factor


def _state(check: Check, result: Measurement) -> str:
    if check.change and not is_change(result):
        return NOT_MEASURED
    value = measured(check, result)
    met = [holds(value, cmp, target) for cmp, target in check.conditions]
    if check.fires:
        return MISSED if any(met) else MET
    return MET if all(met) else MISSED


def _matches(check: Check, result: Measurement) -> bool:
    names = {name.casefold() for name in check.names}
    if not any(name.casefold() in names for name in result.names):
        return False
    return check.set is None or (result.set or "").casefold() == check.set.casefold()


def _outcomes(check: Check, results: Sequence[Measurement], used: set[int]) -> list[Outcome]:
    mine = [result for result in results if _matches(check, result)]
    overall = [result for result in mine if result.slice is None]
    found = [Outcome(check, None, r, _state(check, r)) for r in overall]
    found = found or [Outcome(check, None, None, NOT_MEASURED)]
    used.update(id(result) for result in overall)
    for dimension in check.slices:
        sliced = [r for r in mine if r.slice and r.slice[0].casefold() == dimension.casefold()]
        used.update(id(result) for result in sliced)
        found += [Outcome(check, r.slice_text, r, _state(check, r)) for r in sliced]
        if not sliced:
            found.append(Outcome(check, f"every {dimension}", None, NOT_MEASURED))
    return found


def verify(
    spec: str, source: str, checks: Sequence[Check], results: Sequence[Measurement]
) -> Verdict:
    """The verdict of `results` (read from `source`) on the `checks` of the spec at `spec`."""
    used: set[int] = set()
    outcomes = [outcome for check in checks for outcome in _outcomes(check, results, used)]
    unmatched = tuple(result for result in results if id(result) not in used)
    return Verdict(spec, source, tuple(outcomes), unmatched)
