"""What `init` finds out about a repository and about the installed prd-forge.

- where prd-forge comes from: the Source URL among the installed package's project URLs,
  and the tag of the installed version;
- the branch pushes are linted on: the remote's default branch, else the checked-out one,
  else git's init.defaultBranch;
- an existing folder of PRDs: the first usual folder that holds Markdown files.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path
from typing import Final

from prd_forge import __version__
from prd_forge.workflow.git import GitError, output
from prd_forge.workflow.scaffold import DEFAULT_BRANCH, REPOSITORY

# Where teams usually keep PRDs, in the order init looks.
PRD_FOLDERS: Final = (
    "docs/prds",
    "docs/prd",
    "prds",
    "prd",
    "docs/specs",
    "specs",
    "spec",
    "docs/product",
)


def source() -> tuple[str, str]:
    """(repository URL, git ref) of the installed prd-forge: project URL `Source`, `vX.Y.Z`."""
    try:
        urls = metadata.metadata("prd-forge").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    found = dict(_split(url) for url in urls)
    return found.get("source", REPOSITORY), f"v{__version__}"


def _split(entry: str) -> tuple[str, str]:
    label, _, url = entry.partition(",")
    return label.strip().lower(), url.strip()


def default_branch(directory: Path) -> str:
    """origin's default branch, else the current branch, else init.defaultBranch, else main."""
    asks = (
        ("symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"),
        ("symbolic-ref", "--quiet", "--short", "HEAD"),
        ("config", "--get", "init.defaultBranch"),
    )
    for args in asks:
        try:
            answer = output(directory, *args)
        except GitError:
            continue
        if answer:
            return answer.removeprefix("origin/")
    return DEFAULT_BRANCH


def existing_prds(directory: Path) -> str | None:
    """The first usual PRD folder under `directory` that holds a Markdown file."""
    for folder in PRD_FOLDERS:
        path = directory / folder
        if path.is_dir() and any(
            p.suffix.lower() in (".md", ".markdown") for p in path.rglob("*") if p.is_file()
        ):
            return folder
    return None
