"""SARIF that GitHub code scanning accepts: the OASIS schema and code scanning's own rules
(tests/lint/code_scanning.py), paths from the repository root, fingerprints that tell
findings apart and survive moved text, the category, the 5,000-result cap, rule help."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from prd_forge.cli import cli
from prd_forge.lint.formats import Options
from prd_forge.lint.formats.sarif import FINGERPRINT, render
from prd_forge.lint.results import FileReport, Finding
from prd_forge.lint.rules import REGISTRY
from prd_forge.lint.run import RunResult
from prd_forge.terms import Severity
from tests.lint import code_scanning

HERE = Path(__file__).parent
SCHEMA = json.loads((HERE / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
# One vague word per section: within a section, lint merges them into one finding.
VAGUE = """\
# Smart search

## Requirements

Intro.

- Results are fast.

## Ranking

- Ranking is accurate.

## Answers

- Answers are seamless.
"""


def lint(cwd: Path, *args: str, stdin: str | None = None) -> tuple[int, Any]:
    result = CliRunner().invoke(
        cli,
        ["lint", "--format", "sarif", "--ai", "no", *args],
        input=stdin,
        env={"GITHUB_ACTIONS": ""},
    )
    del cwd
    return result.exit_code, json.loads(result.stdout) if result.stdout.startswith(
        "{"
    ) else result.output


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "docs" / "prds").mkdir(parents=True)
    (tmp_path / "docs" / "prds" / "search.md").write_text(VAGUE, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "docs")
    return tmp_path


def results(log: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = log["runs"][0]["results"]
    return found


def valid(log: dict[str, Any]) -> None:
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert code_scanning.problems(log) == []


def test_uris_are_relative_to_the_repository_root_from_any_folder(repo: Path) -> None:
    code, log = lint(repo, "prds", "../docs/prds/search.md")
    assert code == 1
    valid(log)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results(log)}
    assert uris == {"docs/prds/search.md"}
    assert log["runs"][0]["originalUriBaseIds"] == {
        "%SRCROOT%": {"uri": repo.resolve().as_uri() + "/"}
    }


def test_base_path_sets_the_root(repo: Path) -> None:
    _, log = lint(repo, "prds", "--base-path", str(repo / "docs"))
    valid(log)
    (uri,) = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results(log)
    }
    assert uri == "prds/search.md"


def test_stdin_is_named_by_stdin_filename(repo: Path) -> None:
    code, log = lint(repo, "-", "--stdin-filename", "prds/new.md", stdin=VAGUE)
    assert code == 1
    valid(log)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results(log)}
    assert uris == {"docs/prds/new.md"}


def test_stdin_without_a_name_is_a_usage_error(repo: Path) -> None:
    code, output = lint(repo, "-", stdin=VAGUE)
    assert code == 2
    assert "--format sarif needs a path for stdin: give --stdin-filename PATH" in output


def test_distinct_findings_have_distinct_fingerprints(repo: Path) -> None:
    _, log = lint(repo, "prds")
    vague = [r for r in results(log) if r["ruleId"] == "PRD103"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in vague] == [
        7,
        11,
        15,
    ]
    assert len({r["partialFingerprints"][FINGERPRINT] for r in vague}) == 3


def test_fingerprints_survive_moving_text(repo: Path) -> None:
    _, before = lint(repo, "prds")
    path = repo / "docs" / "prds" / "search.md"
    path.write_text(
        VAGUE.replace("Intro.\n", "Intro.\n\nA new paragraph.\nAnd another.\n"), encoding="utf-8"
    )
    _, after = lint(repo, "prds")
    lines = [
        r["locations"][0]["physicalLocation"]["region"]["startLine"]
        for r in results(after)
        if r["ruleId"] == "PRD103"
    ]
    assert lines == [10, 14, 18]
    assert sorted(r["partialFingerprints"][FINGERPRINT] for r in results(before)) == sorted(
        r["partialFingerprints"][FINGERPRINT] for r in results(after)
    )


def test_the_same_line_twice_gets_two_fingerprints(repo: Path) -> None:
    (repo / "docs" / "prds" / "search.md").write_text(
        VAGUE + "\n## Again\n\n- Results are fast.\n", encoding="utf-8"
    )
    _, log = lint(repo, "prds")
    vague = [r for r in results(log) if r["ruleId"] == "PRD103"]
    assert len(vague) == 4
    valid(log)


def test_no_automation_details_unless_a_category_is_given(repo: Path) -> None:
    _, log = lint(repo, "prds")
    assert "automationDetails" not in log["runs"][0]
    _, log = lint(repo, "prds", "--sarif-category", "prd-forge/docs")
    assert log["runs"][0]["automationDetails"] == {"id": "prd-forge/docs/"}
    valid(log)


def test_every_rule_has_markdown_help_from_its_docs() -> None:
    log = json.loads(render(RunResult((), ()), Options()))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [rule.code for rule in REGISTRY]
    for rule in rules:
        assert rule["help"]["markdown"].startswith(f"## {rule['id']} {rule['name']}\n")
        assert "**Why.**" in rule["help"]["markdown"]


def _many(count: int) -> RunResult:
    """`count` findings over 600 files, one error in every ten, the errors at the end."""
    per_file = count // 600
    reports = []
    for number in range(600):
        path = f"prds/p{number:03}.md"
        findings = tuple(
            Finding(
                path,
                line,
                1,
                "PRD103" if line % 10 else "PRD101",
                "x",
                "metrics",
                Severity.WARNING if line % 10 else Severity.ERROR,
                f"finding {line}",
            )
            for line in range(1, per_file + 1)
        )
        reports.append(FileReport(path, False, {}, findings))
    return RunResult(tuple(reports), ())


def test_at_most_5000_results_errors_first_with_a_notification(tmp_path: Path) -> None:
    log = json.loads(render(_many(6000), Options(base_path=str(tmp_path))))
    run = log["runs"][0]
    assert len(run["results"]) == 5000
    levels = [r["level"] for r in run["results"]]
    assert levels[:600] == ["error"] * 600
    assert set(levels[600:]) == {"warning"}
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert note["message"]["text"].startswith("1000 results left out: code scanning keeps 5,000")
    valid(log)


def test_the_checker_catches_what_the_issue_reported() -> None:
    """The old output's faults: stdin as a uri, ../ paths, shared fingerprints, too many."""
    result = {
        "ruleId": "PRD103",
        "message": {"text": "vague"},
        "locations": [
            {"physicalLocation": {"artifactLocation": {"uri": "stdin"}, "region": {"startLine": 7}}}
        ],
        "partialFingerprints": {"prdForge/v1": "same"},
    }
    up = {
        **result,
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": "../prds/x.md", "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": 8},
                }
            }
        ],
    }
    log = {
        "version": "2.1.0",
        "runs": [
            {"tool": {"driver": {"name": "t"}}, "results": [result, result, up] + [result] * 5000}
        ],
    }
    found = code_scanning.problems(log)
    assert "runs[0]: 5003 results: only the top 5000 would be kept" in found
    assert "runs[0]: results[0]: stdin: not a path inside the repository" in found
    assert "runs[0]: results[2]: ../prds/x.md: not a path inside the repository" in found
    assert "runs[0]: results[2]: %SRCROOT% is not declared in originalUriBaseIds" in found
    assert any(
        problem.startswith("runs[0]: 5002 results share one fingerprint") for problem in found
    )


def test_gitlab_code_quality_paths_and_unique_fingerprints(repo: Path) -> None:
    (repo / "docs" / "prds" / "copy.md").write_text(VAGUE, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["lint", "--format", "gitlab", "--ai", "no", "prds"], env={"GITHUB_ACTIONS": ""}
    )
    assert result.exit_code == 1
    issues = json.loads(result.stdout)
    assert {issue["location"]["path"] for issue in issues} == {
        "docs/prds/copy.md",
        "docs/prds/search.md",
    }
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    assert {issue["severity"] for issue in issues} <= {"info", "minor", "major"}
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["location"]["lines"]["begin"] >= 1
