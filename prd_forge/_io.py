"""File writing shared by every command: atomic, and never over a file without --force."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputExistsError(Exception):
    """The output file exists and the caller did not ask to overwrite it."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: already exists; use --force to overwrite it")
        self.path = path


def check_writable(path: Path, *, force: bool) -> None:
    """Fail before any work when `path` exists and `force` is not set."""
    if path.exists() and not force:
        raise OutputExistsError(path)


def write_atomic(path: Path, text: str, *, force: bool = False) -> None:
    """Write `text` to `path` through a temporary file in the same folder, then rename.

    A crash or an interrupt leaves either the old file or the new one, never half of one.
    """
    check_writable(path, force=force)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        # mkstemp creates 0600; the user expects what a plain open() would give.
        Path(tmp).chmod(mode)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """An existing file keeps its permissions; a new one gets 0666 less the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
