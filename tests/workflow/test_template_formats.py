"""`prd-forge template check --format`: a template change in a PR gets lint's annotations,
SARIF and JSON, built by lint's own formatters from the template-check records."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from prd_forge.cli import cli
from prd_forge.render import api

ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLE = ROOT / "samples" / "support-reply-copilot.yaml"
SARIF_SCHEMA = ROOT / "tests" / "lint" / "schemas" / "sarif-schema-2.1.0.json"
MAIN = "house/prd.md.j2"


def check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["template", "check", *args, "--spec", str(SAMPLE)])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def house(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the default template without fallbacks and with an empty rollout section."""
    folder = tmp_path / "house"
    shutil.copytree(api.default_template().parent, folder)
    main = folder / api.DEFAULT_TEMPLATE_NAME
    text = main.read_text(encoding="utf-8")
    main.write_text(text.replace('{% include "sections/fallbacks.md.j2" %}\n', ""), "utf-8")
    (folder / "sections" / "rollout.md.j2").write_text('{{ section("rollout") }}\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    return main


def rollout_line(main: Path) -> int:
    lines = main.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if "sections/rollout.md.j2" in line)


def test_github_annotations(house: Path) -> None:
    code, out, _ = check(MAIN, "--format", "github")
    assert code == 1
    tail = f"for 1 of 1 complete spec(s) ({SAMPLE}): a PRD from it would omit how the feature"
    assert out.splitlines() == [
        f"::error file={MAIN},line=1,col=1,title=PRD001 missing-section::the template renders "
        f"'Fallbacks' missing {tail} handles this",
        f"::error file={MAIN},line={rollout_line(house)},col=1,title=PRD002 hollow-section::the "
        f"template renders 'Rollout and rollback' hollow {tail} handles this",
        "prd-forge: 2 findings in 1 files.",
    ]


def test_json_has_the_lint_contract_shape(house: Path) -> None:
    code, out, _ = check(MAIN, "--format", "json")
    assert code == 1
    (entry,) = json.loads(out)["files"]
    assert entry["path"] == MAIN
    assert entry["coverage"]["fallbacks"] == "missing"
    assert entry["coverage"]["rollout"] == "hollow"
    assert entry["coverage"]["evaluation"] == "present"
    assert [(f["code"], f["concern"], f["severity"]) for f in entry["findings"]] == [
        ("PRD001", "fallbacks", "error"),
        ("PRD002", "rollout", "error"),
    ]


def test_sarif_is_valid_and_points_at_the_template(house: Path) -> None:
    code, out, _ = check(MAIN, "--format", "sarif")
    assert code == 1
    document = json.loads(out)
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text())).validate(document)
    results = document["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["PRD001", "PRD002"]
    location = results[1]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == MAIN
    assert location["region"]["startLine"] == rollout_line(house)


def test_junit_names_the_failures(house: Path) -> None:
    code, out, _ = check(MAIN, "--format", "junit")
    assert code == 1
    assert out.count("<failure") == 2


def test_a_template_that_drops_nothing_is_clean_in_every_format() -> None:
    template = str(api.default_template())
    assert check(template, "--format", "github")[:2] == (0, "prd-forge: 0 findings in 1 files.\n")
    code, out, _ = check(template, "--format", "json")
    assert (code, json.loads(out)["files"][0]["findings"]) == (0, [])
    code, out, _ = check(template, "--format", "sarif")
    assert (code, json.loads(out)["runs"][0]["results"]) == (0, [])
