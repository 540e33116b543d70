"""Work over many items on every core: the parent process works too, and forks warm.

A pool of as many workers as cores left the parent idle while each worker imported the lint
engine and compiled its patterns again. Here the parent does the first item itself (which
imports and compiles what lint needs), then forks one worker fewer than there are cores, so
each child starts warm; on platforms without a safe fork the items travel by pickle as before.
Parent and pool share the rest by chunks: the pool takes them from the end, the parent from
the front, and the parent stops at the first chunk the pool has already taken.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, Final, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

PARALLEL_MIN: Final = 48  # below this many items one process is faster than a pool
# Small chunks: the pool hands each child its next chunk before the current one ends (one call
# queued beyond the workers), so once the parent stops, the child still owes up to two chunks and
# the parent waits for them. At 8 chunks a worker that wait was about 0.3 s of a 2.2 s run on
# the 500-file benchmark corpus; at 64 (3 or 4 files a chunk there) it is a few hundredths.
CHUNKS_PER_WORKER: Final = 64

# What the forked children read: set in the parent just before the fork (never pickled).
_shared: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


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
    size = max(1, count // (workers * CHUNKS_PER_WORKER))
    return [(start, min(start + size, count)) for start in range(1, count, size)]


def _shared_out(
    work: Callable[[Item], Result],
    items: Sequence[Item],
    spans: list[tuple[int, int]],
    children: int,
) -> list[Result]:
    # imported here: multiprocessing costs more start-up than linting one small file
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _shared
    fork = sys.platform.startswith("linux")
    _shared = (work, items)
    # what exists now lives as long as the run: kept out of the collector's passes, the child
    # does not touch (and so copy) the pages it shares with the parent (about 1,000 fewer page
    # faults on the benchmark corpus), and neither process walks those objects again
    gc.freeze()
    pool = ProcessPoolExecutor(
        max_workers=children, mp_context=multiprocessing.get_context("fork" if fork else None)
    )
    try:
        futures = {
            span: pool.submit(_span, span, None if fork else (work, items[span[0] : span[1]]))
            for span in reversed(spans)
        }
        done: dict[tuple[int, int], list[Result]] = {}
        for span in spans:
            if not futures[span].cancel():
                break
            done[span] = [work(item) for item in items[span[0] : span[1]]]
        return [out for span in spans for out in done.get(span) or futures[span].result()]
    finally:
        pool.shutdown(cancel_futures=True)
        _shared = None
        gc.unfreeze()


def _span(
    span: tuple[int, int], given: tuple[Callable[[Any], Any], Sequence[Any]] | None
) -> list[Any]:
    """In a child: the results for items[start:stop] (inherited at the fork, or given)."""
    if given is not None:
        work, items = given
        return [work(item) for item in items]
    assert _shared is not None
    work, items = _shared
    return [work(item) for item in items[span[0] : span[1]]]
