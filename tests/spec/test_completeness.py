"""Each completeness rule fails when it should: one change to a complete spec, one exact gap.

Cases are data: a change to the support-copilot sample (as a dict) and the gap it must cause.
The unchanged sample has no gap at all (tests/spec/test_samples.py), so each gap below comes
from its change alone.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from prd_forge import catalogue, concerns
from prd_forge.spec.completeness import Gap, blocking, find_gaps
from prd_forge.spec.model import Spec
from prd_forge.spec.stakes import human_review_required

Data = dict[str, Any]
ROOT = Path(__file__).resolve().parents[2]
SAMPLE: Data = yaml.safe_load(
    (ROOT / "samples" / "support-reply-copilot.yaml").read_text(encoding="utf-8")
)


def changed(change: Callable[[Data], object]) -> Spec:
    data = copy.deepcopy(SAMPLE)
    change(data)
    return Spec.model_validate(data)


def gaps_of(change: Callable[[Data], object]) -> list[tuple[str, str]]:
    return [(gap.path, gap.message) for gap in find_gaps(changed(change))]


def _state(data: Data, name: str) -> Data:
    return next(state for state in data["ux_states"] if state["state"] == name)


def _no_human_stakes(data: Data, *, drop_review_state: bool = False) -> Data:
    for mode in data["failure_modes"]["modes"]:
        if mode["severity"] == "unacceptable":
            mode["severity"] = "expensive"
    for fallback in data["fallbacks"]:
        if fallback["behaviour"] == "route-to-human":
            fallback.update(behaviour="fall-back-to-baseline", ux_state="fallback")
    if drop_review_state:
        data["ux_states"].remove(_state(data, "human-review"))
    return data


RULES: list[tuple[str, Callable[[Data], object], list[tuple[str, str]]]] = [
    (
        "no-failure-mode",
        lambda d: d["failure_modes"].update(modes=[]),
        [("failure_modes.modes", "lists no failure mode")],
    ),
    (
        "expensive-mode-without-fallback",
        lambda d: d["failure_modes"]["modes"][0].update(fallbacks=[]),
        [
            (
                "failure_modes.modes[0].fallbacks",
                "failure mode 'wrong-policy-answer' is expensive but no fallback handles it",
            )
        ],
    ),
    (
        "annoying-mode-may-go-without-fallback",
        lambda d: d["failure_modes"]["modes"][2].update(fallbacks=[]),
        [],
    ),
    (
        "dangling-fallback-reference",
        lambda d: d["failure_modes"]["modes"][3].update(fallbacks=["retry-later"]),
        [
            (
                "failure_modes.modes[3].fallbacks",
                "names fallback 'retry-later', which is not defined",
            )
        ],
    ),
    (
        "fallback-names-undescribed-state",
        lambda d: d["fallbacks"][3].update(ux_state="stale"),
        [("fallbacks[3].ux_state", "names UX state 'stale', which is not described")],
    ),
    (
        "fallback-without-ux-state",
        lambda d: d["fallbacks"][3].pop("ux_state"),
        [("fallbacks[3].ux_state", "is missing")],
    ),
    (
        "no-fallback",
        lambda d: d.update(fallbacks=[]),
        [
            (
                "failure_modes.modes[0].fallbacks",
                "names fallback 'hold-low-confidence', which is not defined",
            ),
            (
                "failure_modes.modes[0].fallbacks",
                "names fallback 'route-to-senior', which is not defined",
            ),
            (
                "failure_modes.modes[1].fallbacks",
                "names fallback 'block-unsafe-draft', which is not defined",
            ),
            (
                "failure_modes.modes[1].fallbacks",
                "names fallback 'route-to-senior', which is not defined",
            ),
            (
                "failure_modes.modes[2].fallbacks",
                "names fallback 'hold-low-confidence', which is not defined",
            ),
            (
                "failure_modes.modes[3].fallbacks",
                "names fallback 'draft-timeout', which is not defined",
            ),
            ("fallbacks", "lists no fallback"),
        ],
    ),
    (
        "no-low-confidence-fallback",
        lambda d: d["fallbacks"][0].update(trigger="empty-retrieval"),
        [("fallbacks", "says nothing about low confidence")],
    ),
    (
        "duplicate-fallback-id",
        lambda d: d["fallbacks"][3].update(id="hold-low-confidence"),
        [
            (
                "failure_modes.modes[3].fallbacks",
                "names fallback 'draft-timeout', which is not defined",
            ),
            ("fallbacks", "has 'hold-low-confidence' twice"),
        ],
    ),
    (
        "no-loading-state",
        lambda d: d["ux_states"].remove(_state(d, "loading")),
        [("ux_states", "does not describe the 'loading' state")],
    ),
    (
        "no-error-state",
        lambda d: d["ux_states"].remove(_state(d, "error")),
        [
            ("fallbacks[3].ux_state", "names UX state 'error', which is not described"),
            ("ux_states", "does not describe the 'error' state"),
        ],
    ),
    (
        "no-human-review-state-when-a-mode-is-unacceptable",
        lambda d: d["ux_states"].remove(_state(d, "human-review")),
        [
            ("fallbacks[1].ux_state", "names UX state 'human-review', which is not described"),
            (
                "ux_states",
                "does not describe the 'human-review' state (a failure mode is unacceptable "
                "or a fallback routes to a human)",
            ),
        ],
    ),
    (
        "human-review-state-optional-without-human-stakes",
        lambda d: _no_human_stakes(d, drop_review_state=True),
        [],
    ),
    (
        "ux-state-without-actions",
        lambda d: _state(d, "error").update(user_can=[]),
        [("ux_states[4].user_can", "is missing")],
    ),
    (
        "no-offline-evaluation-set",
        lambda d: d["evaluation"].update(offline_sets=[]),
        [("evaluation.offline_sets", "lists no offline evaluation set")],
    ),
    (
        "evaluation-set-without-threshold",
        lambda d: d["evaluation"]["offline_sets"][1].update(thresholds=[]),
        [("evaluation.offline_sets[1].thresholds", "is missing")],
    ),
    (
        "evaluation-set-overlapping-training",
        lambda d: d["evaluation"]["offline_sets"][0].update(kept_apart_from_training=False),
        [
            (
                "evaluation.offline_sets[0].kept_apart_from_training",
                "overlaps the training data, so its scores are optimistic",
            )
        ],
    ),
    (
        "no-launch-criteria",
        lambda d: d["evaluation"].pop("launch_criteria"),
        [("evaluation.launch_criteria", "is missing")],
    ),
    (
        "metric-without-target",
        lambda d: d["metrics"][0].pop("target"),
        [("metrics[0].target", "is missing")],
    ),
    (
        "no-guardrail-metric",
        lambda d: d.update(metrics=[m for m in d["metrics"] if m["kind"] != "guardrail"]),
        [("metrics", "has no guardrail metric")],
    ),
    (
        "no-baseline",
        lambda d: d.pop("baseline"),
        [("baseline.kind", "is missing: say what the feature beats today")],
    ),
    (
        "baseline-none-without-reason",
        lambda d: d.update(baseline={"kind": "none"}),
        [("baseline.no_baseline_reason", "is missing")],
    ),
    (
        "baseline-none-with-reason",
        lambda d: d.update(baseline={"kind": "none", "no_baseline_reason": "A new capability"}),
        [],
    ),
    (
        "baseline-value-without-number",
        lambda d: d["baseline"].update(measured_value="Slow, per the agents"),
        [("baseline.measured_value", "has no number")],
    ),
    (
        "data-source-without-approval",
        lambda d: d["data_sources"][0].pop("approved_by"),
        [("data_sources[0].approved_by", "is missing")],
    ),
    (
        "data-source-silent-on-pii",
        lambda d: d["data_sources"][0].pop("contains_pii"),
        [("data_sources[0].contains_pii", "is missing")],
    ),
    (
        "pii-without-handling",
        lambda d: d["data_sources"][1].pop("pii_handling"),
        [("data_sources[1].pii_handling", "is missing although the source holds PII")],
    ),
    (
        "monitoring-without-owner",
        lambda d: d["monitoring"].pop("owner"),
        [("monitoring.owner", "is missing")],
    ),
    (
        "monitoring-without-alerting-signal",
        lambda d: d["monitoring"].update(signals=[{"name": "Discard rate", "kind": "quality"}]),
        [
            ("monitoring.signals", "has no signal with an alert threshold"),
            ("monitoring.signals[0].alert_threshold", "is missing"),
        ],
    ),
    (
        "rollout-without-rollback-trigger",
        lambda d: d["rollout"].pop("rollback_trigger"),
        [("rollout.rollback_trigger", "is missing")],
    ),
    (
        "open-question-due-not-a-date",
        lambda d: d["open_questions"][0].update(due="next sprint"),
        [("open_questions[0].due", "'next sprint' is not a date; write it as YYYY-MM-DD")],
    ),
    (
        "open-question-blocks-nothing-known",
        lambda d: d["open_questions"][0].update(blocks="launch"),
        [("open_questions[0].blocks", "'launch' is neither a concern id nor a top-level field")],
    ),
]


@pytest.mark.parametrize(("change", "expected"), [r[1:] for r in RULES], ids=[r[0] for r in RULES])
def test_rule(change: Callable[[Data], object], expected: list[tuple[str, str]]) -> None:
    assert gaps_of(change) == expected


def test_human_review_follows_the_stakes() -> None:
    assert human_review_required(changed(lambda d: None))
    assert not human_review_required(changed(_no_human_stakes))


def _open_fallbacks(data: Data, status: str, blocks: str | None) -> Data:
    """No offline evaluation set, at `status`, with an open question blocking `blocks`."""
    data["feature"]["status"] = status
    data["evaluation"]["offline_sets"] = []
    if blocks:
        data["open_questions"].append(
            {"question": "Which set?", "owner": "Dana", "due": "2026-12-01", "blocks": blocks}
        )
    return data


@pytest.mark.parametrize("blocks", ["evaluation", "evaluation.offline_sets"])
def test_draft_defers_a_gap_recorded_as_an_open_question(blocks: str) -> None:
    spec = changed(lambda d: _open_fallbacks(d, "draft", blocks))
    gaps = find_gaps(spec)
    assert [gap.path for gap in gaps] == ["evaluation.offline_sets"]
    assert blocking(spec, gaps) == []


def test_draft_open_question_on_another_path_defers_nothing() -> None:
    spec = changed(lambda d: _open_fallbacks(d, "draft", "evaluation.launch_criteria"))
    assert [gap.path for gap in blocking(spec, find_gaps(spec))] == ["evaluation.offline_sets"]


def test_draft_without_open_question_blocks() -> None:
    spec = changed(lambda d: _open_fallbacks(d, "draft", None))
    assert [gap.path for gap in blocking(spec, find_gaps(spec))] == ["evaluation.offline_sets"]


@pytest.mark.parametrize("status", ["review", "approved", "launched"])
def test_later_statuses_accept_no_gap_even_with_an_open_question(status: str) -> None:
    spec = changed(lambda d: _open_fallbacks(d, status, "evaluation"))
    assert [gap.path for gap in blocking(spec, find_gaps(spec))] == ["evaluation.offline_sets"]


@pytest.mark.parametrize("status", ["draft", "review"])
def test_recommended_concerns_never_block(status: str) -> None:
    spec = changed(lambda d: (d.pop("privacy"), d["feature"].update(status=status)))
    gaps = find_gaps(spec)
    assert {gap.concern for gap in gaps} == {"privacy"}
    assert blocking(spec, gaps) == []


def _delete(data: Data, path: str) -> None:
    *parents, last = path.split(".")
    for key in parents:
        data = data[key]
    data.pop(last, None)


COMPLETE_SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))


@pytest.mark.parametrize("sample", COMPLETE_SAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("concern", [c for c in catalogue.CONCERNS if c.id != "open-questions"])
def test_dropping_a_concerns_fields_never_passes_silently(
    sample: Path, concern: catalogue.Concern
) -> None:
    """The product's promise on structured specs: remove what answers a concern, get its gap."""
    data = yaml.safe_load(sample.read_text(encoding="utf-8"))
    for path in concern.fields:
        _delete(data, path)
    spec = Spec.model_validate(data)
    gaps = find_gaps(spec)
    assert concern.id in {gap.concern for gap in gaps}
    assert bool(blocking(spec, gaps)) is concern.required


def _every_kind_of_gap() -> list[Gap]:
    """Gaps from specs that between them take every branch that words a gap."""
    bare = {"feature": {"name": "Bare"}, "open_questions": [{"question": "Q?", "blocks": "nope"}]}
    crafted = {
        "feature": {"name": "Crafted"},
        "baseline": {"kind": "manual", "measured_value": "fast"},
        "data_sources": [{"name": "tickets", "contains_pii": True}],
        "metrics": [{"name": "time saved"}],
        "evaluation": {"offline_sets": [{"name": "golden", "kept_apart_from_training": False}]},
        "fallbacks": [{"id": "manual", "ux_state": "error"}],
        "failure_modes": {
            "modes": [
                {"id": "wrong", "severity": "unacceptable", "fallbacks": ["nowhere"]},
                {"id": "slow", "severity": "expensive"},
            ]
        },
    }
    return [gap for data in (bare, crafted) for gap in find_gaps(Spec.model_validate(data))]


def test_every_gap_message_of_every_concern_is_the_one_check_reports() -> None:
    """Completeness words its gaps with the concern's own messages: none is unused (a stale
    copy), and a message asked for by a key the concern lacks fails here with a KeyError."""
    gaps = _every_kind_of_gap()
    for concern in concerns.current():
        for said in concern.gaps:
            shape = re.escape(said.message).replace(r"\{", "{").replace(r"\}", "}")
            pattern = re.sub(r"\{\w+\}", ".+", shape)
            assert any(
                gap.concern == concern.id and re.fullmatch(pattern, gap.message) for gap in gaps
            ), (concern.id, said.key)
