"""PRD211: a generative feature's PRD and the NIST AI 600-1 risks it leaves unaddressed."""

from __future__ import annotations

from pathlib import Path

import pytest

from prd_forge.concerns import genai_risks
from prd_forge.lint import lint_text
from prd_forge.lint._re import fold
from prd_forge.lint.rules.generative import _caseless, generative, unaddressed
from prd_forge.render.api import render_markdown
from prd_forge.spec.load import load_spec

ROOT = Path(__file__).resolve().parents[2]
COPILOT = ROOT / "samples" / "support-reply-copilot.yaml"
LLM_PRD = (
    "## Overview\n\nAn LLM drafts a reply to each support ticket; the agent edits and sends it."
    "\n\n## Privacy\n\nTicket text is masked before it reaches the model.\n"
)


def _prd211(text: str, stage: str | None = None) -> list[tuple[int, str, str]]:
    report = lint_text(text, stage=stage)
    return [(f.line, f.severity, f.message) for f in report.findings if f.code == "PRD211"]


def test_each_risk_title_counts_as_addressing_it() -> None:
    for risk in genai_risks.RISKS:
        assert unaddressed(risk.title) == [r.title for r in genai_risks.RISKS if r is not risk]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An LLM drafts replies.", True),
        ("A vision model generates a suggested alt text for each image.", True),
        ("Summaries are AI-written and marked as such.", True),
        ("We do not use an LLM for routing.", False),
        ("A gradient-boosted classifier scores each transaction.", False),
        ("The report generator exports a CSV.", False),
    ],
)
def test_what_makes_a_feature_generative(text: str, expected: bool) -> None:
    assert generative(text) is expected


def test_a_generative_prd_gets_one_finding_with_the_count_and_the_risks() -> None:
    assert _prd211(LLM_PRD, stage="review") == [
        (
            5,
            "warning",
            "a generative feature: 11 of the 12 NIST AI 600-1 risks are not addressed: CBRN "
            "information or capabilities; Confabulation; Dangerous, violent or hateful content; "
            "Environmental impacts; Harmful bias and homogenization; Human-AI configuration; "
            "Information integrity; Information security; Intellectual property; Obscene, "
            "degrading and/or abusive content; Value chain and component integration",
        )
    ]


@pytest.mark.parametrize(("stage", "severity"), [("draft", "info"), ("launch", "error")])
def test_the_finding_follows_the_stage(stage: str, severity: str) -> None:
    assert [s for _, s, _ in _prd211(LLM_PRD, stage=stage)] == [severity]


def test_never_on_a_prd_that_is_not_about_ai() -> None:
    assert _prd211("---\nai: false\n---\n" + LLM_PRD) == []


def test_a_rendered_prd_that_answers_every_risk_is_clean() -> None:
    assert _prd211(render_markdown(load_spec(COPILOT).spec), stage="launch") == []


def test_a_rendered_prd_missing_one_answer_is_told_which() -> None:
    spec = load_spec(COPILOT).spec
    text = render_markdown(spec.model_copy(update={"genai_risks": spec.genai_risks[1:]}))
    heading = text.splitlines().index("### Generative AI profile (NIST AI 600-1)") + 1
    assert _prd211(text, stage="launch") == [
        (
            heading,
            "error",
            "a generative feature: 1 of the 12 NIST AI 600-1 risks is not addressed: CBRN "
            "information or capabilities",
        )
    ]


def test_risks_are_looked_for_in_the_profile_section_when_there_is_one() -> None:
    text = (
        LLM_PRD
        + "\nWe also cover confabulation, CBRN and prompt injection here.\n\n"
        + "## Generative AI risks (NIST AI 600-1)\n\n- Confabulation: cited sources.\n"
    )
    [(line, _, message)] = _prd211(text)
    assert line == 11
    assert message.startswith("a generative feature: 11 of the 12")


def test_patterns_searched_in_folded_text_must_be_lower_case() -> None:
    # a capital letter would never match folded text: such a pattern is refused, not missed
    with pytest.raises(ValueError, match="not a lower-case pattern"):
        _caseless(r"\bLLMs?\b")
    assert _caseless(r"\bllms?\b").search(fold("Our LLM drafts replies")) is not None
