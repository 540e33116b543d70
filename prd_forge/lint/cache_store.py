"""How lint's result cache keeps one setting's rows on disk: a table and a journal.

`NAME.table` holds every row as of its last compaction; `NAME.journal` the rows runs stored
since, one frame per run, appended. A frame is a 4-byte length, the payload's CRC-32 and the
payload: a marshal'ed dict of path -> row (marshal is built in and reads several times faster
than JSON; the folder's name includes the Python version, whose marshal format it is). Reading
stops at the first torn, truncated or damaged frame, keeping what came before it, and says so:
the next writer then compacts.

A run that changed a few files appends a few KB instead of rewriting the table. Once the
journal outgrows a quarter of the table (or the table is missing or damaged), the writer folds
both into a new table (a temporary file, then a rename) and removes the journal, dropping rows
unused for the age limit. Writers hold an advisory lock on `NAME.lock`; readers never wait,
and read the journal before the table, so a compaction between the two loses them no row
(at worst a row the journal held is older than the table's, which costs a miss: a row is only
ever used for a file whose stat or hash it names).
"""

from __future__ import annotations

import marshal
import os
from zlib import crc32

from prd_forge._io import MEGABYTE, ReadError, read_regular
from prd_forge._records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, Final

    Rows = dict[str, Any]

MAX_BYTES: Final = 256 * MEGABYTE
COMPACT_SLACK: Final = 64 * 1024  # a journal this small is never worth a compaction
_HEADER: Final = 8
_FLAGS: Final = os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def read(folder: str, name: str) -> tuple[Rows, bool]:
    """Every row of the table and its journal (the journal's win), and whether both read
    whole (False: something was damaged, and the next write should compact)."""
    # The journal first: a compaction renames its new table into place before it removes the
    # journal, so whichever of the two this read sees, it misses no row written before it.
    journal, journal_whole = _frames(os.path.join(folder, f"{name}.journal"), missing_ok=True)
    rows, whole = _frames(os.path.join(folder, f"{name}.table"), missing_ok=False)
    rows.update(journal)
    return rows, whole and journal_whole


def write(folder: str, name: str, changed: Rows, horizon_ns: int, *, compact: bool) -> None:
    """Append `changed` to the journal, or compact when it is due (or `compact` asks);
    raises OSError (the caller's run then only loses speed)."""
    with _Locked(os.path.join(folder, f"{name}.lock")):
        table = os.path.join(folder, f"{name}.table")
        journal = os.path.join(folder, f"{name}.journal")
        frame = _frame(changed)
        table_size = _size(table)
        journal_size = _size(journal) or 0
        if table_size is None or journal_size + len(frame) > table_size // 4 + COMPACT_SLACK:
            compact = True
        if compact or not _append(journal, frame):
            _compact(folder, name, changed, horizon_ns)


def _frames(path: str, *, missing_ok: bool) -> tuple[Rows, bool]:
    try:
        data = read_regular(path, MAX_BYTES)  # a FIFO planted in its place is refused at once
    except ReadError:
        return {}, missing_ok and not os.path.lexists(path)
    rows: Rows = {}
    at, end = 0, len(data)
    view = memoryview(data)
    while at < end:
        if at + _HEADER > end:
            return rows, False
        size = int.from_bytes(view[at : at + 4], "little")
        payload = view[at + _HEADER : at + _HEADER + size]
        if len(payload) != size:
            return rows, False
        if crc32(payload) != int.from_bytes(view[at + 4 : at + _HEADER], "little"):
            return rows, False
        try:
            part = marshal.loads(payload)
        except (ValueError, EOFError, TypeError):
            return rows, False
        if not isinstance(part, dict):
            return rows, False
        rows.update(part)
        at += _HEADER + size
    return rows, True


def _frame(rows: Rows) -> bytes:
    payload = marshal.dumps(rows)
    return len(payload).to_bytes(4, "little") + crc32(payload).to_bytes(4, "little") + payload


def _size(path: str) -> int | None:
    try:
        return os.stat(path).st_size
    except OSError:
        return None


def _append(journal: str, frame: bytes) -> bool:
    """Append one frame; False when the journal is not a regular file (compact instead)."""
    fd = os.open(journal, _FLAGS | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK, 0o644)
    try:
        if not _regular(fd):
            return False
        _write_all(fd, frame)
    finally:
        os.close(fd)
    return True


def _compact(folder: str, name: str, changed: Rows, horizon_ns: int) -> None:
    rows, _ = read(folder, name)  # what other runs stored since this one read
    rows.update(changed)
    kept = {path: row for path, row in rows.items() if _used_ns(row) > horizon_ns}
    temporary = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    fd = os.open(temporary, _FLAGS | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        try:
            _write_all(fd, _frame(kept))
        finally:
            os.close(fd)
        os.replace(temporary, os.path.join(folder, f"{name}.table"))
    except OSError:
        _unlink(temporary)  # a full disk leaves no half table behind
        raise
    _unlink(os.path.join(folder, f"{name}.journal"))


def _used_ns(row: Any) -> int:
    """When a row was last used (0, so it is dropped, for a row that is not one)."""
    if isinstance(row, list) and len(row) > 5 and type(row[5]) is int:
        return row[5]
    return 0


def _regular(fd: int) -> bool:
    import stat

    return stat.S_ISREG(os.fstat(fd).st_mode)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _unlink(path: str) -> None:
    import contextlib  # here: a warm run, which writes nothing, never needs it

    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


class _Locked:
    """An advisory lock on a file (none where the platform has no fcntl)."""

    def __init__(self, path: str) -> None:
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
