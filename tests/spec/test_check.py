"""`prd-forge check`: exact output and exit codes on the shipped samples.

Golden files live in tests/spec/golden/; regenerate them with
`PRD_FORGE_REGEN=1 python -m pytest tests/spec/test_check.py` and review the diff.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from prd_forge.commands.check import JSON_VERSION

Invoke = Callable[..., Result]
ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"
COMPLETE = [
    "samples/cash-runway-forecast.yaml",
    "samples/fraud-flagging-classifier.yaml",
    "samples/playlist-recommender.yaml",
    "samples/support-reply-copilot.yaml",
]
REVIEW_NO_FALLBACKS = "samples/incomplete/meeting-summary-no-fallbacks.yaml"
DRAFT = "samples/incomplete/invoice-extraction-draft.yaml"


def assert_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("PRD_FORGE_REGEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden {path}; create it with PRD_FORGE_REGEN=1"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs; if the change is intended, regenerate with "
        "PRD_FORGE_REGEN=1 python -m pytest tests/spec/test_check.py"
    )


def test_complete_samples_pass(prd_forge: Invoke) -> None:
    result = prd_forge("check", *COMPLETE)
    assert (result.exit_code, result.stderr) == (0, "")
    expected = "".join(f"{name}: ok (review): 0 errors, 0 warnings\n" for name in COMPLETE)
    assert result.stdout == expected


def test_review_spec_without_fallbacks_is_incomplete(prd_forge: Invoke) -> None:
    result = prd_forge("check", REVIEW_NO_FALLBACKS)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert f"{REVIEW_NO_FALLBACKS}: fallbacks: lists no fallback" in lines[5]
    assert lines[3] == (
        f"{REVIEW_NO_FALLBACKS}:46: failure_modes.modes[0].fallbacks: names fallback "
        "'retry-later', which is not defined (define a fallback with id 'retry-later' "
        "under fallbacks)"
    )
    assert lines[-1] == f"{REVIEW_NO_FALLBACKS}: incomplete (review): 6 errors, 0 warnings"
    assert_golden("check-review-no-fallbacks.txt", result.stdout)


def test_draft_warns_for_recorded_gaps_and_fails_for_the_rest(prd_forge: Invoke) -> None:
    result = prd_forge("check", DRAFT)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    warnings = [line for line in lines if ": warning: " in line]
    errors = [line for line in lines[:-1] if ": warning: " not in line]
    assert len(warnings) == 7
    assert all("recorded as open_questions[" in line for line in warnings)
    assert [line.split(": ")[1] for line in errors] == [
        "baseline.measured_value",
        "rollout.phases",
        "rollout.rollback_trigger",
        "rollout.kill_switch",
        "rollout.kill_switch_owner",
    ]
    assert lines[-1] == f"{DRAFT}: incomplete (draft): 5 errors, 7 warnings"
    assert_golden("check-draft.txt", result.stdout)


def test_draft_whose_every_gap_is_recorded_passes_with_warnings(
    prd_forge: Invoke, tmp_path: Path
) -> None:
    text = (ROOT / DRAFT).read_text(encoding="utf-8")
    text = text.replace("  measured_value: About two and a half minutes per invoice\n", "")
    text += "  - question: When is the rollout plan agreed?\n"
    text += "    owner: Noor Haddad\n    due: 2026-12-22\n    blocks: rollout\n"
    text += "  - question: What does keying an invoice take today, in minutes?\n"
    text += "    owner: Noor Haddad\n    due: 2026-12-01\n    blocks: baseline.measured_value\n"
    spec = tmp_path / "draft.yaml"
    spec.write_text(text, encoding="utf-8")
    result = prd_forge("check", str(spec))
    assert result.stdout.splitlines()[-1] == f"{spec}: ok (draft): 0 errors, 12 warnings"
    assert result.exit_code == 0


def test_several_files_exit_with_the_worst(prd_forge: Invoke) -> None:
    assert prd_forge("check", COMPLETE[0], DRAFT).exit_code == 1
    assert prd_forge("check", DRAFT, "samples/missing.yaml", COMPLETE[0]).exit_code == 2
    result = prd_forge("check", COMPLETE[0], "samples/missing.yaml")
    assert result.stdout == f"{COMPLETE[0]}: ok (review): 0 errors, 0 warnings\n"
    assert (
        result.stderr == "prd-forge: error: samples/missing.yaml: no such file (check the path)\n"
    )
    assert result.exit_code == 2
    document = json.loads(prd_forge("check", "--format", "json", COMPLETE[0], "nope.yaml").stdout)
    assert (document["exit_code"], [f["file"] for f in document["files"]]) == (2, [COMPLETE[0]])


@pytest.mark.parametrize("output_format", ["text", "json", "github", "sarif", "junit"])
def test_a_missing_file_is_one_line_and_exit_2_in_every_format(
    prd_forge: Invoke, output_format: str
) -> None:
    result = prd_forge("check", "--format", output_format, "nope.yaml")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "prd-forge: error: nope.yaml: no such file (check the path)\n"


def test_json_format_is_one_stable_document(prd_forge: Invoke) -> None:
    result = prd_forge("check", "--format", "json", COMPLETE[0], DRAFT)
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["version"] == JSON_VERSION
    assert document["exit_code"] == 1
    assert [f["result"] for f in document["files"]] == ["ok", "incomplete"]
    draft = document["files"][1]
    assert (draft["status"], draft["errors"], draft["warnings"]) == ("draft", 5, 7)
    assert draft["findings"][0] == {
        "level": "error",
        "line": 33,
        "path": "baseline.measured_value",
        "concern": "baseline",
        "message": "has no number",
        "fix": "give the measured value with its unit, e.g. '7.5 min median'",
        "note": "",
    }
    assert draft["findings"][1]["level"] == "warning"
    assert draft["findings"][1]["note"] == "recorded as open_questions[0] while the spec is a draft"
    assert_golden("check-draft.json", result.stdout)


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_recommended_concern_gaps_only_warn(
    prd_forge: Invoke, tmp_path: Path, output_format: str
) -> None:
    source = (ROOT / COMPLETE[3]).read_text(encoding="utf-8")
    cut = source.index("privacy:\n")
    spec = tmp_path / "no-privacy.yaml"
    spec.write_text(source[:cut] + source[source.index("genai_risks:\n") :], encoding="utf-8")
    result = prd_forge("check", "--format", output_format, str(spec))
    assert result.exit_code == 0
    if output_format == "text":
        assert result.stdout.splitlines()[0] == (
            f"{spec}: warning: privacy.pii_handling: is missing (answer: How is personal data "
            "in inputs, outputs and logs handled?; 'privacy' is recommended, not required)"
        )
    else:
        findings = json.loads(result.stdout)["files"][0]["findings"]
        assert [f["path"] for f in findings] == [
            "privacy.pii_handling",
            "privacy.retention",
            "privacy.signoffs",
        ]
        assert {f["level"] for f in findings} == {"warning"}


def test_github_format_is_lints_annotations_on_the_answers_file(prd_forge: Invoke) -> None:
    result = prd_forge("check", "--format", "github", REVIEW_NO_FALLBACKS, "samples/missing.yaml")
    assert result.exit_code == 2
    assert (
        result.stderr == "prd-forge: error: samples/missing.yaml: no such file (check the path)\n"
    )
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"::error file={REVIEW_NO_FALLBACKS},line=1,col=1,title=SPEC002 spec-gap::"
        "evaluation.confidence_threshold: is missing (answer: Below what model confidence is "
        "the output not shown as-is (0 to 1)?)"
    )
    assert lines[4] == (
        f"::error file={REVIEW_NO_FALLBACKS},line=46,col=1,title=SPEC002 spec-gap::"
        "failure_modes.modes[0].fallbacks: names fallback 'retry-later', which is not defined "
        "(define a fallback with id 'retry-later' under fallbacks)"
    )
    assert lines[-1] == "prd-forge: 6 findings in 1 files."


def test_github_format_escapes_what_workflow_commands_reserve(
    prd_forge: Invoke, tmp_path: Path
) -> None:
    spec = tmp_path / "a,b: 100%.yaml"
    spec.write_text("feature:\n  nmae: x\n", encoding="utf-8")
    line = prd_forge("check", "--format", "github", str(spec)).stdout.splitlines()[0]
    folder = str(tmp_path).replace(":", "%3A").replace(",", "%2C")
    assert line == (
        f"::error file={folder}/a%2Cb%3A 100%25.yaml,line=2,col=1,"
        "title=SPEC001 invalid-answers-file::feature.nmae: unknown field (did you mean 'name'?)"
    )


@pytest.mark.parametrize(("actions", "first"), [("true", "::error "), ("", "samples/")])
def test_auto_format_is_github_under_github_actions(
    prd_forge: Invoke, monkeypatch: pytest.MonkeyPatch, actions: str, first: str
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", actions)
    assert prd_forge("check", REVIEW_NO_FALLBACKS).stdout.startswith(first)
