"""A content-addressed cache of lint results, so an unchanged file is not analysed again.

Like ruff's: one entry per (file content, prd-forge version and code, effective config, stage,
path), stored as a small JSON file under `.prd-forge_cache/` at the project root, which holds a
`.gitignore` of its own so it never shows up in `git status`. Entries are written atomically
(a temporary file, then a rename), so concurrent runs cannot see half an entry; an entry that
does not parse is ignored and written again. Entries unused for MAX_AGE_DAYS are pruned, at most
once a day.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any, Final

from prd_forge import __version__
from prd_forge._io import MEGABYTE, ReadError, read_regular

DIR_NAME: Final = ".prd-forge_cache"
ENV_VAR: Final = "PRD_FORGE_CACHE_DIR"
NO_CACHE_VAR: Final = "PRD_FORGE_NO_CACHE"  # set (to anything but "" or "0"): like --no-cache
MAX_AGE_DAYS: Final = 30
_PRUNE_STAMP: Final = "last-pruned"
_SOURCES: Final = ("lint", "concerns", "catalogue.py", "terms.py")


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
                stat = file.stat()
            except OSError:
                continue
            parts.append(f"{file.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


class Cache:
    """Lint results by key, in one folder; every failure to read or write is a miss."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = root / code_stamp()
        self._ready = False

    def key(self, content: bytes, *, path: str, settings: str) -> str:
        digest = hashlib.sha256(content)
        digest.update(b"\0" + path.encode("utf-8", "surrogateescape"))
        digest.update(b"\0" + settings.encode("utf-8", "surrogateescape"))
        return digest.hexdigest()

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            # an entry is a few kilobytes; a FIFO or a device planted in its place is a miss
            raw = read_regular(self.folder / key[:2] / f"{key}.json", MEGABYTE)
            entry = json.loads(raw)
        except (ReadError, ValueError):
            return None
        return entry if isinstance(entry, dict) else None

    def put(self, key: str, entry: object) -> None:
        try:
            self._prepare()
            target = self.folder / key[:2]
            target.mkdir(exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{key[:8]}.", suffix=".tmp", dir=target)
        except OSError:
            return  # a read-only or full disk only costs speed
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(entry, handle, separators=(",", ":"))
            Path(tmp).replace(target / f"{key}.json")
        except OSError:
            Path(tmp).unlink(missing_ok=True)  # a full disk leaves no half entry behind

    def _prepare(self) -> None:
        if self._ready:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        ignore = self.root / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Created by prd-forge: its lint result cache.\n*\n")
        _prune(self.root, keep=self.folder.name)
        self._ready = True


def _prune(root: Path, *, keep: str) -> None:
    """Drop other code stamps' folders and entries unused for MAX_AGE_DAYS, once a day."""
    stamp = root / _PRUNE_STAMP
    now = time.time()
    try:
        if now - stamp.stat().st_mtime < 86_400:
            return
    except OSError:
        pass
    stamp.touch()
    horizon = now - MAX_AGE_DAYS * 86_400
    for entry in root.glob("*/*/*.json"):
        try:
            if entry.parts[-3] != keep or entry.stat().st_atime < horizon:
                entry.unlink()
        except OSError:
            continue
