"""Golden files: every complete sample's rendered PRD is committed beside it in samples/.

When a change to the template or the renderer is intended, regenerate them with

    PRD_FORGE_REGEN=1 python -m pytest tests/render/test_golden.py

and review the diff of samples/*.md (and tests/render/golden/) like any other change.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from prd_forge.render import api, html
from prd_forge.spec.load import load_spec
from tests.golden import matches_golden

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
HTML_GOLDEN = Path(__file__).resolve().parent / "golden" / "support-reply-copilot.html"


compare = matches_golden


def test_there_are_complete_samples() -> None:
    assert len(SAMPLES) >= 4


@pytest.mark.parametrize("sample", SAMPLES, ids=[path.stem for path in SAMPLES])
def test_the_rendered_sample_matches_its_golden_file(sample: Path) -> None:
    compare(sample.with_suffix(".md"), api.render_markdown(load_spec(sample).spec))


def test_every_golden_prd_has_its_sample() -> None:
    goldens = {path.stem for path in (ROOT / "samples").glob("*.md")}
    assert goldens == {path.stem for path in SAMPLES}


def test_the_html_page_matches_its_golden_file() -> None:
    sample = ROOT / "samples" / "support-reply-copilot.yaml"
    loaded = load_spec(sample)
    page = html.page(api.render_markdown(loaded.spec), title=loaded.spec.feature.name or "")
    compare(HTML_GOLDEN, page)
