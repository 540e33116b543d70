"""File reading and writing shared by every command.

Reading: only regular files, opened without blocking (a FIFO never hangs a run), with the size
checked before the first byte is read. Writing: atomic, and never over a file without --force.
Stdlib only: the lint path imports this module, and reading imports no pathlib (a warm lint
run does without it); the functions that need Path import it, or are given one.
"""

from __future__ import annotations

import errno
import os
import stat
import time

from prd_forge._records import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
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
    try:
        info = os.fstat(fd)
        kind = non_regular(info.st_mode)
        if kind is not None:
            raise ReadError(path, f"is {kind}, not a regular file; give a file")
        if info.st_size > limit:
            raise ReadError(path, too_big(info.st_size, limit, fix))
        try:
            data = _read_up_to(fd, info.st_size, limit + 1)
        except OSError as error:
            raise ReadError(path, f"cannot be read: {error.strerror}") from None
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while we read it
        raise ReadError(path, too_big(len(data), limit, fix))
    return data


_CHUNK: Final = 64 * 1024


def _read_up_to(fd: int, size: int, most: int) -> bytes:
    """At most `most` bytes of the file: the `size` its stat gave, then what a growing (or
    stat-less, like /proc's) file holds beyond it. Asking for `most` at once would allocate
    that much for every file (10 MB for an 8 KB PRD), which costs more than reading it."""
    parts = [os.read(fd, min(size + 1, most))]
    got = len(parts[0])
    while parts[-1] and got < most:
        parts.append(os.read(fd, min(_CHUNK, most - got)))
        got += len(parts[-1])
    return parts[0] if len(parts) == 2 and not parts[1] else b"".join(parts)


def too_big(size: int, limit: int, fix: str = "split it or leave it out") -> str:
    """The message for a file over a size cap."""
    return f"is {size / MEGABYTE:.1f} MB, over the {limit / MEGABYTE:g} MB limit; {fix}"


def _open_failure(path: Path | str, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "is a symbolic link loop; fix or remove the link"
    if error.errno == errno.ENOENT:
        # a missing cache journal lands here on every warm lint run: os.path, not pathlib
        if os.path.islink(path):  # noqa: PTH114
            from pathlib import Path

            return f"is a broken symbolic link (to {Path(path).readlink()}); fix or remove it"
        return "no such file; check the path"
    if error.errno == errno.EISDIR:
        return "is a folder, not a file"
    return f"cannot be read: {error.strerror}; check its permissions"


class OutputExistsError(Exception):
    """The output file exists and the caller did not ask to overwrite it."""

    def __init__(self, path: Path, message: str | None = None) -> None:
        super().__init__(message or f"{path}: already exists; use --force to overwrite it")
        self.path = path


class NotReplaceable(OutputExistsError):
    """What the output path names must never be replaced: a device, a FIFO, a command's input."""


# Our temporary files: `.{name}.{pid}.{random}{_TEMP_SUFFIX}`, beside the file they become.
_TEMP_SUFFIX: Final = ".prd-forge.tmp"
_STALE_SECONDS: Final = 3600


def target_of(path: Path) -> Path:
    """Where a write to `path` lands: through symbolic links to the file they name."""
    if not path.is_symlink():
        return path
    try:
        return type(path)(os.path.realpath(path, strict=False))
    except OSError:  # pragma: no cover - realpath(strict=False) does not raise on Linux
        return path


def check_writable(path: Path, *, force: bool) -> None:
    """Fail before any work when `path` exists and `force` is not set, or can never be
    replaced (it is not a regular file, or a link loop)."""
    target = target_of(path)
    try:
        info = target.stat()
    except FileNotFoundError:
        return
    except OSError as error:
        raise NotReplaceable(path, f"{path}: cannot be written: {error.strerror}") from None
    kind = non_regular(info.st_mode)
    if kind is not None:
        message = f"{path}: is {kind}; prd-forge only writes regular files"
        raise NotReplaceable(path, message)
    if not force:
        raise OutputExistsError(path)


def refuse_inputs(output: Path | None, inputs: list[Path | None]) -> None:
    """NotReplaceable when `output` is (a link to, a hard link of) one of the command's inputs."""
    if output is None:
        return
    for source in inputs:
        if source is not None and _same_file(output, source):
            message = f"{output}: is the input {source}; write the output to another file"
            raise NotReplaceable(output, message)


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.samefile(other)
    except OSError:
        return False


def write_atomic(path: Path, text: str, *, force: bool = False) -> None:
    """Write `text` to `path`: a crash or an interrupt leaves the old file or the new one.

    A symbolic link is written through (its target changes, the link stays). Without `force`
    the file is created only if absent, atomically (link(2) of a complete temporary file), so
    two runs racing for one name cannot both succeed. A replaced file keeps its mode and owner;
    one with other hard links is rewritten in place so the links still share it.
    """
    write_all([(path, text)], force=force)


class _Pending(NamedTuple):
    path: Path
    target: Path
    data: bytes
    info: os.stat_result | None
    temp: Path | None = None


def write_all(items: list[tuple[Path, str]], *, force: bool = False) -> None:
    """Write several files as `write_atomic` does, all or none: every temporary file is written
    and synced before the first one takes its place, and new files already placed are removed
    again if a later one fails (a file that existed cannot be put back: check first)."""
    pending: list[_Pending] = []
    try:
        for path, text in items:
            pending.append(_prepare(path, text, force=force))
        placed: list[_Pending] = []
        try:
            for item in pending:
                _place(item, force=force)
                placed.append(item)
        except BaseException:
            for item in placed:
                if item.info is None:
                    item.target.unlink(missing_ok=True)
            raise
    finally:
        for item in pending:
            if item.temp is not None:
                item.temp.unlink(missing_ok=True)


def _prepare(path: Path, text: str, *, force: bool) -> _Pending:
    check_writable(path, force=force)
    target = target_of(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    _clean_stale(target)
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    if info is not None and not force:
        raise OutputExistsError(path)  # it appeared since check_writable: another run won
    data = text.encode("utf-8")
    if info is None or (info.st_nlink == 1 and _can_own(info)):
        return _Pending(path, target, data, info, _write_temp(target, data, info))
    return _Pending(path, target, data, info)


def _place(item: _Pending, *, force: bool) -> None:
    if item.temp is None:
        _write_in_place(item.target, item.data)
        return
    if item.info is None and not force:
        _create_exclusive(item.temp, item.target, item.path)
    else:
        item.temp.replace(item.target)
    _fsync_folder(item.target.parent)


def _can_own(info: os.stat_result) -> bool:
    """Whether a new file of ours can carry `info`'s owner (root can give any)."""
    return (info.st_uid, info.st_gid) == (os.getuid(), os.getgid()) or os.getuid() == 0


def _write_temp(target: Path, data: bytes, info: os.stat_result | None) -> Path:
    import tempfile  # here: it imports shutil and random, which reading never needs

    fd, name = tempfile.mkstemp(
        prefix=f".{target.name}.{os.getpid()}.", suffix=_TEMP_SUFFIX, dir=target.parent
    )
    temp = type(target)(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates 0600; the user expects what a plain open() gives, or the old mode.
        temp.chmod(info.st_mode & 0o7777 if info else _new_mode())
        if info is not None and (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
            os.chown(temp, info.st_uid, info.st_gid)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _create_exclusive(temp: Path, target: Path, path: Path) -> None:
    """`temp` becomes `target` only if `target` does not exist yet."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise OutputExistsError(path) from None
    except OSError as error:  # a file system without hard links: O_EXCL, then write
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _new_mode())
        except FileExistsError:
            raise OutputExistsError(path) from None
        with os.fdopen(fd, "wb") as handle:
            handle.write(temp.read_bytes())
            handle.flush()
            os.fsync(handle.fileno())


def _write_in_place(target: Path, data: bytes) -> None:
    with target.open("r+b") as handle:
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - a folder we just wrote into can be opened
        return
    try:
        os.fsync(fd)
    except OSError:  # some file systems cannot sync a folder; the data is synced already
        pass
    finally:
        os.close(fd)


def _clean_stale(target: Path) -> None:
    """Remove temporary files a killed run left beside `target` (its process is gone)."""
    for temp in target.parent.glob(f".{glob_escape(target.name)}.*{_TEMP_SUFFIX}"):
        pid = temp.name[len(target.name) + 2 :].split(".", 1)[0]
        if _stale(temp, pid):
            temp.unlink(missing_ok=True)


def glob_escape(name: str) -> str:
    return "".join(f"[{char}]" if char in "*?[" else char for char in name)


def _stale(temp: Path, pid: str) -> bool:
    try:
        if time.time() - temp.lstat().st_mtime > _STALE_SECONDS:
            return True
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except (OSError, ValueError):
        return False
    return False


def _new_mode() -> int:
    """0666 less the umask, as a plain open() would give."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
