"""The README's pull-request section stays true: its snippets are what `init` writes, its
workflows use real action inputs and hook ids, its commands parse, its example output is real."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

from prd_forge import __version__
from prd_forge.cli import COMMANDS, cli
from prd_forge.workflow.scaffold import ACTION, Scaffold

ROOT = Path(__file__).resolve().parent.parent.parent
SECTION = "## In pull requests"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    return text[start : end if end != -1 else len(text)]


def blocks(language: str) -> list[str]:
    return [body for lang, body in FENCE.findall(section()) if lang == language]


def workflows() -> list[dict[str, Any]]:
    return [doc for doc in map(yaml.safe_load, blocks("yaml")) if "jobs" in doc]


def test_snippets_are_exactly_what_init_writes() -> None:
    yaml_blocks = blocks("yaml")
    assert Scaffold().pre_commit_config() in yaml_blocks
    assert Scaffold().workflow() in yaml_blocks


def test_workflows_use_the_current_release_and_real_inputs() -> None:
    inputs = set(yaml.safe_load((ROOT / "action.yml").read_text())["inputs"])
    uses = [
        step
        for workflow in workflows()
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if step.get("uses", "").startswith(f"{ACTION}@")
    ]
    assert len(uses) == 3
    for step in uses:
        assert step["uses"] == f"{ACTION}@v{__version__}"
        assert set(step["with"]) <= inputs


def test_inputs_table_lists_every_action_input() -> None:
    inputs = set(yaml.safe_load((ROOT / "action.yml").read_text())["inputs"])
    rows = re.findall(r"^\| `([\w-]+)` \| .* \|$", section(), re.MULTILINE)
    assert inputs <= set(rows)


def test_hook_ids_exist_in_the_manifest() -> None:
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    ids = {hook["id"] for hook in manifest}
    named = set(re.findall(r"id: (prd-forge-[\w-]+)", section()))
    assert named == ids


def command_lines() -> list[list[str]]:
    lines = [line for body in blocks("sh") for line in body.splitlines()]
    return [shlex.split(line, comments=True) for line in lines if line.startswith("prd-forge ")]


@pytest.mark.parametrize("argv", command_lines(), ids=" ".join)
def test_commands_parse(argv: list[str]) -> None:
    name, *args = argv[1:]
    assert name in COMMANDS
    with click.Context(cli) as parent:
        command = cli.get_command(parent, name)
        assert command is not None
        command.make_context(name, args, parent=parent)  # raises on an unknown option


def test_example_output_is_real() -> None:
    golden = (ROOT / "tests/workflow/golden/diff-cli.txt").read_text(encoding="utf-8")
    assert golden in blocks("text")


FORK_GUARD = "github.event.pull_request.head.repo.full_name == github.repository"


def test_steps_that_need_a_write_token_are_skipped_on_fork_pull_requests() -> None:
    """A fork's pull request gets a read-only token: the upload and the comment must not run
    there (the README's "Fork pull requests" says so), while linting still does."""
    writers = 0
    for workflow in workflows():
        writes = {k for k, v in workflow.get("permissions", {}).items() if v == "write"}
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                uses = step.get("uses", "")
                if uses.startswith("github/codeql-action/upload-sarif") or "gh pr" in step.get(
                    "run", ""
                ):
                    writers += 1
                    assert writes, "a step that writes needs a write permission"
                    assert FORK_GUARD in step.get("if", "") + job.get("if", "")
                if uses.startswith(f"{ACTION}@"):
                    assert "if" not in step
    assert writers == 2


def test_code_scanning_uploads_even_when_lint_finds_something() -> None:
    (workflow,) = [w for w in workflows() if "security-events" in w.get("permissions", {})]
    (job,) = workflow["jobs"].values()
    lint, upload, fail = job["steps"][1:]
    assert lint["with"]["fail-on"] == "never"
    assert upload["uses"].startswith("github/codeql-action/upload-sarif")
    assert fail == {"if": "steps.prd-forge.outputs.exit-code != '0'", "run": "exit 1"}


def test_a_master_repository_with_workflow_yaml_under_specs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The section as written, in a repository on master whose specs/ holds a CI workflow:
    init targets master and creates docs/prds, lint passes on it, check's hook skips the
    workflow."""
    import subprocess

    from click.testing import CliRunner

    env = {"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "init", "-q", "-b", "master", str(tmp_path)], check=True)
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "ci.yml").write_text("name: ci\non:\n  push:\njobs: {}\n")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(cli, ["init"], env=env).exit_code == 0
    written = (tmp_path / ".github/workflows/prd-forge.yml").read_text()
    assert written == Scaffold(branch="master").workflow()
    assert "    branches: [master]\n" in written
    lint = runner.invoke(cli, ["lint", "docs/prds"], env={"GITHUB_ACTIONS": ""})
    assert (lint.exit_code, lint.stdout) == (0, "No findings in 1 file.\n")
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    (check,) = [h for h in hook if h["id"] == "prd-forge-check"]
    assert re.search(check["files"], "specs/ci.yml")
    args = [*shlex.split(check["entry"])[1:], "specs/ci.yml"]
    result = runner.invoke(cli, args)
    assert (result.exit_code, result.output) == (0, "")
