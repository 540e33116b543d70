"""Meta-tests over the registry: every rule is documented, and its own examples prove it."""

from __future__ import annotations

import re

import pytest

from prd_forge import catalogue
from prd_forge.lint import Config, lint_text
from prd_forge.lint.rules import ANY_CONCERN, REGISTRY, Rule
from prd_forge.terms import Severity

AI = Config(ai=True)


def _codes(text: str) -> set[str]:
    return {finding.code for finding in lint_text(text, config=AI).findings}


def test_codes_and_names_are_unique_and_well_formed() -> None:
    assert len({rule.code for rule in REGISTRY}) == len(REGISTRY)
    assert len({rule.name for rule in REGISTRY}) == len(REGISTRY)
    for rule in REGISTRY:
        assert re.fullmatch(r"PRD\d{3}", rule.code), rule.code
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.name), rule.name


@pytest.mark.parametrize("rule", REGISTRY, ids=lambda rule: rule.code)
def test_rule_is_documented(rule: Rule) -> None:
    assert rule.concern == ANY_CONCERN or rule.concern in catalogue.IDS
    assert isinstance(rule.severity, Severity)
    for text in (rule.summary, rule.why, rule.anchor, rule.good, rule.bad):
        assert text.strip(), rule.code


@pytest.mark.parametrize("rule", REGISTRY, ids=lambda rule: rule.code)
def test_bad_example_triggers_the_rule(rule: Rule) -> None:
    assert rule.code in _codes(rule.bad)


@pytest.mark.parametrize("rule", REGISTRY, ids=lambda rule: rule.code)
def test_good_example_does_not(rule: Rule) -> None:
    # A fragment cannot cover every concern, so document-wide rules are judged only on the
    # concerns the example is about.
    report = lint_text(rule.good, config=AI)
    shown = {concern for concern, state in report.coverage.items() if state != "missing"}
    hits = [f for f in report.findings if f.code == rule.code]
    if rule.concern == ANY_CONCERN:
        hits = [f for f in hits if f.concern in shown]
    assert not hits
