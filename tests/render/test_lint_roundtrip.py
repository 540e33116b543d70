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
