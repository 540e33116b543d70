"""docs/rules.md is generated from the registry; this keeps it current.

Regenerate with: python -m prd_forge rules --markdown > docs/rules.md
"""

from __future__ import annotations

from pathlib import Path

from prd_forge.lint.docs import markdown
from prd_forge.lint.rules import REGISTRY

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_rules_md_is_current() -> None:
    assert DOCS.read_text(encoding="utf-8") == markdown(), (
        "docs/rules.md is stale: python -m prd_forge rules --markdown > docs/rules.md"
    )


def test_every_rule_has_a_section() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for rule in REGISTRY:
        assert f"\n## {rule.code} {rule.name}\n" in text
