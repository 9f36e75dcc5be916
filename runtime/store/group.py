"""Group commit: the writes of several threads share one SQLite transaction and one fsync.

Input: a SQLite connection in autocommit mode (`isolation_level=None`) and, from each thread
that writes, one *change*: a function that runs its statements on the connection and returns
its answer and whether its statements are kept. Output: each change's answer (or the error it
raised), returned to its thread only once the transaction holding it is durable — its COMMIT
returned, at the connection's `synchronous` level.

How (the leader/follower scheme of database logs): a thread that finds no transaction running
becomes the leader. It takes every change waiting, runs them in one `BEGIN IMMEDIATE … COMMIT`,
each inside its own `SAVEPOINT` (a change refused — a stale version, a taken key — or failing
rolls back alone, the others stay), then wakes the waiting threads and leaves the lead to one
whose change is still waiting. Changes that arrive while a COMMIT waits on the disk queue up for
the next transaction: the group grows with the load, and a lone change commits at once, in a
transaction of its own without a savepoint (nothing ever waits for company). Python's `sqlite3`
lets go of the GIL while SQLite works, so the other threads do their CPU work (the engine's
moves, hashes, JSON) during the leader's fsync.

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


class _Waiting(Generic[T]):
    __slots__ = ("answer", "apply", "done", "error")

    def __init__(self, apply: Change[T]) -> None:
        self.apply = apply
        self.answer: T | None = None
        self.error: BaseException | None = None
        self.done = False

    def result(self) -> T:
        if self.error is not None:
            raise self.error
        return self.answer  # type: ignore[return-value]  # set by `apply` when no error


class GroupCommit:
    """The one writer of a connection. `busy` is held while a transaction runs (a reader on
    the same connection, as an in-memory database must be read, takes it); `transactions` and
    `changes` count what was committed, for the benchmark's changes per fsync."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.busy = threading.Lock()
        self.transactions = 0
        self.changes = 0
        self._turn = threading.Condition()
        self._waiting: list[_Waiting[Any]] = []
        self._leading = False

    def run(self, apply: Change[T]) -> T:
        """Run `apply` in the next transaction; its answer once that transaction is durable."""
        mine = _Waiting(apply)
        with self._turn:
            self._waiting.append(mine)
            while self._leading and not mine.done:
                self._turn.wait()
            if mine.done:
                return mine.result()
            self._leading = True
            group, self._waiting = self._waiting, []
        try:
            with self.busy:
                self._commit(group)
        finally:
            with self._turn:
                self._leading = False
                self._turn.notify_all()
        return mine.result()

    def _commit(self, group: list[_Waiting[Any]]) -> None:
        db, alone = self.db, len(group) == 1
        try:
            db.execute("BEGIN IMMEDIATE")
            kept = 0
            for change in group:
                if not alone:
                    db.execute("SAVEPOINT change")
                try:
                    change.answer, keep = change.apply(db)
                except Exception as error:  # the change's own failure: its caller gets it
                    change.error, keep = error, False
                kept += keep
                if not alone:
                    if not keep:
                        db.execute("ROLLBACK TO change")
                    db.execute("RELEASE change")
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
