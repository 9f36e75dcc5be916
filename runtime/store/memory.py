"""The in-memory store: the contract of `base.Store` without durability, for tests, trials and
a portal's read-only replica. Several `MemoryStore`s made over one `MemoryData` share it, as
several connections share one database file.

Input: `Write`s. Output: what the contract promises, from Python dictionaries. A case is kept as
a copy of the `Case` sharing no container with the engine's (`Case.copy`; the queries read its
`columns()`, as a database reads its index), and every read hands out a new copy, so
the engine's working copy can never leak into the store before its write commits (the contract
suite caught exactly that once; it also checks that what a store gives back equals what was
written, which the SQLite store proves through JSON). A write is checked whole before anything
is stored, which is what makes it atomic here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
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
    WriteError,
)
from tthc.runtime.values import Event, Notification


@dataclass
class MemoryData:
    cases: dict[str, Case] = field(default_factory=dict)
    events: dict[str, list[Event]] = field(default_factory=dict)
    outbox: dict[str, tuple[Notification, bool]] = field(default_factory=dict)
    receipts: dict[str, Receipt] = field(default_factory=dict)
    refusals: list[RefusalRecord] = field(default_factory=list)


class MemoryStore:
    def __init__(self, data: MemoryData | None = None) -> None:
        self.data = data or MemoryData()

    def commit(self, write: Write) -> Conflict | None:
        data, case = self.data, write.case
        stored = data.cases.get(case.id)
        if write.expected is None and stored is not None:
            return Conflict.EXISTS
        if write.expected is not None and (stored is None or stored.version != write.expected):
            return Conflict.STALE
        trail = data.events.get(case.id, [])
        # A trail is numbered 1, 2, 3... (the primary key of a database's events table): an
        # event numbered at or below the last one, or below one of its own write, is taken.
        last = trail[-1].seq if trail else 0
        for event in write.events:
            if event.seq <= last:
                raise WriteError(f"event {event.seq} of case {case.id} exists")
            last = event.seq
        if write.receipt is not None and write.receipt.key in data.receipts:
            return Conflict.KEY_TAKEN
        data.cases[case.id] = case.copy()
        data.events.setdefault(case.id, trail).extend(write.events)
        for notification in write.notifications:
            data.outbox.setdefault(notification.id, (notification, False))
        if write.receipt is not None:
            data.receipts[write.receipt.key] = write.receipt
        return None

    def case(self, case_id: str) -> Case | None:
        stored = self.data.cases.get(case_id)
        return None if stored is None else stored.copy()

    def _columns(self) -> list[dict[str, Any]]:
        """The indexed columns of every case, made when a query reads them (a write need not
        pay for an index nobody reads in memory)."""
        return [case.columns() for case in self.data.cases.values()]

    def case_ids(self) -> list[str]:
        return sorted(self.data.cases)

    def events(self, case_id: str) -> list[Event]:
        return list(self.data.events.get(case_id, []))

    def receipt(self, key: str) -> Receipt | None:
        return self.data.receipts.get(key)

    def record_refusal(self, record: RefusalRecord) -> None:
        self.data.refusals.append(record)

    def refusals(self, case_id: str) -> list[RefusalRecord]:
        return [r for r in self.data.refusals if r.case_id == case_id]

    def worklist(
        self, province: str, commune: str | None, role: str, limit: int = 50, offset: int = 0
    ) -> list[WorkItem]:
        held = [
            c
            for c in self._columns()
            if c["province"] == province
            and (commune is None or c["commune"] == commune)
            and c["closed"] is None
            and role in c["holder"].split(",")
        ]
        # The latest alarm first, cases with none last, then by id: as the databases order.
        held.sort(key=lambda c: c["id"])
        held.sort(key=lambda c: c["alarm"] or "", reverse=True)
        return [
            WorkItem(
                c["id"],
                c["procedure"],
                c["commune"],
                c["status"],
                dt.date.fromisoformat(c["alarm"]) if c["alarm"] else None,
                c["holder"],
                c["version"],
            )
            for c in held[offset : offset + limit]
        ]

    def overdue(self, today: dt.date, limit: int | None = None) -> list[OverdueRow]:
        day = today.isoformat()
        late = sorted(
            (c["alarm"], c["id"], c)
            for c in self._columns()
            if c["alarm"] is not None and c["alarm"] < day
        )
        rows = [
            OverdueRow(
                c["id"],
                c["procedure"],
                c["commune"],
                dt.date.fromisoformat(c["alarm"]),
                c["holder"],
                c["handoff_body"],
                dt.date.fromisoformat(c["handoff_due"]) if c["handoff_due"] else None,
            )
            for _, _, c in late
        ]
        return rows if limit is None else rows[:limit]

    def indicators(self, period: Period) -> list[IndicatorRow]:
        a, b, t = period.first.isoformat(), period.last.isoformat(), period.today.isoformat()
        procedure, commune = period.procedure, period.commune
        counts: dict[tuple[str, str], list[int]] = {}
        for c in self._columns():
            if procedure not in (None, c["procedure"]) or commune not in (None, c["commune"]):
                continue
            closed = c["closed"]
            if c["filed"] > b or (closed is not None and closed < a):
                continue
            row = counts.setdefault((c["procedure"], c["commune"]), [0, 0, 0, 0, 0])
            in_period = closed is not None and a <= closed <= b
            row[0] += a <= c["filed"] <= b
            row[1] += in_period and c["on_time"] == 1
            row[2] += in_period and c["on_time"] == 0
            row[3] += closed is None or closed > b
            row[4] += c["alarm"] is not None and c["alarm"] < t
        return [IndicatorRow(p, m, *map(int, v)) for (p, m), v in sorted(counts.items())]

    def outbox(self, limit: int = 100) -> list[Notification]:
        pending = [n for n, done in self.data.outbox.values() if not done]
        return sorted(pending, key=lambda n: (n.at, n.id))[:limit]

    def delivered(self, ids: list[str]) -> None:
        for notification_id in ids:
            if notification_id in self.data.outbox:
                self.data.outbox[notification_id] = (self.data.outbox[notification_id][0], True)

    def close(self) -> None:
        """Nothing to release: the data lives as long as its `MemoryData`."""
