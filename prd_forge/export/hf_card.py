"""The hf-card view: a Hugging Face model card (README.md with YAML metadata).

The sections follow huggingface_hub's model card template (Uses, Out-of-Scope Use; Bias, Risks,
and Limitations; Training Details; Evaluation with Testing Data, Factors and Metrics). The
metadata holds only fields of the card format's documented set that the answers can fill:
`tags`. The documented fields that need what no PRD says (a licence, languages, Hub dataset and
metric ids, measured results for `model-index`) are listed with their owners instead.
"""

from __future__ import annotations

from typing import Any

from prd_forge.export.supply import unsupplied
from prd_forge.export.view import scalar
from prd_forge.spec.model import DataPurpose, Spec

BEYOND_THE_PRD = (
    ("license (metadata and Model Description)", "legal counsel"),
    ("language (metadata): the languages the model handles", "ML engineering lead"),
    ("datasets and metrics (metadata): Hugging Face Hub ids", "ML engineering lead"),
    ("model-index (metadata) and Results: measured evaluation results", "ML engineer"),
    ("Model type, base model and Technical Specifications", "ML engineering lead"),
    ("Training Procedure and Environmental Impact", "ML engineering lead"),
    ("How to Get Started with the Model", "ML engineering lead"),
)


def _tags(spec: Spec) -> list[str]:
    tags = ["prd-forge"]
    if spec.problem.ai_task is not None:
        tags.append(f"ai-task-{spec.problem.ai_task.value}")
    if spec.problem.output_kind is not None:
        tags.append(f"output-{spec.problem.output_kind.value}")
    return tags


def _sources(spec: Spec, training: bool) -> list[dict[str, Any]]:
    return [
        source.model_dump(mode="json")
        for source in spec.data_sources
        if (DataPurpose.TRAINING in source.purposes) == training
    ]


def context(spec: Spec, source: str) -> dict[str, Any]:
    """What templates/views/hf-card.md.j2 sees."""
    return {
        "spec": spec.model_dump(mode="json"),
        "source": source,
        "tags": [scalar(tag) for tag in _tags(spec)],
        "training_data": _sources(spec, training=True),
        "other_data": _sources(spec, training=False),
        "missing": [gap.as_dict() for gap in unsupplied(spec, BEYOND_THE_PRD)],
    }
