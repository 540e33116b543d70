"""Config files, presets, stages, selection and AI detection, through the CLI and the API."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from prd_forge.cli import cli
from prd_forge.lint import Config, lint_text

FIXTURES = Path(__file__).parent / "fixtures"
CRUD = (FIXTURES / "crud.md").read_text(encoding="utf-8")
ENV = {"NO_COLOR": "", "GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": ""}


def _lint(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["lint", *args], env=ENV)
    return result.exit_code, result.stdout, result.stderr


def _codes(out: str) -> list[str]:
    return [line.split()[1] for line in out.splitlines() if line.count(":") >= 3]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "docs" / "legacy").mkdir(parents=True)
    (tmp_path / "docs" / "crud.md").write_text(CRUD, encoding="utf-8")
    (tmp_path / "docs" / "legacy" / "old.md").write_text(CRUD, encoding="utf-8")
    return tmp_path


def test_prd_forge_toml_found_by_walking_up(tree: Path) -> None:
    (tree / ".prd-forge.toml").write_text('ignore = ["PRD161", "vague-quality-word"]\n')
    code, out, _ = _lint(str(tree / "docs" / "crud.md"))
    assert code == 1
    assert _codes(out) == ["PRD004", "PRD004", "PRD101"]


def test_pyproject_table_and_per_path_ignores(tree: Path) -> None:
    (tree / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.prd-forge]\nfail-level = "warning"\n\n'
        '[tool.prd-forge.per-path-ignores]\n"docs/legacy/*" = ["ALL"]\n'
        '\n[tool.prd-forge.severity]\nPRD101 = "info"\nmetrics = "off"\n'
    )
    code, out, _ = _lint(str(tree / "docs" / "legacy" / "old.md"))
    assert (code, out) == (0, "No findings in 1 file.\n")
    code, out, _ = _lint(str(tree / "docs" / "crud.md"))
    assert code == 1  # fail-level warning: PRD161 is a warning
    assert _codes(out) == ["PRD004", "PRD004", "PRD161"]


def test_pyproject_without_the_table_is_skipped(tree: Path) -> None:
    (tree / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (tree / "docs" / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n")
    (tree / ".prd-forge.toml").write_text('select = ["PRD161"]\n')
    _, out, _ = _lint(str(tree / "docs" / "crud.md"))
    assert _codes(out) == ["PRD161"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('colour = "red"\n', "colour: unknown key; known keys: ai, aliases, approvals, exclude, "),
        ("exlude = []\n", ".prd-forge.toml exlude: unknown key; did you mean 'exclude'?"),
        (
            '[[sections]]\nid = "a11y"\ntitel = "A"\n',
            "sections.0.titel: unknown key; did you mean 'title'?",
        ),
        ('select = ["PRD0001"]\n', "unknown rule or concern 'PRD0001'; did you mean 'PRD001'?"),
        ('preset = "lenient"\n', "preset: Input should be 'default' or 'strict'"),
        ('ignore = ["fallback-section"]\n', "unknown rule or concern 'fallback-section'"),
        ('[aliases]\nfallback = ["plan b"]\n', "unknown concern 'fallback'"),
        ("preset = \n", "not valid TOML"),
    ],
    ids=[
        "unknown-key",
        "misspelt-key",
        "misspelt-section-key",
        "unknown-code",
        "bad-preset",
        "unknown-selector",
        "unknown-alias-concern",
        "bad-toml",
    ],
)
def test_bad_config_is_a_usage_error(tree: Path, content: str, message: str) -> None:
    config = tree / ".prd-forge.toml"
    config.write_text(content)
    code, out, err = _lint(str(tree / "docs" / "crud.md"))
    assert code == 2
    assert out == ""
    assert err.startswith(f"prd-forge: error: {config}: ")
    assert message in err


def test_extra_aliases_and_required_sections(tree: Path) -> None:
    (tree / ".prd-forge.toml").write_text(
        'required = ["privacy"]\n\n[aliases]\nrollout = ["shipping plan"]\n\n'
        '[[sections]]\nid = "accessibility"\ntitle = "Accessibility"\naliases = ["a11y"]\n'
    )
    doc = tree / "docs" / "crud.md"
    doc.write_text(CRUD.replace("## Rollout", "## Shipping plan"), encoding="utf-8")
    code, out, _ = _lint(str(doc), "--format", "json")
    assert code == 1
    assert '"accessibility": "missing"' in out
    assert '"rollout": "present"' in out or '"rollout": "partial"' in out
    assert "missing section 'Accessibility'" in out
    assert "missing section 'Privacy and approvals'" in out


def test_select_by_concern_keeps_structure_rules_for_it() -> None:
    report = lint_text(CRUD, config=Config(select=("metrics",)))
    assert {(f.code, f.concern) for f in report.findings} == {
        ("PRD101", "metrics"),
        ("PRD103", "metrics"),
    }


def test_stage_draft_only_fails_on_missing_required_sections() -> None:
    text = (
        "---\nstatus: draft\n---\n# T\n\n## Problem\n\nTBD\n\n"
        "## Scope\n\nFilters, saved per user; sharing is TBD.\n"
    )
    report = lint_text(text)
    severities = {(f.code, f.severity) for f in report.findings}
    assert ("PRD001", "error") in severities  # metrics and rollout are missing
    assert ("PRD005", "info") in severities  # a placeholder is a reminder in a draft
    assert ("PRD003", "info") in severities
    assert lint_text(text, stage="launch").findings != report.findings


def test_launch_stage_requires_recommended_sections() -> None:
    codes = {(f.code, f.concern) for f in lint_text(CRUD, stage="launch").findings}
    assert ("PRD001", "privacy") in codes
    assert ("PRD004", "privacy") not in codes


def test_ai_from_front_matter_then_config_then_text() -> None:
    ai_words = "# Smart filters\n\nAn LLM suggests filters; the model ranks them by confidence.\n"
    assert lint_text(ai_words).ai is True
    assert lint_text("---\nai: false\n---\n" + ai_words).ai is False
    assert lint_text(ai_words, config=Config(ai=False)).ai is False
    assert lint_text("---\nai: yes\n---\n" + ai_words, config=Config(ai=False)).ai is True
    plain = lint_text(CRUD)
    assert plain.ai is False
    assert not [f for f in plain.findings if f.concern in ("fallbacks", "evaluation")]


def test_lint_path_imports_no_pydantic_jinja2_or_questionary() -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "prd_forge", "lint", str(FIXTURES / "crud.md")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    for heavy in ("pydantic", "jinja2", "questionary", "prompt_toolkit", "yaml"):
        assert heavy not in imported, heavy
