"""The model-card view: Model Card Toolkit JSON (schema v0.0.2).

Google's Model Card Toolkit keeps a card as JSON validated against its published schema (the
v0.0.2 copy is vendored in tests/export/schemas/). The PRD supplies the owners, intended users
and uses, limitations (known limitations and out-of-scope uses), the error trade-off, each
failure mode as an ethical consideration with its detection and fallbacks as the mitigation,
each evaluation threshold as a performance metric (overall and per slice) and each data source
with its sensitive data. What no PRD holds (architecture, input and output formats, measured
results, licence, version) is listed in `model_details.documentation` with the role that must
supply it: the schema allows no other place at the top level.
"""

from __future__ import annotations

import json
from typing import Any

from prd_forge.export.supply import Unsupplied, unsupplied
from prd_forge.render.environment import target
from prd_forge.render.escape import Markdown
from prd_forge.spec.model import DataSource, EvalSet, FailureMode, Fallback, Spec

SCHEMA_VERSION = "0.0.2"

BEYOND_THE_PRD = (
    ("model_parameters.model_architecture: the model's architecture", "ML engineering lead"),
    ("model_parameters.input_format and output_format", "ML engineering lead"),
    ("model_details.version: version name, date and changes", "ML engineering lead"),
    ("model_details.licenses: the model's licence", "legal counsel"),
    (
        "quantitative_analysis: measured values (the PRD gives thresholds, not results)",
        "ML engineer running the evaluation (prd-forge verify)",
    ),
)


def block(value: Any, indent: int) -> Markdown:
    """`value` as indented JSON, ready to sit after a key at `indent` spaces."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return Markdown(text.replace("\n", "\n" + " " * indent))


def _documentation(spec: Spec, missing: list[Unsupplied]) -> str:
    parts = [spec.problem.user_need, spec.problem.why_ai]
    lines = [f"- {gap.item} (to be supplied by {gap.role})" for gap in missing]
    return "\n\n".join([*filter(None, parts), "Not supplied by the PRD:\n" + "\n".join(lines)])


def _details(spec: Spec, missing: list[Unsupplied]) -> dict[str, Any]:
    details: dict[str, Any] = {"name": spec.feature.name or "", "overview": spec.feature.summary}
    details["documentation"] = _documentation(spec, missing)
    details["owners"] = [{"name": spec.feature.owner}] if spec.feature.owner else []
    return {key: value for key, value in details.items() if value is not None}


def _dataset(source: DataSource) -> dict[str, Any]:
    facts = [
        ("used for", ", ".join(source.purposes)),
        ("provenance", source.provenance),
        ("owner", source.owner),
        ("approved by", source.approved_by),
        ("basis", source.basis),
        ("labelling", source.labelling),
        ("freshness", source.freshness),
        ("known gaps", source.known_gaps),
    ]
    data: dict[str, Any] = {"name": source.name}
    data["description"] = "; ".join(f"{label}: {value}" for label, value in facts if value)
    if source.contains_pii:
        handling = source.pii_handling or "personal data; handling not stated in the PRD"
        data["sensitive"] = {"sensitive_data": [handling]}
    return data


def _mitigation(mode: FailureMode, fallbacks: dict[str, Fallback]) -> str:
    parts = [f"Detected by: {mode.detection}"] if mode.detection else []
    for ref in mode.fallbacks:
        fallback = fallbacks.get(ref)
        text = fallback.description if fallback and fallback.description else "not described"
        parts.append(f"Fallback {ref}: {text}")
    return "; ".join(parts) or "none stated in the PRD"


def _risk(mode: FailureMode, fallbacks: dict[str, Fallback]) -> dict[str, str]:
    kind = ", ".join(str(v) for v in (mode.errs, mode.severity) if v is not None)
    name = f"{mode.id}: {mode.description or 'not described'}" + (f" ({kind})" if kind else "")
    return {"name": name, "mitigation_strategy": _mitigation(mode, fallbacks)}


def _considerations(spec: Spec) -> dict[str, Any]:
    fallbacks = {fallback.id: fallback for fallback in spec.fallbacks}
    limitations = [*spec.scope.known_limitations]
    limitations += [f"Out of scope: {use}" for use in spec.scope.out_of_scope_uses]
    return {
        "users": [{"description": user} for user in spec.feature.target_users],
        "use_cases": [{"description": spec.feature.summary}] if spec.feature.summary else [],
        "limitations": [{"description": text} for text in limitations],
        "tradeoffs": [{"description": spec.failure_modes.worse_error}]
        if spec.failure_modes.worse_error
        else [],
        "ethical_considerations": [_risk(mode, fallbacks) for mode in spec.failure_modes.modes],
    }


def _metrics(item: EvalSet) -> list[dict[str, str]]:
    metrics = []
    for threshold in item.thresholds:
        rule = f"pass threshold {target(threshold.model_dump(mode='json'))}"
        kind = f"{threshold.metric} on {item.name}"
        metrics.append({"type": kind, "value": rule})
        metrics += [{"type": kind, "value": rule, "slice": name} for name in item.slices]
    return metrics


def context(spec: Spec, source: str) -> dict[str, Any]:
    """What templates/views/model-card.json.j2 sees: each top-level part as JSON."""
    missing = unsupplied(spec, BEYOND_THE_PRD)
    sets = spec.evaluation.offline_sets
    return {
        "schema_version": block(SCHEMA_VERSION, 2),
        "model_details": block(_details(spec, missing), 2),
        "model_parameters": block({"data": [_dataset(item) for item in spec.data_sources]}, 2),
        "considerations": block(_considerations(spec), 2),
        "quantitative_analysis": block(
            {"performance_metrics": [m for item in sets for m in _metrics(item)]}, 2
        ),
        "missing": [gap.as_dict() for gap in missing],
        "source": source,
    }
