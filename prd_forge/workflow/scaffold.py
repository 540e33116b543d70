"""The files `prd-forge init` writes: a starter config, a pre-commit entry, a GitHub workflow.

The README shows the same snippets (tests/workflow/test_readme_snippets.py keeps them in step),
so what a user copies by hand and what `init` writes never drift apart.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import PurePosixPath

from prd_forge import __version__, concerns

REPOSITORY = "https://github.com/prd-forge/prd-forge"
ACTION = "prd-forge/prd-forge"
DEFAULT_PRDS = "docs/prds"
DEFAULT_BRANCH = "main"
PRDS_README = "README.md"

CONFIG_FILE = ".prd-forge.toml"
PRE_COMMIT_FILE = ".pre-commit-config.yaml"
WORKFLOW_FILE = ".github/workflows/prd-forge.yml"

_CONFIG = """\
# prd-forge configuration (written by `prd-forge init`).
# The same keys work under [tool.prd-forge] in pyproject.toml; unknown keys are errors.

# The preset: "default", or "strict" for launch reviews (recommended concerns required too).
preset = "default"

# The lowest severity that fails `prd-forge lint`: "error", "warning" or "info".
fail-level = "error"

# Files and folders lint skips: gitignore patterns, relative to this file.
exclude = []
# Skip them also when named outright, as the pre-commit hook names the files it checks.
force-exclude = true

# Headings your team writes that lint does not already know, by concern id
{concern_ids}
# The usual names ("Plan B", "Degraded mode", "Kill switch", ...) are known already. A heading
# holding one of these phrases as whole words (case and punctuation aside) names the concern
# as its title would, so choose phrases that mean nothing else:
# [aliases]
# fallbacks = ["when the robot is wrong"]

# Rules or concerns to skip under some paths, relative to this file:
[per-path-ignores]
# "docs/prds/archive/**" = ["ALL"]
# the README that explains the PRD folder is not a PRD
"{readme}" = ["ALL"]
"""

_PRDS_README = """\
# PRDs

One Markdown file per AI feature. `prd-forge lint` checks each for the concerns an AI
feature's spec must decide (fallbacks, evaluation, error cost, monitoring, ...); start one
with `prd-forge new`. This README is not a PRD: .prd-forge.toml ignores it.
"""

_PRE_COMMIT_ENTRY = """\
  - repo: {repository}
    rev: {ref}
    hooks:
      - id: prd-forge-lint
{files}      - id: prd-forge-check
"""

_WORKFLOW = """\
# Lints the PRDs on every pull request (written by `prd-forge init`).
# Findings show as annotations on the diff; the coverage table and, on pull requests,
# what the change did to coverage show in the job summary.
name: prd-forge

on:
  pull_request:
  push:
    branches: [{branch}]

permissions:
  contents: read

jobs:
  prd-forge:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683  # v4.2.2
        with:
          fetch-depth: 0  # the coverage diff reads the pull request's base commit
      - uses: {action}@{ref}
        with:
          paths: {prds}
          diff-base: ${{{{ github.event.pull_request.base.sha }}}}
"""


@dataclass(frozen=True)
class Scaffold:
    """What `init` fills in: the PRD folder (relative to the repository), where prd-forge
    comes from (a repository URL and a git ref) and the branch pushes are linted on."""

    prds: str = DEFAULT_PRDS
    repository: str = REPOSITORY
    ref: str = f"v{__version__}"
    branch: str = DEFAULT_BRANCH

    @property
    def action(self) -> str:
        """`owner/name` of the action, from a GitHub repository URL."""
        return github_action(self.repository)

    def config(self) -> str:
        readme = PRDS_README if self.prds == "." else f"{self.prds}/{PRDS_README}"
        ids = textwrap.fill(
            ", ".join(concerns.ids()) + ").",
            width=96,
            initial_indent="# (",
            subsequent_indent="# ",
            break_on_hyphens=False,
        )
        return _CONFIG.format(readme=readme, concern_ids=ids)

    def prds_readme(self) -> str:
        return _PRDS_README

    def pre_commit_entry(self) -> str:
        """One item of the `repos:` list, indented to sit under it."""
        files = "" if self.prds == "." else f"        files: '^{re.escape(self.prds)}/'\n"
        return _PRE_COMMIT_ENTRY.format(repository=self.repository, ref=self.ref, files=files)

    def pre_commit_config(self) -> str:
        return "repos:\n" + self.pre_commit_entry()

    def workflow(self) -> str:
        return _WORKFLOW.format(
            action=self.action, ref=self.ref, prds=self.prds, branch=self.branch
        )


_GITHUB = re.compile(r"^https://github\.com/([\w.-]+)/([\w.-]+?)(?:\.git)?/?$")


def github_action(url: str) -> str:
    """`owner/name` for https://github.com/owner/name; ValueError for any other URL."""
    match = _GITHUB.match(url)
    if match is None:
        raise ValueError(
            f"{url}: give the GitHub repository prd-forge's action comes from, "
            "as https://github.com/OWNER/NAME"
        )
    return f"{match[1]}/{match[2]}"


def normalise_prds(folder: str) -> str:
    """The PRD folder as a relative POSIX path inside the repository; ValueError says why not."""
    path = PurePosixPath(folder.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts:
        raise ValueError(f"{folder}: give a folder inside the repository, relative to it")
    text = str(path)
    if any(char in text for char in "'\"\n#:{}"):
        raise ValueError(f"{folder}: the folder name may not contain quotes, '#', ':' or braces")
    return text
