"""The SQLite store: the embedded default (WAL; `synchronous=FULL` unless the portal chooses).

Input: a database path (created on first use) and the `Write`s of the engine. Output: what
`tthc.runtime.store.base.Store` promises, over four tables: `cases` (the state as JSON and the
indexed columns), `events` (the hash-chained audit trail), `outbox`, `receipts` (idempotency
keys), and `refusals`. One write is one `BEGIN IMMEDIATE` transaction.

The overdue query reads only the partial covering index `cases_overdue` (`alarm` is set only on
open cases whose clock runs; the index holds every column the query returns, in its order): a
range scan of the late rows, whatever the number of cases, with no sort and no table look-up.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

from tthc.runtime.case import Case
from tthc.runtime.store.base import (
    Conflict,
    IndicatorRow,
    OverdueRow,
    Period,
    Receipt,
    RefusalRecord,
    WorkItem,
    Write,
)
from tthc.runtime.store.rows import (
    CASE_COLUMNS,
    case_row,
    dumps,
    event,
    event_row,
    notification,
    outbox_row,
    overdue,
    refusal,
    refusal_row,
    work_item,
)
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

_INSERT_CASE = f"INSERT INTO cases ({CASE_COLUMNS}) VALUES ({','.join('?' * 14)})"
_INSERT_EVENT = "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
_INSERT_OUTBOX = "INSERT OR IGNORE INTO outbox (id, case_id, kind, at, data) VALUES (?, ?, ?, ?, ?)"
_INSERT_RECEIPT = "INSERT INTO receipts VALUES (?, ?, ?, ?)"

# Cases this store wrote or read last, kept to answer the next command on them (see `case`).
KNOWN_CASES = 1024


class SQLiteStore:
    """A store in one SQLite file. `synchronous`: FULL (default), NORMAL or OFF."""

    def __init__(self, path: str | Path, synchronous: str = "FULL") -> None:
        if synchronous.upper() not in ("FULL", "NORMAL", "OFF", "EXTRA"):
            raise ValueError(f"synchronous must be FULL, NORMAL, OFF or EXTRA: {synchronous}")
        self.path = str(path)
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA busy_timeout = 10000")
        if self.path != ":memory:":
            self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute(f"PRAGMA synchronous = {synchronous.upper()}")
        self._db.executescript(SCHEMA)
        # case id -> (version, the case at that version, its indexed columns), the oldest
        # first. A version is written once (the UPDATE checks it), so the state of a case at a
        # version is the same in every process: a command finding its case at the version it
        # knows reads only the version, and its UPDATE sets only the columns that changed
        # (an index whose columns did not change is not rewritten, nor its page logged).
        self._known: dict[str, tuple[int, Case, dict[str, Any]]] = {}

    # -- writing ----------------------------------------------------------------------------

    def commit(self, write: Write) -> Conflict | None:
        db, case = self._db, write.case
        columns = case.columns()
        db.execute("BEGIN IMMEDIATE")
        try:
            if write.expected is None:
                try:
                    db.execute(_INSERT_CASE, case_row(case, columns))
                except sqlite3.IntegrityError:
                    db.execute("ROLLBACK")
                    return Conflict.EXISTS
            else:
                changed = self._changed(case.id, write.expected, columns)
                assignments = "".join(f"{name} = ?, " for name in changed)
                done = db.execute(
                    f"UPDATE cases SET {assignments}state = ? WHERE id = ? AND version = ?",
                    (*changed.values(), dumps(case.to_json()), case.id, write.expected),
                )
                if done.rowcount != 1:
                    db.execute("ROLLBACK")
                    return Conflict.STALE
            if write.events:
                db.executemany(_INSERT_EVENT, [event_row(e) for e in write.events])
            if write.notifications:
                db.executemany(_INSERT_OUTBOX, [outbox_row(n) for n in write.notifications])
            if write.receipt is not None:
                r = write.receipt
                try:
                    db.execute(_INSERT_RECEIPT, (r.key, r.request, r.case_id, r.version))
                except sqlite3.IntegrityError:
                    # Another process committed a command with this key since the engine
                    # looked it up: this write is not applied, the engine replays that one.
                    db.execute("ROLLBACK")
                    return Conflict.KEY_TAKEN
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        self._remember(case, columns)
        return None

    def _changed(self, case_id: str, expected: int, columns: dict[str, Any]) -> dict[str, Any]:
        """The indexed columns to set: those that differ from the version the write follows,
        when this store knows it; every one but the id otherwise."""
        known = self._known.get(case_id)
        if known is None or known[0] != expected:
            return {name: value for name, value in columns.items() if name != "id"}
        before = known[2]
        return {name: value for name, value in columns.items() if before[name] != value}

    def _remember(self, case: Case, columns: dict[str, Any]) -> None:
        known = self._known
        known.pop(case.id, None)
        known[case.id] = (case.version, case.copy(), columns)
        if len(known) > KNOWN_CASES:
            known.pop(next(iter(known)), None)

    def record_refusal(self, record: RefusalRecord) -> None:
        self._db.execute("INSERT INTO refusals VALUES (?, ?, ?, ?, ?, ?)", refusal_row(record))

    def delivered(self, ids: list[str]) -> None:
        self._db.executemany("UPDATE outbox SET delivered = 1 WHERE id = ?", [(i,) for i in ids])

    # -- reading ----------------------------------------------------------------------------

    def case(self, case_id: str) -> Case | None:
        """The stored case: a copy of the one this store knows when the database holds that
        version of it (one indexed look-up of the version), else read whole."""
        db, known = self._db, self._known.get(case_id)
        if known is not None:
            row = db.execute("SELECT version FROM cases WHERE id = ?", (case_id,)).fetchone()
            if row is not None and row[0] == known[0]:
                return known[1].copy()
        row = db.execute("SELECT state FROM cases WHERE id = ?", (case_id,)).fetchone()
        if row is None:
            return None
        case = Case.from_json(json.loads(row[0]))
        self._remember(case, case.columns())
        return case

    def case_ids(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT id FROM cases ORDER BY id")]

    def events(self, case_id: str) -> list[Event]:
        rows = self._db.execute(
            "SELECT case_id, seq, kind, at, actor, data, previous, hash FROM events "
            "WHERE case_id = ? ORDER BY seq",
            (case_id,),
        )
        return [event(r) for r in rows]

    def receipt(self, key: str) -> Receipt | None:
        row = self._db.execute(
            "SELECT key, request, case_id, version FROM receipts WHERE key = ?", (key,)
        ).fetchone()
        return None if row is None else Receipt(*row)

    def refusals(self, case_id: str) -> list[RefusalRecord]:
        rows = self._db.execute(
            "SELECT case_id, at, actor, command, reason, message FROM refusals "
            "WHERE case_id = ? ORDER BY rowid",
            (case_id,),
        )
        return [refusal(r) for r in rows]

    def overdue(self, today: dt.date, limit: int | None = None) -> list[OverdueRow]:
        rows = self._db.execute(
            "SELECT id, procedure, commune, alarm, holder, handoff_body, handoff_due FROM cases "
            "WHERE alarm IS NOT NULL AND alarm < ? ORDER BY alarm, id LIMIT ?",
            (today.isoformat(), -1 if limit is None else limit),
        )
        return [overdue(r) for r in rows]

    def worklist(
        self, province: str, commune: str | None, role: str, limit: int = 50, offset: int = 0
    ) -> list[WorkItem]:
        rows = self._db.execute(
            "SELECT id, procedure, commune, status, alarm, holder, version FROM cases "
            "WHERE province = ? AND (? IS NULL OR commune = ?) AND closed IS NULL "
            "AND instr(',' || holder || ',', ',' || ? || ',') > 0 "
            "ORDER BY alarm DESC, id LIMIT ? OFFSET ?",
            (province, commune, commune, role, limit, offset),
        )
        return [work_item(r) for r in rows]

    def indicators(self, period: Period) -> list[IndicatorRow]:
        rows = self._db.execute(
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
        return [IndicatorRow(*r) for r in rows]

    def outbox(self, limit: int = 100) -> list[Notification]:
        rows = self._db.execute(
            "SELECT id, case_id, kind, at, data FROM outbox WHERE delivered = 0 "
            "ORDER BY at, id LIMIT ?",
            (limit,),
        )
        return [notification(r) for r in rows]

    def close(self) -> None:
        self._db.close()
