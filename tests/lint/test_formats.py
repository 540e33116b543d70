"""Golden files for every output format, from one run over tests/lint/fixtures.

Regenerate after an intended change with:
    PRD_FORGE_REGEN=1 python -m pytest tests/lint/test_formats.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from prd_forge.cli import cli
from prd_forge.lint.formats import NAMES
from prd_forge.lint.formats.sarif import FINGERPRINT

HERE = Path(__file__).parent
ROOT = HERE.parent.parent.resolve()
FIXTURES = ["ai-complete.md", "crud.md", "hollow.md", "missing.md"]


def _run(output_format: str, *extra: str) -> tuple[int, str]:
    runner = CliRunner()
    result = runner.invoke(
        cli,
        ["lint", "--format", output_format, *extra, *FIXTURES],
        env={"NO_COLOR": "", "GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": ""},
        catch_exceptions=False,
    )
    # SARIF names the repository root by its absolute URI: the same placeholder everywhere
    return result.exit_code, result.stdout.replace(ROOT.as_uri() + "/", "file:///REPOSITORY/")


@pytest.fixture(autouse=True)
def _in_fixtures(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(HERE / "fixtures")


@pytest.mark.parametrize("output_format", NAMES)
def test_golden(output_format: str) -> None:
    code, out = _run(output_format, "--summary")
    golden = HERE / "golden" / f"lint.{output_format}"
    if os.environ.get("PRD_FORGE_REGEN"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")
    assert code == 2  # missing.md does not exist: an input error wins over findings


def test_sarif_is_valid_2_1_0() -> None:
    schema = json.loads((HERE / "schemas" / "sarif-schema-2.1.0.json").read_text())
    _, out = _run("sarif")
    document = json.loads(out)
    jsonschema.Draft4Validator(schema).validate(document)
    run = document["runs"][0]
    assert run["tool"]["driver"]["rules"][0]["helpUri"].endswith("#prd001-missing-section")
    for result in run["results"]:
        assert result["partialFingerprints"][FINGERPRINT]
        assert result["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1


def test_json_contract_shape() -> None:
    _, out = _run("json")
    document = json.loads(out)
    assert set(document) == {"files", "errors", "summary"}
    for entry in document["files"]:
        assert set(entry) == {"path", "ai", "coverage", "findings"}
        assert set(entry["coverage"].values()) <= {"present", "partial", "hollow", "missing"}
        for finding in entry["findings"]:
            assert set(finding) == {
                "code",
                "name",
                "concern",
                "severity",
                "line",
                "column",
                "message",
            }
    assert document["errors"] == [
        {"path": "missing.md", "message": "no such file or folder; check the path"}
    ]
