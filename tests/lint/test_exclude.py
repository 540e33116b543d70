"""exclude, per-path-ignores and force-exclude as ruff and markdownlint-cli2 users expect them:
gitignore patterns relative to the config file, whatever folder lint is run on or from."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from prd_forge.cli import cli

CRUD = (Path(__file__).parent / "fixtures" / "crud.md").read_text(encoding="utf-8")
ENV = {"NO_COLOR": "", "GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": ""}


def linted(*args: str) -> list[str]:
    """The files lint reported on (json format), as it names them."""
    import json

    result = CliRunner().invoke(cli, ["lint", "--format", "json", *args], env=ENV)
    assert result.exit_code in (0, 1), result.output
    return [entry["path"] for entry in json.loads(result.stdout)["files"]]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("docs/a.md", "docs/archive/old.md", "docs/team/archive/older.md", "b.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(CRUD, encoding="utf-8")
    (tmp_path / ".prd-forge.toml").write_text('exclude = ["docs/archive/"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_exclude_is_relative_to_the_config_file_from_any_folder(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert linted(".") == ["b.md", "docs/a.md", "docs/team/archive/older.md"]
    assert linted("docs") == ["docs/a.md", "docs/team/archive/older.md"]
    monkeypatch.chdir(repo / "docs")
    assert linted(".") == ["a.md", "team/archive/older.md"]


def test_an_unanchored_pattern_matches_at_any_depth(repo: Path) -> None:
    (repo / ".prd-forge.toml").write_text('exclude = ["archive", "*.md", "!a.md"]\n')
    assert linted("docs") == ["docs/a.md"]


def test_cli_exclude_is_relative_to_the_current_folder(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo / "docs")
    assert linted(".", "--exclude", "team/") == ["a.md"]


def test_files_named_outright_are_linted_unless_force_exclude(repo: Path) -> None:
    old = "docs/archive/old.md"
    assert linted(old, "docs/a.md") == [old, "docs/a.md"]
    assert linted(old, "docs/a.md", "--force-exclude") == ["docs/a.md"]
    (repo / ".prd-forge.toml").write_text(
        'exclude = ["docs/archive/"]\nforce-exclude = true\n', encoding="utf-8"
    )
    assert linted(old) == []


def test_per_path_ignores_are_gitignore_patterns_relative_to_the_config(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / ".prd-forge.toml").write_text('[per-path-ignores]\n"archive/" = ["ALL"]\n')
    monkeypatch.chdir(repo / "docs" / "team")
    result = CliRunner().invoke(cli, ["lint", "archive/older.md", "../a.md"], env=ENV)
    assert result.exit_code == 1
    assert "archive/older.md" not in result.stdout
    assert "../a.md:" in result.stdout
