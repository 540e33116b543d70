"""The eval-config view: a starting promptfoo configuration holding the PRD's evaluation.

promptfoo (https://www.promptfoo.dev) reads a YAML file of prompts, providers and tests; each
test's assertions may name a `metric`, and its `metadata` is kept in the results. This view
writes one test per offline set, tagged with the set's name and its slices, and one assertion
per threshold, named after the threshold's metric. `prd-forge verify` reads promptfoo's results
JSON back (see verify/promptfoo.py) and checks each threshold overall and per slice.
"""

from __future__ import annotations

from typing import Any

from prd_forge.export.view import scalar
from prd_forge.render.environment import target
from prd_forge.render.escape import Markdown
from prd_forge.spec.model import EvalSet, Spec, Threshold

# The test variable the placeholder prompt sends; promptfoo fills `{{input}}` from `vars`.
PROMPT = "{{input}}"
# A threshold in this unit counts items (failures), not an average score.
COUNT = "count"


def comment(text: str) -> Markdown:
    """Text for one YAML comment line: whitespace (newlines too) folded to single spaces."""
    return Markdown(" ".join(text.split()))


def _rubric(threshold: Threshold) -> str:
    # verify counts the failing items of a count metric, and averages the scores of the others.
    if (threshold.unit or "").casefold() == COUNT:
        return (
            f"Fails when the output is one of the {threshold.metric}; replace this rubric with "
            "the grader for that metric"
        )
    return (
        f"Passes when the output meets the bar for {threshold.metric}; replace this rubric with "
        "the grader for that metric"
    )


def _threshold(threshold: Threshold) -> dict[str, Any]:
    rule = target(threshold.model_dump(mode="json"))
    return {
        "metric": scalar(threshold.metric),
        "comment": comment(f"{threshold.metric} {rule}"),
        "rubric": scalar(_rubric(threshold)),
    }


def _set(item: EvalSet) -> dict[str, Any]:
    size = f"{item.size} items" if item.size else "size not stated"
    slices = ", ".join(item.slices) or "none"
    return {
        "name": scalar(item.name),
        "comment": comment(f"{item.name}: {size}; slices: {slices}"),
        "description": scalar(f"{item.name}: one item (repeat per item, or load them)"),
        "slices": [scalar(name) for name in item.slices],
        "thresholds": [_threshold(threshold) for threshold in item.thresholds],
    }


def context(spec: Spec, source: str) -> dict[str, Any]:
    """What templates/views/eval-config.yaml.j2 sees."""
    name = spec.feature.name or "this feature"
    return {
        "feature": comment(name),
        "source": comment(source),
        "description": scalar(f"{name}: offline evaluation from the PRD"),
        "prompt": scalar(PROMPT),
        "sets": [_set(item) for item in spec.evaluation.offline_sets],
        "launch_criteria": [comment(text) for text in spec.evaluation.launch_criteria],
    }
