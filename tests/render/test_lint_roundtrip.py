"""Render and lint are inverse views of the catalogue: a complete spec's PRD lints clean at the
strictest preset, and a draft never does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from prd_forge import catalogue
from prd_forge.lint import Config, fails, lint_text
from prd_forge.render import api
from prd_forge.spec.completeness import find_gaps
from prd_forge.spec.load import load_spec
from prd_forge.spec.model import Spec

ROOT = Path(__file__).resolve().parents[2]
COMPLETE = sorted((ROOT / "samples").glob("*.yaml"))
INCOMPLETE = sorted((ROOT / "samples" / "incomplete").glob("*.yaml"))
STRICT = Config(preset="strict")


@pytest.mark.parametrize("sample", COMPLETE, ids=[path.stem for path in COMPLETE])
def test_a_rendered_complete_sample_lints_clean_at_the_strictest_preset(sample: Path) -> None:
    text = api.render_markdown(load_spec(sample).spec)
    report = lint_text(text, path=sample.stem, config=STRICT, stage="launch")
    assert report.coverage == dict.fromkeys(catalogue.IDS, "present")
    assert report.findings == ()


@pytest.mark.parametrize("sample", INCOMPLETE, ids=[path.stem for path in INCOMPLETE])
def test_a_draft_does_not_pass_lint(sample: Path) -> None:
    text = api.render_markdown(load_spec(sample).spec, draft=True)
    report = lint_text(text, path=sample.stem)
    assert fails(report, "error")
    assert "open-blocker" in {finding.name for finding in report.findings}


def _without_human_stakes(data: dict[str, Any]) -> dict[str, Any]:
    """The sample, lowered to stakes that do not call for human review: nothing unacceptable,
    no fallback that hands the case to a person, and no human-review state."""
    for mode in data["failure_modes"]["modes"]:
        if mode["severity"] == "unacceptable":
            mode["severity"] = "expensive"
    for fallback in data["fallbacks"]:
        if fallback["behaviour"] == "route-to-human":
            fallback["behaviour"] = "fall-back-to-baseline"
        if fallback["ux_state"] == "human-review":
            fallback["ux_state"] = "fallback"
    data["ux_states"] = [s for s in data["ux_states"] if s["state"] != "human-review"]
    return data


@pytest.mark.parametrize("sample", COMPLETE, ids=[path.stem for path in COMPLETE])
def test_human_review_is_required_only_when_stakes_call_for_it(sample: Path) -> None:
    # A spec may omit the human-review state when no failure is unacceptable and no fallback
    # routes to a person (completeness); its PRD must then lint clean too. The lint side of
    # the rule (human review wanted once a fallback routes to a person) is in PRD141's cases.
    data = _without_human_stakes(yaml.safe_load(sample.read_text(encoding="utf-8")))
    spec = Spec.model_validate(data)
    assert find_gaps(spec) == []
    text = api.render_markdown(spec)
    report = lint_text(text, path="low-stakes", config=STRICT, stage="launch")
    assert report.findings == ()

    data["fallbacks"][0]["behaviour"] = "route-to-human"
    assert [gap.path for gap in find_gaps(Spec.model_validate(data))] == ["ux_states"]
