"""The PostgreSQL schema's versioned migrations: each applied once, in order, keeping the data."""

from __future__ import annotations

import psycopg

from tthc.runtime.store import open_store
from tthc.runtime.store.migrations import MIGRATIONS, NEWEST, current, upgrade
from tthc.runtime.store.postgres import PostgresStore

from .test_store_contract import D, first_write, new_case

DESK = "commune.one_stop"


def test_a_new_database_gets_every_migration_once(postgres_schema: str) -> None:
    with psycopg.connect(postgres_schema, autocommit=True) as connection:
        assert upgrade(connection) == [number for number, _, _ in MIGRATIONS]
        assert upgrade(connection) == []
        assert current(connection) == NEWEST


def test_the_covering_work_list_index_keeps_the_work_list(postgres_schema: str) -> None:
    """A database at version 2, with cases, upgraded to 3: the same work list, now read by an
    index-only scan of the new index (the old one is gone)."""
    with psycopg.connect(postgres_schema, autocommit=True) as connection:
        assert upgrade(connection, target=2) == [1, 2]
    store = PostgresStore(postgres_schema, migrate=False)
    for n, due in enumerate((D(2026, 3, 10), D(2026, 3, 20), None)):
        store.commit(first_write(new_case(f"c{n}", due=due, holder=DESK)))
    before = store.worklist("01", "00004", DESK)
    store.close()
    with psycopg.connect(postgres_schema, autocommit=True) as connection:
        assert upgrade(connection) == [3]
        connection.execute("VACUUM ANALYZE cases")
        connection.execute("SET enable_seqscan = off")
        plan = "\n".join(
            row[0]
            for row in connection.execute(
                "EXPLAIN SELECT id, procedure, commune, status, alarm, holder, version "
                "FROM cases WHERE province = '01' AND commune = '00004' AND closed IS NULL "
                "ORDER BY alarm DESC NULLS LAST, id LIMIT 50"
            )
        )
        indexes = {r[0] for r in connection.execute("SELECT indexname FROM pg_indexes")}
    assert "Index Only Scan using cases_work_listed" in plan, plan
    assert "cases_work" not in indexes
    reopened = open_store(postgres_schema)
    assert reopened.worklist("01", "00004", DESK) == before
    assert [w.case_id for w in before] == ["c1", "c0", "c2"]
    reopened.close()
