"""action.yml's scripts, run for real the way a GitHub runner runs them.

Each step's `run` goes to `bash --noprofile --norc -eo pipefail` (GitHub's `shell: bash`), with
its `env:` filled from the inputs and earlier steps' outputs, GITHUB_OUTPUT / GITHUB_PATH /
GITHUB_STEP_SUMMARY as files, and the prd-forge of this test environment in place of the one
the install step makes (the install step itself runs for real in its own tests).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from prd_forge.workflow.diff_format import COMMENT_MARKER

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PRDS = HERE / "prds"
INPUT = re.compile(r"^\$\{\{ inputs\.([\w-]+) \}\}$")
STEP_OUTPUT = re.compile(r"^\$\{\{ (steps\.[\w-]+\.outputs\.[\w-]+) \}\}$")
PRD_FORGE = str(Path(sys.executable).parent / "prd-forge")


@dataclass(frozen=True)
class StepRun:
    code: int
    stdout: str
    stderr: str
    outputs: dict[str, str]
    summary: str
    path: list[str]


def action() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    return loaded


def run_step(
    step_id: str, cwd: Path, runner: Path, steps: dict[str, str] | None = None, **inputs: str
) -> StepRun:
    spec = action()
    (step,) = [step for step in spec["runs"]["steps"] if step.get("id") == step_id]
    values = {name: str(item["default"]) for name, item in spec["inputs"].items()}
    values.update({name.replace("_", "-"): value for name, value in inputs.items()})
    earlier = {"steps.install.outputs.prd-forge": PRD_FORGE, **(steps or {})}
    env = {name: value for name, value in os.environ.items() if not name.startswith("PRD_")}
    for name, template in step.get("env", {}).items():
        match = INPUT.match(template) or STEP_OUTPUT.match(template)
        assert match, f"{step_id}: env {name} is neither an input nor a step's output"
        key = match.group(1)
        env[name] = earlier[key] if key.startswith("steps.") else values[key]
    runner.mkdir(exist_ok=True)
    output, summary, path = runner / "output", runner / "summary", runner / "path"
    output.write_text(""), summary.write_text(""), path.write_text("")
    env.update(
        GITHUB_OUTPUT=str(output),
        GITHUB_STEP_SUMMARY=str(summary),
        GITHUB_PATH=str(path),
        GITHUB_ACTION_PATH=str(ROOT),
        RUNNER_TEMP=str(runner),
        RUNNER_OS="Linux",
        RUNNER_ARCH="X64",
        NO_COLOR="1",
    )
    script = runner / f"{step_id}.sh"
    script.write_text(step["run"])
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines())
    return StepRun(
        done.returncode,
        done.stdout,
        done.stderr,
        outputs,
        summary.read_text(),
        path.read_text().splitlines(),
    )


def git(cwd: Path, *args: str) -> None:
    identity = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com"}
    identity.update(GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")
    subprocess.run(["git", *args], cwd=cwd, env={**os.environ, **identity}, check=True)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A repository whose docs/prds/search.md lost its failure-mode section since `base`."""
    path = tmp_path / "project"
    (path / "docs/prds").mkdir(parents=True)
    shutil.copy(PRDS / "before.md", path / "docs/prds/search.md")
    shutil.copy(PRDS / "good.md", path / "docs/prds/good.md")
    git(path, "init", "-q")
    git(path, "add", ".")
    git(path, "commit", "-q", "-m", "base")
    git(path, "tag", "base")
    shutil.copy(PRDS / "after.md", path / "docs/prds/search.md")
    return path


def test_diff_step_writes_the_summary_and_fails_on_a_regression(
    project: Path, tmp_path: Path
) -> None:
    runner = tmp_path / "runner"
    done = run_step("diff", project, runner, paths="docs/prds", diff_base="base")
    assert done.code == 1, done.stderr
    report = Path(done.outputs["diff-file"])
    assert report.parent == runner
    assert done.summary == report.read_text()
    assert done.summary.startswith(COMMENT_MARKER + "\n")
    assert ":x: **Coverage regressed**" in done.summary
    # The log gets the text format, for whoever reads the raw job output.
    assert "docs/prds/search.md\n  lost      fallbacks  present -> partial\n" in done.stdout


def test_diff_step_passes_when_nothing_regressed(project: Path, tmp_path: Path) -> None:
    shutil.copy(PRDS / "good.md", project / "docs/prds/search.md")
    done = run_step("diff", project, tmp_path / "runner", paths="docs/prds", diff_base="base")
    assert done.code == 0, done.stderr
    assert ":white_check_mark: No regression" in done.summary


def test_diff_step_reports_a_bad_revision(project: Path, tmp_path: Path) -> None:
    done = run_step("diff", project, tmp_path / "runner", paths="docs/prds", diff_base="nope")
    assert done.code == 2
    assert "prd-forge: error: --git nope: nope: not a commit in this repository" in done.stderr


@pytest.fixture
def prds(tmp_path: Path) -> Path:
    """A checkout holding a good and a bad PRD, and a README that is not linted."""
    path = tmp_path / "checkout"
    (path / "docs/prds").mkdir(parents=True)
    shutil.copy(PRDS / "good.md", path / "docs/prds/good.md")
    shutil.copy(PRDS / "bad.md", path / "docs/prds/bad.md")
    (path / "README.md").write_text("# Not a PRD\n")
    return path


def test_lint_step_annotates_and_writes_the_coverage_summary(prds: Path, tmp_path: Path) -> None:
    done = run_step("lint", prds, tmp_path / "runner", paths="docs/prds")
    assert done.code == 1, done.stderr
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::")]
    assert annotations
    assert all("file=docs/prds/bad.md," in line for line in annotations)
    assert "docs/prds/bad.md" in done.summary
    assert "docs/prds/good.md" in done.summary
    assert done.outputs == {"exit-code": "1"}


def test_lint_step_writes_sarif_for_upload(prds: Path, tmp_path: Path) -> None:
    done = run_step("lint", prds, tmp_path / "runner", paths="docs/prds", format="sarif")
    assert done.code == 1, done.stderr
    assert done.outputs == {"sarif-file": "prd-forge.sarif", "exit-code": "1"}
    sarif = json.loads((prds / "prd-forge.sarif").read_text())
    assert sarif["version"] == "2.1.0"
    assert "automationDetails" not in sarif["runs"][0]
    uris = {
        location["physicalLocation"]["artifactLocation"]["uri"]
        for result in sarif["runs"][0]["results"]
        for location in result["locations"]
    }
    assert uris == {"docs/prds/bad.md"}


def test_lint_step_takes_paths_on_lines_and_a_fail_level(prds: Path, tmp_path: Path) -> None:
    (prds / "docs/prds/other.md").write_text((PRDS / "good.md").read_text())
    paths = "docs/prds/good.md\n  docs/prds/other.md\n"
    done = run_step("lint", prds, tmp_path / "runner", paths=paths, fail_level="warning")
    assert done.code == 0, done.stdout + done.stderr
    assert "docs/prds/other.md" in done.summary


def test_lint_step_takes_a_path_with_spaces_and_a_glob_per_line(prds: Path, tmp_path: Path) -> None:
    (prds / "docs/product specs/2024").mkdir(parents=True)
    (prds / "docs/product specs/2024/one.md").write_text((PRDS / "good.md").read_text())
    (prds / "docs/product specs/two.md").write_text((PRDS / "good.md").read_text())
    paths = "docs/product specs/two.md\n\ndocs/**/2024/*.md\n"
    done = run_step("lint", prds, tmp_path / "runner", paths=paths, format="json")
    assert done.code == 0, done.stdout + done.stderr
    linted = [entry["path"] for entry in json.loads(done.stdout.split("\n::", 1)[0])["files"]]
    assert linted == ["docs/product specs/two.md", "docs/product specs/2024/one.md"]


def test_fail_on_never_lets_the_upload_run_and_reports_the_exit_code(
    prds: Path, tmp_path: Path
) -> None:
    runner = tmp_path / "runner"
    done = run_step("lint", prds, runner, paths="docs/prds", format="sarif", fail_on="never")
    assert done.code == 0, done.stderr
    assert done.outputs == {"sarif-file": "prd-forge.sarif", "exit-code": "1"}
    assert (prds / "prd-forge.sarif").is_file()
    missing = run_step("lint", prds, runner, paths="docs/nowhere", fail_on="never")
    assert (missing.code, missing.outputs) == (2, {"exit-code": "2"})


def test_sarif_category_input_sets_automation_details(prds: Path, tmp_path: Path) -> None:
    runner = tmp_path / "runner"
    run_step("lint", prds, runner, paths="docs/prds", format="sarif", sarif_category="prds")
    sarif = json.loads((prds / "prd-forge.sarif").read_text())
    assert sarif["runs"][0]["automationDetails"] == {"id": "prds/"}


def test_an_unknown_fail_on_is_refused(prds: Path, tmp_path: Path) -> None:
    done = run_step("lint", prds, tmp_path / "runner", paths="docs/prds", fail_on="sometimes")
    assert done.code == 2
    assert done.stdout == "::error::fail-on must be findings or never, not 'sometimes'\n"


def test_lint_step_reports_a_missing_path(prds: Path, tmp_path: Path) -> None:
    done = run_step("lint", prds, tmp_path / "runner", paths="docs/nowhere")
    assert done.code == 2
    assert "docs/nowhere" in done.stderr
