"""Running independent tasks on all cores, results in the order of the tasks.

Input: a function, the tasks (any values), how many worker processes. Output: the function's
results, in task order, whatever order the workers finish in — so output is deterministic.

Workers are forked (Linux, macOS with fork available): they inherit the parent's memory as it
is at the call — the registry, the file contents, the function itself, closures included —
so only task numbers go to a worker and only results come back. Where fork is unavailable,
with one job, or with too few tasks to be worth a process, the tasks run here, one after the
other, with identical results. A worker that dies (killed, out of memory) makes the remaining
tasks run here too: a check is never lost to the machinery that runs it.
"""

from __future__ import annotations

import gc
import os
import sys
from collections import deque
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

# `multiprocessing` and `concurrent.futures` (with `logging` behind them) are imported when
# workers are started, not with the check engine: a one-file `tthc check` never starts any,
# and their import is ~10 ms of its cold start.
if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

T = TypeVar("T")
R = TypeVar("R")

# Tasks given to each worker ahead: a finished task is replaced only when this process next
# looks (between two of its own tasks, when sharing), and the new one reaches the worker after
# two hand-overs of the interpreter lock between this process's threads (~10-40 ms); with
# two ahead, a worker waited that long after many of its tasks (~0.5 s of a 10,000-file run).
IN_FLIGHT = 3
# How long this process's busy thread keeps the interpreter lock when the pool's threads ask
# for it, while workers run (the default is 5 ms). A worker's result (~100 kB for a chunk of
# files) is more than a pipe holds: the worker is blocked writing it until the thread that
# reads results here gets the lock, so with the default every task cost it ~6 ms (~0.4 s of
# a 10,000-file run). Those threads rarely ask, so switching sooner costs little.
SWITCH_INTERVAL = 0.0005

# What the forked workers inherit: set just before the pool forks, cleared after.
_JOB: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


_IN_WORKER = False


def in_worker() -> bool:
    """True inside a forked worker: results made here must be encoded to travel."""
    return _IN_WORKER


def _mark_worker() -> None:
    global _IN_WORKER
    _IN_WORKER = True


def _run_task(index: int) -> Any:
    assert _JOB is not None, "a worker runs only inside fork_each"
    function, tasks = _JOB
    return function(tasks[index])


def fork_each(
    function: Callable[[T], R],
    tasks: Sequence[T],
    jobs: int,
    done: Callable[[int, R], None],
    share: bool = False,
    in_order: bool = True,
) -> None:
    """Calls `done(number, function(tasks[number]))` for every task, in task order, with the
    results computed by up to `jobs` processes. `done` runs here, in this process, as the
    results arrive, so a large result need not be kept once it is used.

    `share`: this process takes tasks too (from the far end of the list), with `jobs - 1`
    workers. Right when a worker's result costs this process real time to decode (a parsed
    file): it then parses instead of waiting for what it could have made more cheaply.

    `in_order=False`: `done` is called as each result arrives, in no set order, for a caller
    that files the results by number. With `share`, this process's own results (from the far
    end) would otherwise wait for every worker's before them and be handled all at the end,
    while the workers sit idle (~0.8 s of a 10,000-file run on two cores)."""
    global _JOB
    workers = min(jobs - 1 if share else jobs, len(tasks))
    results: dict[int, R] = {}
    handed: set[int] = set()
    emitted = 0  # in task order: every task before this one is handed

    def emit() -> None:
        nonlocal emitted
        if not in_order:
            for number in list(results):
                handed.add(number)
                done(number, results.pop(number))
            return
        while emitted in results:
            handed.add(emitted)
            done(emitted, results.pop(emitted))
            emitted += 1

    if workers >= 1 and len(tasks) > 1 and can_fork():
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        _JOB = (function, tasks)
        # Objects made so far stay out of the workers' collections: a collection would write
        # to every page of the inherited heap and so copy it (copy-on-write).
        gc.freeze()
        interval = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_INTERVAL)
        try:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(workers, context, initializer=_mark_worker) as pool:
                _drive(pool, workers, share, function, tasks, results, emit)
        except BrokenProcessPool:
            pass  # the tasks not done are done below, here
        finally:
            _JOB = None
            sys.setswitchinterval(interval)
            gc.unfreeze()
    for number in range(len(tasks)):
        if number not in handed and number not in results:
            results[number] = function(tasks[number])
        emit()


def _drive(
    pool: ProcessPoolExecutor,
    workers: int,
    share: bool,
    function: Callable[[T], R],
    tasks: Sequence[T],
    results: dict[int, R],
    emit: Callable[[], None],
) -> None:
    """Keeps every worker fed with `IN_FLIGHT` tasks; this process takes tasks itself if
    sharing."""
    from concurrent.futures import FIRST_COMPLETED, wait

    queue = deque(range(len(tasks)))
    running: dict[Future[R], int] = {}
    while queue or running:
        while queue and len(running) < IN_FLIGHT * workers:
            number = queue.popleft()
            running[pool.submit(_run_task, number)] = number
        if share and queue:
            number = queue.pop()
            results[number] = function(tasks[number])
            finished, _ = wait(running, timeout=0)
        else:
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
        for future in finished:
            results[running.pop(future)] = future.result()
        emit()


def fork_map(function: Callable[[T], R], tasks: Sequence[T], jobs: int) -> list[R]:
    """`[function(t) for t in tasks]`, computed by up to `jobs` forked workers."""
    results: list[R] = []
    fork_each(function, tasks, jobs, lambda _, result: results.append(result))
    return results
