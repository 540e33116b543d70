"""The changed-files list behind `prd-forge diff --git`, in a real temporary repository."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from prd_forge.workflow.git import Change, GitError, changed_markdown, resolve, show, toplevel

IDENTITY = {
    "GIT_AUTHOR_NAME": "prd-forge tests",
    "GIT_AUTHOR_EMAIL": "tests@example.com",
    "GIT_COMMITTER_NAME": "prd-forge tests",
    "GIT_COMMITTER_EMAIL": "tests@example.com",
}


@dataclass(frozen=True)
class Repo:
    """A throwaway repository: write files, commit."""

    root: Path

    def git(self, *args: str) -> str:
        done = subprocess.run(
            ["git", *args],
            cwd=self.root,
            env={**os.environ, **IDENTITY},
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.strip()

    def write(self, path: str, text: str) -> None:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def commit(self) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", "change")
        return self.git("rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    repo = Repo(tmp_path / "repo")
    repo.root.mkdir()
    repo.git("init", "-q")
    repo.write("docs/prds/kept.md", "# Kept\n")
    repo.write("docs/prds/edited.md", "# Edited\n")
    repo.write("docs/prds/gone.md", "# Gone\n")
    repo.write("docs/prds/moved.md", "# Moved\n\n" + "A long enough body to be a rename.\n" * 5)
    repo.write("notes.txt", "not markdown\n")
    repo.commit()
    return repo


def test_modified_added_deleted_renamed_and_untracked(repo: Repo) -> None:
    base = repo.git("rev-parse", "HEAD")
    repo.write("docs/prds/edited.md", "# Edited\n\nMore.\n")
    repo.git("rm", "-q", "docs/prds/gone.md")
    repo.git("mv", "docs/prds/moved.md", "docs/prds/renamed.md")
    repo.write("docs/prds/staged-new.md", "# New\n")
    repo.git("add", "docs/prds/staged-new.md")
    repo.write("docs/prds/untracked.md", "# Untracked\n")
    repo.write("notes.txt", "changed, but not markdown\n")
    assert changed_markdown(repo.root, base) == [
        Change("docs/prds/edited.md", "docs/prds/edited.md"),
        Change("docs/prds/gone.md", "docs/prds/gone.md", deleted=True),
        Change("docs/prds/renamed.md", "docs/prds/moved.md"),
        Change("docs/prds/staged-new.md", None),
        Change("docs/prds/untracked.md", None),
    ]


def test_paths_are_from_the_top_and_pathspecs_from_the_working_directory(repo: Repo) -> None:
    base = repo.git("rev-parse", "HEAD")
    repo.write("docs/prds/edited.md", "# Edited again\n")
    repo.write("other/x.md", "# Elsewhere\n")
    docs = repo.root / "docs"
    assert changed_markdown(docs, base, ["prds"]) == [
        Change("docs/prds/edited.md", "docs/prds/edited.md")
    ]
    assert toplevel(docs) == repo.root.resolve()


def test_committed_changes_since_an_older_commit(repo: Repo) -> None:
    base = repo.git("rev-parse", "HEAD")
    repo.write("docs/prds/edited.md", "# Edited, committed\n")
    repo.commit()
    assert changed_markdown(repo.root, base) == [
        Change("docs/prds/edited.md", "docs/prds/edited.md")
    ]
    assert changed_markdown(repo.root, "HEAD") == []


def test_show_reads_the_file_at_the_revision(repo: Repo) -> None:
    base = repo.git("rev-parse", "HEAD")
    repo.write("docs/prds/edited.md", "# Now\n")
    assert show(repo.root, base, "docs/prds/edited.md") == b"# Edited\n"


def test_resolve_names_the_commit_or_refuses(repo: Repo) -> None:
    assert resolve(repo.root, "HEAD") == repo.git("rev-parse", "HEAD")
    with pytest.raises(GitError, match=r"^no-such-branch: not a commit in this repository$"):
        resolve(repo.root, "no-such-branch")


def test_outside_a_repository_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    with pytest.raises(GitError, match="not a git repository"):
        toplevel(tmp_path)
