"""The work list's keyset pages over PostgreSQL (`tthc.server.reads.PostgresReads`), on rows
written as the store writes them: cases on several due dates, several on one date, and cases
with no due date (the clock stopped), which the list puts last. Paged two at a time by the
cursor each page gives, the pages together are the whole list, in its order, each case once."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import psycopg

from tthc.runtime.store.postgres import PostgresStore
from tthc.server.reads import FIRST_PAGE, Cursor, PostgresReads

ROLE = "commune.one_stop"


async def _now(work: Callable[[], Any]) -> Any:
    return work()


def _rows(database: str) -> None:
    alarms = ["2026-03-10", "2026-03-10", "2026-03-09", None, "2026-03-12", None, "2026-03-10"]
    with psycopg.connect(database, autocommit=True) as connection:
        for n, alarm in enumerate(alarms):
            connection.execute(
                "INSERT INTO cases (id, procedure, province, commune, status, filed, closed, "
                "on_time, alarm, holder, handoff_body, handoff_due, version, state) VALUES "
                "(%s, '1.001612', '01', '00004', 'open', '2026-03-02', NULL, NULL, %s, %s, "
                "NULL, NULL, 1, '{}')",
                (f"case-{n}", alarm, ROLE if n != 2 else "commune.chairman"),
            )


def test_keyset_pages_are_the_whole_list_in_order(postgres_schema: str) -> None:
    PostgresStore(postgres_schema).close()  # the tables and indexes, by the store's migrations
    _rows(postgres_schema)
    reads = PostgresReads(postgres_schema, _now)

    async def pages() -> tuple[list[str], list[str]]:
        await reads.open()
        try:
            whole = await reads.worklist("01", "00004", ROLE, 200, None)
            paged: list[str] = []
            after: Cursor | None = None
            for _ in range(10):
                page = await reads.worklist("01", "00004", ROLE, 2, after)
                paged.extend(item.case_id for item in page)
                if len(page) < 2:
                    break
                after = Cursor.read(Cursor.after(page, after).text())
            return [item.case_id for item in whole], paged
        finally:
            await reads.close()

    whole, paged = asyncio.run(pages())
    assert whole == ["case-4", "case-0", "case-1", "case-6", "case-3", "case-5"]
    assert paged == whole
    with psycopg.connect(postgres_schema) as connection:
        listed = connection.execute(
            FIRST_PAGE, {"p": "01", "c": "00004", "r": ROLE, "n": 200}
        ).fetchall()
    assert [r[0] for r in listed] == whole


def test_a_province_officers_pages_span_its_communes_in_order(postgres_schema: str) -> None:
    """A token granting a whole province (no commune) pages over the open cases of every
    commune of the province, in the same order, and never over another province's."""
    PostgresStore(postgres_schema).close()
    _rows(postgres_schema)
    with psycopg.connect(postgres_schema, autocommit=True) as connection:
        for n, (province, commune, alarm) in enumerate(
            [("01", "00007", "2026-03-10"), ("01", "00007", None), ("02", "00900", "2026-03-11")]
        ):
            connection.execute(
                "INSERT INTO cases (id, procedure, province, commune, status, filed, closed, "
                "on_time, alarm, holder, handoff_body, handoff_due, version, state) VALUES "
                "(%s, '1.001612', %s, %s, 'open', '2026-03-02', NULL, NULL, %s, %s, "
                "NULL, NULL, 1, '{}')",
                (f"other-{n}", province, commune, alarm, ROLE),
            )
    reads = PostgresReads(postgres_schema, _now)

    async def pages() -> list[str]:
        await reads.open()
        try:
            paged: list[str] = []
            after: Cursor | None = None
            for _ in range(10):
                page = await reads.worklist("01", None, ROLE, 3, after)
                paged.extend(item.case_id for item in page)
                if len(page) < 3:
                    break
                after = Cursor.read(Cursor.after(page, after).text())
            return paged
        finally:
            await reads.close()

    assert asyncio.run(pages()) == [
        "case-4", "case-0", "case-1", "case-6", "other-0", "case-3", "case-5", "other-1",
    ]  # fmt: skip
    store = PostgresStore(postgres_schema)
    assert [w.case_id for w in store.worklist("01", None, ROLE, 3, 3)] == [
        "case-6", "other-0", "case-3",
    ]  # fmt: skip
    store.close()
