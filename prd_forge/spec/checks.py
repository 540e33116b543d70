"""The checks written for each concern: what its answers in a spec must say beyond their
types. Each yields the concern's gaps, worded by the concern's module (`spec.gap.said`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, Final

from prd_forge import catalogue, concerns
from prd_forge.concerns import Concern
from prd_forge.spec import genai, wording
from prd_forge.spec.gap import Gap, duplicates, missing, question, said, unanswered
from prd_forge.spec.model import (
    BaselineKind,
    FailureSeverity,
    FallbackTrigger,
    MetricKind,
    Model,
    Spec,
    Status,
    UxStateName,
)
from prd_forge.spec.stakes import required_ux_states
from prd_forge.wording import as_written

_NUMBER = re.compile(r"\d")

Check = Callable[[Spec], Iterator[Gap]]


def _feature(spec: Spec) -> Iterator[Gap]:
    yield from missing(
        spec.feature, ("name", "owner", "summary", "target_users"), "feature", "problem"
    )
    yield from missing(spec.problem, ("user_need", "evidence"), "problem", "problem")


def _ai_fit(spec: Spec) -> Iterator[Gap]:
    fields = ("ai_task", "output_kind", "why_ai", "rules_considered", "why_not_rules")
    yield from missing(spec.problem, fields, "problem", "ai-fit")


def _scope(spec: Spec) -> Iterator[Gap]:
    yield from missing(spec.scope, ("non_goals", "known_limitations"), "scope", "scope")


def _baseline(spec: Spec) -> Iterator[Gap]:
    baseline = spec.baseline
    if baseline.kind is None:
        yield said("baseline.kind", "baseline", "kind", question(type(baseline), "kind"))
    elif baseline.kind is BaselineKind.NONE:
        yield from missing(baseline, ("no_baseline_reason",), "baseline", "baseline")
    else:
        yield from missing(baseline, ("description", "measured_value"), "baseline", "baseline")
        if baseline.measured_value and not _NUMBER.search(baseline.measured_value):
            yield said("baseline.measured_value", "baseline", "no-number")


def _failure_modes(spec: Spec) -> Iterator[Gap]:
    section = spec.failure_modes
    yield from missing(section, ("worse_error",), "failure_modes", "error-cost")
    yield from unanswered(spec, "error-cost", "none")
    fallback_ids = {fallback.id for fallback in spec.fallbacks}
    fields = ("description", "errs", "severity", "reversible", "cost_bearer", "detection")
    for index, mode in enumerate(section.modes):
        prefix = f"failure_modes.modes[{index}]"
        yield from missing(mode, fields, prefix, "error-cost")
        if (
            mode.severity in (FailureSeverity.EXPENSIVE, FailureSeverity.UNACCEPTABLE)
            and not mode.fallbacks
        ):
            yield said(
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
                yield said(
                    f"{prefix}.fallbacks", "fallbacks", "undefined", ref=ref, choices=choices
                )
    yield from duplicates([m.id for m in section.modes], "failure_modes.modes", "error-cost")


def _data_sources(spec: Spec) -> Iterator[Gap]:
    yield from unanswered(spec, "data", "none")
    fields = ("purposes", "provenance", "owner", "approved_by", "basis", "contains_pii")
    for index, source in enumerate(spec.data_sources):
        prefix = f"data_sources[{index}]"
        yield from missing(source, fields, prefix, "data")
        if source.contains_pii and not source.pii_handling:
            fix = question(type(source), "pii_handling")
            yield said(f"{prefix}.pii_handling", "data", "pii-unhandled", fix)


def _metrics(spec: Spec) -> Iterator[Gap]:
    yield from unanswered(spec, "metrics", "none")
    for index, metric in enumerate(spec.metrics):
        fields = ("kind", "baseline", "target", "window", "method")
        yield from missing(metric, fields, f"metrics[{index}]", "metrics")
    if spec.metrics and not any(m.kind is MetricKind.GUARDRAIL for m in spec.metrics):
        yield said("metrics", "metrics", "no-guardrail")


def _evaluation(spec: Spec) -> Iterator[Gap]:
    evaluation = spec.evaluation
    yield from unanswered(spec, "evaluation", "none")
    for index, eval_set in enumerate(evaluation.offline_sets):
        prefix = f"evaluation.offline_sets[{index}]"
        fields = ("size", "construction", "kept_apart_from_training", "thresholds", "slices")
        yield from missing(eval_set, fields, prefix, "evaluation")
        if eval_set.kept_apart_from_training is False:
            yield said(f"{prefix}.kept_apart_from_training", "evaluation", "overlaps-training")
    yield from missing(
        evaluation, ("confidence_threshold", "launch_criteria"), "evaluation", "evaluation"
    )


def _fallbacks(spec: Spec) -> Iterator[Gap]:
    yield from unanswered(spec, "fallbacks", "none")
    if spec.fallbacks and not any(
        f.trigger is FallbackTrigger.LOW_CONFIDENCE for f in spec.fallbacks
    ):
        yield said("fallbacks", "fallbacks", "no-low-confidence")
    described = {state.state for state in spec.ux_states}
    for index, fallback in enumerate(spec.fallbacks):
        prefix = f"fallbacks[{index}]"
        fields = ("trigger", "trigger_detail", "behaviour", "description", "ux_state")
        yield from missing(fallback, fields, prefix, "fallbacks")
        if fallback.ux_state is not None and fallback.ux_state not in described:
            yield said(
                f"{prefix}.ux_state", "ux-states", "undescribed", state=fallback.ux_state.value
            )
    yield from duplicates([f.id for f in spec.fallbacks], "fallbacks", "fallbacks")


def _ux_states(spec: Spec) -> Iterator[Gap]:
    described = {state.state for state in spec.ux_states}
    for name in required_ux_states(spec):
        if name not in described:
            human = name is UxStateName.HUMAN_REVIEW
            key = "human-review-missing" if human else "state-missing"
            yield said("ux_states", "ux-states", key, state=name.value)
    for index, state in enumerate(spec.ux_states):
        fields = ("trigger", "user_sees", "user_can")
        yield from missing(state, fields, f"ux_states[{index}]", "ux-states")
    yield from duplicates([s.state.value for s in spec.ux_states], "ux_states", "ux-states")


def _human_oversight(spec: Spec) -> Iterator[Gap]:
    fields = (
        "review_points",
        "reviewer",
        "sla",
        "override_path",
        "appeal_path",
        "feedback_capture",
    )
    yield from missing(spec.human_oversight, fields, "human_oversight", "human-oversight")


def _monitoring(spec: Spec) -> Iterator[Gap]:
    monitoring = spec.monitoring
    yield from missing(
        monitoring, ("owner", "cadence", "retraining_trigger"), "monitoring", "monitoring"
    )
    if not any(signal.alert_threshold for signal in monitoring.signals):
        yield said("monitoring.signals", "monitoring", "no-alert")
    for index, signal in enumerate(monitoring.signals):
        yield from missing(
            signal, ("kind", "alert_threshold"), f"monitoring.signals[{index}]", "monitoring"
        )


def _rollout(spec: Spec) -> Iterator[Gap]:
    rollout = spec.rollout
    fields = ("phases", "rollback_trigger", "kill_switch", "kill_switch_owner")
    yield from missing(rollout, fields, "rollout", "rollout")
    for index, phase in enumerate(rollout.phases):
        yield from missing(
            phase, ("kind", "exposure", "gate"), f"rollout.phases[{index}]", "rollout"
        )


def _privacy(spec: Spec) -> Iterator[Gap]:
    yield from missing(
        spec.privacy, ("pii_handling", "retention", "signoffs"), "privacy", "privacy"
    )
    for index, signoff in enumerate(spec.privacy.signoffs):
        yield from missing(signoff, ("name", "status"), f"privacy.signoffs[{index}]", "privacy")


def _genai_risks(spec: Spec) -> Iterator[Gap]:
    for path, message, fix in genai.lacks(spec):
        yield Gap(path, "privacy", message, fix)


def _open_questions(spec: Spec) -> Iterator[Gap]:
    for index, item in enumerate(spec.open_questions):
        prefix = f"open_questions[{index}]"
        yield from missing(item, ("owner", "due"), prefix, "open-questions")
        if item.blocks and not _is_reference(item.blocks):
            ids = ", ".join(concerns.ids())
            yield said(
                f"{prefix}.blocks", "open-questions", "unknown-block", blocks=item.blocks, ids=ids
            )


def wording_gaps(spec: Spec) -> Iterator[Gap]:
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
                yield Gap(f"{path}.{field}", concern, message, question(type(node), field))
            yield from _worded(value, f"{path}.{field}", concern, status)


_TOP_CONCERN: dict[str, str] = {}
for _concern in catalogue.CONCERNS:
    for _field in _concern.fields:
        _TOP_CONCERN.setdefault(_field.split(".")[0], _concern.id)


def _is_reference(blocks: str) -> bool:
    return blocks in concerns.ids() or blocks.split(".")[0].split("[")[0] in Spec.model_fields


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
        for message in concern.gaps:
            if message.field:
                yield from unanswered(spec, concern.id, message.key)

    return check


def checks_for(concern: Concern) -> tuple[Check, ...]:
    return CHECKS.get(concern.id) or (_declared(concern),)
