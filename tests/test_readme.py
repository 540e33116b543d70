"""The README's Quickstart test command is the one CI runs, verbatim (.ci/run says so too)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def quickstart_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, flags=re.S)]


def test_quickstart_has_exactly_two_one_line_commands() -> None:
    commands = quickstart_commands()
    assert len(commands) == 2
    assert all("\n" not in command for command in commands)


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    test_command = quickstart_commands()[1]
    assert "pytest" in test_command
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci_lines, (
        "the README's test command and .ci/run differ; change both together:\n" + test_command
    )


def test_quickstart_creates_a_virtual_environment_before_installing() -> None:
    steps = [step.strip() for step in quickstart_commands()[0].split("&&")]
    assert steps[:3] == [
        "python3 -m venv .venv",
        ". .venv/bin/activate",
        "python3 -m pip install .",
    ]


def test_quickstart_leaves_the_clone_clean(tmp_path: Path) -> None:
    """The render and lint steps, run as written, write PRD.md to the temporary folder."""
    steps = [step.strip() for step in quickstart_commands()[0].split("&&")][3:]
    assert [step.split()[:2] for step in steps] == [["prd-forge", "render"], ["prd-forge", "lint"]]
    before = {p.name for p in ROOT.glob("*.md")}
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    done = subprocess.run(
        ["bash", "-c", " && ".join(steps)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.endswith("No findings in 1 file.\n")
    assert (tmp_path / "PRD.md").is_file()
    assert {p.name for p in ROOT.glob("*.md")} == before


def test_license_is_the_one_pyproject_declares() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert pyproject["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    assert set(pyproject["urls"]) == {"Homepage", "Documentation", "Source", "Issues"}
