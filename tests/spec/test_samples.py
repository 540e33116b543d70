"""The shipped samples: complete ones have no gap at all; incomplete ones have exactly theirs."""

from __future__ import annotations

from pathlib import Path

import pytest

from prd_forge.spec.completeness import blocking, find_gaps
from prd_forge.spec.load import SCHEMA_COMMENT, SCHEMA_URL, load_spec
from prd_forge.spec.model import Status

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
COMPLETE = sorted(SAMPLES.glob("*.yaml"))
INCOMPLETE = SAMPLES / "incomplete"


def test_the_four_named_samples_exist() -> None:
    names = {path.name for path in COMPLETE}
    assert names >= {
        "support-reply-copilot.yaml",
        "fraud-flagging-classifier.yaml",
        "playlist-recommender.yaml",
        "cash-runway-forecast.yaml",
    }


@pytest.mark.parametrize("path", COMPLETE, ids=lambda p: p.stem)
def test_complete_sample_has_no_gap_at_review(path: Path) -> None:
    loaded = load_spec(path)
    assert loaded.spec.feature.status is Status.REVIEW
    assert find_gaps(loaded.spec) == []


@pytest.mark.parametrize(
    "path", [*COMPLETE, *sorted(INCOMPLETE.glob("*.yaml"))], ids=lambda p: p.stem
)
def test_sample_starts_with_the_schema_comment(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines(keepends=True)[0]
    assert first == SCHEMA_COMMENT.format(url=SCHEMA_URL)


def _gaps(name: str) -> tuple[list[tuple[str, str]], list[str]]:
    spec = load_spec(INCOMPLETE / name).spec
    gaps = find_gaps(spec)
    return [(gap.path, gap.message) for gap in gaps], [gap.path for gap in blocking(spec, gaps)]


def test_review_sample_without_fallbacks_or_evaluation() -> None:
    gaps, blockers = _gaps("meeting-summary-no-fallbacks.yaml")
    assert gaps == [
        ("evaluation.offline_sets", "lists no offline evaluation set"),
        ("evaluation.confidence_threshold", "is missing"),
        ("evaluation.launch_criteria", "is missing"),
        ("failure_modes.modes[0].fallbacks", "names fallback 'retry-later', which is not defined"),
        (
            "failure_modes.modes[1].fallbacks",
            "failure mode 'invented-decision' is unacceptable but no fallback handles it",
        ),
        ("fallbacks", "lists no fallback"),
    ]
    # At review nothing is deferred: every gap blocks.
    assert blockers == [path for path, _ in gaps]


def test_draft_defers_only_the_gaps_recorded_as_open_questions() -> None:
    gaps, blockers = _gaps("invoice-extraction-draft.yaml")
    assert gaps == [
        ("baseline.measured_value", "has no number"),
        ("evaluation.offline_sets", "lists no offline evaluation set"),
        ("evaluation.confidence_threshold", "is missing"),
        ("evaluation.launch_criteria", "is missing"),
        ("monitoring.owner", "is missing"),
        ("monitoring.cadence", "is missing"),
        ("monitoring.retraining_trigger", "is missing"),
        ("monitoring.signals", "has no signal with an alert threshold"),
        ("rollout.phases", "is missing"),
        ("rollout.rollback_trigger", "is missing"),
        ("rollout.kill_switch", "is missing"),
        ("rollout.kill_switch_owner", "is missing"),
    ]
    # evaluation and monitoring are named by open questions; baseline and rollout are not.
    assert blockers == [
        "baseline.measured_value",
        "rollout.phases",
        "rollout.rollback_trigger",
        "rollout.kill_switch",
        "rollout.kill_switch_owner",
    ]
