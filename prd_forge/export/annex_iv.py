"""The annex-iv view: the EU AI Act's Annex IV technical documentation outline, nine points.

Regulation (EU) 2024/1689, Annex IV, lists what the technical documentation of a high-risk AI
system holds (Article 11). Each point's items are filled from the answers where they hold them;
every other item names the role that must supply it, and all of those are gathered again in
the view's last section. The PRD is the provider's design intent, not the whole file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from prd_forge.export.supply import Unsupplied, spec_gaps
from prd_forge.render.environment import target
from prd_forge.spec.model import Spec

Extract = Callable[[Spec], list[str]]

ML = "ML engineering lead"
SECURITY = "security lead"
COMPLIANCE = "compliance officer"
PROVIDER = "the provider's authorised signatory"


@dataclass(frozen=True)
class AnnexItem:
    """One item of an Annex IV point, and where its answer comes from."""

    label: str
    extract: Extract | None
    role: str


def _texts(*values: Any) -> list[str]:
    return [str(value) for value in values if value]


def _purpose(spec: Spec) -> list[str]:
    users = "; ".join(spec.feature.target_users)
    return _texts(spec.feature.summary, spec.problem.user_need, users and f"Users: {users}")


def _design(spec: Spec) -> list[str]:
    task = spec.problem.ai_task and f"AI task: {spec.problem.ai_task.value}"
    kind = spec.problem.output_kind and f"output: {spec.problem.output_kind.value}"
    return _texts(task, kind, spec.problem.why_ai, spec.problem.why_not_rules)


def _data(spec: Spec) -> list[str]:
    return [
        f"{s.name} ({', '.join(s.purposes)}): {s.provenance or 'provenance not stated'}; "
        f"labelling: {s.labelling or 'not stated'}; known gaps: {s.known_gaps or 'not stated'}"
        for s in spec.data_sources
    ]


def _oversight(spec: Spec) -> list[str]:
    oversight = spec.human_oversight
    reviewer = oversight.reviewer and f"Reviewer: {oversight.reviewer}"
    override = oversight.override_path and f"Override: {oversight.override_path}"
    return _texts(*oversight.review_points, reviewer, override)


def _validation(spec: Spec) -> list[str]:
    lines = []
    for item in spec.evaluation.offline_sets:
        rules = ", ".join(
            f"{t.metric} {target(t.model_dump(mode='json'))}" for t in item.thresholds
        )
        slices = ", ".join(item.slices) or "none"
        lines.append(f"{item.name} ({item.size or '?'} items): {rules}; slices: {slices}")
    return lines + list(spec.evaluation.launch_criteria)


def _limits(spec: Spec) -> list[str]:
    return [
        *spec.scope.known_limitations,
        *(f"Out of scope: {u}" for u in spec.scope.out_of_scope_uses),
    ]


def _outcomes(spec: Spec) -> list[str]:
    return [
        f"{m.id}: {m.description or 'not described'} (severity: {m.severity or 'not stated'}; "
        f"borne by: {m.cost_bearer or 'not stated'})"
        for m in spec.failure_modes.modes
    ]


def _metrics(spec: Spec) -> list[str]:
    lines = [
        f"{m.name}: {target(m.target.model_dump(mode='json'))}" for m in spec.metrics if m.target
    ]
    return _texts(spec.failure_modes.worse_error, *lines)


def _risk(spec: Spec) -> list[str]:
    fallbacks = [
        f"Fallback {f.id}: {f.trigger_detail or f.description or ''}" for f in spec.fallbacks
    ]
    return _texts(*_outcomes(spec), *fallbacks, spec.rollout.rollback_trigger)


def _changes(spec: Spec) -> list[str]:
    phases = [
        f"{p.name}: {p.exposure or ''}; gate: {p.gate or 'not stated'}" for p in spec.rollout.phases
    ]
    return _texts(*phases, spec.monitoring.retraining_trigger)


def _post_market(spec: Spec) -> list[str]:
    signals = [
        f"{s.name}: alert {s.alert_threshold or 'not stated'}" for s in spec.monitoring.signals
    ]
    owner = spec.monitoring.owner and f"Owner: {spec.monitoring.owner}"
    feedback = spec.human_oversight.feedback_capture
    return _texts(*signals, owner, spec.monitoring.cadence, feedback)


POINTS: tuple[tuple[str, tuple[AnnexItem, ...]], ...] = (
    (
        "General description of the AI system",
        (
            AnnexItem("(a) Intended purpose, provider and version", _purpose, COMPLIANCE),
            AnnexItem(
                "(b)-(e) Interaction with other hardware and software; versions; forms "
                "placed on the market; hardware it runs on",
                None,
                ML,
            ),
            AnnexItem(
                "(g) The user interface provided to the deployer",
                lambda s: [f"{u.state.value}: {u.user_sees}" for u in s.ux_states if u.user_sees],
                "product designer",
            ),
            AnnexItem("(h) Instructions for use for the deployer", None, COMPLIANCE),
        ),
    ),
    (
        "Detailed description of the elements of the AI system and of its development",
        (
            AnnexItem(
                "(a) Development methods, pre-trained systems and third-party tools used", None, ML
            ),
            AnnexItem(
                "(b) Design specifications: general logic, key choices and their rationale",
                _design,
                ML,
            ),
            AnnexItem("(c) System architecture and computational resources", None, ML),
            AnnexItem(
                "(d) Data requirements: datasheets of training, validation and test data",
                _data,
                "data owner of each source",
            ),
            AnnexItem("(e) Human oversight measures (Article 14)", _oversight, COMPLIANCE),
            AnnexItem("(f) Pre-determined changes to the system and its performance", None, ML),
            AnnexItem("(g) Validation and testing procedures, data and metrics", _validation, ML),
            AnnexItem(
                "(g) Test logs and reports, dated and signed by the responsible persons",
                None,
                "ML engineer running the evaluation",
            ),
            AnnexItem("(h) Cybersecurity measures", None, SECURITY),
        ),
    ),
    (
        "Monitoring, functioning and control of the AI system",
        (
            AnnexItem("Capabilities and limitations in performance", _limits, ML),
            AnnexItem("Foreseeable unintended outcomes and sources of risk", _outcomes, COMPLIANCE),
            AnnexItem("Specifications on input data", None, ML),
        ),
    ),
    (
        "Appropriateness of the performance metrics",
        (AnnexItem("The metrics chosen and why they fit this system", _metrics, ML),),
    ),
    (
        "Risk management system (Article 9)",
        (
            AnnexItem("Risks identified and their treatment in this system", _risk, COMPLIANCE),
            AnnexItem("The organisation's risk management system as a whole", None, COMPLIANCE),
        ),
    ),
    (
        "Relevant changes made by the provider through the lifecycle",
        (AnnexItem("Planned stages and what triggers an update", _changes, ML),),
    ),
    (
        "Harmonised standards applied, or other solutions and specifications",
        (AnnexItem("The list of standards and specifications", None, COMPLIANCE),),
    ),
    (
        "EU declaration of conformity (Article 47)",
        (AnnexItem("A copy of the declaration", None, PROVIDER),),
    ),
    (
        "Post-market monitoring system and plan (Article 72)",
        (
            AnnexItem(
                "Signals, thresholds, owner and review cadence", _post_market, "monitoring owner"
            ),
        ),
    ),
)


def _point(spec: Spec, number: int, title: str, items: tuple[AnnexItem, ...]) -> dict[str, Any]:
    filled = []
    for item in items:
        answers = item.extract(spec) if item.extract else []
        filled.append({"label": item.label, "answers": answers, "role": item.role})
    return {"number": number, "title": title, "items": filled}


def context(spec: Spec, source: str) -> dict[str, Any]:
    """What templates/views/annex-iv.md.j2 sees."""
    points = [_point(spec, n, title, items) for n, (title, items) in enumerate(POINTS, 1)]
    missing = [
        Unsupplied(f"Point {point['number']} {item['label']}", item["role"])
        for point in points
        for item in point["items"]
        if not item["answers"]
    ]
    return {
        "spec": spec.model_dump(mode="json"),
        "source": source,
        "points": points,
        "missing": [gap.as_dict() for gap in missing + spec_gaps(spec)],
    }
