"""Running a team's template with a wall-clock and a memory bound.

The sandbox stops a template from reaching files or mutating data, but not from computing
`10**10**8` or allocating gigabytes. So a template that is not one we ship renders in a forked
child process with an address-space limit (`MEMORY_BYTES` above what the process already uses)
and a timer (`TIMEOUT_SECONDS`); the parent kills it one second after that. Only the result text
or an error message crosses back, through a pipe, as JSON.

Where fork or resource limits do not exist (Windows) the work runs in-process, unbounded.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Final

from prd_forge._io import MEGABYTE

TIMEOUT_SECONDS: Final = 5.0
MEMORY_BYTES: Final = 512 * MEGABYTE
_GRACE: Final = 1.0


class Failed(Exception):
    """The work raised (`stopped` False: its own message), or ran out of time or died."""

    def __init__(self, message: str, *, stopped: bool) -> None:
        super().__init__(message)
        self.stopped = stopped


class TooSlow(Exception):
    """Raised inside the child when its timer fires; the template's line is then known."""

    def __init__(self) -> None:
        super().__init__(f"took longer than {TIMEOUT_SECONDS:g} s and was stopped")


def available() -> bool:
    """Whether work can be bounded here (fork and setrlimit exist)."""
    try:
        import resource  # noqa: F401
    except ImportError:  # pragma: no cover - Windows
        return False
    return hasattr(os, "fork")


def run(work: Callable[[], str]) -> str:
    """`work()` in a bounded child: its text, or Failed with the child's error message."""
    if not available():  # pragma: no cover - Windows
        return work()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child; its result is what the tests check
        os.close(read_end)
        _child(work, write_end)
    os.close(write_end)
    try:
        return _collect(pid, read_end)
    finally:
        os.close(read_end)
        _reap(pid)


def _child(work: Callable[[], str], fd: int) -> None:  # pragma: no cover - runs in the child
    try:
        _limit_memory()
        signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, TIMEOUT_SECONDS)
        try:
            payload = ["ok", work()]
        except BaseException as error:  # every failure becomes a message, never a traceback
            payload = ["error", str(error) or type(error).__name__]
        signal.setitimer(signal.ITIMER_REAL, 0)
        data = json.dumps(payload).encode("utf-8", "surrogatepass")
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os._exit(0)


def _alarm(signum: int, frame: object) -> None:  # pragma: no cover - runs in the child
    raise TooSlow


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    import resource

    try:
        statm = Path("/proc/self/statm").read_text(encoding="ascii")
        used = int(statm.split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        used = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = used + MEMORY_BYTES
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    with contextlib.suppress(ValueError, OSError):  # macOS may refuse: the timer still holds
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _collect(pid: int, fd: int) -> str:
    deadline = time.monotonic() + TIMEOUT_SECONDS + _GRACE
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        ready, _, _ = select.select([fd], [], [], max(left, 0))
        if not ready:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            raise Failed(f"took longer than {TIMEOUT_SECONDS:g} s and was stopped", stopped=True)
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    if not chunks:
        _, status = os.waitpid(pid, 0)
        raise Failed(_death(status), stopped=True)
    kind, text = json.loads(b"".join(chunks).decode("utf-8", "surrogatepass"))
    if kind != "ok":
        raise Failed(text, stopped=False)
    return str(text)


def _death(status: int) -> str:
    if os.WIFSIGNALED(status):
        name = signal.Signals(os.WTERMSIG(status)).name
        return f"stopped by {name} (out of memory or too deep a recursion?)"
    return "stopped without a result"


def _reap(pid: int) -> None:
    with contextlib.suppress(ChildProcessError, ProcessLookupError):
        if os.waitpid(pid, os.WNOHANG) == (0, 0):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
