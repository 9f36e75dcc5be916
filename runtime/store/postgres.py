"""The PostgreSQL store: many portal processes on many machines share one database.

Input: a connection URL (`postgresql://user@host:port/db`) and the `Write`s of the engine.
Output: what `tthc.runtime.store.base.Store` promises, over the same five tables as the SQLite
store (`cases`, `events`, `outbox`, `receipts`, `refusals`), created and upgraded by the
versioned migrations of `tthc.runtime.store.migrations` (`tthc db upgrade`).

Concurrency: a write is one statement, so one transaction at READ COMMITTED and one round
trip (the case's row and, only where it was written, the events, notifications and receipt, by
data-modifying `WITH` clauses; `_statement`). A case's `UPDATE … WHERE version =
expected` takes the row lock; a second writer of the same case waits for the first to commit,
then finds the version moved and changes nothing (`Conflict.STALE`). Two first writes of one
case id, or two commands carrying one idempotency key, meet the primary keys: the loser's
whole transaction rolls back (`Conflict.EXISTS`, `Conflict.KEY_TAKEN`). Nothing is locked
longer than one write.

Group commit (`_Group`): the writes that one process's threads make while a statement of the
process is in flight go together into the next one (each write's clauses, one answer column
each), so one round trip and one transaction for the group; each write is answered as if
committed alone, in order, and only once that transaction committed. Two writes of one case or
one idempotency key never share a statement. A statement that fails on a key (or a deadlock with
another process's group, which PostgreSQL breaks after `deadlock_timeout`) wrote nothing: its
writes are then committed one by one, so one write's conflict never refuses another.

Why over 400 lines: the one-statement write, its group and the reads share the connection
handling and the error mapping of this one class; the statements are built in one place.

Connections come from a `psycopg_pool.ConnectionPool` (the HTTP server calls the store from
several threads). A connection lost mid-write raises `StoreUnavailable` after the transaction
is rolled back by the server: the caller retries with the same idempotency key, which either
finds the receipt (the write had committed) or writes again.

Dates are stored as ISO text, as in SQLite, so both stores run the same queries over the same
values (ISO dates compare as text in date order).
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from tthc.runtime.case import Case
from tthc.runtime.store import base
from tthc.runtime.store import rows as row
from tthc.runtime.store.base import Conflict, Period, StoreUnavailable, Write, WriteError
from tthc.runtime.store.migrations import upgrade
from tthc.runtime.values import Event, Notification

# An officer's work list; every column it tests and returns is in an index, so PostgreSQL
# answers from the index alone: `cases_work_listed` (migration 3) for a commune's officer,
# `cases_work_province` (migration 4) for a province's. Two statements rather than one with
# `(commune IS NULL OR …)`, so that each has a plan of its own when prepared.
LISTED = "SELECT id, procedure, commune, status, alarm, holder, version FROM cases "
_HELD = "AND closed IS NULL AND strpos(',' || holder || ',', ',' || %(r)s || ',') > 0 "
IN_COMMUNE = "WHERE province = %(p)s AND commune = %(c)s " + _HELD
IN_PROVINCE = "WHERE province = %(p)s " + _HELD
_PAGE = "ORDER BY alarm DESC NULLS LAST, id LIMIT %(n)s OFFSET %(o)s"
WORK_LIST = LISTED + IN_COMMUNE + _PAGE
WORK_LIST_PROVINCE = LISTED + IN_PROVINCE + _PAGE


# A write as one statement. The case's row is inserted, or updated where its version is the
# expected one (the row lock makes a second writer wait, then find the version moved: no row);
# the events, notifications and receipt are inserted only when the case's row was (`EXISTS (…
# written)`). The statement answers 1 when written, 0 when the version had moved. A broken key
# (a case id or an idempotency key taken) rolls back the whole.
_CASE_INSERT = (
    f"INSERT INTO cases ({row.CASE_COLUMNS}) VALUES ({', '.join(['%s'] * 14)}) RETURNING id"
)
_CASE_UPDATE = (
    "UPDATE cases SET "
    + ", ".join(f"{c.strip()} = %s" for c in row.CASE_COLUMNS.split(",")[1:])
    + " WHERE id = %s AND version = %s RETURNING id"
)


def _clauses(n: str, update: bool, events: int, notifications: int, receipt: bool) -> list[str]:
    """The `WITH` clauses of one write, their names suffixed by `n` (one write among several
    in a group's statement)."""
    written = f"WHERE EXISTS (SELECT FROM written{n})"
    parts = [f"written{n} AS ({_CASE_UPDATE if update else _CASE_INSERT})"]
    if events:
        rows = ", ".join(["(%s, %s::int, %s, %s, %s, %s, %s, %s)"] * events)
        parts.append(f"e{n} AS (INSERT INTO events SELECT * FROM (VALUES {rows}) AS v {written})")
    if notifications:
        rows = ", ".join(["(%s, %s, %s, %s, %s)"] * notifications)
        parts.append(
            f"o{n} AS (INSERT INTO outbox (id, case_id, kind, at, data) SELECT * FROM "
            f"(VALUES {rows}) AS v {written} ON CONFLICT (id) DO NOTHING)"
        )
    if receipt:
        parts.append(
            f"r{n} AS (INSERT INTO receipts SELECT * FROM (VALUES (%s, %s, %s, %s::int)) AS v "
            f"{written})"
        )
    return parts


Shape = tuple[bool, int, int, bool]


@lru_cache(maxsize=64)
def _statement(update: bool, events: int, notifications: int, receipt: bool) -> str:
    """The statement of a write of this shape. The rows go in as plain parameters (one
    statement text per shape, prepared by the server after its fifth use) rather than as
    arrays, which psycopg dumps in Python, element by element."""
    parts = _clauses("", update, events, notifications, receipt)
    return "WITH " + ", ".join(parts) + " SELECT count(*) FROM written"


@lru_cache(maxsize=256)
def _group_statement(shapes: tuple[Shape, ...]) -> bytes:
    """The statement of a group of writes (of these shapes, in this order): one clause set
    each, and one answer column each (1 written, 0 the version had moved). In PostgreSQL's own
    placeholders (`$1`…), run by a `RawCursor`: psycopg parses a `%s` statement's text on every
    execution past 50 parameters or 4 KiB (it caches shorter ones), a fifth of a submit's
    server CPU under `yappi` once groups formed."""
    parts = [c for n, shape in enumerate(shapes) for c in _clauses(str(n), *shape)]
    counts = ", ".join(f"(SELECT count(*) FROM written{n})" for n in range(len(shapes)))
    pieces = ("WITH " + ", ".join(parts) + f" SELECT {counts}").split("%s")
    numbered = [f"{piece}${n}" for n, piece in enumerate(pieces[:-1], start=1)]
    return ("".join(numbered) + pieces[-1]).encode()


def _parameters(write: Write) -> tuple[Shape, list[Any]]:
    values = row.case_row(write.case, write.case.columns())
    update = write.expected is not None
    parameters: list[Any] = [*values[1:], write.case.id, write.expected] if update else [*values]
    for e in write.events:
        parameters.extend(row.event_row(e))
    for n in write.notifications:
        parameters.extend(row.outbox_row(n))
    r = write.receipt
    if r is not None:
        parameters.extend((r.key, r.request, r.case_id, r.version))
    return (update, len(write.events), len(write.notifications), r is not None), parameters


class PostgresStore:
    """A store in one PostgreSQL database. `pool_size`: connections kept open by this process.
    `migrate`: bring the schema up to date on opening (one process at a time, under an
    advisory lock); a deployment that upgrades with `tthc db upgrade` passes False."""

    thread_safe = True

    def __init__(self, url: str, pool_size: int = 4, migrate: bool = True) -> None:
        import psycopg
        from psycopg_pool import ConnectionPool

        self._errors = psycopg.errors
        self._raw = psycopg.RawCursor
        self._operational = (psycopg.OperationalError, psycopg.InterfaceError)
        self.url = url
        try:
            # Autocommit: a read is one round trip; a write opens its own transaction.
            self._pool = ConnectionPool(
                url,
                min_size=1,
                max_size=max(1, pool_size),
                open=True,
                # A portal would rather answer 503 at once than hold a citizen's request while
                # the database is away: a connection not had within 3 s is a failure.
                timeout=3.0,
                kwargs={"autocommit": True},
            )
            self._pool.wait(timeout=10.0)
        except Exception as error:
            raise StoreUnavailable(f"PostgreSQL at {_safe(url)}: {error}") from error
        if migrate:
            with self._connection() as connection:
                upgrade(connection)
        self._group = _Group(self.commit_all)

    @contextmanager
    def _connection(self) -> Iterator[Any]:
        try:
            with self._pool.connection() as connection:
                yield connection
        except self._operational as error:
            raise StoreUnavailable(f"PostgreSQL at {_safe(self.url)}: {error}") from error
        except Exception as error:
            if type(error).__name__ == "PoolTimeout":
                raise StoreUnavailable(f"PostgreSQL at {_safe(self.url)}: {error}") from error
            raise

    # -- writing ----------------------------------------------------------------------------

    def commit(self, write: Write) -> Conflict | None:
        """The write, alone or in the group of writes that other threads of this process
        commit at the same moment (`_Group`); answered once its transaction committed."""
        return self._group.run(write)

    def commit_all(self, writes: list[Write]) -> list[Conflict | None]:
        """Several writes in one statement, so one round trip and one transaction, each
        answered as if committed alone in this order. No two may write the same case or carry
        the same idempotency key (the group leaves those to the next statement). When the
        statement fails (a key taken: the whole of it rolled back), each write is committed
        alone, so one write's conflict never refuses another."""
        if len(writes) == 1:
            return [self._commit_one(writes[0])]
        shapes, parameters = [], []
        for write in writes:
            shape, values = _parameters(write)
            shapes.append(shape)
            parameters.extend(values)
        errors = self._errors
        with self._connection() as connection:
            try:
                statement = _group_statement(tuple(shapes))
                found = self._raw(connection).execute(statement, parameters).fetchone()
            except (errors.IntegrityError, errors.TransactionRollback):
                # A key taken, or a deadlock with another process's group (each waiting on a
                # case the other updated): nothing of the statement was written.
                found = None
        if found is None:
            return [self._commit_one(write) for write in writes]
        return [None if count == 1 else Conflict.STALE for count in found]

    def _commit_one(self, write: Write) -> Conflict | None:
        errors = self._errors
        shape, parameters = _parameters(write)
        with self._connection() as connection:
            try:
                # One statement, so one round trip and one transaction (autocommit): what a
                # write waits for is round trips (each one the server process scheduled again,
                # milliseconds on a busy machine), and what it costs is statements parsed and
                # planned; psycopg prepares the statement on the server after its fifth use.
                found = connection.execute(_statement(*shape), parameters).fetchone()
            except errors.UniqueViolation as error:
                constraint = getattr(error.diag, "constraint_name", "") or ""
                if constraint.startswith("receipts"):
                    return Conflict.KEY_TAKEN
                if constraint.startswith("cases"):
                    return Conflict.EXISTS
                # An event number taken under a version the write did check: a caller's bug.
                raise WriteError(f"write of case {write.case.id}: {error}") from error
        return None if found is not None and found[0] == 1 else Conflict.STALE

    def record_refusal(self, record: base.RefusalRecord) -> None:
        with self._connection() as connection:
            connection.execute(
                "INSERT INTO refusals (case_id, at, actor, command, reason, message) "
                "VALUES (%s, %s, %s, %s, %s, %s)",
                row.refusal_row(record),
            )

    def delivered(self, ids: list[str]) -> None:
        with self._connection() as connection:
            connection.cursor().executemany(
                "UPDATE outbox SET delivered = 1 WHERE id = %s", [(i,) for i in ids]
            )

    # -- reading ----------------------------------------------------------------------------

    def _rows(self, query: str, parameters: Any = ()) -> list[tuple[Any, ...]]:
        with self._connection() as connection:
            rows: list[tuple[Any, ...]] = connection.execute(query, parameters).fetchall()
            return rows

    def case(self, case_id: str) -> Case | None:
        rows = self._rows("SELECT state FROM cases WHERE id = %s", (case_id,))
        return Case.from_json(json.loads(rows[0][0])) if rows else None

    def case_ids(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT id FROM cases ORDER BY id")]

    def events(self, case_id: str) -> list[Event]:
        rows = self._rows(
            "SELECT case_id, seq, kind, at, actor, data, previous, hash FROM events "
            "WHERE case_id = %s ORDER BY seq",
            (case_id,),
        )
        return [row.event(r) for r in rows]

    def receipt(self, key: str) -> base.Receipt | None:
        rows = self._rows(
            "SELECT key, request, case_id, version FROM receipts WHERE key = %s", (key,)
        )
        return base.Receipt(*rows[0]) if rows else None

    def refusals(self, case_id: str) -> list[base.RefusalRecord]:
        rows = self._rows(
            "SELECT case_id, at, actor, command, reason, message FROM refusals "
            "WHERE case_id = %s ORDER BY number",
            (case_id,),
        )
        return [row.refusal(r) for r in rows]

    def overdue(self, today: dt.date, limit: int | None = None) -> list[base.OverdueRow]:
        rows = self._rows(
            "SELECT id, procedure, commune, alarm, holder, handoff_body, handoff_due FROM cases "
            "WHERE alarm IS NOT NULL AND alarm < %s ORDER BY alarm, id LIMIT %s",
            (today.isoformat(), limit),
        )
        return [row.overdue(r) for r in rows]

    def worklist(
        self, province: str, commune: str | None, role: str, limit: int = 50, offset: int = 0
    ) -> list[base.WorkItem]:
        rows = self._rows(
            WORK_LIST if commune is not None else WORK_LIST_PROVINCE,
            {"p": province, "c": commune, "r": role, "n": limit, "o": offset},
        )
        return [row.work_item(r) for r in rows]

    def indicators(self, period: Period) -> list[base.IndicatorRow]:
        rows = self._rows(
            """
            SELECT procedure, commune,
              COUNT(*) FILTER (WHERE filed BETWEEN %(a)s AND %(b)s),
              COUNT(*) FILTER (WHERE closed BETWEEN %(a)s AND %(b)s AND on_time = 1),
              COUNT(*) FILTER (WHERE closed BETWEEN %(a)s AND %(b)s AND on_time = 0),
              COUNT(*) FILTER (WHERE filed <= %(b)s AND (closed IS NULL OR closed > %(b)s)),
              COUNT(*) FILTER (WHERE filed <= %(b)s AND alarm IS NOT NULL AND alarm < %(t)s)
            FROM cases
            WHERE (%(p)s::text IS NULL OR procedure = %(p)s)
              AND (%(c)s::text IS NULL OR commune = %(c)s)
              AND filed <= %(b)s AND (closed IS NULL OR closed >= %(a)s)
            GROUP BY procedure, commune ORDER BY procedure, commune
            """,
            period.parameters(),
        )
        return [base.IndicatorRow(*r) for r in rows]

    def outbox(self, limit: int = 100) -> list[Notification]:
        rows = self._rows(row.PENDING.format("%s"), (limit,))
        return [row.notification(r) for r in rows]

    def close(self) -> None:
        self._pool.close()


class _Waiting:
    __slots__ = ("answer", "done", "error", "lead", "write")

    def __init__(self, write: Write) -> None:
        self.write = write
        self.answer: Conflict | None = None
        self.error: BaseException | None = None
        self.done, self.lead = threading.Event(), False

    def result(self) -> Conflict | None:
        if self.error is not None:
            raise self.error
        answer: Conflict | None = self.answer
        return answer


class _Group:
    """Group commit of one process's concurrent writes (the leader/follower scheme of
    database logs). A thread whose write finds no statement of the group in flight leads: it
    takes the writes waiting (its own first) and commits them in one statement
    (`PostgresStore.commit_all`); the writes that arrive meanwhile wait, and when the
    statement returns the leader answers its group and hands the lead to the first waiting
    thread, which commits everything waiting by then. A lone write commits at once, alone;
    under load the group grows with the writes that arrive during one commit. A write is
    answered only after the COMMIT of the statement holding it returned; when that statement
    fails for the group (the database gone), every write of it gets the error, none written."""

    # A group stops before a write of a case or an idempotency key already in it (one
    # statement cannot update one row twice), and at this many writes.
    MOST = 32

    def __init__(self, commit_all: Callable[[list[Write]], list[Conflict | None]]) -> None:
        self._commit_all = commit_all
        self._lock = threading.Lock()
        self._waiting: deque[_Waiting] = deque()
        self._leading = False

    def run(self, write: Write) -> Conflict | None:
        mine = _Waiting(write)
        with self._lock:
            self._waiting.append(mine)
            leads = not self._leading
            self._leading = True
        if not leads:
            mine.done.wait()
            if not mine.lead:
                return mine.result()
        group = self._take()
        try:
            answers = self._commit_all([w.write for w in group])
            for waiting, answer in zip(group, answers, strict=True):
                waiting.answer = answer
        except BaseException as error:
            for waiting in group:
                waiting.error = error
        finally:
            with self._lock:
                following = self._waiting[0] if self._waiting else None
                self._leading = following is not None
            if following is not None:
                following.lead = True
                following.done.set()
            for waiting in group:
                if waiting is not mine:
                    waiting.done.set()
        return mine.result()

    def _take(self) -> list[_Waiting]:
        group: list[_Waiting] = []
        cases: set[str] = set()
        keys: set[str] = set()
        with self._lock:
            while self._waiting and len(group) < self.MOST:
                write = self._waiting[0].write
                key = write.receipt.key if write.receipt is not None else None
                if write.case.id in cases or key in keys:
                    break
                cases.add(write.case.id)
                if key is not None:
                    keys.add(key)
                group.append(self._waiting.popleft())
        return group


def _safe(url: str) -> str:
    """The URL without its password, for messages and logs."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}@{host}"
