"""The render guard reads a PRD with lint's own analysis, so the two cannot disagree about a
heading (they did for the three headings below)."""

from __future__ import annotations

import pytest

from prd_forge.lint import lint_text
from prd_forge.render import api, guard
from tests.render.helpers import complete_spec

HEADINGS = ("## 9. Fallbacks", "## Fallback plan and recovery", "## Risks & mitigations")


@pytest.mark.parametrize("heading", HEADINGS)
def test_the_guard_and_lint_agree_on_a_fallbacks_heading(heading: str) -> None:
    text = api.render_markdown(complete_spec())
    renamed = text.replace("## Fallbacks\n", f"{heading}\n", 1)
    assert renamed != text
    assert lint_text(renamed).coverage["fallbacks"] == "present"
    assert ("fallbacks", "missing") not in guard.uncovered(renamed)
    assert guard.uncovered(renamed) == []
