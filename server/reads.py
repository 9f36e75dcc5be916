"""The API's hot reads: one case (with its history) and a page of an officer's work list, by
keyset.

Input: the store an `Engine` was made with, and what a route asks (a case id; an officer's
province, commune and role, a page size and the cursor of the page before). Output: `Case`,
its `Event`s, `WorkItem`s, and the cursor of the next page; `StoreUnavailable` when the
database cannot be reached.

Over PostgreSQL (`PostgresReads`) a read is one query, one round trip: the case and its events
come back in one row (the events aggregated by the database), where the store answers them in
two. The store interface has neither that read nor a keyset page, so these queries are the
server's own, over the tables and indexes the store's migrations create, on a small pool of
their own; any other store (SQLite for one portal, memory in tests) is read through the engine
(`EngineReads`). Both run in the request's one hop to a worker thread: reading on the event
loop through psycopg's asynchronous pool was tried and cost more server CPU than the hop
(`docs/serving.md`, Performance).

A work-list page is the `size` cases after the last one of the page before, in the list's order
(latest due first, then by id), found by an index range scan that starts there: a deep page
costs what the first does, where `OFFSET` reads and skips every case before it. The cursor is
opaque to portals (base64 of the last case's due date, id and position); a store without
keyset reads (`EngineReads`) pages by the position.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from tthc.runtime import Case, Engine, Event
from tthc.runtime.store import StoreUnavailable
from tthc.runtime.store.base import WorkItem
from tthc.runtime.store.postgres import IN_COMMUNE, IN_PROVINCE, LISTED
from tthc.runtime.store.rows import event, work_item

T = TypeVar("T")
Hop = Callable[[Callable[[], T]], Awaitable[T]]


@dataclass(frozen=True)
class Cursor:
    """Where a work-list page ends: the last case's due date (ISO, or None) and id, and how
    many cases came before the next page."""

    alarm: str | None
    case_id: str
    position: int

    def text(self) -> str:
        raw = json.dumps([self.alarm, self.case_id, self.position], separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def read(cls, text: str) -> Cursor | None:
        """The cursor a `text()` gave, or None for anything else."""
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            alarm, case_id, position = json.loads(raw)
        except (binascii.Error, ValueError, TypeError):
            return None
        if (
            not (alarm is None or isinstance(alarm, str))
            or not isinstance(case_id, str)
            or not isinstance(position, int)
            or position < 0
        ):
            return None
        return cls(alarm, case_id, position)

    @classmethod
    def after(cls, items: list[WorkItem], before: Cursor | None) -> Cursor:
        last = items[-1]
        alarm = None if last.alarm is None else last.alarm.isoformat()
        return cls(alarm, last.case_id, (before.position if before else 0) + len(items))


class Reads(Protocol):
    async def open(self) -> None: ...

    async def close(self) -> None: ...

    async def case(self, case_id: str, history: bool) -> tuple[Case, list[Event]] | None:
        """The case and (when `history`) its events in order; None when there is no case."""
        ...

    async def worklist(
        self, province: str, commune: str | None, role: str, size: int, after: Cursor | None
    ) -> list[WorkItem]: ...


class EngineReads:
    """Reads through the engine's store, in a worker thread (`hop`)."""

    def __init__(self, engine: Engine, hop: Hop[Any]) -> None:
        self.engine, self.hop = engine, hop

    async def open(self) -> None:
        return None

    async def close(self) -> None:
        return None

    async def case(self, case_id: str, history: bool) -> tuple[Case, list[Event]] | None:
        def both() -> tuple[Case, list[Event]] | None:
            case = self.engine.case(case_id)
            if case is None:
                return None
            return case, (self.engine.history(case_id) if history else [])

        found: tuple[Case, list[Event]] | None = await self.hop(both)
        return found

    async def worklist(
        self, province: str, commune: str | None, role: str, size: int, after: Cursor | None
    ) -> list[WorkItem]:
        offset = after.position if after else 0
        store = self.engine.store
        rows: list[WorkItem] = await self.hop(
            lambda: store.worklist(province, commune, role, size, offset)
        )
        return rows


_CASE = "SELECT state, NULL FROM cases WHERE id = %s"
# The events as one JSON array of rows, in the column order `rows.event` reads.
_CASE_WITH_HISTORY = (
    "SELECT c.state, (SELECT json_agg(json_build_array(e.case_id, e.seq, e.kind, e.at, "
    "e.actor, e.data, e.previous, e.hash) ORDER BY e.seq) FROM events e "
    "WHERE e.case_id = c.id)::text FROM cases c WHERE c.id = %s"
)
_ORDER = "ORDER BY alarm DESC NULLS LAST, id LIMIT %(n)s"


def _pages(mine: str) -> tuple[str, str, str]:
    """The first page; the page after (alarm a, id i); the page after an undated case i."""
    # After (alarm a, id i), in the order alarm DESC NULLS LAST, id: the rest of a's cases,
    # then the earlier dates, then the cases without one. Each part is a range of the work
    # list's index (…, alarm DESC NULLS LAST, id), so a deep page starts where it starts.
    listed = LISTED + mine
    return (
        listed + _ORDER,
        f"({listed}AND alarm = %(a)s AND id > %(i)s {_ORDER}) UNION ALL "
        f"({listed}AND alarm < %(a)s {_ORDER}) UNION ALL "
        f"({listed}AND alarm IS NULL {_ORDER}) {_ORDER}",
        f"{listed}AND alarm IS NULL AND id > %(i)s {_ORDER}",
    )


# A commune officer's pages (index `cases_work_listed`), and a province officer's, whose token
# grants no commune (index `cases_work_province`).
FIRST_PAGE, NEXT_PAGE, NEXT_PAGE_UNDATED = _pages(IN_COMMUNE)
PROVINCE_PAGES = _pages(IN_PROVINCE)


class PostgresReads:
    """Reads on a pool of connections of their own to the store's database, each one query
    (one round trip), in a worker thread (`hop`)."""

    def __init__(self, url: str, hop: Hop[Any], size: int = 4) -> None:
        from psycopg_pool import ConnectionPool

        self.url, self.hop = url, hop
        self._pool = ConnectionPool(
            url, min_size=1, max_size=size, open=False, timeout=3.0, kwargs={"autocommit": True}
        )

    async def open(self) -> None:
        self._pool.open()

    async def close(self) -> None:
        self._pool.close()

    def _rows(self, query: str, parameters: Any) -> list[tuple[Any, ...]]:
        import psycopg

        try:
            with self._pool.connection() as connection:
                rows: list[tuple[Any, ...]] = connection.execute(query, parameters).fetchall()
                return rows
        except (psycopg.OperationalError, psycopg.InterfaceError) as error:
            raise StoreUnavailable(str(error)) from error
        except Exception as error:
            if type(error).__name__ == "PoolTimeout":
                raise StoreUnavailable(str(error)) from error
            raise

    async def case(self, case_id: str, history: bool) -> tuple[Case, list[Event]] | None:
        def read() -> tuple[Case, list[Event]] | None:
            rows = self._rows(_CASE_WITH_HISTORY if history else _CASE, (case_id,))
            if not rows:
                return None
            state, events = rows[0]
            case = Case.from_json(json.loads(state))
            return case, [event(r) for r in json.loads(events or "[]")]

        found: tuple[Case, list[Event]] | None = await self.hop(read)
        return found

    async def worklist(
        self, province: str, commune: str | None, role: str, size: int, after: Cursor | None
    ) -> list[WorkItem]:
        mine: dict[str, Any] = {"p": province, "c": commune, "r": role, "n": size}
        first, following, undated = (
            (FIRST_PAGE, NEXT_PAGE, NEXT_PAGE_UNDATED) if commune is not None else PROVINCE_PAGES
        )
        if after is None:
            query = first
        elif after.alarm is None:
            query, mine["i"] = undated, after.case_id
        else:
            query, mine["a"], mine["i"] = following, after.alarm, after.case_id
        rows: list[tuple[Any, ...]] = await self.hop(lambda: self._rows(query, mine))
        return [work_item(r) for r in rows]


def reads_for(engine: Engine, hop: Hop[Any]) -> Reads:
    """Asynchronous reads for a PostgreSQL store, else reads through the engine."""
    url = getattr(engine.store, "url", None)
    if isinstance(url, str) and url.startswith(("postgresql://", "postgres://")):
        return PostgresReads(url, hop)
    return EngineReads(engine, hop)
