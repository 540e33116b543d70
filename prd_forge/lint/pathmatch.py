"""`exclude` and `per-path-ignores` patterns: gitignore (wildmatch) rules through pathspec,
relative to the folder of the config file that holds them (the current folder for
`--exclude`), as ruff and markdownlint-cli2 read theirs.

`archive` matches a file or folder of that name at any depth; `docs/archive/**` and
`/top.md` are anchored at that folder; `*.draft.md` matches anywhere; `!` re-includes.
"""

from __future__ import annotations

import os
from functools import lru_cache

from prd_forge._records import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec


@lru_cache(maxsize=256)
def _spec(patterns: tuple[str, ...]) -> GitIgnoreSpec:
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(patterns)


def matches(relative: str, patterns: tuple[str, ...], *, is_dir: bool = False) -> bool:
    """Whether the POSIX path `relative` (to the patterns' folder) matches any pattern."""
    if not patterns:
        return False
    return _spec(patterns).match_file(relative + ("/" if is_dir else ""))


class PathRules(NamedTuple):
    """Patterns and the folder they are relative to (absolute, symbolic links resolved, as
    os.path.realpath gives it)."""

    root: str
    patterns: tuple[str, ...]

    def matches(self, path: str, *, is_dir: bool = False) -> bool:
        """Whether the absolute, resolved `path` matches; paths outside `root` never do."""
        if not self.patterns:
            return False
        relative = _relative(path, self.root)
        return relative is not None and matches(relative, self.patterns, is_dir=is_dir)


def _relative(path: str, root: str) -> str | None:
    """`path` relative to `root`, in POSIX form ("." for `root` itself); None outside it."""
    if path == root:
        return "."
    inside = root if root.endswith(os.sep) else root + os.sep
    if not path.startswith(inside):
        return None
    relative = path[len(inside) :]
    return relative if os.sep == "/" else relative.replace(os.sep, "/")
