"""Coverage is a pure function of the document, the concerns and the configured aliases and
sections: which rules are selected, ignored or suppressed never changes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from prd_forge.lint import Config, lint_text
from prd_forge.lint.rules import REGISTRY

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "docs"
DOCS = sorted(CORPUS.glob("*.md"))[::6]
CONFIGS = (
    Config(ignore=tuple(rule.code for rule in REGISTRY)),
    Config(ignore=("PRD101",)),
    Config(select=("PRD001",)),
    Config(select=("metrics",)),
)
METRICS_WITHOUT_TARGETS = """# Reading lists

## Problem

Teachers spend an hour a week building reading lists by hand for each class they teach.

## Success metrics

- Teachers build lists faster with the suggestions than without them.
- More students finish the books that are on their reading list this term.
"""


@pytest.mark.parametrize("doc", DOCS, ids=[path.stem for path in DOCS])
def test_no_selection_changes_coverage(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    expected = lint_text(text).coverage
    for config in CONFIGS:
        assert lint_text(text, config=config).coverage == expected, config


def test_ignoring_or_suppressing_the_target_rule_keeps_metrics_partial() -> None:
    plain = lint_text(METRICS_WITHOUT_TARGETS).coverage["metrics"]
    ignored = lint_text(METRICS_WITHOUT_TARGETS, config=Config(ignore=("PRD101",)))
    suppressed = lint_text(
        METRICS_WITHOUT_TARGETS.replace(
            "## Success metrics\n",
            "## Success metrics\n\n<!-- prd-forge-ignore PRD101 -- targets come next week -->\n",
        )
    )
    assert plain == "partial"
    assert ignored.coverage["metrics"] == suppressed.coverage["metrics"] == "partial"
    assert "PRD101" not in {f.code for f in (*ignored.findings, *suppressed.findings)}
