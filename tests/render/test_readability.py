"""The rendered PRD reads well: a summary on top, words not enum values, units on both sides
of a target, tables GitHub shows without scrolling, a state diagram with nothing left out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from prd_forge.render import api, context, diagram
from prd_forge.spec.load import load_spec
from prd_forge.spec.model import Spec
from tests.render.helpers import complete_data, spec_from

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
# GitHub's content column fits about five columns of PRD text before a table scrolls.
MAX_COLUMNS = 5


def _rendered(sample: Path) -> tuple[Spec, str]:
    spec = load_spec(sample).spec
    return spec, api.render_markdown(spec)


@pytest.mark.parametrize("sample", SAMPLES, ids=[path.stem for path in SAMPLES])
def test_a_summary_opens_the_prd(sample: Path) -> None:
    spec, text = _rendered(sample)
    top = text.split("\n## ", 1)[0]
    labels = re.findall(r"^- \*\*(.+?):\*\* (.+)$", top, re.MULTILINE)
    assert [label for label, _ in labels] == [
        "For whom",
        "Worst error",
        "Launch gate",
        "Owner",
        "Status",
    ]
    values = dict(labels)
    assert spec.feature.owner is not None and values["Owner"] == spec.feature.owner
    assert spec.evaluation.launch_criteria[0] in values["Launch gate"].replace("\\", "")


@pytest.mark.parametrize("sample", SAMPLES, ids=[path.stem for path in SAMPLES])
def test_no_table_is_wider_than_github_shows(sample: Path) -> None:
    _, text = _rendered(sample)
    widths = {line.count("|") - 1 for line in text.splitlines() if line.startswith("|---")}
    assert max(widths) <= MAX_COLUMNS


@pytest.mark.parametrize("sample", SAMPLES, ids=[path.stem for path in SAMPLES])
def test_enum_values_read_as_words(sample: Path) -> None:
    spec, text = _rendered(sample)
    row = re.search(r"^\| Task the model takes on \| (.+) \|$", text, re.MULTILINE)
    assert row is not None and spec.problem.ai_task is not None
    assert row.group(1) != spec.problem.ai_task.value and " " in row.group(1)


@pytest.mark.parametrize("sample", SAMPLES, ids=[path.stem for path in SAMPLES])
def test_a_baseline_carries_the_unit_of_its_target(sample: Path) -> None:
    spec, text = _rendered(sample)
    for metric in spec.metrics:
        if metric.baseline is None or metric.target is None or not metric.target.unit:
            continue
        row = next(line for line in text.splitlines() if line.startswith(f"| {metric.name} |"))
        baseline = row.split(" | ")[2].split(" → ")[0]
        assert baseline.endswith(metric.target.unit), row


def test_the_baseline_unit_is_joined_like_the_target() -> None:
    data = complete_data()
    data["metrics"][0].update(
        baseline=3.2, target={"comparator": "<=", "value": 1, "unit": "hours"}
    )
    data["metrics"][1].update(baseline=40, target={"comparator": ">=", "value": 60, "unit": "%"})
    text = api.render_markdown(spec_from(data))
    assert "| 3.2 hours → ≤ 1 hours |" in text and "| 40% → ≥ 60% |" in text


def _diagram(spec: Spec) -> diagram.Diagram:
    drawn = diagram.parse(str(context.mermaid(spec)).removeprefix("```mermaid\n")[:-3])
    assert drawn is not None
    return drawn


def _reachable(drawn: diagram.Diagram) -> set[str]:
    seen, frontier = {diagram.START}, [diagram.START]
    while frontier:
        node = frontier.pop()
        for source, target, _ in drawn.arrows:
            if source == node and target not in seen:
                seen.add(target)
                frontier.append(target)
    return seen


@pytest.mark.parametrize("sample", SAMPLES, ids=[path.stem for path in SAMPLES])
def test_every_state_is_reachable_and_every_fallback_drawn(sample: Path) -> None:
    spec = load_spec(sample).spec
    drawn = _diagram(spec)
    assert {node for node, _ in drawn.states} <= _reachable(drawn)
    labels = " ".join(label for _, _, label in drawn.arrows)
    for fallback in spec.fallbacks:
        assert f"({fallback.id})" in labels


def test_a_fallback_into_an_undescribed_state_still_gets_its_arrow() -> None:
    data = complete_data()
    data["fallbacks"][0]["ux_state"] = "refusal"
    spec = spec_from(data)
    assert "refusal" not in [state.state.value for state in spec.ux_states]
    drawn = _diagram(spec)
    fallback = data["fallbacks"][0]
    assert ("refusal", "refusal") in drawn.states
    assert ("loading", "refusal", f"{fallback['trigger']} ({fallback['id']})") in drawn.arrows
    assert {node for node, _ in drawn.states} <= _reachable(drawn)
