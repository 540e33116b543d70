"""The changed-files list behind `prd-forge diff --git`, in a real temporary repository."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from prd_forge.cli import cli
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


# --- `prd-forge diff --git REF`, end to end --------------------------------------------------

PRDS = Path(__file__).resolve().parent / "prds"
GOLDEN = Path(__file__).resolve().parent / "golden"


def run_diff(cwd: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(cwd)
    result = CliRunner().invoke(cli, ["diff", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def prd_repo(tmp_path: Path) -> Repo:
    repo = Repo(tmp_path / "prd-repo")
    repo.root.mkdir()
    repo.git("init", "-q")
    for name, fixture in [
        ("search", "before"),
        ("legacy", "good"),
        ("stable", "good"),
        ("old-name", "bad"),
    ]:
        repo.write(f"docs/prds/{name}.md", (PRDS / f"{fixture}.md").read_text())
    repo.write("src/app.py", "print('not a PRD')\n")
    repo.commit()
    repo.git("tag", "base")
    repo.write("docs/prds/search.md", (PRDS / "after.md").read_text())
    repo.git("rm", "-q", "docs/prds/legacy.md")
    repo.git("mv", "docs/prds/old-name.md", "docs/prds/new-name.md")
    repo.write("docs/prds/draft.md", (PRDS / "bad.md").read_text())
    repo.write("src/app.py", "print('changed')\n")
    return repo


@pytest.mark.parametrize(("name", "suffix"), [("text", "txt"), ("markdown", "md")])
def test_diff_git_against_golden(
    prd_repo: Repo, monkeypatch: pytest.MonkeyPatch, name: str, suffix: str
) -> None:
    code, out, err = run_diff(prd_repo.root, monkeypatch, "--git", "base", "--format", name)
    assert (code, err) == (1, "")
    golden = GOLDEN / f"diff-git.{suffix}"
    if os.environ.get("PRD_FORGE_REGEN"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8"), "changed (PRD_FORGE_REGEN=1)"


def test_diff_git_paths_limit_the_files(prd_repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run_diff(prd_repo.root / "docs", monkeypatch, "--git", "base", "prds/draft.md")
    assert code == 0
    assert out.splitlines()[0] == "docs/prds/draft.md (added)"
    assert out.splitlines()[-1].startswith("1 PRD compared: 0 concerns lost, ")


def test_diff_git_with_nothing_changed(prd_repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    prd_repo.commit()
    assert run_diff(prd_repo.root, monkeypatch, "--git", "HEAD") == (0, "no PRD changed\n", "")


def test_diff_git_unknown_revision(prd_repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_diff(prd_repo.root, monkeypatch, "--git", "nope") == (
        2,
        "",
        "prd-forge: error: --git nope: nope: not a commit in this repository\n",
    )


def test_diff_git_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    code, out, err = run_diff(tmp_path, monkeypatch, "--git", "HEAD")
    assert (code, out) == (2, "")
    assert err.startswith("prd-forge: error: --git HEAD: fatal: not a git repository")


def test_an_untracked_file_whose_name_is_not_utf8(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    commit = repo.git("rev-parse", "HEAD")
    name = os.fsdecode(b"caf\xe9.md")  # Latin-1 bytes on disk: not UTF-8
    (repo.root / name).write_bytes(b"# Caf\xc3\xa9\n")
    assert Change(name, None) in changed_markdown(repo.root, commit)
    monkeypatch.chdir(repo.root)
    result = CliRunner().invoke(cli, ["diff", "--git", commit])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 0
    assert "caf\ufffd.md (added)" in result.stdout
