"""A result cache for lint, so an unchanged file is neither read nor analysed again.

Like ruff's: under `.prd-forge_cache/` at the project root (which holds a `.gitignore` of its
own, so it never shows up in `git status`), one folder per version of the analysing code (and
of Python), and in it one table per effective setting (config and stage) holding every file's
entry: its report, the warning its reading earned, the SHA-256 of its text, and its size,
mtime, ctime and inode. A file whose stat is unchanged is answered without being read, unless
it changed within STAT_MARGIN of being read (a later write could keep its mtime); otherwise it
is read and answered by its hash. A run appends what it changed to the table's journal under
an advisory lock, and folds the journal into the table now and then (lint/cache_store.py); a
damaged table, journal or entry is a miss, and is written again. Entries unused for
MAX_AGE_DAYS are dropped when their table is compacted; other code versions' folders and stale
tables are pruned at most once a day.

A run answered from file stats imports neither hashlib nor json: names are hashed with the
small built-in SHA-256 module where there is one, and so are the first 256 KB of text a run
hashes (a run that changed a file or two never loads OpenSSL).
"""

from __future__ import annotations

import os
import sys
import time

from prd_forge import __version__
from prd_forge._records import TYPE_CHECKING
from prd_forge.lint import cache_store
from prd_forge.lint.cache_entry import Entry, decode_report, encode_report
from prd_forge.lint.results import FileReport

if TYPE_CHECKING:
    from typing import Any, Final

DIR_NAME: Final = ".prd-forge_cache"
ENV_VAR: Final = "PRD_FORGE_CACHE_DIR"
NO_CACHE_VAR: Final = "PRD_FORGE_NO_CACHE"  # set (to anything but "" or "0"): like --no-cache
MAX_AGE_DAYS: Final = 30
STAT_MARGIN_NS: Final = 2_000_000_000  # coarser than any file system's mtime (FAT: 2 s)
BUILTIN_HASH_BYTES: Final = 256 * 1024  # about 5 ms of hashlib's import, hashed by _sha256
_PRUNE_STAMP: Final = "last-pruned"
# every source whose code can change a result (a test checks none is left out)
_SOURCES: Final = (
    "lint",
    "concerns",
    "catalogue.py",
    "terms.py",
    "wording.py",
    "approvals",
    "_io.py",
    "_records.py",
)
_ROOT_MARKS: Final = ("pyproject.toml", ".prd-forge.toml", ".git")
_DAY: Final = 86_400
_DAY_NS: Final = _DAY * 1_000_000_000


def default_dir(start: str) -> str:
    """`$PRD_FORGE_CACHE_DIR`, else `.prd-forge_cache` in the nearest folder (from the
    absolute folder `start` up) holding a pyproject.toml, .prd-forge.toml or .git, else in
    `start` itself."""
    env = os.environ.get(ENV_VAR)
    if env:
        return env
    folder = start
    while True:
        if any(os.path.exists(os.path.join(folder, mark)) for mark in _ROOT_MARKS):
            return os.path.join(folder, DIR_NAME)
        parent = os.path.dirname(folder)
        if parent == folder:
            return os.path.join(start, DIR_NAME)
        folder = parent


def disabled() -> bool:
    """Whether $PRD_FORGE_NO_CACHE turns the cache off (as ruff's RUFF_NO_CACHE does)."""
    return os.environ.get(NO_CACHE_VAR, "") not in ("", "0")


def code_stamp() -> str:
    """What identifies the analysing code: the versions of prd-forge and Python, and the size
    and time of every source file lint reads, so an edited or reinstalled prd-forge never
    reuses old results."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parts = [__version__, sys.version]
    for name in _SOURCES:
        parts.extend(_stats(package, name))
    return _name_digest("\n".join(parts).encode())[:16]


def _stats(package: str, name: str) -> list[str]:
    """`relative:size:mtime` of the .py files at package/name (a file, or a folder's tree)."""
    top = os.path.join(package, name)
    if not os.path.isdir(top):
        try:
            info = os.stat(top)
        except OSError:
            return []
        return [f"{name}:{info.st_size}:{info.st_mtime_ns}"]
    found: list[str] = []
    with os.scandir(top) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            relative = f"{name}/{entry.name}"
            if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                found.extend(_stats(package, relative))
            elif entry.name.endswith(".py"):
                info = entry.stat()
                found.append(f"{relative}:{info.st_size}:{info.st_mtime_ns}")
    return found


def _name_digest(data: bytes) -> str:
    """The SHA-256 of a short name or text: the built-in module's, which loads in a fraction
    of hashlib's (OpenSSL) time."""
    try:
        from _sha256 import sha256  # type: ignore[import-not-found]  # CPython <= 3.11
    except ImportError:  # pragma: no cover - 3.12 renamed it; other Pythons: hashlib
        try:
            from _sha2 import sha256  # type: ignore[import-not-found]
        except ImportError:
            from hashlib import sha256
    return str(sha256(data).hexdigest())


def digest(text: str) -> str:
    """What identifies a file's content in the cache: the SHA-256 of its text."""
    import hashlib  # here: a run answered by file stats never hashes a text

    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Cache:
    """Lint results by (settings, path), in one folder; every failure to read or write is a
    miss or a lost entry, never an error."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = os.fspath(root)
        self.folder = os.path.join(self.root, code_stamp())
        self._rows: dict[str, cache_store.Rows] = {}
        self._damaged: set[str] = set()
        self._names: dict[str, str] = {}
        self._changed: dict[str, dict[str, Entry]] = {}
        self.now_ns = time.time_ns()
        self._ready = False
        self._hashed = 0

    def digest(self, text: str) -> str:
        """`digest(text)`. The first BUILTIN_HASH_BYTES of a run are hashed by the built-in
        SHA-256 module: importing hashlib (OpenSSL) costs a run that changed one file more
        than hashing it, though OpenSSL hashes much faster once loaded."""
        data = text.encode("utf-8", "surrogatepass")
        self._hashed += len(data)
        if self._hashed <= BUILTIN_HASH_BYTES:
            return _name_digest(data)
        import hashlib

        return hashlib.sha256(data).hexdigest()

    def fresh(self, path: str, settings: str, info: os.stat_result) -> Entry | None:
        """The entry of a file whose stat says it did not change since it was read."""
        entry = self._entry(path, settings)
        if entry is None or not entry.same_file(info):
            return None
        if info.st_mtime_ns > entry.read_ns - STAT_MARGIN_NS:
            return None  # changed just before it was read: a later change may keep its mtime
        if self.now_ns - entry.used_ns > _DAY_NS:
            self._remember(path, settings, entry.used(self.now_ns))  # unused entries age out
        return entry

    def matching(self, path: str, settings: str, info: os.stat_result, sha: str) -> Entry | None:
        """The entry of a file whose text hashes as before (its stat is then refreshed)."""
        entry = self._entry(path, settings)
        if entry is None or entry.sha != sha:
            return None
        if info.st_mtime_ns > self.now_ns - STAT_MARGIN_NS:
            # changed too lately for its stat to answer next time either: writing the stat
            # again would only grow the journal on every run until the margin has passed
            if self.now_ns - entry.used_ns > _DAY_NS:
                self._remember(path, settings, entry.used(self.now_ns))
            return entry
        self._remember(path, settings, entry.restat(info, self.now_ns))
        return entry

    def store(
        self, path: str, settings: str, info: os.stat_result, sha: str, made: tuple[Any, Any]
    ) -> None:
        """Keep `made` (a FileReport and its reading's warning, or None) for the file."""
        report, warning = made
        entry = Entry.of(info, self.now_ns, sha, encode_report(report), warning)
        self._remember(path, settings, entry)

    def report(self, entry: Entry) -> FileReport | None:
        """The entry's report, or None when it is not one (a damaged or foreign entry)."""
        return decode_report(entry.report)

    def save(self) -> None:
        """Append what this run changed to each table's journal (or compact a damaged table)."""
        horizon = self.now_ns - MAX_AGE_DAYS * _DAY_NS
        for settings in {*self._changed, *(self._damaged & set(self._rows))}:
            changed = {path: e.row() for path, e in self._changed.get(settings, {}).items()}
            compact = settings in self._damaged
            try:
                self._prepare()
                cache_store.write(
                    self.folder, self._name(settings), changed, horizon, compact=compact
                )
            except OSError:
                continue  # a read-only or full disk only costs speed
        self._changed.clear()
        self._damaged.clear()

    def _entry(self, path: str, settings: str) -> Entry | None:
        rows = self._rows.get(settings)
        if rows is None:
            rows, whole = cache_store.read(self.folder, self._name(settings))
            self._rows[settings] = rows
            if not whole:
                self._damaged.add(settings)
        row = rows.get(path)
        return row if isinstance(row, Entry) or row is None else Entry.from_row(row)

    def _remember(self, path: str, settings: str, entry: Entry) -> None:
        self._rows.setdefault(settings, {})[path] = entry
        self._changed.setdefault(settings, {})[path] = entry

    def _name(self, settings: str) -> str:
        if settings not in self._names:
            encoded = settings.encode("utf-8", "surrogateescape")
            self._names[settings] = _name_digest(encoded)[:16]
        return self._names[settings]

    def _prepare(self) -> None:
        if self._ready:
            return
        os.makedirs(self.folder, exist_ok=True)
        ignore = os.path.join(self.root, ".gitignore")
        if not os.path.exists(ignore):
            with open(ignore, "w", encoding="utf-8") as handle:
                handle.write("# Created by prd-forge: its lint result cache.\n*\n")
        _prune(self.root, keep=os.path.basename(self.folder))
        self._ready = True


def _prune(root: str, *, keep: str) -> None:
    """Drop other code versions' folders and tables unused for MAX_AGE_DAYS, once a day."""
    stamp = os.path.join(root, _PRUNE_STAMP)
    now = time.time()
    try:
        if now - os.stat(stamp).st_mtime < _DAY:
            return
    except OSError:
        pass
    with open(stamp, "a", encoding="utf-8"):
        os.utime(stamp)
    with os.scandir(root) as entries:
        folders = [entry for entry in entries if entry.is_dir(follow_symlinks=False)]
    for folder in folders:
        if folder.name != keep:
            import shutil  # here: pruning happens once a day at most

            shutil.rmtree(folder.path, ignore_errors=True)
        else:
            _drop_unused(folder.path, now - MAX_AGE_DAYS * _DAY)


def _drop_unused(folder: str, horizon: float) -> None:
    """Remove the tables and journals last written before `horizon`."""
    with os.scandir(folder) as entries:
        tables = [entry for entry in entries if entry.name.endswith((".table", ".journal"))]
    for table in tables:
        try:
            if table.stat().st_mtime < horizon:
                os.unlink(table.path)
        except OSError:
            continue


__all__ = ["DIR_NAME", "ENV_VAR", "NO_CACHE_VAR", "Cache", "default_dir", "digest", "disabled"]
