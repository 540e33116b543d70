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
