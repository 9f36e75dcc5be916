"""The PostgreSQL schema's versioned migrations: each applied once, in order, keeping the data."""

from __future__ import annotations

import psycopg

from tthc.runtime.store import open_store
from tthc.runtime.store.migrations import MIGRATIONS, NEWEST, current, upgrade
from tthc.runtime.store.postgres import WORK_LIST_PROVINCE, PostgresStore

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
        assert upgrade(connection, target=3) == [3]
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


def test_a_province_work_list_is_read_in_order_from_its_index(postgres_schema: str) -> None:
    """A database at version 3, with open cases in two communes, upgraded to 4: a province
    officer's work list (no commune) is an index-only scan of `cases_work_province`, with no
    sort of the province's open cases, and lists the same cases in the same order."""
    with psycopg.connect(postgres_schema, autocommit=True) as connection:
        assert upgrade(connection, target=3) == [1, 2, 3]
    store = PostgresStore(postgres_schema, migrate=False)
    dues = (D(2026, 3, 10), D(2026, 3, 20), None, D(2026, 3, 15))
    for n, due in enumerate(dues):
        commune = "00004" if n < 3 else "00007"
        store.commit(
            first_write(new_case(f"c{n}", due=due, holder=DESK, competent_commune=commune))
        )
    before = store.worklist("01", None, DESK)
    store.close()
    with psycopg.connect(postgres_schema, autocommit=True) as connection:
        assert upgrade(connection) == [4]
        connection.execute("VACUUM ANALYZE cases")
        connection.execute("SET enable_seqscan = off")
        plan = "\n".join(
            row[0]
            for row in connection.execute(
                "EXPLAIN " + WORK_LIST_PROVINCE, {"p": "01", "r": DESK, "n": 50, "o": 0}
            )
        )
    assert "Index Only Scan using cases_work_province" in plan, plan
    assert "Sort" not in plan, plan
    reopened = open_store(postgres_schema)
    assert reopened.worklist("01", None, DESK) == before
    assert [w.case_id for w in before] == ["c1", "c3", "c0", "c2"]
    reopened.close()
