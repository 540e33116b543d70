"""The pre-commit hooks, run by pre-commit itself against this repository's HEAD commit.

The project's .pre-commit-config.yaml is the one `prd-forge init` writes, pointed at this
checkout and its HEAD commit: pre-commit clones the repository at that commit and installs it
with pip into its own environment (so it needs PyPI, or the index pip is configured with).
Uncommitted changes are not seen. This is what `pre-commit try-repo` does, except that try-repo
uses a throwaway store per call and so would reinstall for every run; here one install serves
all five runs: bad files fail, good files pass, other Markdown and YAML are left alone. One
test also runs `pre-commit try-repo` itself, as a hook author would before publishing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from prd_forge import __version__
from prd_forge.workflow.scaffold import REPOSITORY, Scaffold

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]

BAD_ANSWERS = "feature: smart-reply\nstatus: review\nnot_a_field: 1\n"
WORKFLOW = "name: ci\non:\n  push:\njobs:\n  test:\n    runs-on: ubuntu-latest\n"


@dataclass(frozen=True)
class Project:
    path: Path
    env: dict[str, str]

    def run(self, hook: str, *files: str) -> subprocess.CompletedProcess[str]:
        selection = ["--files", *files] if files else ["--all-files"]
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", hook, "--verbose", *selection],
            cwd=self.path,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True
    ).stdout.strip()


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    base = tmp_path_factory.mktemp("pre-commit")
    path = base / "project"
    (path / "docs/prds").mkdir(parents=True)
    shutil.copy(HERE / "prds/good.md", path / "docs/prds/good.md")
    shutil.copy(HERE / "prds/bad.md", path / "docs/prds/bad.md")
    shutil.copy(ROOT / "samples/support-reply-copilot.yaml", path / "docs/prds/good.spec.yaml")
    (path / "docs/prds/bad.spec.yaml").write_text(BAD_ANSWERS)
    (path / "README.md").write_text("# Not a PRD\n\nThe hooks must not lint this file.\n")
    (path / "ci.yaml").write_text("not_an_answers_file: true\n")
    # a CI workflow where the check hook's pattern looks for answers files (specs/)
    (path / "specs").mkdir()
    (path / "specs/ci.yml").write_text(WORKFLOW)
    entry = Scaffold(prds=".").pre_commit_entry()
    entry = entry.replace(REPOSITORY, str(ROOT)).replace(
        f"v{__version__}", git(ROOT, "rev-parse", "HEAD")
    )
    (path / ".pre-commit-config.yaml").write_text("repos:\n" + entry)
    env = {**os.environ, "PRE_COMMIT_HOME": str(base / "cache"), "NO_COLOR": "1"}
    git(path, "init", "-q")
    git(path, "add", ".")
    yield Project(path, env)


def test_lint_hook_fails_the_bad_prd_and_skips_other_markdown(project: Project) -> None:
    result = project.run("prd-forge-lint")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "docs/prds/bad.md" in result.stdout
    assert "docs/prds/good.md" not in result.stdout
    assert "README.md" not in result.stdout


def test_check_hook_leaves_other_yaml_alone(project: Project) -> None:
    result = project.run("prd-forge-check", "ci.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(no files to check)Skipped" in result.stdout


def test_check_hook_skips_a_workflow_under_specs(project: Project) -> None:
    result = project.run("prd-forge-check", "specs/ci.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "prd-forge check" in result.stdout
    assert "Passed" in result.stdout
    assert "not a field name" not in result.stdout


def test_lint_hook_passes_the_good_prd(project: Project) -> None:
    result = project.run("prd-forge-lint", "docs/prds/good.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_check_hook_fails_the_bad_answers_file(project: Project) -> None:
    result = project.run("prd-forge-check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "bad.spec.yaml" in result.stdout
    assert "not_a_field" in result.stdout


def test_check_hook_passes_a_complete_answers_file(project: Project) -> None:
    result = project.run("prd-forge-check", "docs/prds/good.spec.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_try_repo_runs_the_lint_hook_from_this_repository(project: Project) -> None:
    # What a hook author runs before publishing: pre-commit clones this repository at HEAD,
    # installs it, and runs the hook over the project. One call, one install.
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "prd-forge-lint",
         "--ref", git(ROOT, "rev-parse", "HEAD"), "--all-files", "--verbose"],
        cwd=project.path,
        env=project.env,
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert result.returncode == 1, result.stdout + result.stderr
    assert "docs/prds/bad.md" in result.stdout
    assert "docs/prds/good.md" not in result.stdout
    assert "README.md:" not in result.stdout
