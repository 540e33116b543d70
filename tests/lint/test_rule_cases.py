"""Rule cases as data: tests/lint/cases/<CODE>-<name>.md holds pass and fail Markdown cases.

Each case starts with `<!-- case: pass -->` or `<!-- case: fail -->` (anything after the word
is a note) and is linted on its own as an AI-feature PRD. A fail case must produce the rule's
finding; a pass case must not, for the concerns the case is about.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from prd_forge.lint import Config, lint_text
from prd_forge.lint.rules import ANY_CONCERN, REGISTRY, Rule

CASES = Path(__file__).parent / "cases"
_MARK = re.compile(r"^<!-- case: (pass|fail)\b[^\n]*-->\n", re.MULTILINE)
AI = Config(ai=True)


def _cases() -> list[tuple[Rule, str, int, str]]:
    found = []
    for rule in REGISTRY:
        path = CASES / f"{rule.code}-{rule.name}.md"
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        marks = list(_MARK.finditer(text))
        for index, mark in enumerate(marks):
            end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
            found.append((rule, mark.group(1), index + 1, text[mark.end() : end]))
    return found


def test_every_rule_has_pass_and_fail_cases() -> None:
    kinds: dict[str, set[str]] = {}
    for rule, kind, _, _ in _cases():
        kinds.setdefault(rule.code, set()).add(kind)
    for rule in REGISTRY:
        assert kinds.get(rule.code) == {"pass", "fail"}, f"{rule.code}: add {CASES.name}/ cases"
    names = {f"{rule.code}-{rule.name}.md" for rule in REGISTRY}
    assert {path.name for path in CASES.glob("*.md")} <= names


@pytest.mark.parametrize(
    ("rule", "kind", "number", "text"),
    _cases(),
    ids=[f"{r.code}-{k}-{n}" for r, k, n, _ in _cases()],
)
def test_case(rule: Rule, kind: str, number: int, text: str) -> None:
    report = lint_text(text, config=AI)
    hits = [f for f in report.findings if f.code == rule.code]
    if kind == "fail":
        assert hits, f"{rule.code} case {number} should fail"
        return
    if rule.concern == ANY_CONCERN:
        shown = {c for c, state in report.coverage.items() if state != "missing"}
        hits = [f for f in hits if f.concern in shown]
    assert not hits, [f.message for f in hits]
