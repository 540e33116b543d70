"""Which files to lint, and reading them safely: every bad input becomes one clear problem.

Directories are walked for *.md and *.markdown, skipping VCS and tool folders, exclude
patterns (lint/pathmatch.py) and whatever .gitignore files say (read with pathspec, which
implements git's wildmatch rules; it is imported only when a .gitignore is found).
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterator, Mapping, Sequence
from stat import S_ISDIR, S_ISREG

from prd_forge._io import MEGABYTE, ReadError, non_regular, read_regular, too_big
from prd_forge._records import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pathlib import Path
    from typing import Final

    from pathspec import GitIgnoreSpec

    from prd_forge.lint.pathmatch import PathRules

STDIN: Final = "-"
SUFFIXES: Final = (".md", ".markdown")
MAX_BYTES: Final = 10 * MEGABYTE
_SKIP_DIRS: Final = frozenset(
    {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".nox"}
)


class InputProblem(NamedTuple):
    """A file that could not be linted, and why (one line, with what to do)."""

    path: str
    message: str


def discover(
    paths: Sequence[str],
    *,
    exclude: Sequence[PathRules] = (),
    respect_gitignore: bool = True,
    force_exclude: bool = False,
    stats: dict[str, os.stat_result] | None = None,
) -> tuple[list[str], list[InputProblem]]:
    """The files to lint under `paths` (in order, without duplicates), and bad paths.

    `exclude` applies to what folders and globs expand to; with `force_exclude` also to files
    named outright (as pre-commit names them), which are then skipped silently. Each file is
    stat'ed once; `stats` (when given) receives those stats, for the caller to reuse.
    """
    files: list[str] = []
    problems: list[InputProblem] = []
    seen: set[object] = set()
    stats = {} if stats is None else stats
    for raw in paths:
        if raw == STDIN:
            found: list[str] = [STDIN]
        elif _is_glob(raw) and not os.path.exists(raw):
            found = _expand(raw, exclude, respect_gitignore)
            if not found:
                problems.append(InputProblem(raw, "no Markdown file matches this glob"))
                continue
        else:
            info = _stat(raw)
            if info is not None and S_ISDIR(info.st_mode):
                found = sorted(_walk(raw, exclude, respect_gitignore))
            elif info is not None and S_ISREG(info.st_mode):
                resolved = force_exclude and os.path.realpath(raw)
                found = [] if resolved and _excluded(resolved, exclude, is_dir=False) else [raw]
                stats[raw] = info
            else:
                problems.append(InputProblem(raw, _missing(raw)))
                continue
        for item in found:
            key = _identity(item, stats)  # one file, two spellings
            if key not in seen:
                seen.add(key)
                files.append(item)
    return files, problems


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except (OSError, ValueError):
        return None


def _identity(path: str, stats: dict[str, os.stat_result]) -> object:
    """What makes two spellings of a path one file: its device and inode (one stat, kept in
    `stats`); its resolved path when it cannot be stat'ed (a broken link)."""
    if path == STDIN:
        return STDIN
    info = stats.get(path) or _stat(path)
    if info is None:
        return os.path.realpath(path)
    stats[path] = info
    return (info.st_dev, info.st_ino)


def _excluded(path: str, exclude: Sequence[PathRules], *, is_dir: bool) -> bool:
    """Whether the absolute, resolved `path` matches an exclude pattern."""
    return any(rules.matches(path, is_dir=is_dir) for rules in exclude)


def _is_glob(raw: str) -> bool:
    return "*" in raw or "?" in raw or "[" in raw


def _expand(pattern: str, exclude: Sequence[PathRules], respect_gitignore: bool) -> list[str]:
    """A quoted glob (`'docs/**/*.md'`), expanded as the shell would with globstar: Markdown
    files it matches, and the Markdown files under folders it matches."""
    import glob  # here: most runs name their files (pre-commit, a shell's glob)

    found: list[str] = []
    # Path.glob takes only relative patterns; a user's glob may be absolute
    for match in sorted(glob.glob(pattern, recursive=True)):
        if os.path.isdir(match):
            found.extend(sorted(_walk(match, exclude, respect_gitignore)))
        elif match.lower().endswith(SUFFIXES) and not _excluded(
            os.path.realpath(match), exclude, is_dir=False
        ):
            found.append(match)
    return found


def _missing(raw: str) -> str:
    from pathlib import Path  # here: only for a path that is not there

    path = Path(raw)
    try:
        kind = non_regular(path.stat().st_mode)
    except OSError:
        if path.is_symlink():
            return f"broken symbolic link or link loop (points to {path.readlink()}); fix it"
        return "no such file or folder; check the path"
    return f"{kind}, not a regular file or folder; pass Markdown files or folders"


def _walk(start: str, exclude: Sequence[PathRules], respect_gitignore: bool) -> Iterator[str]:
    from pathlib import Path  # here: a run given files never walks a folder

    root = Path(start)
    top = root.resolve()
    ignores = _parent_ignores(top) if respect_gitignore else []
    for folder, dirs, names in os.walk(root):
        here = Path(folder)
        absolute = top / here.relative_to(root)
        if respect_gitignore and (here / ".gitignore").is_file():
            spec = _spec(here / ".gitignore")
            if spec is not None:
                ignores = [*(i for i in ignores if _inside(absolute, i[0])), (absolute, spec)]
        dirs[:] = sorted(
            name
            for name in dirs
            if name not in _SKIP_DIRS
            and not _ignored(absolute / name, exclude, ignores, is_dir=True)
        )
        for name in names:
            if name.lower().endswith(SUFFIXES) and not _ignored(
                absolute / name, exclude, ignores, is_dir=False
            ):
                yield str(here / name)


def _inside(path: Path, base: Path) -> bool:
    return path == base or base in path.parents


def _ignored(
    path: Path,
    exclude: Sequence[PathRules],
    ignores: Sequence[tuple[Path, GitIgnoreSpec]],
    *,
    is_dir: bool,
) -> bool:
    if _excluded(str(path), exclude, is_dir=is_dir):
        return True
    for base, spec in ignores:
        if path != base and _inside(path, base):
            local = path.relative_to(base).as_posix() + ("/" if is_dir else "")
            if spec.match_file(local):
                return True
    return False


def _parent_ignores(top: Path) -> list[tuple[Path, GitIgnoreSpec]]:
    """.gitignore files above `top`, up to the repository's root (the folder holding .git)."""
    above = list(top.parents)
    repo = next((f for f in (top, *above) if (f / ".git").exists()), None)
    if repo is None or repo == top:
        return []
    found: list[tuple[Path, GitIgnoreSpec]] = []
    for folder in reversed(above[: above.index(repo) + 1]):
        gitignore = folder / ".gitignore"
        spec = _spec(gitignore) if gitignore.is_file() else None
        if spec is not None:
            found.append((folder, spec))
    return found


def _spec(path: Path) -> GitIgnoreSpec | None:
    from pathspec import GitIgnoreSpec

    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return GitIgnoreSpec.from_lines(lines)


class Decoded(NamedTuple):
    """A file's text, and the warning its reading earned (a Windows-1252 byte), if any."""

    text: str
    warning: InputProblem | None = None


def read(path: str, data: bytes | None = None) -> Decoded | InputProblem:
    """The text of a file (or of stdin's bytes), or the problem that stops it being linted.

    A Word document (.docx) is read as the Markdown it converts to (prd-forge[docx]), so its
    findings' lines are lines of that Markdown (`prd-forge import --show-converted` prints it).
    """
    if data is None and path.casefold().endswith(".docx"):
        return _docx(path)
    if data is None:
        try:
            data = read_regular(path, MAX_BYTES)
        except ReadError as error:
            return InputProblem(path, error.reason)
    if len(data) > MAX_BYTES:
        return InputProblem(path, too_big(len(data), MAX_BYTES))
    decoded = decode(path, data)
    if isinstance(decoded, Decoded) and not decoded.text.strip():
        return InputProblem(path, "empty file: nothing to lint")
    return decoded


def decode(path: str, data: bytes) -> Decoded | InputProblem:
    """UTF-8 text; else Windows-1252 text (Word's curly quotes) with a warning; else binary."""
    if b"\x00" in data[:8192]:
        return InputProblem(path, "binary file (contains NUL bytes); lint Markdown text only")
    try:
        return Decoded(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return InputProblem(
            path,
            f"not text: neither UTF-8 nor Windows-1252 (byte 0x{byte:02x} on line {line}); "
            "lint Markdown text only",
        )
    warning = (
        f"not UTF-8 (byte 0x{byte:02x} on line {line}): read as Windows-1252; save it as UTF-8"
    )
    return Decoded(text, InputProblem(path, warning))


def _docx(path: str) -> Decoded | InputProblem:
    # imported only for a .docx: the converter is no part of linting Markdown
    from pathlib import Path

    from prd_forge.importer.docx import DocxError, read_docx

    try:
        return Decoded(read_docx(Path(path)))
    except DocxError as error:
        return InputProblem(path, str(error).removeprefix(f"{path}: "))


def skip_special(
    files: Sequence[str],
    explicit: Collection[str],
    stats: Mapping[str, os.stat_result] | None = None,
) -> tuple[list[str], list[InputProblem]]:
    """Files found in folders that are not regular files (a FIFO, a link to a device, a link
    loop) are skipped with a warning; the caller names the warnings, the rest is linted.
    `stats` holds the files' stats when discover already took them."""
    kept: list[str] = []
    skipped: list[InputProblem] = []
    known = stats or {}
    for path in files:
        reason = None if path == STDIN or path in explicit else _special(path, known.get(path))
        if reason is None:
            kept.append(path)
        else:
            skipped.append(InputProblem(path, f"{reason}; skipped"))
    return kept, skipped


def _special(path: str, info: os.stat_result | None) -> str | None:
    try:
        kind = non_regular((info or os.stat(path)).st_mode)
    except OSError:
        if os.path.islink(path):
            return "a broken symbolic link or a link loop"
        return "cannot be read"
    return None if kind is None else f"{kind}, not a regular file"
