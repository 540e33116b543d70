"""`prd-forge init`: exact output, exit codes, and never a silent overwrite."""

from __future__ import annotations

import email.message
import os
import subprocess
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from prd_forge import __version__, concerns
from prd_forge.cli import cli
from prd_forge.lint import config as lint_config
from prd_forge.workflow.scaffold import Scaffold

ENTRY = f"""\
  - repo: https://github.com/prd-forge/prd-forge
    rev: v{__version__}
    hooks:
      - id: prd-forge-lint
        files: '^docs/prds/'
      - id: prd-forge-check
"""
WORKFLOW = ".github/workflows/prd-forge.yml"
TARGETS = (".prd-forge.toml", ".pre-commit-config.yaml", ".github/workflows/prd-forge.yml")


# git's own defaults only: a machine's init.defaultBranch must not change what init detects
GIT_ENV = {"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["init", *args], env=GIT_ENV)
    return result.exit_code, result.stdout, result.stderr


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, env={**os.environ, **GIT_ENV}
    )


def test_fresh_repository_gets_all_three_files(tmp_path: Path) -> None:
    code, out, err = run(str(tmp_path))
    assert (code, err) == (0, "")
    assert out == (
        f"wrote {tmp_path}/.prd-forge.toml\n"
        f"wrote {tmp_path}/.pre-commit-config.yaml\n"
        f"wrote {tmp_path}/.github/workflows/prd-forge.yml\n"
        f"wrote {tmp_path}/docs/prds/README.md\n"
        "next: run `pre-commit install`, keep your PRDs in docs/prds/, commit\n"
    )
    assert (tmp_path / ".pre-commit-config.yaml").read_text() == "repos:\n" + ENTRY
    workflow = yaml.safe_load((tmp_path / ".github/workflows/prd-forge.yml").read_text())
    step = workflow["jobs"]["prd-forge"]["steps"][1]
    assert step["uses"] == f"prd-forge/prd-forge@v{__version__}"
    assert step["with"]["paths"] == "docs/prds"


def test_paths_are_relative_when_run_in_the_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("--prds", "specs/ai/")
    assert code == 0
    assert out.splitlines() == [
        "wrote .prd-forge.toml",
        "wrote .pre-commit-config.yaml",
        "wrote .github/workflows/prd-forge.yml",
        "wrote specs/ai/README.md",
        "next: run `pre-commit install`, keep your PRDs in specs/ai/, commit",
    ]
    assert "        files: '^specs/ai/'\n" in (tmp_path / ".pre-commit-config.yaml").read_text()
    workflow = (tmp_path / ".github/workflows/prd-forge.yml").read_text()
    assert "          paths: specs/ai\n" in workflow


def test_refuses_to_overwrite_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / ".github/workflows").mkdir(parents=True)
    (tmp_path / ".github/workflows/prd-forge.yml").write_text("mine\n")
    code, out, err = run(str(tmp_path))
    assert (code, out) == (2, "")
    assert err == (
        f"prd-forge: error: {tmp_path}/.github/workflows/prd-forge.yml: already exists; "
        "nothing was written (--force replaces)\n"
    )
    assert not (tmp_path / ".prd-forge.toml").exists()
    assert not (tmp_path / ".pre-commit-config.yaml").exists()
    assert (tmp_path / ".github/workflows/prd-forge.yml").read_text() == "mine\n"


def test_refusal_names_every_existing_target(tmp_path: Path) -> None:
    (tmp_path / ".prd-forge.toml").write_text("# mine\n")
    (tmp_path / ".github/workflows").mkdir(parents=True)
    (tmp_path / ".github/workflows/prd-forge.yml").write_text("mine\n")
    code, _, err = run(str(tmp_path))
    assert code == 2
    assert err == (
        f"prd-forge: error: {tmp_path}/.prd-forge.toml, "
        f"{tmp_path}/.github/workflows/prd-forge.yml: already exist; "
        "nothing was written (--force replaces)\n"
    )


def test_force_replaces_config_and_workflow(tmp_path: Path) -> None:
    (tmp_path / ".prd-forge.toml").write_text("# mine\n")
    code, _, _ = run(str(tmp_path), "--force")
    assert code == 0
    assert (tmp_path / ".prd-forge.toml").read_text().startswith("# prd-forge configuration")
    assert not list(tmp_path.glob(".*.tmp")), "atomic write left a temporary file"


def test_existing_pre_commit_config_is_kept_and_the_entry_printed(tmp_path: Path) -> None:
    mine = "repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    rev: v0.5.0\n"
    (tmp_path / ".pre-commit-config.yaml").write_text(mine)
    code, out, _ = run(str(tmp_path), "--force")
    assert code == 0
    assert out == (
        f"wrote {tmp_path}/.prd-forge.toml\n"
        f"kept {tmp_path}/.pre-commit-config.yaml: add this entry under `repos:`\n"
        + ENTRY
        + f"wrote {tmp_path}/.github/workflows/prd-forge.yml\n"
        f"wrote {tmp_path}/docs/prds/README.md\n"
        "next: run `pre-commit install`, keep your PRDs in docs/prds/, commit\n"
    )
    assert (tmp_path / ".pre-commit-config.yaml").read_text() == mine


def test_pre_commit_config_that_runs_prd_forge_needs_nothing(tmp_path: Path) -> None:
    (tmp_path / ".pre-commit-config.yaml").write_text("repos:\n" + ENTRY)
    code, out, _ = run(str(tmp_path))
    assert code == 0
    assert f"kept {tmp_path}/.pre-commit-config.yaml: it already runs prd-forge\n" in out


def test_pyproject_with_a_prd_forge_table_keeps_the_config_there(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.prd-forge]\n')
    code, out, _ = run(str(tmp_path))
    assert code == 0
    assert out.splitlines()[:3] == [
        f"kept {tmp_path}/pyproject.toml: it already has a [tool.prd-forge] table; "
        "if docs/prds/README.md is not a PRD, add this to it:",
        "[tool.prd-forge.per-path-ignores]",
        '"docs/prds/README.md" = ["ALL"]',
    ]
    assert not (tmp_path / ".prd-forge.toml").exists()


def test_pyproject_without_the_table_still_gets_a_config_file(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert run(str(tmp_path))[0] == 0
    assert (tmp_path / ".prd-forge.toml").is_file()


def test_broken_pyproject_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project\n")
    code, out, err = run(str(tmp_path))
    assert (code, out) == (2, "")
    assert err.startswith(f"prd-forge: error: {tmp_path}/pyproject.toml: not valid TOML (")
    assert not (tmp_path / ".prd-forge.toml").exists()


def test_prds_folder_outside_the_repository_is_refused(tmp_path: Path) -> None:
    code, _, err = run(str(tmp_path), "--prds", "../elsewhere")
    assert code == 2
    assert err == (
        "prd-forge: error: --prds ../elsewhere: give a folder inside the repository, "
        "relative to it\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_missing_directory_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run(str(tmp_path / "nope"))
    assert code == 2
    assert "does not exist" in err


def test_whole_repository_as_prd_folder_drops_the_files_filter(tmp_path: Path) -> None:
    assert run(str(tmp_path), "--prds", ".")[0] == 0
    config = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text())
    hooks = config["repos"][0]["hooks"]
    assert hooks == [{"id": "prd-forge-lint"}, {"id": "prd-forge-check"}]


def test_written_config_is_one_lint_accepts(tmp_path: Path) -> None:
    assert run(str(tmp_path))[0] == 0
    loaded = lint_config.load(tmp_path / ".prd-forge.toml")
    assert (loaded.preset, loaded.fail_level, loaded.exclude) == ("default", "error", ())


def test_commented_examples_in_the_config_are_valid_when_uncommented(tmp_path: Path) -> None:
    text = Scaffold().config()
    examples = ("# [", '# "', "# f")
    uncommented = [line[2:] if line.startswith(examples) else line for line in text.splitlines()]
    assert len([line for line in text.splitlines() if line.startswith(examples)]) == 3
    (tmp_path / ".prd-forge.toml").write_text("\n".join(uncommented) + "\n")
    loaded = lint_config.load(tmp_path / ".prd-forge.toml")
    assert loaded.aliases == (("fallbacks", ("when the robot is wrong",)),)
    assert loaded.per_path_ignores == (
        ("docs/prds/archive/**", ("ALL",)),
        ("docs/prds/README.md", ("ALL",)),
    )


def test_the_alias_example_teaches_lint_a_heading_it_did_not_know(tmp_path: Path) -> None:
    prd = tmp_path / "docs" / "prds" / "reply.md"
    prd.parent.mkdir(parents=True)
    body = "If the model times out after 2 s, the agent sees the saved macro reply instead."
    prd.write_text(f"---\nai: true\n---\n# Replies\n\n## When the robot is wrong\n\n{body}\n")
    args = ["lint", str(prd), "--select", "fallbacks", "--format", "json"]

    def fallbacks() -> str:
        out = CliRunner().invoke(cli, args).stdout
        state: str = yaml.safe_load(out)["files"][0]["coverage"]["fallbacks"]
        return state

    (tmp_path / ".prd-forge.toml").write_text("")
    assert fallbacks() == "partial"  # the sentence alone, with no heading for it
    config = (
        Scaffold().config().replace("# [aliases]", "[aliases]").replace("# fallbacks", "fallbacks")
    )
    (tmp_path / ".prd-forge.toml").write_text(config)
    assert fallbacks() == "present"


def test_the_config_comment_names_every_concern_id() -> None:
    comment = " ".join(
        line.removeprefix("# ")
        for line in Scaffold().config().splitlines()
        if line.startswith("# ")
    )
    listed = comment.split("by concern id (")[1].split(").")[0]
    assert listed.split(", ") == list(concerns.ids())


def test_a_master_repository_gets_a_workflow_on_master(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "master")
    assert run(str(tmp_path))[0] == 0
    workflow = yaml.load((tmp_path / WORKFLOW).read_text(), Loader=yaml.BaseLoader)
    assert workflow["on"]["push"]["branches"] == ["master"]


def test_the_remote_s_default_branch_wins_over_the_checked_out_one(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "feature")
    git(tmp_path, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/trunk")
    assert run(str(tmp_path))[0] == 0
    assert "    branches: [trunk]\n" in (tmp_path / WORKFLOW).read_text()


def test_branch_option_wins(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "master")
    assert run(str(tmp_path), "--branch", "develop")[0] == 0
    assert "    branches: [develop]\n" in (tmp_path / WORKFLOW).read_text()


def test_source_and_ref_set_where_the_action_and_hooks_come_from(tmp_path: Path) -> None:
    code, _, _ = run(
        str(tmp_path), "--source", "https://github.com/acme/prd-forge.git", "--ref", "0123abc"
    )
    assert code == 0
    assert (
        "  - repo: https://github.com/acme/prd-forge.git\n    rev: 0123abc\n"
        in (tmp_path / ".pre-commit-config.yaml").read_text()
    )
    assert "      - uses: acme/prd-forge@0123abc\n" in (tmp_path / WORKFLOW).read_text()


def test_default_source_is_the_installed_package_s_source_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Source project URL of the installed distribution (tests/spec/test_packaging.py
    checks the wheel declares it); the version's tag as the ref."""
    installed = email.message.Message()
    installed["Project-URL"] = "Homepage, https://example.org"
    installed["Project-URL"] = "Source, https://github.com/acme/prd-forge-fork"
    monkeypatch.setattr(metadata, "metadata", lambda name: installed)
    assert run(str(tmp_path))[0] == 0
    text = (tmp_path / WORKFLOW).read_text()
    assert f"      - uses: acme/prd-forge-fork@v{__version__}\n" in text


def test_without_package_metadata_the_source_is_the_project_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(name: str) -> email.message.Message:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "metadata", missing)
    assert run(str(tmp_path))[0] == 0
    assert (tmp_path / ".pre-commit-config.yaml").read_text() == "repos:\n" + ENTRY


def test_a_source_off_github_is_refused(tmp_path: Path) -> None:
    code, out, err = run(str(tmp_path), "--source", "https://gitlab.com/acme/prd-forge")
    assert (code, out) == (2, "")
    assert err == (
        "prd-forge: error: --source https://gitlab.com/acme/prd-forge: give the GitHub "
        "repository prd-forge's action comes from, as https://github.com/OWNER/NAME\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_the_created_prd_folder_lints_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run()[0] == 0
    result = CliRunner().invoke(cli, ["lint", "docs/prds"], env={"GITHUB_ACTIONS": ""})
    assert (result.exit_code, result.stdout) == (0, "No findings in 1 file.\n")


@pytest.mark.parametrize("folder", ["prds", "docs/specs", "spec"])
def test_an_existing_folder_of_prds_is_detected(tmp_path: Path, folder: str) -> None:
    (tmp_path / folder / "2024").mkdir(parents=True)
    (tmp_path / folder / "2024" / "search.md").write_text("# Search\n")
    (tmp_path / "docs" / "prds").mkdir(parents=True) if folder != "prds" else None
    code, out, _ = run(str(tmp_path))
    assert code == 0
    assert (
        out.splitlines()[-1]
        == f"next: run `pre-commit install`, keep your PRDs in {folder}/, commit"
    )
    assert f"          paths: {folder}\n" in (tmp_path / WORKFLOW).read_text()
    assert not (tmp_path / folder / "README.md").exists()


def test_an_existing_prds_option_folder_gets_no_readme(tmp_path: Path) -> None:
    (tmp_path / "product").mkdir()
    assert run(str(tmp_path), "--prds", "product")[0] == 0
    assert list((tmp_path / "product").iterdir()) == []


def test_a_fifo_where_the_pre_commit_config_goes_is_refused(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / ".pre-commit-config.yaml")
    code, _, err = run(str(tmp_path))
    assert code == 2
    assert err == (
        f"prd-forge: error: {tmp_path / '.pre-commit-config.yaml'}: is a named pipe (FIFO), "
        "not a regular file; give a file\n"
    )
