"""The SQLite store: the embedded default (WAL; `synchronous=FULL` unless the portal chooses).

Input: a database path (created on first use) and the `Write`s of the engine. Output: what
`tthc.runtime.store.base.Store` promises, over four tables: `cases` (the state as JSON and the
indexed columns), `events` (the hash-chained audit trail), `outbox`, `receipts` (idempotency
keys), and `refusals`. The writes of concurrent threads share a `BEGIN IMMEDIATE`
transaction, each in its own savepoint, and each is answered once that transaction is durable
(`tthc.runtime.store.group`); a lone write is a transaction of its own.

The overdue query reads only the partial covering index `cases_overdue` (`alarm` is set only on
open cases whose clock runs; the index holds every column the query returns, in its order): a
range scan of the late rows, whatever the number of cases, with no sort and no table look-up.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

from tthc.runtime.case import Case
from tthc.runtime.store import base
from tthc.runtime.store import rows as row
from tthc.runtime.store.base import Conflict, Period, Write
from tthc.runtime.store.group import GroupCommit
from tthc.runtime.store.rows import Row
from tthc.runtime.values import Event, Notification

SCHEMA = """
CREATE TABLE IF NOT EXISTS cases (
    id TEXT PRIMARY KEY, procedure TEXT NOT NULL, province TEXT NOT NULL,
    commune TEXT NOT NULL, status TEXT NOT NULL, filed TEXT NOT NULL, closed TEXT,
    on_time INTEGER, alarm TEXT, holder TEXT NOT NULL, handoff_body TEXT, handoff_due TEXT,
    version INTEGER NOT NULL, state TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS cases_overdue
    ON cases (alarm, id, procedure, commune, holder, handoff_body, handoff_due)
    WHERE alarm IS NOT NULL;
CREATE INDEX IF NOT EXISTS cases_filed ON cases (filed);
CREATE INDEX IF NOT EXISTS cases_closed ON cases (closed) WHERE closed IS NOT NULL;
CREATE INDEX IF NOT EXISTS cases_work ON cases (province, commune, alarm DESC, id)
    WHERE closed IS NULL;
CREATE TABLE IF NOT EXISTS events (
    case_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, at TEXT NOT NULL,
    actor TEXT, data TEXT NOT NULL, previous TEXT NOT NULL, hash TEXT NOT NULL,
    PRIMARY KEY (case_id, seq)
);
CREATE TABLE IF NOT EXISTS outbox (
    id TEXT PRIMARY KEY, case_id TEXT NOT NULL, kind TEXT NOT NULL, at TEXT NOT NULL,
    data TEXT NOT NULL, delivered INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (at) WHERE delivered = 0;
CREATE TABLE IF NOT EXISTS receipts (
    key TEXT PRIMARY KEY, request TEXT NOT NULL, case_id TEXT NOT NULL, version INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS refusals (
    case_id TEXT, at TEXT NOT NULL, actor TEXT, command TEXT NOT NULL, reason TEXT NOT NULL,
    message TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS refusals_case ON refusals (case_id);
"""

_INSERT_CASE = f"INSERT INTO cases ({row.CASE_COLUMNS}) VALUES ({','.join('?' * 14)})"
_INSERT_EVENT = "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
_INSERT_OUTBOX = "INSERT OR IGNORE INTO outbox (id, case_id, kind, at, data) VALUES (?, ?, ?, ?, ?)"
_INSERT_RECEIPT = "INSERT INTO receipts VALUES (?, ?, ?, ?)"
_INSERT_REFUSAL = "INSERT INTO refusals VALUES (?, ?, ?, ?, ?, ?)"
_MARK_DELIVERED = "UPDATE outbox SET delivered = 1 WHERE id = ?"


def _apply(
    db: sqlite3.Connection,
    new: bool,
    first: tuple[str, Row],
    events: list[Row],
    outbox: list[Row],
    receipt: Row | None,
) -> tuple[Conflict | None, bool]:
    """One write's statements inside the group's transaction (the case row's INSERT or
    UPDATE first): its conflict, or None and its rows kept."""
    if new:
        try:
            db.execute(*first)
        except sqlite3.IntegrityError:
            return Conflict.EXISTS, False
    elif db.execute(*first).rowcount != 1:
        return Conflict.STALE, False
    if events:
        db.executemany(_INSERT_EVENT, events)
    if outbox:
        db.executemany(_INSERT_OUTBOX, outbox)
    if receipt is not None:
        try:
            db.execute(_INSERT_RECEIPT, receipt)
        except sqlite3.IntegrityError:
            # Another command with this key was committed since the engine looked it up (in
            # this group or by another process): this write is not applied, the engine
            # replays that one.
            return Conflict.KEY_TAKEN, False
    return None, True


# Cases this store wrote or read last, kept to answer the next command on them (see `case`).
KNOWN_CASES = 1024


class SQLiteStore:
    """A store in one SQLite file. `synchronous`: FULL (default), NORMAL or OFF.

    Safe to share between threads (`thread_safe`: the HTTP server then runs commands at once):
    the writes go through one connection by group commit (`tthc.runtime.store.group`: the
    commands of several threads share a transaction and its fsync, each answered only once it
    is durable); each thread reads through a connection of its own, which sees only committed
    transactions (WAL), never a group still being written. An in-memory database has one
    connection: its reads wait for the transaction running."""

    thread_safe = True

    def __init__(self, path: str | Path, synchronous: str = "FULL") -> None:
        if synchronous.upper() not in ("FULL", "NORMAL", "OFF", "EXTRA"):
            raise ValueError(f"synchronous must be FULL, NORMAL, OFF or EXTRA: {synchronous}")
        self.path = str(path)
        self._db = self._connect()
        self._in_memory = self.path == ":memory:"
        if not self._in_memory:
            self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute(f"PRAGMA synchronous = {synchronous.upper()}")
        self._db.executescript(SCHEMA)
        self.group = GroupCommit(self._db)
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._remembering = threading.Lock()
        # case id -> (version, the case at that version, its indexed columns), the oldest
        # first. A version is written once (the UPDATE checks it), so the state of a case at a
        # version is the same in every process: a command finding its case at the version it
        # knows reads only the version, and its UPDATE sets only the columns that changed
        # (an index whose columns did not change is not rewritten, nor its page logged).
        self._known: dict[str, tuple[int, Case, dict[str, Any]]] = {}

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA busy_timeout = 10000")
        return db

    def _rows(self, sql: str, parameters: Any = ()) -> list[Any]:
        """The rows of a query, read whole (a statement left part read would hold its
        connection's snapshot), through this thread's reading connection."""
        if self._in_memory:
            with self.group.busy:
                return self._db.execute(sql, parameters).fetchall()
        reader: sqlite3.Connection | None = getattr(self._local, "db", None)
        if reader is None:
            reader = self._local.db = self._connect()
            self._readers.append(reader)
        return reader.execute(sql, parameters).fetchall()

    # -- writing ----------------------------------------------------------------------------

    def commit(self, write: Write) -> Conflict | None:
        # The rows are made here, in the calling thread, before the write joins a group: the
        # leader of the group then only runs statements (JSON and hashing done under its
        # transaction would hold every other command of the group waiting).
        case, columns = write.case, write.case.columns()
        if write.expected is None:
            first: tuple[str, Row] = (_INSERT_CASE, row.case_row(case, columns))
        else:
            changed = self._changed(case.id, write.expected, columns)
            assignments = "".join(f"{name} = ?, " for name in changed)
            first = (
                f"UPDATE cases SET {assignments}state = ? WHERE id = ? AND version = ?",
                (*changed.values(), row.dumps(case.to_json()), case.id, write.expected),
            )
        events = [row.event_row(e) for e in write.events]
        outbox = [row.outbox_row(n) for n in write.notifications]
        r = write.receipt
        receipt = None if r is None else (r.key, r.request, r.case_id, r.version)
        new = write.expected is None
        conflict = self.group.run(lambda db: _apply(db, new, first, events, outbox, receipt))
        if conflict is None:
            self._remember(case, columns)
        return conflict

    def _changed(self, case_id: str, expected: int, columns: dict[str, Any]) -> dict[str, Any]:
        """The indexed columns to set: those that differ from the version the write follows,
        when this store knows it; every one but the id otherwise."""
        known = self._known.get(case_id)
        if known is None or known[0] != expected:
            return {name: value for name, value in columns.items() if name != "id"}
        before = known[2]
        return {name: value for name, value in columns.items() if before[name] != value}

    def _remember(self, case: Case, columns: dict[str, Any]) -> None:
        known, entry = self._known, (case.version, case.copy(), columns)
        with self._remembering:
            known.pop(case.id, None)
            known[case.id] = entry
            if len(known) > KNOWN_CASES:
                known.pop(next(iter(known)), None)

    def record_refusal(self, record: base.RefusalRecord) -> None:
        values = row.refusal_row(record)
        self.group.run(lambda db: (db.execute(_INSERT_REFUSAL, values), True))

    def delivered(self, ids: list[str]) -> None:
        keys = [(i,) for i in ids]
        self.group.run(lambda db: (db.executemany(_MARK_DELIVERED, keys), True))

    # -- reading ----------------------------------------------------------------------------

    def case(self, case_id: str) -> Case | None:
        """The stored case: a copy of the one this store knows when the database holds that
        version of it (one indexed look-up of the version), else read whole."""
        known = self._known.get(case_id)
        if known is not None:
            found = self._rows("SELECT version FROM cases WHERE id = ?", (case_id,))
            if found and found[0][0] == known[0]:
                return known[1].copy()
        found = self._rows("SELECT state FROM cases WHERE id = ?", (case_id,))
        if not found:
            return None
        case = Case.from_json(json.loads(found[0][0]))
        self._remember(case, case.columns())
        return case

    def case_ids(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT id FROM cases ORDER BY id")]

    def events(self, case_id: str) -> list[Event]:
        rows = self._rows(
            "SELECT case_id, seq, kind, at, actor, data, previous, hash FROM events "
            "WHERE case_id = ? ORDER BY seq",
            (case_id,),
        )
        return [row.event(r) for r in rows]

    def receipt(self, key: str) -> base.Receipt | None:
        found = self._rows(
            "SELECT key, request, case_id, version FROM receipts WHERE key = ?", (key,)
        )
        return base.Receipt(*found[0]) if found else None

    def refusals(self, case_id: str) -> list[base.RefusalRecord]:
        rows = self._rows(
            "SELECT case_id, at, actor, command, reason, message FROM refusals "
            "WHERE case_id = ? ORDER BY rowid",
            (case_id,),
        )
        return [row.refusal(r) for r in rows]

    def overdue(self, today: dt.date, limit: int | None = None) -> list[base.OverdueRow]:
        rows = self._rows(
            "SELECT id, procedure, commune, alarm, holder, handoff_body, handoff_due FROM cases "
            "WHERE alarm IS NOT NULL AND alarm < ? ORDER BY alarm, id LIMIT ?",
            (today.isoformat(), -1 if limit is None else limit),
        )
        return [row.overdue(r) for r in rows]

    def worklist(
        self, province: str, commune: str | None, role: str, limit: int = 50, offset: int = 0
    ) -> list[base.WorkItem]:
        rows = self._rows(
            "SELECT id, procedure, commune, status, alarm, holder, version FROM cases "
            "WHERE province = ? AND (? IS NULL OR commune = ?) AND closed IS NULL "
            "AND instr(',' || holder || ',', ',' || ? || ',') > 0 "
            "ORDER BY alarm DESC, id LIMIT ? OFFSET ?",
            (province, commune, commune, role, limit, offset),
        )
        return [row.work_item(r) for r in rows]

    def indicators(self, period: Period) -> list[base.IndicatorRow]:
        rows = self._rows(
            """
            SELECT procedure, commune,
              SUM(filed BETWEEN :a AND :b),
              COALESCE(SUM(closed BETWEEN :a AND :b AND on_time = 1), 0),
              COALESCE(SUM(closed BETWEEN :a AND :b AND on_time = 0), 0),
              SUM(filed <= :b AND (closed IS NULL OR closed > :b)),
              COALESCE(SUM(filed <= :b AND alarm IS NOT NULL AND alarm < :t), 0)
            FROM cases
            WHERE (:p IS NULL OR procedure = :p) AND (:c IS NULL OR commune = :c)
              AND filed <= :b AND (closed IS NULL OR closed >= :a)
            GROUP BY procedure, commune ORDER BY procedure, commune
            """,
            period.parameters(),
        )
        return [base.IndicatorRow(*r) for r in rows]

    def outbox(self, limit: int = 100) -> list[Notification]:
        rows = self._rows(row.PENDING.format("?"), (limit,))
        return [row.notification(r) for r in rows]

    def close(self) -> None:
        for reader in self._readers:
            reader.close()
        self._db.close()
