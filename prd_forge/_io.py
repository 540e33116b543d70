"""File reading and writing shared by every command.

Reading: only regular files, opened without blocking (a FIFO never hangs a run), with the size
checked before the first byte is read. Writing: atomic, and never over a file without --force.
Stdlib only: the lint path imports this module.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Final

MEGABYTE: Final = 1024 * 1024


class ReadError(Exception):
    """A file that cannot be read: `reason` is one clause with what to do."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def non_regular(mode: int) -> str | None:
    """What a non-regular file is ("a named pipe (FIFO)"), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_regular(path: Path | str, limit: int, *, fix: str = "split it or leave it out") -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them, or a ReadError.

    The file is opened non-blocking and checked with fstat before reading, so a FIFO, a
    device or a socket (even behind a symbolic link) is refused at once.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise ReadError(path, _open_failure(path, error)) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        kind = non_regular(info.st_mode)
        if kind is not None:
            raise ReadError(path, f"is {kind}, not a regular file; give a file")
        if info.st_size > limit:
            raise ReadError(path, too_big(info.st_size, limit, fix))
        try:
            data = handle.read(limit + 1)
        except OSError as error:
            raise ReadError(path, f"cannot be read: {error.strerror}") from None
    if len(data) > limit:  # it grew while we read it
        raise ReadError(path, too_big(len(data), limit, fix))
    return data


def too_big(size: int, limit: int, fix: str = "split it or leave it out") -> str:
    """The message for a file over a size cap."""
    return f"is {size / MEGABYTE:.1f} MB, over the {limit / MEGABYTE:g} MB limit; {fix}"


def _open_failure(path: Path | str, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "is a symbolic link loop; fix or remove the link"
    if error.errno == errno.ENOENT:
        if Path(path).is_symlink():
            return f"is a broken symbolic link (to {Path(path).readlink()}); fix or remove it"
        return "no such file; check the path"
    if error.errno == errno.EISDIR:
        return "is a folder, not a file"
    return f"cannot be read: {error.strerror}; check its permissions"


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
