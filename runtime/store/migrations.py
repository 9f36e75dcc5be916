"""The PostgreSQL schema, as numbered migrations applied in order (`tthc db upgrade`).

Input: an open psycopg connection. Output: the database at the newest schema version, and the
versions applied by this call. Each migration runs once, in its own transaction, recorded in
`tthc_schema` with the time it was applied; a transaction-scoped advisory lock makes several
portal processes starting at once apply each migration exactly once (the others wait, then find
it done). A migration is never edited once released: a change is a new, higher number.
"""

from __future__ import annotations

from typing import Any

# Any number: the advisory lock's key, the same in every process of every version of tthc.
LOCK = 7_221_025

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "cases, events, outbox, receipts, refusals",
        """
        CREATE TABLE cases (
            id TEXT PRIMARY KEY, procedure TEXT NOT NULL, province TEXT NOT NULL,
            commune TEXT NOT NULL, status TEXT NOT NULL, filed TEXT NOT NULL, closed TEXT,
            on_time INTEGER, alarm TEXT, holder TEXT NOT NULL, handoff_body TEXT,
            handoff_due TEXT, version INTEGER NOT NULL, state TEXT NOT NULL
        );
        CREATE INDEX cases_alarm ON cases (alarm) WHERE alarm IS NOT NULL;
        CREATE INDEX cases_filed ON cases (filed);
        CREATE INDEX cases_closed ON cases (closed) WHERE closed IS NOT NULL;
        CREATE TABLE events (
            case_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, at TEXT NOT NULL,
            actor TEXT, data TEXT NOT NULL, previous TEXT NOT NULL, hash TEXT NOT NULL,
            PRIMARY KEY (case_id, seq)
        );
        CREATE TABLE outbox (
            id TEXT PRIMARY KEY, case_id TEXT NOT NULL, kind TEXT NOT NULL, at TEXT NOT NULL,
            data TEXT NOT NULL, delivered INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX outbox_pending ON outbox (at, id) WHERE delivered = 0;
        CREATE TABLE receipts (
            key TEXT PRIMARY KEY, request TEXT NOT NULL, case_id TEXT NOT NULL,
            version INTEGER NOT NULL
        );
        CREATE TABLE refusals (
            number BIGSERIAL PRIMARY KEY, case_id TEXT, at TEXT NOT NULL, actor TEXT,
            command TEXT NOT NULL, reason TEXT NOT NULL, message TEXT NOT NULL
        );
        CREATE INDEX refusals_case ON refusals (case_id);
        """,
    ),
    (
        2,
        "an officer's work list: open cases of a commune by holder, newest due first",
        """
        CREATE INDEX cases_work ON cases (province, commune, alarm DESC NULLS LAST, id)
            WHERE closed IS NULL;
        """,
    ),
    (
        3,
        "the work list read from its index alone (holder and the listed columns included)",
        # EXPLAIN ANALYZE over 1,000,000 cases: the work list's holder test read each open
        # case of the commune from the table (144 of 172 pages read cold for one page of 50);
        # with the columns it filters on and returns in the index, an index-only scan.
        """
        CREATE INDEX cases_work_listed ON cases (province, commune, alarm DESC NULLS LAST, id)
            INCLUDE (holder, procedure, status, version) WHERE closed IS NULL;
        DROP INDEX cases_work;
        """,
    ),
    (
        4,
        "a province's work list (a token granting a whole province) read in order from an index",
        # A province-level officer's work list has no commune to start the index above at: it
        # read every open case of the province and sorted them for one page of 50. Ordered by
        # due date under the province alone, the page is the first entries of an index-only
        # range scan (`benchmarks/api_load.py` prints both plans' times).
        """
        CREATE INDEX cases_work_province ON cases (province, alarm DESC NULLS LAST, id)
            INCLUDE (holder, procedure, commune, status, version) WHERE closed IS NULL;
        """,
    ),
)

NEWEST = MIGRATIONS[-1][0]


def current(connection: Any) -> int:
    """The schema version of the database (0: none yet)."""
    exists = connection.execute("SELECT to_regclass('tthc_schema') IS NOT NULL").fetchone()[0]
    if not exists:
        return 0
    row = connection.execute("SELECT COALESCE(MAX(version), 0) FROM tthc_schema").fetchone()
    return int(row[0])


def upgrade(connection: Any, target: int = NEWEST) -> list[int]:
    """Apply every migration above the database's version up to `target`; return their
    numbers (none when the database is up to date)."""
    applied: list[int] = []
    for number, _, script in MIGRATIONS:
        if number > target:
            break
        with connection.transaction():
            connection.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK,))
            connection.execute(
                "CREATE TABLE IF NOT EXISTS tthc_schema (version INTEGER PRIMARY KEY, "
                "description TEXT NOT NULL, applied TIMESTAMPTZ NOT NULL DEFAULT now())"
            )
            if current(connection) >= number:
                continue
            connection.execute(script)
            connection.execute(
                "INSERT INTO tthc_schema (version, description) VALUES (%s, %s)",
                (number, MIGRATIONS[number - 1][1]),
            )
            applied.append(number)
    return applied
