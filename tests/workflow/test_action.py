"""action.yml: a composite action whose inputs, outputs and scripts fit together.

tests/workflow/test_action_run.py runs its scripts for real against prd-forge.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from prd_forge.workflow.scaffold import ACTION, Scaffold

ROOT = Path(__file__).resolve().parent.parent.parent
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def action() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    return loaded


def steps() -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = action()["runs"]["steps"]
    return found


def expressions() -> list[str]:
    return EXPRESSION.findall((ROOT / "action.yml").read_text(encoding="utf-8"))


def test_composite_action_with_named_inputs_and_outputs() -> None:
    loaded = action()
    assert loaded["runs"]["using"] == "composite"
    assert {"name", "description", "inputs", "outputs", "branding"} <= loaded.keys()
    for name, spec in loaded["inputs"].items():
        assert spec["description"], name
        assert "default" in spec, f"input {name} needs a default: every input is optional"


def test_every_input_referenced_exists_and_every_input_is_used() -> None:
    declared = set(action()["inputs"])
    referenced = {name for text in expressions() for name in re.findall(r"inputs\.([\w-]+)", text)}
    assert referenced == declared


def test_every_step_referenced_exists_and_precedes_its_use() -> None:
    seen: set[str] = set()
    for step in steps():
        text = yaml.safe_dump(step)
        for name in re.findall(r"steps\.([\w-]+)\.", text):
            assert name in seen, f"step {step.get('id')} reads step {name} before it runs"
        seen.add(step.get("id", ""))
    for output in action()["outputs"].values():
        (name,) = re.findall(r"steps\.([\w-]+)\.", output["value"])
        assert name in seen


def test_run_steps_use_bash_and_take_inputs_only_through_env() -> None:
    for step in steps():
        if "run" in step:
            assert step["shell"] == "bash"
            # An input pasted into a script is a shell-injection hole; env is not.
            assert "${{" not in step["run"], step["id"]


@pytest.mark.parametrize("step_id", ["key", "install", "lint", "diff"])
def test_scripts_are_valid_bash(step_id: str) -> None:
    (step,) = [step for step in steps() if step.get("id") == step_id]
    done = subprocess.run(["bash", "-n"], input=step["run"], text=True, capture_output=True)
    assert done.returncode == 0, done.stderr


def test_workflow_written_by_init_uses_only_the_action_s_inputs() -> None:
    workflow = yaml.safe_load(Scaffold().workflow())
    uses = [
        step
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if step.get("uses", "").startswith(f"{ACTION}@")
    ]
    assert len(uses) == 1
    assert set(uses[0]["with"]) <= set(action()["inputs"])


def test_third_party_actions_are_pinned_by_commit() -> None:
    uses = [step["uses"] for step in steps() if "uses" in step]
    assert uses
    for use in uses:
        assert re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", use), f"{use}: pin a commit, not a tag"


def test_the_install_step_puts_only_a_shim_folder_on_path() -> None:
    (install,) = [step for step in steps() if step.get("id") == "install"]
    writes = [line for line in install["run"].splitlines() if "GITHUB_PATH" in line]
    assert [line.strip() for line in writes] == ['echo "$shim" >> "$GITHUB_PATH"']
