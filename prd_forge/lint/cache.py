"""A result cache for lint, so an unchanged file is neither read nor analysed again.

Like ruff's: under `.prd-forge_cache/` at the project root (which holds a `.gitignore` of its
own, so it never shows up in `git status`), one folder per version of the analysing code, and
in it one JSON file per effective setting (config and stage) holding every file's entry: its
report, the warning its reading earned, the SHA-256 of its text, and its size, mtime, ctime
and inode. A file whose stat is unchanged is answered without being read, unless it changed
within STAT_MARGIN of being read (a later write could keep its mtime); otherwise it is read
and answered by its hash. A table is written atomically (a temporary file, then a rename),
merged with what other runs wrote meanwhile under an advisory lock; a table that does not
parse is ignored and replaced. Entries unused for MAX_AGE_DAYS are dropped when their table
is written; other code versions' folders and stale tables are pruned at most once a day.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any, Final

from prd_forge import __version__
from prd_forge._io import MEGABYTE, ReadError, read_regular
from prd_forge.lint.cache_entry import Entry, decode_report, encode_report
from prd_forge.lint.results import FileReport

DIR_NAME: Final = ".prd-forge_cache"
ENV_VAR: Final = "PRD_FORGE_CACHE_DIR"
NO_CACHE_VAR: Final = "PRD_FORGE_NO_CACHE"  # set (to anything but "" or "0"): like --no-cache
MAX_AGE_DAYS: Final = 30
MAX_TABLE_BYTES: Final = 256 * MEGABYTE
STAT_MARGIN_NS: Final = 2_000_000_000  # coarser than any file system's mtime (FAT: 2 s)
_PRUNE_STAMP: Final = "last-pruned"
_SOURCES: Final = ("lint", "concerns", "catalogue.py", "terms.py")
_DAY: Final = 86_400


def default_dir(start: Path) -> Path:
    """`$PRD_FORGE_CACHE_DIR`, else `.prd-forge_cache` in the nearest folder (from `start`
    up) holding a pyproject.toml, .prd-forge.toml or .git, else in `start` itself."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    for folder in (start, *start.parents):
        if any((folder / mark).exists() for mark in ("pyproject.toml", ".prd-forge.toml", ".git")):
            return folder / DIR_NAME
    return start / DIR_NAME


def disabled() -> bool:
    """Whether $PRD_FORGE_NO_CACHE turns the cache off (as ruff's RUFF_NO_CACHE does)."""
    return os.environ.get(NO_CACHE_VAR, "") not in ("", "0")


def code_stamp() -> str:
    """What identifies the analysing code: the version, and the size and time of every source
    file lint reads, so an edited or reinstalled prd-forge never reuses old results."""
    package = Path(__file__).resolve().parent.parent
    parts = [__version__]
    for name in _SOURCES:
        top = package / name
        files = sorted(top.rglob("*.py")) if top.is_dir() else [top]
        for file in files:
            try:
                info = file.stat()
            except OSError:
                continue
            parts.append(f"{file.relative_to(package)}:{info.st_size}:{info.st_mtime_ns}")
    return _digest("\n".join(parts).encode())[:16]


def _digest(data: bytes) -> str:
    import hashlib  # here: a run answered by file stats never hashes

    return hashlib.sha256(data).hexdigest()


def digest(text: str) -> str:
    """What identifies a file's content in the cache: the SHA-256 of its text."""
    return _digest(text.encode("utf-8", "surrogatepass"))


class Cache:
    """Lint results by (settings, path), in one folder; every failure to read or write is a
    miss or a lost entry, never an error."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = root / code_stamp()
        self._tables: dict[str, dict[str, Entry]] = {}
        self._names: dict[str, str] = {}
        self._changed: dict[str, dict[str, Entry]] = {}
        self.now_ns = time.time_ns()
        self._ready = False

    def fresh(self, path: str, settings: str, info: os.stat_result) -> Entry | None:
        """The entry of a file whose stat says it did not change since it was read."""
        entry = self._table(settings).get(path)
        if entry is None or not entry.same_file(info):
            return None
        if info.st_mtime_ns > entry.read_ns - STAT_MARGIN_NS:
            return None  # changed just before it was read: a later change may keep its mtime
        if self.now_ns - entry.used_ns > _DAY * 1_000_000_000:
            self._remember(path, settings, entry.used(self.now_ns))  # unused entries age out
        return entry

    def matching(self, path: str, settings: str, info: os.stat_result, sha: str) -> Entry | None:
        """The entry of a file whose text hashes as before (its stat is then refreshed)."""
        entry = self._table(settings).get(path)
        if entry is None or entry.sha != sha:
            return None
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
        """Write every table this run changed, merged with what is on disk now."""
        for settings, changed in self._changed.items():
            try:
                self._prepare()
                self._write(self._name(settings), changed)
            except OSError:
                continue  # a read-only or full disk only costs speed
        self._changed.clear()

    def _remember(self, path: str, settings: str, entry: Entry) -> None:
        self._table(settings)[path] = entry
        self._changed.setdefault(settings, {})[path] = entry

    def _name(self, settings: str) -> str:
        if settings not in self._names:
            self._names[settings] = _digest(settings.encode("utf-8", "surrogateescape"))[:16]
        return self._names[settings]

    def _table(self, settings: str) -> dict[str, Entry]:
        table = self._tables.get(settings)
        if table is None:
            table = self._tables[settings] = _load(self.folder / f"{self._name(settings)}.json")
        return table

    def _write(self, name: str, changed: dict[str, Entry]) -> None:
        target = self.folder / f"{name}.json"
        with _locked(self.folder / f"{name}.lock"):
            table = _load(target)  # what other runs wrote since this one read it
            table.update(changed)
            horizon = self.now_ns - MAX_AGE_DAYS * _DAY * 1_000_000_000
            kept = {path: entry.row() for path, entry in table.items() if entry.used_ns > horizon}
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=self.folder)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(kept, handle, separators=(",", ":"))
                Path(tmp).replace(target)
            except OSError:
                Path(tmp).unlink(missing_ok=True)  # a full disk leaves no half table behind
                raise

    def _prepare(self) -> None:
        if self._ready:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        ignore = self.root / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Created by prd-forge: its lint result cache.\n*\n")
        _prune(self.root, keep=self.folder.name)
        self._ready = True


def _load(path: Path) -> dict[str, Entry]:
    """A table's entries; an absent, unreadable or damaged table (or entry) is empty."""
    try:
        # a FIFO or a device planted in its place is a miss, never a hang
        rows = json.loads(read_regular(path, MAX_TABLE_BYTES))
    except (ReadError, ValueError):
        return {}
    if not isinstance(rows, dict):
        return {}
    entries = {}
    for path_name, row in rows.items():
        entry = Entry.from_row(row)
        if entry is not None:
            entries[path_name] = entry
    return entries


class _locked:
    """An advisory lock on a file (none where the platform has no fcntl)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd = -1

    def __enter__(self) -> None:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: last writer wins, still whole
            return
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        fcntl.flock(self.fd, fcntl.LOCK_EX)

    def __exit__(self, *exc: object) -> None:
        if self.fd >= 0:
            os.close(self.fd)  # closing releases the lock


def _prune(root: Path, *, keep: str) -> None:
    """Drop other code versions' folders and tables unused for MAX_AGE_DAYS, once a day."""
    stamp = root / _PRUNE_STAMP
    now = time.time()
    try:
        if now - stamp.stat().st_mtime < _DAY:
            return
    except OSError:
        pass
    stamp.touch()
    horizon = now - MAX_AGE_DAYS * _DAY
    for folder in root.iterdir():
        if not folder.is_dir() or folder.is_symlink():
            continue
        if folder.name != keep:
            shutil.rmtree(folder, ignore_errors=True)
            continue
        for table in folder.glob("*.json"):
            try:
                if table.stat().st_mtime < horizon:
                    table.unlink()
            except OSError:
                continue


__all__ = ["DIR_NAME", "ENV_VAR", "NO_CACHE_VAR", "Cache", "default_dir", "digest", "disabled"]
