"""Finding concerns the way a reader does, in the house styles real PRDs use."""

from __future__ import annotations

import pytest

from prd_forge.lint import Config, lint_text

AI = Config(ai=True)
FALLBACK = "When confidence is below 0.7 we hide the draft and the agent uses the macro picker."


@pytest.mark.parametrize(
    ("text", "state"),
    [
        (f"# PRD\n\n## 4.2 Plan B 🛟\n\n{FALLBACK}\n", "present"),
        (f"Title\n=====\n\nGraceful degradation\n--------------------\n\n{FALLBACK}\n", "present"),
        (f"T\n=\n\n1. Intro\n---\n\nText.\n\n9. Plan B\n---\n\n{FALLBACK}\n", "present"),
        (f"# PRD\n\n## Intro\n\n1. Plan B\n\n---\n\n{FALLBACK}\n", "partial"),
        (f"# PRD\n\n## Overview\n\nText here.\n\n**Fallbacks:** {FALLBACK}\n", "present"),
        (f"# PRD\n\n<h2>Fallback behaviour</h2>\n\n<p>{FALLBACK}</p>\n", "present"),
        (
            "# PRD\n\n## Design\n\n<details>\n<summary>Fallbacks</summary>\n\n"
            f"{FALLBACK}\n\n</details>\n",
            "present",
        ),
        (f"# PRD\n\n| Section | Details |\n|---|---|\n| **Fallbacks** | {FALLBACK} |\n", "present"),
        (f"# PRD\n\n## Design\n\n- **Fallback:** {FALLBACK}\n", "present"),
        (
            "# PRD\n\n## Risks\n\n| Risk | Mitigation |\n|---|---|\n"
            "| Wrong reply | Agent edits it |\n",
            "present",
        ),
        ("# PRD\n\n## Fallbacks\n\nTBD\n", "hollow"),
        ("# PRD\n\n## Fallbacks\n\n<!-- what happens when the model is unsure -->\n", "hollow"),
        ("# PRD\n\n## Fallbacks\n\nN/A\n", "hollow"),
        ("# PRD\n\n## Fallbacks\n\nShow the macro picker.\n", "partial"),
        (
            "# PRD\n\n## Open questions\n\n- What is the fallback when the model is unsure?\n",
            "missing",
        ),
        ("---\nowner: fallback\n---\n# PRD\n\n## Overview\n\nText about the feature.\n", "missing"),
    ],
    ids=[
        "numbered-emoji-alias",
        "setext",
        "numbered-setext",
        "one-item-list-then-a-rule-is-no-heading",
        "bold-pseudo-heading",
        "html-heading",
        "details",
        "section-table",
        "labelled-item",
        "risk-table",
        "tbd",
        "comment-only",
        "na-without-reason",
        "thin",
        "only-an-open-question",
        "front-matter-is-not-a-heading",
    ],
)
def test_fallbacks_coverage(text: str, state: str) -> None:
    assert lint_text(text, config=AI).coverage["fallbacks"] == state


def test_every_concern_is_reported_and_plain_prds_are_not_ai() -> None:
    report = lint_text("# Saved filters\n\n## Problem\n\nUsers rebuild filters daily.\n")
    assert report.ai is False
    assert set(report.coverage) == {
        "problem", "ai-fit", "scope", "baseline", "error-cost", "data", "metrics",
        "evaluation", "fallbacks", "ux-states", "human-oversight", "monitoring", "rollout",
        "privacy", "open-questions",
    }  # fmt: skip
