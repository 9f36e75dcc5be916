"""Group commit: the writes of several threads share one SQLite transaction and one fsync.

Input: a SQLite connection in autocommit mode (`isolation_level=None`) and, from each thread
that writes, one *change*: a function that runs its statements on the connection and returns
its answer and whether its statements are kept. Output: each change's answer (or the error it
raised), returned to its thread only once the transaction holding it is durable — its COMMIT
returned, at the connection's `synchronous` level.

How (the leader/follower scheme of database logs): a thread that finds no transaction running
becomes the leader. It takes every change waiting and runs them in one `BEGIN IMMEDIATE …
COMMIT`, then wakes the threads of its group and hands the lead to the oldest change still
waiting. Each waiting thread blocks on a lock of its own, so a COMMIT wakes only the threads it
answers and the next leader, not every writer. Changes that arrive while a COMMIT waits on the
disk queue up for the next transaction, and those arriving while the leader runs the
group's statements join it before its COMMIT: the group grows with the load, and a lone change
commits at once, in a transaction of its own (nothing ever waits for company). Python's
`sqlite3` lets go of the GIL while SQLite works, so the other threads do their CPU work (the
engine's moves, hashes, JSON, the rows of their writes) during the leader's fsync; a change
brings its rows made, and the leader only runs statements.

A refused change (a stale version, a taken key) or a failing one rolls back alone. The
changes first run one after the other with no savepoint (two statements less per change:
refusals are rare); when one is refused or fails, the transaction is rolled back and the group
runs again, each change inside its own `SAVEPOINT`, rolled back alone when refused or failing.
A change must therefore be a function of the database only (the SQLite store's are: their
rows are made before).

What is never done: answering a change before its COMMIT returned (a reader in another
connection could not see it yet, and a crash would lose it), or committing a change whose
statements failed part way (its savepoint is rolled back first). When the transaction itself
fails (the COMMIT, an error that ends it), every change of the group gets that error: none of
them was written, and the caller may retry with the same idempotency key.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")

# A change: its statements run on the connection; its answer, and whether to keep them.
Change = Callable[[sqlite3.Connection], tuple[T, bool]]


# The most changes one transaction takes in before its COMMIT (those arriving later wait for
# the next one): a bound on how long the first change of a group waits under a flood.
LARGEST = 256


class _Waiting(Generic[T]):
    """One change waiting: `wake` is held from its creation and released once, when the
    change is answered or when its thread is handed the lead."""

    __slots__ = ("answer", "apply", "done", "error", "wake")

    def __init__(self, apply: Change[T]) -> None:
        self.apply = apply
        self.answer: T | None = None
        self.error: BaseException | None = None
        self.done = False
        self.wake = threading.Lock()
        self.wake.acquire()

    def result(self) -> T:
        if self.error is not None:
            raise self.error
        return self.answer  # type: ignore[return-value]  # set by `apply` when no error


class GroupCommit:
    """The one writer of a connection. `busy` is held while a transaction runs (a reader on
    the same connection, as an in-memory database must be read, takes it); `transactions` and
    `changes` count what was committed, for the benchmark's changes per fsync; `retried`
    counts the groups run a second time, each change in a savepoint, because one was refused
    or failed."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.busy = threading.Lock()
        self.transactions = 0
        self.changes = 0
        self.retried = 0
        self._queue = threading.Lock()
        self._waiting: list[_Waiting[Any]] = []
        self._leading = False

    def run(self, apply: Change[T]) -> T:
        """Run `apply` in the next transaction; its answer once that transaction is durable."""
        mine = _Waiting(apply)
        with self._queue:
            self._waiting.append(mine)
            follow, self._leading = self._leading, True
        if follow:
            # Only this thread's own lock is waited on: the leader wakes the threads of its
            # group and the next leader, no one else (no herd woken at every transaction).
            mine.wake.acquire()
            if mine.done:
                return mine.result()
        with self._queue:
            group, self._waiting = self._waiting, []
        try:
            with self.busy:
                self._commit(group)
        finally:
            with self._queue:
                if self._waiting:  # the lead passes to the oldest change still waiting
                    self._waiting[0].wake.release()
                else:
                    self._leading = False
            for change in group:
                if change is not mine:
                    change.wake.release()
        return mine.result()

    def _commit(self, group: list[_Waiting[Any]]) -> None:
        db = self.db
        try:
            db.execute("BEGIN IMMEDIATE")
            kept = self._apply(group, savepoints=False)
            while kept == len(group) < LARGEST:
                # The changes that arrived while these statements ran join before the COMMIT:
                # they would otherwise wait for this fsync and then for one more.
                with self._queue:
                    late, self._waiting = self._waiting, []
                if not late:
                    break
                group.extend(late)
                kept += self._apply(late, savepoints=False)
            if kept < len(group) and len(group) > 1:
                # One change was refused or failed, and its statements are mixed with the
                # others': the group starts again, each change in a savepoint of its own.
                db.execute("ROLLBACK")
                self.retried += 1
                db.execute("BEGIN IMMEDIATE")
                kept = self._apply(group, savepoints=True)
            db.execute("COMMIT" if kept else "ROLLBACK")
            self.transactions += 1 if kept else 0
            self.changes += kept
        except BaseException as error:
            if db.in_transaction:
                # A broken connection cannot roll back: SQLite does on reopening.
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
            for change in group:
                if change.error is None:
                    change.error = error
        finally:
            for change in group:
                change.done = True

    def _apply(self, group: list[_Waiting[Any]], savepoints: bool) -> int:
        """Runs the group's changes; how many are kept. Without savepoints it stops at the
        first change refused or failing (the caller starts again with them)."""
        db, kept = self.db, 0
        for change in group:
            if savepoints:
                db.execute("SAVEPOINT change")
            try:
                change.answer, keep = change.apply(db)
                change.error = None
            except Exception as error:  # the change's own failure: its caller gets it
                change.error, keep = error, False
            kept += keep
            if savepoints:
                if not keep:
                    db.execute("ROLLBACK TO change")
                db.execute("RELEASE change")
            elif not keep:
                break
        return kept
