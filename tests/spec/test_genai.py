"""The generated-output risk profile (NIST AI 600-1): when it applies, what `check` reports,
at which status it blocks, and how the PRD shows it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import Result

from prd_forge.concerns import genai_risks
from prd_forge.render import api
from prd_forge.spec.completeness import blocking, find_gaps
from prd_forge.spec.model import GenaiRiskId
from tests.render.helpers import complete_data, spec_from

Invoke = Callable[..., Result]


def _profile_gaps(data: dict[str, Any]) -> list[tuple[str, str]]:
    spec = spec_from(data)
    return [(g.path, g.message) for g in find_gaps(spec) if g.path.startswith("genai_risks")]


def _unanswered(data: dict[str, Any]) -> dict[str, Any]:
    data["genai_risks"] = []
    return data


def test_the_twelve_risks_are_listed_once() -> None:
    assert len(genai_risks.RISKS) == 12
    assert len(set(genai_risks.IDS)) == 12
    assert [member.value for member in GenaiRiskId] == list(genai_risks.IDS)
    assert genai_risks.get("confabulation").title == "Confabulation"
    with pytest.raises(KeyError, match="unknown AI 600-1 risk 'hallucination'; known: cbrn"):
        genai_risks.get("hallucination")


@pytest.mark.parametrize(
    ("output_kind", "uses_tools", "applies"),
    [
        ("generated", False, True),
        ("action", False, True),
        ("classification", True, True),
        ("classification", False, False),
        ("ranking", None, False),
    ],
)
def test_the_profile_applies_to_generated_output_and_actions(
    output_kind: str, uses_tools: bool | None, applies: bool
) -> None:
    data = _unanswered(complete_data())
    data["problem"].update(output_kind=output_kind, uses_tools=uses_tools)
    gaps = _profile_gaps(data)
    assert len(gaps) == (12 if applies else 0)


def test_each_unanswered_risk_is_one_gap_that_says_why() -> None:
    data = complete_data()
    data["genai_risks"] = data["genai_risks"][1:]
    assert _profile_gaps(data) == [
        (
            "genai_risks",
            "does not answer 'cbrn' (CBRN information or capabilities), an AI 600-1 risk "
            "that applies because the output is generated",
        )
    ]


def test_answering_one_risk_opts_a_classifier_into_the_profile() -> None:
    data = _unanswered(complete_data())
    data["problem"].update(output_kind="classification", uses_tools=False)
    data["genai_risks"] = [{"risk": "data-privacy", "status": "addressed", "how": "Masked."}]
    assert len(_profile_gaps(data)) == 11


def test_an_answer_needs_its_status_and_its_how_or_reason() -> None:
    data = complete_data()
    answers = data["genai_risks"]
    answers[0] = {"risk": "cbrn", "status": "not-applicable"}
    answers[1] = {"risk": "confabulation", "status": "addressed"}
    answers[2] = {"risk": "dangerous-content"}
    answers.append({"risk": "cbrn", "status": "not-applicable", "reason": "Billing only."})
    assert _profile_gaps(data) == [
        ("genai_risks[0].reason", "is missing"),
        ("genai_risks[1].how", "is missing"),
        ("genai_risks[2].status", "is missing"),
        ("genai_risks", "answers 'cbrn' twice"),
    ]


def test_an_unknown_risk_id_is_refused_by_the_model(prd_forge: Invoke, tmp_path: Path) -> None:
    data = complete_data()
    data["genai_risks"][0]["risk"] = "hallucination"
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    line = spec.read_text(encoding="utf-8").splitlines().index("- risk: hallucination") + 1
    result = prd_forge("check", str(spec))
    assert result.exit_code == 2
    assert result.stdout.splitlines()[0] == (
        f"{spec}:{line}: genai_risks[0].risk: 'hallucination' is not one of the choices (use "
        f"one of: {', '.join(genai_risks.IDS)})"
    )


@pytest.mark.parametrize(
    ("status", "blocks"),
    [("draft", False), ("review", False), ("approved", True), ("launched", True)],
)
def test_unanswered_risks_block_from_approved_on(status: str, blocks: bool) -> None:
    data = _unanswered(complete_data())
    data["feature"]["status"] = status
    spec = spec_from(data)
    blockers = [g for g in blocking(spec, find_gaps(spec)) if g.path == "genai_risks"]
    assert len(blockers) == (12 if blocks else 0)


def test_check_reports_an_unanswered_risk_as_a_warning_in_review(
    prd_forge: Invoke, tmp_path: Path
) -> None:
    data = complete_data()
    data["genai_risks"] = data["genai_risks"][:-1]
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    line = spec.read_text(encoding="utf-8").splitlines().index("genai_risks:") + 1
    result = prd_forge("check", str(spec))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        f"{spec}:{line}: warning: genai_risks: does not answer 'value-chain' (Value chain and "
        "component integration), an AI 600-1 risk that applies because the output is generated "
        "(add 'value-chain' under genai_risks: addressed, with how; or not-applicable, with the "
        "reason; AI 600-1 risks block from approved on)\n"
        f"{spec}: ok (review): 0 errors, 1 warning\n"
    )


def test_the_prd_shows_answered_risks_in_a_table_and_the_rest_as_gaps() -> None:
    data = complete_data()
    data["genai_risks"] = data["genai_risks"][1:2]
    text = api.render_markdown(spec_from(data))
    privacy = text.split("## Privacy and approvals\n\n", 1)[1].split("\n## ", 1)[0]
    assert privacy.count("> **Open gap:** `genai_risks` does not answer") == 11
    table = privacy.split("### Generative AI profile (NIST AI 600-1)\n\n", 1)[1]
    assert table.splitlines()[:3] == [
        "| Risk | Status | How it is addressed, or why it does not apply |",
        "|---|---|---|",
        "| Confabulation | addressed | Drafts are grounded in retrieved help-centre articles; "
        "failure mode wrong-policy-answer is caught by fallback hold-low-confidence below 0.70 "
        "and measured as policy accuracy on Golden tickets v3 (>= 0.97); agents approve every "
        "draft. |",
    ]


def test_a_prd_without_the_profile_has_no_such_section() -> None:
    data = _unanswered(complete_data())
    data["problem"].update(output_kind="classification", uses_tools=False)
    assert "NIST AI 600-1" not in api.render_markdown(spec_from(data))
