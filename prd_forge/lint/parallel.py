"""Work over many items on every core: the parent process works too, and forks warm.

A pool of as many workers as cores left the parent idle while each worker imported the lint
engine and compiled its patterns again. Here the parent does the first item itself (which
imports and compiles what lint needs), then forks one child fewer than there are cores, so
each starts warm. Parent and children take chunks of the rest from one queue, a pipe of chunk
numbers (a read of a few bytes from a pipe is atomic, so each chunk goes to one process); each
child sends its results back by pickle when the queue is empty, and the parent redoes any chunk
a child did not report (an item that failed there fails here, with its own traceback). On
platforms without a safe fork, a process pool does the chunks, and items travel by pickle.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence

from prd_forge._records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Final, NoReturn, TypeVar

    Item = TypeVar("Item")
    Result = TypeVar("Result")

PARALLEL_MIN: Final = 48  # below this many items one process is faster than a pool
# Small chunks: once the queue is empty, the parent waits for the chunk each child is still
# doing. At 8 chunks a worker that wait was about 0.3 s of a 2.2 s run on the 500-file benchmark
# corpus; at 64 (3 or 4 files a chunk there) it is a few hundredths.
CHUNKS_PER_WORKER: Final = 64
_MAX_CHUNKS: Final = 8192  # their numbers fill about half of a pipe's 64 KiB, written at once


def in_parallel(
    work: Callable[[Item], Result],
    items: Sequence[Item],
    jobs: int | None,
    warm: Callable[[], None] = lambda: None,
) -> list[Result]:
    """`work` over `items`, in order, on `jobs` cores (default: all) once there are enough;
    `warm` builds, before the fork, what every worker would build for many items."""
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers < 2 or len(items) < PARALLEL_MIN:
        return [work(item) for item in items]
    first = work(items[0])  # before the fork: the children inherit what it loaded
    warm()
    return [first, *_shared_out(work, items, spans(len(items), workers), workers - 1)]


def spans(count: int, workers: int) -> list[tuple[int, int]]:
    """The chunks (start, stop) of items 1 to `count` - 1, in order (item 0 is done first)."""
    size = max(1, count // min(workers * CHUNKS_PER_WORKER, _MAX_CHUNKS))
    return [(start, min(start + size, count)) for start in range(1, count, size)]


def _shared_out(
    work: Callable[[Item], Result],
    items: Sequence[Item],
    spans: list[tuple[int, int]],
    children: int,
) -> list[Result]:
    import gc

    # what exists now lives as long as the run: kept out of the collector's passes, the child
    # does not touch (and so copy) the pages it shares with the parent (about 1,000 fewer page
    # faults on the benchmark corpus), and neither process walks those objects again
    gc.freeze()

    def do(number: int) -> list[Result]:
        """Chunk `number` of the work: `work` over the items of its span."""
        start, stop = spans[number]
        return [work(item) for item in items[start:stop]]

    try:
        if _fork_is_safe():
            done = _forked(do, len(spans), children)
        else:
            done = _pooled(work, items, spans, children)
        for number in range(len(spans)):
            if number not in done:  # a child failed or was stopped: do its chunks here
                done[number] = do(number)
        return [out for number in range(len(spans)) for out in done[number]]
    finally:
        gc.unfreeze()


_RECORD: Final = 4  # bytes of a chunk's number in the queue


def _fork_is_safe() -> bool:
    """Linux: elsewhere system libraries may not survive a fork (macOS), or there is none."""
    return sys.platform.startswith("linux")


def _forked(
    do: Callable[[int], list[Result]], count: int, children: int
) -> dict[int, list[Result]]:
    """The results of chunks 0 to `count` - 1 (`do` does one), by number, from this process
    and `children` forked ones (costs a fork each: multiprocessing's import and its threads
    cost more than linting 20 files)."""
    import pickle

    queue, feed = os.pipe()
    try:
        numbers = range(count)
        os.write(feed, b"".join(n.to_bytes(_RECORD, "little") for n in numbers))
    finally:
        os.close(feed)  # the queue ends when it is empty: no process holds its other end
    pids: dict[int, int] = {}  # child pid -> the end of its results pipe
    try:
        for _ in range(children):
            answer, send = os.pipe()
            try:
                pid = os.fork()
            except OSError:  # no more processes allowed: the ones started (and this) do it all
                os.close(answer)
                os.close(send)
                break
            if pid == 0:  # pragma: no cover - the child (coverage does not follow a fork)
                os.close(answer)
                _child(do, queue, send)
            os.close(send)
            pids[pid] = answer
        done = _take_all(do, queue)
        for answer in pids.values():
            sent = _read_all(answer)
            if sent:  # nothing from a child that failed
                done.update(pickle.loads(sent))
        return done
    finally:
        os.close(queue)
        for pid, answer in pids.items():
            os.close(answer)
            _reap(pid)


def _take_all(do: Callable[[int], list[Result]], queue: int) -> dict[int, list[Result]]:
    """The results of the chunks this process takes from the queue, until it is empty."""
    done: dict[int, list[Result]] = {}
    while len(record := os.read(queue, _RECORD)) == _RECORD:
        number = int.from_bytes(record, "little")
        done[number] = do(number)
    return done


def _child(
    do: Callable[[int], list[Result]], queue: int, send: int
) -> NoReturn:  # pragma: no cover - runs in the forked child
    """Do chunks until the queue is empty, send their results, and end without running
    anything the parent registered to run at exit (nor flushing its buffers twice)."""
    code = 1
    try:
        import pickle

        data = pickle.dumps(_take_all(do, queue), pickle.HIGHEST_PROTOCOL)
        with os.fdopen(send, "wb") as out:
            out.write(data)
        code = 0
    finally:
        os._exit(code)  # an error: nothing sent, and the parent redoes the chunks


def _read_all(fd: int) -> bytes:
    parts: list[bytes] = []
    while part := os.read(fd, 1 << 16):
        parts.append(part)
    return b"".join(parts)


def _reap(pid: int) -> None:
    """Wait for a child; if it still works (the parent was interrupted), end it first."""
    import signal

    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if not done:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    except ChildProcessError:
        pass


def _pooled(
    work: Callable[[Item], Result],
    items: Sequence[Item],
    spans: list[tuple[int, int]],
    children: int,
) -> dict[int, list[Result]]:
    """The chunks' results, by number, from a process pool (items travel by pickle)."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=children) as pool:
        futures = [pool.submit(_chunk, work, items[start:stop]) for start, stop in spans]
        return {number: future.result() for number, future in enumerate(futures)}


def _chunk(work: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    return [work(item) for item in items]
