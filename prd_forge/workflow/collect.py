"""Lint both sides of a change: two files, or each PRD changed since a git revision.

Each side is linted with the config found for the file's place in the working tree, so the
diff shows what the text change did, not a config change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from prd_forge._io import ReadError, read_regular
from prd_forge.lint import config as lint_config
from prd_forge.lint import files
from prd_forge.lint.engine import lint_text
from prd_forge.lint.results import FileReport
from prd_forge.workflow import git
from prd_forge.workflow.diff import Diff, FileDiff, compare


class DiffInputError(Exception):
    """A file, a revision or a config that cannot be used; the message names it."""


@dataclass
class Linter:
    """Lints texts with the config for their place on disk; one config load per file found."""

    stage: str | None = None
    _found: dict[Path, Path | None] = field(default_factory=dict)
    _loaded: dict[Path, lint_config.Config] = field(default_factory=dict)

    def config_for(self, path: Path) -> lint_config.Config:
        source = lint_config.find(path.resolve().parent, self._found)
        if source is None:
            return lint_config.DEFAULT
        if source not in self._loaded:
            try:
                self._loaded[source] = lint_config.load(source)
            except lint_config.ConfigError as error:
                raise DiffInputError(str(error)) from None
        return self._loaded[source]

    def lint(self, data: bytes, *, name: str, place: Path) -> FileReport:
        """Lint `data` (read from `name`) as if it stood at `place` in the working tree."""
        decoded = files.decode(name, data)
        if isinstance(decoded, files.InputProblem):
            raise DiffInputError(f"{name}: {decoded.message}")
        text = decoded.text
        return lint_text(text, path=str(place), config=self.config_for(place), stage=self.stage)


def _read(path: Path) -> bytes:
    try:
        return read_regular(path, files.MAX_BYTES)
    except ReadError as error:
        raise DiffInputError(str(error)) from None


def diff_files(base: Path, head: Path, *, stage: str | None = None) -> Diff:
    """Two files: BASE (before) and HEAD (after) of one PRD."""
    linter = Linter(stage)
    before = linter.lint(_read(base), name=str(base), place=base)
    after = linter.lint(_read(head), name=str(head), place=head)
    return Diff((compare(before, after, path=str(head), base_path=str(base)),))


def diff_git(cwd: Path, ref: str, pathspecs: tuple[str, ...], *, stage: str | None = None) -> Diff:
    """Every Markdown file changed since `ref`: its text at `ref` against the working tree."""
    try:
        top = git.toplevel(cwd)
        commit = git.resolve(cwd, ref)
        changes = git.changed_markdown(cwd, commit, pathspecs)
    except git.GitError as error:
        raise DiffInputError(f"--git {ref}: {error}") from None
    linter = Linter(stage)
    return Diff(tuple(_diff_change(linter, top, ref, commit, change) for change in changes))


def _diff_change(linter: Linter, top: Path, ref: str, commit: str, change: git.Change) -> FileDiff:
    place = top / change.path
    before = None
    if change.base_path is not None:
        try:
            data = git.show(top, commit, change.base_path)
        except git.GitError as error:
            raise DiffInputError(f"{ref}:{change.base_path}: {error}") from None
        before = linter.lint(data, name=f"{ref}:{change.base_path}", place=place)
    after = None if change.deleted else linter.lint(_read(place), name=change.path, place=place)
    renamed = change.base_path not in (None, change.path)
    return compare(before, after, path=change.path, base_path=change.base_path, renamed=renamed)
