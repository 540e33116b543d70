"""Completeness beyond types: what an AI feature spec must say, as gaps with field paths.

`find_gaps(spec)` lists every gap, whatever the status. `blocking(spec, gaps)` applies the
status rule: a draft may leave a required item open only by recording it as an open question
(`blocks:` naming the concern or the field path); review, approved and launched accept no gap
in a required concern. Gaps in recommended concerns block only from `approved` on (as lint's
launch stage requires every concern), open questions never; the rest are shown as warnings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final

from prd_forge import catalogue, concerns
from prd_forge.concerns import Concern, Raise
from prd_forge.spec import genai, wording
from prd_forge.spec.model import (
    REQUIRED_UX_STATES,
    BaselineKind,
    FailureSeverity,
    FallbackTrigger,
    MetricKind,
    Model,
    Spec,
    Status,
    UxStateName,
)
from prd_forge.wording import as_written

_NUMBER = re.compile(r"\d")


@dataclass(frozen=True, order=True)
class Gap:
    """One thing the spec does not yet say.

    Attributes:
        path: the field path, e.g. `failure_modes.modes[2].fallbacks`.
        concern: the catalogue concern the gap belongs to.
        message: what is missing or wrong.
        fix: what to do, usually the question that fills the field.
    """

    path: str
    concern: str
    message: str
    fix: str

    @property
    def required(self) -> bool:
        return concerns.get(self.concern).required


Check = Callable[[Spec], Iterator[Gap]]


def _said(
    path: str, concern: str, key: str, fix: str = "", *, choices: str = "", **fields: str
) -> Gap:
    """The gap `key` as the concern's module words it (`Concern.gaps`), its fields filled;
    `fix` when the module leaves the fix to the field's question, `choices` after it."""
    said = concerns.get(concern).gap(key)
    message = said.message.format(**fields)
    return Gap(path, concern, message, (said.fix.format(**fields) or fix) + choices)


def _unanswered(spec: Spec, concern: str, key: str) -> Iterator[Gap]:
    """The gap `key` when the field it names (`GapMessage.field`) is empty in `spec`."""
    path = concerns.get(concern).gap(key).field
    value: Any = spec
    for name in path.split("."):
        value = getattr(value, name, None)
    if value is None or value == []:
        yield _said(path, concern, key, _field_question(path))


def _field_question(path: str) -> str:
    """The question that fills the field at `path` (a model field's description)."""
    *parents, name = path.split(".")
    model: type[Model] = Spec
    for parent in parents:
        inner = model.model_fields[parent].annotation
        if not (isinstance(inner, type) and issubclass(inner, Model)):
            return f"fill in {path}"
        model = inner
    return _question(model, name) if name in model.model_fields else f"fill in {path}"


def _question(model: type[Model], field: str) -> str:
    description = model.model_fields[field].description
    if not description:
        return f"fill in {field}"
    if description.endswith("?"):
        return f"answer: {description}"
    # List sections are described by a title ("Rollout phases"), not a question.
    return f"add {description[0].lower()}{description[1:]}"


def _missing(obj: Model, fields: Sequence[str], prefix: str, concern: str) -> Iterator[Gap]:
    """A gap for each of `fields` that is None or an empty list on `obj`."""
    for name in fields:
        value = getattr(obj, name)
        if value is None or value == []:
            yield Gap(f"{prefix}.{name}", concern, "is missing", _question(type(obj), name))


def _feature(spec: Spec) -> Iterator[Gap]:
    yield from _missing(
        spec.feature, ("name", "owner", "summary", "target_users"), "feature", "problem"
    )
    yield from _missing(spec.problem, ("user_need", "evidence"), "problem", "problem")


def _ai_fit(spec: Spec) -> Iterator[Gap]:
    fields = ("ai_task", "output_kind", "why_ai", "rules_considered", "why_not_rules")
    yield from _missing(spec.problem, fields, "problem", "ai-fit")


def _scope(spec: Spec) -> Iterator[Gap]:
    yield from _missing(spec.scope, ("non_goals", "known_limitations"), "scope", "scope")


def _baseline(spec: Spec) -> Iterator[Gap]:
    baseline = spec.baseline
    if baseline.kind is None:
        yield _said("baseline.kind", "baseline", "kind", _question(type(baseline), "kind"))
    elif baseline.kind is BaselineKind.NONE:
        yield from _missing(baseline, ("no_baseline_reason",), "baseline", "baseline")
    else:
        yield from _missing(baseline, ("description", "measured_value"), "baseline", "baseline")
        if baseline.measured_value and not _NUMBER.search(baseline.measured_value):
            yield _said("baseline.measured_value", "baseline", "no-number")


def _failure_modes(spec: Spec) -> Iterator[Gap]:
    section = spec.failure_modes
    yield from _missing(section, ("worse_error",), "failure_modes", "error-cost")
    yield from _unanswered(spec, "error-cost", "none")
    fallback_ids = {fallback.id for fallback in spec.fallbacks}
    fields = ("description", "errs", "severity", "reversible", "cost_bearer", "detection")
    for index, mode in enumerate(section.modes):
        prefix = f"failure_modes.modes[{index}]"
        yield from _missing(mode, fields, prefix, "error-cost")
        if (
            mode.severity in (FailureSeverity.EXPENSIVE, FailureSeverity.UNACCEPTABLE)
            and not mode.fallbacks
        ):
            yield _said(
                f"{prefix}.fallbacks",
                "fallbacks",
                "unhandled",
                mode=mode.id,
                severity=mode.severity.value,
            )
        for ref in mode.fallbacks:
            if ref not in fallback_ids:
                known = ", ".join(sorted(fallback_ids))
                choices = f", or use one of: {known}" if known else ""
                yield _said(
                    f"{prefix}.fallbacks", "fallbacks", "undefined", ref=ref, choices=choices
                )
    yield from _duplicates([m.id for m in section.modes], "failure_modes.modes", "error-cost")


def _data_sources(spec: Spec) -> Iterator[Gap]:
    yield from _unanswered(spec, "data", "none")
    fields = ("purposes", "provenance", "owner", "approved_by", "basis", "contains_pii")
    for index, source in enumerate(spec.data_sources):
        prefix = f"data_sources[{index}]"
        yield from _missing(source, fields, prefix, "data")
        if source.contains_pii and not source.pii_handling:
            fix = _question(type(source), "pii_handling")
            yield _said(f"{prefix}.pii_handling", "data", "pii-unhandled", fix)


def _metrics(spec: Spec) -> Iterator[Gap]:
    yield from _unanswered(spec, "metrics", "none")
    for index, metric in enumerate(spec.metrics):
        fields = ("kind", "baseline", "target", "window", "method")
        yield from _missing(metric, fields, f"metrics[{index}]", "metrics")
    if spec.metrics and not any(m.kind is MetricKind.GUARDRAIL for m in spec.metrics):
        yield _said("metrics", "metrics", "no-guardrail")


def _evaluation(spec: Spec) -> Iterator[Gap]:
    evaluation = spec.evaluation
    yield from _unanswered(spec, "evaluation", "none")
    for index, eval_set in enumerate(evaluation.offline_sets):
        prefix = f"evaluation.offline_sets[{index}]"
        fields = ("size", "construction", "kept_apart_from_training", "thresholds", "slices")
        yield from _missing(eval_set, fields, prefix, "evaluation")
        if eval_set.kept_apart_from_training is False:
            yield _said(f"{prefix}.kept_apart_from_training", "evaluation", "overlaps-training")
    yield from _missing(
        evaluation, ("confidence_threshold", "launch_criteria"), "evaluation", "evaluation"
    )


def _fallbacks(spec: Spec) -> Iterator[Gap]:
    yield from _unanswered(spec, "fallbacks", "none")
    if spec.fallbacks and not any(
        f.trigger is FallbackTrigger.LOW_CONFIDENCE for f in spec.fallbacks
    ):
        yield _said("fallbacks", "fallbacks", "no-low-confidence")
    described = {state.state for state in spec.ux_states}
    for index, fallback in enumerate(spec.fallbacks):
        prefix = f"fallbacks[{index}]"
        fields = ("trigger", "trigger_detail", "behaviour", "description", "ux_state")
        yield from _missing(fallback, fields, prefix, "fallbacks")
        if fallback.ux_state is not None and fallback.ux_state not in described:
            yield _said(
                f"{prefix}.ux_state", "ux-states", "undescribed", state=fallback.ux_state.value
            )
    yield from _duplicates([f.id for f in spec.fallbacks], "fallbacks", "fallbacks")


def human_review_required(spec: Spec) -> bool:
    """Whether stakes make the human-review state and human oversight mandatory."""
    return "human-oversight" in raised(spec)


def required_ux_states(spec: Spec) -> tuple[UxStateName, ...]:
    """The UX states this spec must describe."""
    if human_review_required(spec):
        return (*REQUIRED_UX_STATES, UxStateName.HUMAN_REVIEW)
    return REQUIRED_UX_STATES


def _ux_states(spec: Spec) -> Iterator[Gap]:
    described = {state.state for state in spec.ux_states}
    for name in required_ux_states(spec):
        if name not in described:
            human = name is UxStateName.HUMAN_REVIEW
            key = "human-review-missing" if human else "state-missing"
            yield _said("ux_states", "ux-states", key, state=name.value)
    for index, state in enumerate(spec.ux_states):
        fields = ("trigger", "user_sees", "user_can")
        yield from _missing(state, fields, f"ux_states[{index}]", "ux-states")
    yield from _duplicates([s.state.value for s in spec.ux_states], "ux_states", "ux-states")


def _human_oversight(spec: Spec) -> Iterator[Gap]:
    fields = (
        "review_points",
        "reviewer",
        "sla",
        "override_path",
        "appeal_path",
        "feedback_capture",
    )
    yield from _missing(spec.human_oversight, fields, "human_oversight", "human-oversight")


def _monitoring(spec: Spec) -> Iterator[Gap]:
    monitoring = spec.monitoring
    yield from _missing(
        monitoring, ("owner", "cadence", "retraining_trigger"), "monitoring", "monitoring"
    )
    if not any(signal.alert_threshold for signal in monitoring.signals):
        yield _said("monitoring.signals", "monitoring", "no-alert")
    for index, signal in enumerate(monitoring.signals):
        yield from _missing(
            signal, ("kind", "alert_threshold"), f"monitoring.signals[{index}]", "monitoring"
        )


def _rollout(spec: Spec) -> Iterator[Gap]:
    rollout = spec.rollout
    fields = ("phases", "rollback_trigger", "kill_switch", "kill_switch_owner")
    yield from _missing(rollout, fields, "rollout", "rollout")
    for index, phase in enumerate(rollout.phases):
        yield from _missing(
            phase, ("kind", "exposure", "gate"), f"rollout.phases[{index}]", "rollout"
        )


def _privacy(spec: Spec) -> Iterator[Gap]:
    yield from _missing(
        spec.privacy, ("pii_handling", "retention", "signoffs"), "privacy", "privacy"
    )
    for index, signoff in enumerate(spec.privacy.signoffs):
        yield from _missing(signoff, ("name", "status"), f"privacy.signoffs[{index}]", "privacy")


def _genai_risks(spec: Spec) -> Iterator[Gap]:
    for path, message, fix in genai.lacks(spec):
        yield Gap(path, "privacy", message, fix)


def _open_questions(spec: Spec) -> Iterator[Gap]:
    for index, item in enumerate(spec.open_questions):
        prefix = f"open_questions[{index}]"
        yield from _missing(item, ("owner", "due"), prefix, "open-questions")
        if item.blocks and not _is_reference(item.blocks):
            ids = ", ".join(concerns.ids())
            yield _said(
                f"{prefix}.blocks", "open-questions", "unknown-block", blocks=item.blocks, ids=ids
            )


def _wording(spec: Spec) -> Iterator[Gap]:
    """Values that break their help's promise (see `spec.wording`), one gap each."""
    status = spec.feature.status
    for name in Spec.model_fields:
        concern = _TOP_CONCERN.get(name, "problem")
        yield from _worded(getattr(spec, name), name, concern, status)


def _worded(
    node: Any, path: str, concern: str, status: Status, above: dict[str, Any] | None = None
) -> Iterator[Gap]:
    """`above`: each field's value in the list's previous entry, for a "ditto" to stand for
    (as lint reads a table's "ditto" as the row above: `prd_forge.wording.as_written`)."""
    if isinstance(node, list):
        entries: dict[str, Any] = {}
        for index, item in enumerate(node):
            yield from _worded(item, f"{path}[{index}]", concern, status, entries)
    elif isinstance(node, Model):
        for field in type(node).model_fields:
            value = getattr(node, field)
            if above is not None and isinstance(value, str):
                value = above[field] = as_written(value, above.get(field))
            message = wording.problem(type(node), field, value, status)
            if message is not None:
                yield Gap(f"{path}.{field}", concern, message, _question(type(node), field))
            yield from _worded(value, f"{path}.{field}", concern, status)


_TOP_CONCERN: dict[str, str] = {}
for _concern in catalogue.CONCERNS:
    for _field in _concern.fields:
        _TOP_CONCERN.setdefault(_field.split(".")[0], _concern.id)


def _is_reference(blocks: str) -> bool:
    return blocks in concerns.ids() or blocks.split(".")[0].split("[")[0] in Spec.model_fields


def _duplicates(ids: list[str], path: str, concern: str) -> Iterator[Gap]:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            yield Gap(path, concern, f"has '{item}' twice", "give each entry its own id")
        seen.add(item)


# The checks written for each concern, in registry order. A concern with none of its own (one
# added later, as a module and its model fields) is checked by the fields its gap messages name.
CHECKS: Final[dict[str, tuple[Check, ...]]] = {
    "problem": (_feature,),
    "ai-fit": (_ai_fit,),
    "scope": (_scope,),
    "baseline": (_baseline,),
    "error-cost": (_failure_modes,),
    "data": (_data_sources,),
    "metrics": (_metrics,),
    "evaluation": (_evaluation,),
    "fallbacks": (_fallbacks,),
    "ux-states": (_ux_states,),
    "human-oversight": (_human_oversight,),
    "monitoring": (_monitoring,),
    "rollout": (_rollout,),
    "privacy": (_privacy, _genai_risks),
    "open-questions": (_open_questions,),
}


def _declared(concern: Concern) -> Check:
    """The check of a concern with no code here: each field its gap messages name, answered."""

    def check(spec: Spec) -> Iterator[Gap]:
        for said in concern.gaps:
            if said.field:
                yield from _unanswered(spec, concern.id, said.key)

    return check


def checks_for(concern: Concern) -> tuple[Check, ...]:
    return CHECKS.get(concern.id) or (_declared(concern),)


def find_gaps(spec: Spec) -> list[Gap]:
    """Every gap in the spec, in registry order, whatever its status."""
    registry = concerns.current()
    order = {concern.id: index for index, concern in enumerate(registry)}
    found = [gap for concern in registry for check in checks_for(concern) for gap in check(spec)]
    gaps = found + list(_wording(spec))
    return sorted(gaps, key=lambda gap: order[gap.concern])


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
