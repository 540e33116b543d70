"""The promises a spec makes, as checks a measured number can meet or miss."""

from __future__ import annotations

import re
from dataclasses import dataclass

from prd_forge.spec.model import EvalSet, MetricKind, Spec
from prd_forge.verify import clauses

OFFLINE, LAUNCH, GUARDRAIL, ALERT, ROLLBACK = (
    "offline threshold",
    "launch criterion",
    "guardrail",
    "alert threshold",
    "rollback trigger",
)
KINDS = (OFFLINE, LAUNCH, GUARDRAIL, ALERT, ROLLBACK)
HEADINGS = {
    OFFLINE: "offline thresholds",
    LAUNCH: "launch criteria",
    GUARDRAIL: "guardrail targets",
    ALERT: "alert thresholds",
    ROLLBACK: "rollback triggers",
}


@dataclass(frozen=True)
class Check:
    """One promise: `metric` (on `set`) must meet every condition, or, when `fires`, none.

    `names` are the metric names a result may use; `slices` the slice dimensions it must also
    hold in; `rule` is how the promise reads in the PRD.
    """

    kind: str
    label: str
    names: tuple[str, ...]
    set: str | None
    conditions: tuple[tuple[str, float], ...]
    unit: str | None
    slices: tuple[str, ...] = ()
    fires: bool = False
    change: bool = False

    @property
    def metric(self) -> str:
        return self.names[0]

    @property
    def rule(self) -> str:
        joined = " or " if self.fires else " and "
        unit = f" {self.unit}" if self.unit else ""
        rule = joined.join(f"{cmp} {value:g}{unit}" for cmp, value in self.conditions)
        rule = f"{'a change ' if self.change else ''}{rule}"
        return f"fires when {rule}" if self.fires else rule


# "Drops by > 0.05 week over week", "moves > 5 points", "CSAT down > 0.2": a change, not a level.
_CHANGE = re.compile(
    r"\b(?:drops?|falls?|rises?|moves?|down|up|increases?|decreases?|changes?)\b", re.I
)


def _offline(item: EvalSet) -> list[Check]:
    return [
        Check(
            OFFLINE,
            f"{item.name}: {threshold.metric}",
            (threshold.metric,),
            item.name,
            ((threshold.comparator.value, threshold.value),),
            threshold.unit,
            tuple(item.slices),
        )
        for threshold in item.thresholds
    ]


def _set_named(spec: Spec, text: str | None) -> EvalSet | None:
    """The offline set `text` names: exactly, or as the start of one set's name."""
    if text is None:
        return None
    wanted = text.casefold()
    sets = spec.evaluation.offline_sets
    exact = [item for item in sets if item.name.casefold() == wanted]
    starts = [item for item in sets if item.name.casefold().startswith(wanted)]
    return exact[0] if exact else starts[0] if len(starts) == 1 else None


def _slices(spec: Spec, item: EvalSet | None, word: str | None) -> tuple[str, ...]:
    if word is None:
        return ()
    pool = [item] if item else spec.evaluation.offline_sets
    named = [name for s in pool for name in s.slices if name.casefold() == word.casefold()]
    return tuple(dict.fromkeys(named)) or (word,)


def _unit_of(item: EvalSet | None, metric: str, unit: str | None) -> str | None:
    """The clause's own unit, else the unit the set's threshold on the same metric is in."""
    if unit or item is None:
        return unit
    same = [t.unit for t in item.thresholds if t.metric.casefold() == metric.casefold()]
    return same[0] if same else None


def _launch(spec: Spec) -> list[Check]:
    found = []
    for number, text in enumerate(spec.evaluation.launch_criteria, start=1):
        parsed = clauses.clauses(text)
        if not parsed:
            # Not a `metric >= number` sentence: measured by a result named after it, 1 = passed.
            names = (text, f"launch-{number}")
            found.append(Check(LAUNCH, text, names, None, ((">=", 1.0),), None))
        for clause in parsed:
            item = _set_named(spec, clause.on)
            found.append(
                Check(
                    LAUNCH,
                    text,
                    (clause.metric,),
                    item.name if item else None,
                    ((clause.comparator, clause.value),),
                    _unit_of(item, clause.metric, clause.unit),
                    _slices(spec, item, clause.every_slice),
                )
            )
    return found


def _guardrails(spec: Spec) -> list[Check]:
    return [
        Check(
            GUARDRAIL,
            metric.name,
            (metric.name,),
            None,
            ((metric.target.comparator.value, metric.target.value),),
            metric.target.unit,
        )
        for metric in spec.metrics
        if metric.kind == MetricKind.GUARDRAIL and metric.target is not None
    ]


def _alerts(spec: Spec) -> list[Check]:
    found = []
    for signal in spec.monitoring.signals:
        conditions = clauses.conditions(signal.alert_threshold or "")
        if conditions:
            unit = "%" if all(unit for _, _, unit in conditions) else None
            pairs = tuple((cmp, value) for cmp, value, _ in conditions)
            change = bool(_CHANGE.search(signal.alert_threshold or ""))
            found.append(
                Check(ALERT, signal.name, (signal.name,), None, pairs, unit, (), True, change)
            )
    return found


def _rollback(spec: Spec) -> list[Check]:
    text = spec.rollout.rollback_trigger or ""
    return [
        Check(
            ROLLBACK,
            f"{clause.metric} {clause.comparator} {clause.value:g}{clause.unit or ''}",
            (clause.metric,),
            None,
            ((clause.comparator, clause.value),),
            clause.unit,
            fires=True,
            change=bool(_CHANGE.search(clause.metric)),
        )
        for clause in clauses.clauses(text)
    ]


def checks(spec: Spec) -> list[Check]:
    """Every promise in `spec` that a number can settle, in the order the PRD makes them."""
    offline = [check for item in spec.evaluation.offline_sets for check in _offline(item)]
    return [*offline, *_launch(spec), *_guardrails(spec), *_alerts(spec), *_rollback(spec)]
