"""Coverage over each PRD's last revisions in git: one `git log`, one `git cat-file --batch`."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

from prd_forge.lint.engine import lint_text
from prd_forge.workflow.git import GitError, output

# How far back one `git log` looks for the revisions of every PRD at once.
MAX_COMMITS = 500


def _top(paths: Sequence[str]) -> Path | None:
    if not paths:
        return None
    try:
        return Path(output(Path(paths[0]).resolve().parent, "rev-parse", "--show-toplevel"))
    except GitError:
        return None


def _revisions(top: Path, wanted: dict[str, str], count: int) -> dict[str, list[str]]:
    """For each repository path in `wanted`, its last `count` commits, oldest first."""
    log = output(
        top, "log", f"--max-count={MAX_COMMITS}", "--format=@%H", "--name-only", "--", *wanted
    )
    found: dict[str, list[str]] = {}
    commit = ""
    for line in log.splitlines():
        if line.startswith("@"):
            commit = line[1:]
        elif line in wanted and len(found.setdefault(line, [])) < count:
            found[line].append(commit)
    return {path: commits[::-1] for path, commits in found.items()}


def _contents(top: Path, objects: list[str]) -> list[str | None]:
    batch = "".join(f"{name}\n" for name in objects).encode("utf-8")
    done = subprocess.run(
        ["git", "cat-file", "--batch"], cwd=top, input=batch, capture_output=True, check=False
    )
    data, at = done.stdout, 0
    texts: list[str | None] = []
    for _ in objects:
        end = data.index(b"\n", at)
        header = data[at:end].split()
        if len(header) < 3 or header[1] != b"blob":
            texts.append(None)
            at = end + 1
            continue
        size = int(header[2])
        texts.append(data[end + 1 : end + 1 + size].decode("utf-8", "replace"))
        at = end + 1 + size + 1
    return texts


def trends(
    paths: Sequence[str], count: int, score: Callable[[dict[str, str]], float]
) -> dict[str, tuple[float, ...]]:
    """Each path's coverage score at its last `count` commits, oldest first ({} outside git)."""
    top = _top(paths)
    if top is None or count <= 0:
        return {}
    inside = {}
    for path in paths:
        resolved = Path(path).resolve()
        if resolved.is_relative_to(top):
            inside[resolved.relative_to(top).as_posix()] = str(Path(path))
    commits = _revisions(top, inside, count)
    objects = [(path, commit) for path, revs in commits.items() for commit in revs]
    texts = _contents(top, [f"{commit}:{path}" for path, commit in objects])
    found: dict[str, list[float]] = {}
    for (path, _), text in zip(objects, texts, strict=True):
        if text is not None:
            coverage = lint_text(text, path=path).coverage
            found.setdefault(inside[path], []).append(score(dict(coverage)))
    return {path: tuple(values) for path, values in found.items()}
