"""Walking folders: *.md only, .gitignore honoured (at every level and above the folder),
--exclude globs, VCS folders skipped, duplicates linted once."""

from __future__ import annotations

from pathlib import Path

import pytest

from prd_forge.lint.files import InputProblem, discover
from prd_forge.lint.pathmatch import PathRules

DOC = "# T\n\n## Problem\n\nUsers rebuild filters every day.\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    for name in (
        "docs/a.md",
        "docs/b.markdown",
        "docs/notes.txt",
        "docs/drafts/wip.md",
        "docs/sub/keep.md",
        "docs/sub/scratch.tmp.md",
        "docs/archive/old.md",
        "node_modules/pkg/readme.md",
        ".git/info.md",
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(DOC, encoding="utf-8")
    (tmp_path / ".gitignore").write_text("drafts/\n")
    (tmp_path / "docs" / "sub" / ".gitignore").write_text("*.tmp.md\n")
    return tmp_path


def _names(files: list[str], root: Path) -> list[str]:
    return [Path(f).relative_to(root).as_posix() for f in files]


def test_gitignore_above_and_inside_the_folder(repo: Path) -> None:
    files, problems = discover([str(repo / "docs")])
    assert problems == []
    assert _names(files, repo) == [
        "docs/a.md",
        "docs/archive/old.md",
        "docs/b.markdown",
        "docs/sub/keep.md",
    ]


def test_without_gitignore_and_with_exclude(repo: Path) -> None:
    rules = [PathRules(str(repo.resolve()), ("docs/archive/*",))]
    files, _ = discover([str(repo)], exclude=rules, respect_gitignore=False)
    assert _names(files, repo) == [
        "docs/a.md",
        "docs/b.markdown",
        "docs/drafts/wip.md",
        "docs/sub/keep.md",
        "docs/sub/scratch.tmp.md",
    ]


def test_a_named_file_is_linted_even_if_ignored_and_only_once(repo: Path) -> None:
    wip = str(repo / "docs" / "drafts" / "wip.md")
    files, _ = discover([wip, wip, str(repo / "docs" / "notes.txt")])
    assert files == [wip, str(repo / "docs" / "notes.txt")]


def test_quoted_globs_expand_to_markdown_files(tmp_path: Path) -> None:
    (tmp_path / "docs" / "a").mkdir(parents=True)
    for name in ("docs/top.md", "docs/a/deep.md", "docs/a/notes.txt"):
        (tmp_path / name).write_text("# x\n", encoding="utf-8")
    pattern = str(tmp_path / "docs" / "**" / "*.md")
    files, problems = discover([pattern])
    assert files == [str(tmp_path / "docs/a/deep.md"), str(tmp_path / "docs/top.md")]
    assert problems == []
    none = str(tmp_path / "nothing" / "*.md")
    assert discover([none]) == ([], [InputProblem(none, "no Markdown file matches this glob")])
