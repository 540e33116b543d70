"""Inline suppression comments: a reason is required, targets must exist."""

from __future__ import annotations

from prd_forge.lint import Config, lint_text

AI = Config(ai=True)
BASE = "# Reading list\n\n## Fallbacks\n\nTBD\n\n## Requirements\n\n- Loads fast.\n"


def _codes(text: str) -> list[tuple[str, str, int]]:
    return [(f.code, f.concern, f.line) for f in lint_text(text, config=AI).findings]


def test_file_wide_suppression_by_concern_with_a_reason() -> None:
    before = _codes(BASE)
    assert ("PRD002", "fallbacks", 3) in before
    after = _codes(
        BASE + "\n<!-- prd-forge-ignore fallbacks -- read-only list, nothing to fall back -->\n"
    )
    assert not [c for c in after if c[1] == "fallbacks"]


def test_suppression_without_reason_suppresses_nothing_and_is_a_finding() -> None:
    codes = _codes(BASE + "\n<!-- prd-forge-ignore fallbacks -->\n")
    assert ("PRD002", "fallbacks", 3) in codes
    assert [c for c in codes if c[0] == "PRD008"] == [("PRD008", "fallbacks", 11)]


def test_unknown_target_is_a_finding() -> None:
    codes = _codes(BASE + "\n<!-- prd-forge-ignore fallback -- typo -->\n")
    assert ("PRD009", "", 11) in codes  # a typo names no concern


def test_next_line_suppression_by_rule_name() -> None:
    text = BASE.replace(
        "- Loads fast.",
        "<!-- prd-forge-ignore-next-line vague-quality-word -- Fast is the product name -->\n\n"
        "- Loads fast.",
    )
    codes = _codes(text)
    assert not [c for c in codes if c[0] == "PRD103"]
    assert [c for c in _codes(BASE) if c[0] == "PRD103"] == [("PRD103", "metrics", 9)]


def test_suppression_by_code_inside_code_fence_is_ignored() -> None:
    text = BASE + "\n```\n<!-- prd-forge-ignore fallbacks -- inside code -->\n```\n"
    assert ("PRD002", "fallbacks", 3) in _codes(text)
