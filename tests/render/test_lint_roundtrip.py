"""Render and lint are inverse views of the catalogue: a complete spec's PRD lints clean at the
strictest preset, and a draft never does."""

from __future__ import annotations

from pathlib import Path

import pytest

from prd_forge import catalogue
from prd_forge.lint import Config, fails, lint_text
from prd_forge.render import api
from prd_forge.spec.load import load_spec

ROOT = Path(__file__).resolve().parents[2]
COMPLETE = sorted((ROOT / "samples").glob("*.yaml"))
INCOMPLETE = sorted((ROOT / "samples" / "incomplete").glob("*.yaml"))
STRICT = Config(preset="strict")

# Findings we judge to be lint false positives on rendered samples (reported to the lead rather
# than worked around in the template). Allowed, not required: fixing lint must not fail this.
KNOWN_FALSE_POSITIVES = {
    # "A missed fraud costs 20 to 40 times more, so we tune for recall" does say which error is
    # worse; the rule's word list misses "costs ... more", and the template's "Which error is
    # worse." label is read as a pseudo-heading, not as text.
    ("fraud-flagging-classifier", "PRD123"),
    # "Six grey placeholder tiles" describes the loading skeleton, not an unfinished answer.
    ("playlist-recommender", "PRD005"),
}


@pytest.mark.parametrize("sample", COMPLETE, ids=[path.stem for path in COMPLETE])
def test_a_rendered_complete_sample_lints_clean_at_the_strictest_preset(sample: Path) -> None:
    text = api.render_markdown(load_spec(sample).spec)
    report = lint_text(text, path=sample.stem, config=STRICT, stage="launch")
    assert report.coverage == dict.fromkeys(catalogue.IDS, "present")
    unexpected = [
        finding
        for finding in report.findings
        if (sample.stem, finding.code) not in KNOWN_FALSE_POSITIVES
    ]
    assert unexpected == []


@pytest.mark.parametrize("sample", INCOMPLETE, ids=[path.stem for path in INCOMPLETE])
def test_a_draft_does_not_pass_lint(sample: Path) -> None:
    text = api.render_markdown(load_spec(sample).spec, draft=True)
    report = lint_text(text, path=sample.stem)
    assert fails(report, "error")
    assert "open-blocker" in {finding.name for finding in report.findings}
