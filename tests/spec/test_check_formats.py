"""`prd-forge check --format sarif|junit|github`: lint's formatters on the answers file.

Golden files live in tests/spec/golden/; regenerate them with
`PRD_FORGE_REGEN=1 python -m pytest tests/spec/test_check_formats.py` and review the diff.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
from click.testing import Result

from tests.golden import matches_golden
from tests.lint import code_scanning

Invoke = Callable[..., Result]
ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"
SARIF_SCHEMA = ROOT / "tests" / "lint" / "schemas" / "sarif-schema-2.1.0.json"
REVIEW_NO_FALLBACKS = "samples/incomplete/meeting-summary-no-fallbacks.yaml"
DRAFT = "samples/incomplete/invoice-extraction-draft.yaml"
COMPLETE = "samples/support-reply-copilot.yaml"


def _stable(text: str) -> str:
    """SARIF names the repository root by its absolute URI: one placeholder everywhere."""
    return text.replace(ROOT.as_uri() + "/", "file:///REPOSITORY/")


def test_sarif_golden_is_valid_for_code_scanning(prd_forge: Invoke) -> None:
    result = prd_forge("check", "--format", "sarif", REVIEW_NO_FALLBACKS, DRAFT, COMPLETE)
    assert result.exit_code == 1
    matches_golden(GOLDEN / "check.sarif", _stable(result.stdout))
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(log)
    assert code_scanning.problems(log) == []
    run = log["runs"][0]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == [
        "SPEC001",
        "SPEC002",
        "SPEC003",
        "SPEC004",
    ]
    results = run["results"]
    assert {r["ruleId"] for r in results} == {"SPEC002"}
    assert {r["level"] for r in results} == {"error", "warning"}
    for found in results:
        location = found["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] in (REVIEW_NO_FALLBACKS, DRAFT)
        assert location["region"]["startLine"] >= 1
    fallback = next(r for r in results if "retry-later" in r["message"]["text"])
    assert fallback["locations"][0]["physicalLocation"]["region"]["startLine"] == 46
    assert fallback["properties"]["concern"] == "fallbacks"


def test_junit_golden(prd_forge: Invoke) -> None:
    result = prd_forge("check", "--format", "junit", REVIEW_NO_FALLBACKS, DRAFT, COMPLETE)
    assert result.exit_code == 1
    matches_golden(GOLDEN / "check.junit", result.stdout)
    assert '<testsuite name="samples/support-reply-copilot.yaml" tests="1" failures="0"' in (
        result.stdout
    )


def test_an_invalid_file_is_located_and_an_empty_one_is_a_notification(
    prd_forge: Invoke, tmp_path: Path
) -> None:
    spec = tmp_path / "typo.yaml"
    spec.write_text("feature:\n  nmae: x\n", encoding="utf-8")
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    result = prd_forge("check", "--format", "sarif", str(spec), str(empty))
    assert result.exit_code == 2
    run = json.loads(result.stdout)["runs"][0]
    (typo,) = run["results"]
    assert typo["ruleId"] == "SPEC001"
    assert typo["locations"][0]["physicalLocation"]["region"]["startLine"] == 2
    assert typo["message"]["text"] == "feature.nmae: unknown field (did you mean 'name'?)"
    (missing,) = run["invocations"][0]["toolExecutionNotifications"]
    assert missing["message"]["text"] == (
        "is empty (start from a sample in samples/ or run `prd-forge new`)"
    )
    assert run["invocations"][0]["executionSuccessful"] is False
    junit = prd_forge("check", "--format", "junit", str(empty))
    assert junit.exit_code == 2
    assert '<error message="is empty (start from a sample' in junit.stdout


def test_complete_specs_give_no_results_and_exit_0(prd_forge: Invoke) -> None:
    for output_format in ("sarif", "junit", "github"):
        result = prd_forge("check", "--format", output_format, COMPLETE)
        assert result.exit_code == 0, output_format
    sarif = json.loads(prd_forge("check", "--format", "sarif", COMPLETE).stdout)
    assert sarif["runs"][0]["results"] == []
