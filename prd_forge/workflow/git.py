"""The Markdown files changed since a git revision, and their text at that revision.

Paths are relative to the top of the repository, as git, GitHub annotations and SARIF use them.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

MARKDOWN_SUFFIXES = (".md", ".markdown")


class GitError(Exception):
    """git refused: not a repository, an unknown revision, git missing."""


@dataclass(frozen=True, order=True)
class Change:
    """A changed file: `base_path` is None when it did not exist at the revision."""

    path: str
    base_path: str | None
    deleted: bool = False


def _git(cwd: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError as error:
        raise GitError(f"cannot run git ({error.strerror})") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[0] if message else f"git {args[0]} failed")
    return done.stdout


def output(cwd: Path, *args: str) -> str:
    """What `git ARGS` prints in `cwd`, stripped; GitError when git refuses."""
    return _git(cwd, *args).decode("utf-8", "replace").strip()


def toplevel(cwd: Path) -> Path:
    return Path(_git(cwd, "rev-parse", "--show-toplevel").decode().strip())


def resolve(cwd: Path, ref: str) -> str:
    """The commit `ref` names; GitError when it names none."""
    try:
        return _git(cwd, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    except GitError:
        raise GitError(f"{ref}: not a commit in this repository") from None


def _is_markdown(path: str) -> bool:
    return path.lower().endswith(MARKDOWN_SUFFIXES)


def _parse_name_status(output: bytes) -> list[Change]:
    """`git diff --name-status -z` output: a status, then one path (two for R and C)."""
    fields = output.decode("utf-8", "surrogateescape").split("\0")
    changes: list[Change] = []
    index = 0
    while index < len(fields) - 1:
        status = fields[index][:1]
        if status in "RC":
            old, new = fields[index + 1], fields[index + 2]
            index += 3
            # A copy is a new file; a rename carries the old text across.
            changes.append(Change(new, old if status == "R" else None))
        else:
            path = fields[index + 1]
            index += 2
            if status == "A":
                changes.append(Change(path, None))
            else:
                changes.append(Change(path, path, deleted=status == "D"))
    return changes


def changed_markdown(cwd: Path, commit: str, pathspecs: Sequence[str] = ()) -> list[Change]:
    """Markdown files that differ between `commit` and the working tree, untracked ones included."""
    spec = ["--", *pathspecs]
    diff = _git(cwd, "diff", "--no-relative", "--name-status", "-z", "-M", commit, *spec)
    untracked = _git(cwd, "ls-files", "--others", "--exclude-standard", "--full-name", "-z", *spec)
    changes = _parse_name_status(diff)
    changes += [
        Change(path, None)
        for path in untracked.decode("utf-8", "surrogateescape").split("\0")
        if path
    ]
    touched = (c for c in changes if _is_markdown(c.path) or _is_markdown(c.base_path or ""))
    return sorted(touched)


def show(cwd: Path, commit: str, path: str) -> bytes:
    """The bytes of `path` (relative to the top of the repository) at `commit`."""
    return _git(cwd, "show", f"{commit}:{path}")
