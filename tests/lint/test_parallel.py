"""Linting many files on every core: the same results in the same order as one process."""

from __future__ import annotations

import gc
import os
import time

import pytest

from prd_forge.lint import parallel


def _square_where(item: int) -> tuple[int, int]:
    return item * item, os.getpid()


def _fail_on_seven(item: int) -> int:
    if item == 7:
        raise ValueError("seven")
    return item


def test_results_in_order_and_the_parent_works_too() -> None:
    items = list(range(200))
    results = parallel.in_parallel(_square_where, items, jobs=2)
    assert [square for square, _ in results] == [item * item for item in items]
    assert results[0][1] == os.getpid()  # the first item, before the fork
    assert gc.get_freeze_count() == 0  # what was frozen for the fork is collectable again


def test_few_items_or_one_job_stay_in_this_process() -> None:
    few = parallel.in_parallel(_square_where, list(range(parallel.PARALLEL_MIN - 1)), jobs=2)
    one = parallel.in_parallel(_square_where, list(range(100)), jobs=1)
    assert {pid for _, pid in few + one} == {os.getpid()}


def test_an_error_in_any_item_reaches_the_caller() -> None:
    with pytest.raises(ValueError, match="seven"):
        parallel.in_parallel(_fail_on_seven, list(range(100)), jobs=2)


_warmed: list[int] = []


def _warm() -> None:
    _warmed.append(os.getpid())


def _warmed_where(item: int) -> tuple[int, list[int]]:
    return item, list(_warmed)


def test_warm_runs_once_in_the_parent_before_the_fork_and_the_workers_inherit_it() -> None:
    _warmed.clear()
    results = parallel.in_parallel(_warmed_where, list(range(200)), jobs=2, warm=_warm)
    assert _warmed == [os.getpid()]
    assert results[0][1] == []  # the first item runs before it
    assert all(seen == [os.getpid()] for _, seen in results[1:])  # then every item sees it


def test_one_process_needs_no_warming() -> None:
    _warmed.clear()
    parallel.in_parallel(_warmed_where, list(range(100)), jobs=1, warm=_warm)
    assert _warmed == []


def test_the_scanner_warmed_before_a_fork_scans_as_it_would_have() -> None:
    from prd_forge.lint.coverage.known import known
    from prd_forge.lint.phrases import Scanner

    texts = ["Falls back to the manual queue when the model is down.", "Nothing here."]
    expected = known().scanner.scan_all(texts)
    warmed = Scanner(known().scanner.entries)
    warmed.warm()
    union = warmed._starts(ascii=True)  # most documents are ASCII: the union they need
    assert union is not None and union._compiled is not None
    assert warmed.scan_all(texts) == expected


@pytest.mark.parametrize(("count", "workers"), [(48, 2), (500, 2), (501, 4), (10_000, 2)])
def test_chunks_cover_every_item_once_and_stay_small(count: int, workers: int) -> None:
    chunks = parallel.spans(count, workers)
    assert [i for start, stop in chunks for i in range(start, stop)] == list(range(1, count))
    # the parent waits for at most the two chunks a child holds: a small share of its half
    assert max(stop - start for start, stop in chunks) <= max(1, count // (workers * 32))


_PARENT = os.getpid()


def _fails_in_a_child(item: int) -> tuple[int, int]:
    if os.getpid() != _PARENT and item % 10 == 3:
        raise ValueError("only in a child")
    return item * item, os.getpid()


def test_the_chunks_a_child_could_not_do_are_done_by_the_parent() -> None:
    items = list(range(300))
    results = parallel.in_parallel(_fails_in_a_child, items, jobs=3)
    assert [square for square, _ in results] == [item * item for item in items]
    assert all(pid == _PARENT for item, (_, pid) in enumerate(results) if item % 10 == 3)


def test_every_child_is_reaped() -> None:
    parallel.in_parallel(_square_where, list(range(200)), jobs=4)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child of this process is left, running or not


def test_where_fork_is_not_safe_a_process_pool_does_the_chunks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parallel, "_fork_is_safe", lambda: False)
    items = list(range(100))
    results = parallel.in_parallel(_square_where, items, jobs=2)
    assert [square for square, _ in results] == [item * item for item in items]
    assert {pid for _, pid in results[1:]} - {os.getpid()}  # a pool process did some


def test_the_queue_of_chunk_numbers_fits_a_pipe_however_many_cores() -> None:
    # all written before any process reads: more than a pipe holds would block the parent
    assert len(parallel.spans(10**6, 4096)) * parallel._RECORD < 1 << 16


def _interrupted_in_the_parent(item: int) -> int:
    if os.getpid() == _PARENT and item > 1:
        raise KeyboardInterrupt
    time.sleep(0.002)  # the children cannot empty the queue before the parent takes a chunk
    return item


def test_an_interrupt_in_the_parent_ends_the_children_too() -> None:
    with pytest.raises(KeyboardInterrupt):
        parallel.in_parallel(_interrupted_in_the_parent, list(range(500)), jobs=3)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)
