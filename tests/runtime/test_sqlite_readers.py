"""The SQLite store's reading connections: each thread reads through a connection of its own,
and that connection is closed when its thread ends. A server that replaces its worker threads
keeps as many open connections as it has live threads, not one more for every thread it ever
ran. Counted as the process' open file descriptors on the database file (Linux `/proc`), not
through the store's own bookkeeping."""

from __future__ import annotations

import gc
import os
import threading
import time
from pathlib import Path

from tthc.runtime import SQLiteStore

from .test_store_contract import first_write, new_case


def _open_on(path: Path) -> int:
    """The file descriptors of this process open on the database file itself."""
    target = str(path.resolve())
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            count += os.readlink(f"/proc/self/fd/{fd}") == target
        except OSError:  # closed between the listing and the reading
            continue
    return count


def _read_in_a_thread(store: SQLiteStore, case_id: str, seen: list[bool]) -> None:
    thread = threading.Thread(target=lambda: seen.append(store.case(case_id) is not None))
    thread.start()
    thread.join()


def _settled(path: Path, at_most: int) -> int:
    """The descriptors open on `path`, once the ended threads' connections had a moment to
    close (a thread's local data is dropped as it exits, just after `join` may return)."""
    deadline = time.monotonic() + 2.0
    while True:
        gc.collect()
        count = _open_on(path)
        if count <= at_most or time.monotonic() > deadline:
            return count
        time.sleep(0.01)


def test_the_connections_of_ended_threads_are_closed(tmp_path: Path) -> None:
    path = tmp_path / "cases.db"
    store = SQLiteStore(path)
    case = new_case("c1")
    assert store.commit(first_write(case)) is None
    writer_only = _open_on(path)
    seen: list[bool] = []
    for _ in range(20):
        _read_in_a_thread(store, case.id, seen)
    assert seen == [True] * 20
    # At most one more than the writer's: SQLite keeps the descriptor of a closed connection
    # open while another connection of the process holds a lock on the file (POSIX locks
    # belong to the process), and reuses it for the next connection. Never one per thread.
    assert _settled(path, writer_only + 1) <= writer_only + 1
    store.close()
    assert _open_on(path) == 0


def test_live_threads_keep_their_connection_and_close_closes_them(tmp_path: Path) -> None:
    path = tmp_path / "cases.db"
    store = SQLiteStore(path)
    case = new_case("c1")
    assert store.commit(first_write(case)) is None
    writer_only = _open_on(path)
    release, started = threading.Event(), threading.Barrier(5)
    answers: list[bool] = []

    def reader() -> None:
        answers.append(store.case(case.id) is not None)
        started.wait()
        release.wait()
        answers.append(store.case(case.id) is not None)  # the same connection, still open

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for thread in threads:
        thread.start()
    started.wait()
    assert _open_on(path) == writer_only + 4
    release.set()
    for thread in threads:
        thread.join()
    assert answers == [True] * 8
    assert store.case(case.id) is not None  # this thread's own connection
    store.close()
    assert _open_on(path) == 0
