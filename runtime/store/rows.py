"""The rows of the SQL stores, both ways: one writing and one reading of each table's columns,
shared by SQLite and PostgreSQL (both keep the same columns, dates as ISO text, JSON as text).

Input: a value to write (`Case`, `Event`, `Notification`, `RefusalRecord`), or a row as the
store's driver returns it, in the column order of the store's SELECT. Output: the row's
parameters, in the column order of the table; or an `Event`, `RefusalRecord`, `OverdueRow`,
`WorkItem` or `Notification`.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from tthc.runtime.audit import canonical
from tthc.runtime.case import Case
from tthc.runtime.store.base import OverdueRow, RefusalRecord, WorkItem
from tthc.runtime.values import Event, Notification

Row = tuple[Any, ...]

# The columns of the case table, in order: `Case.columns()` and the state.
CASE_COLUMNS = (
    "id, procedure, province, commune, status, filed, closed, on_time, alarm, holder, "
    "handoff_body, handoff_due, version, state"
)


def dumps(value: Any) -> str:
    """The JSON text a store keeps: the audit chain's canonical JSON (sorted keys, no spaces,
    UTF-8 as is), which `json.loads` reads back to the same values."""
    return canonical(value).decode("utf-8")


# -- writing ----------------------------------------------------------------------------------


def case_row(case: Case, columns: dict[str, Any]) -> Row:
    """The case table's row: its indexed `columns` (`case.columns()`) and the state as JSON."""
    return (*columns.values(), dumps(case.to_json()))


def event_row(e: Event) -> Row:
    actor = None if e.actor is None else dumps(e.actor)
    return (e.case_id, e.seq, e.kind, e.at.isoformat(), actor, dumps(e.data), e.previous, e.hash)


def outbox_row(n: Notification) -> Row:
    return (n.id, n.case_id, n.kind, n.at.isoformat(), dumps(n.data))


def refusal_row(r: RefusalRecord) -> Row:
    return (r.case_id, r.at.isoformat(), r.actor, r.command, r.reason, r.message)


# -- reading ----------------------------------------------------------------------------------


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def event(r: Row) -> Event:
    actor = None if r[4] is None else json.loads(r[4])
    return Event(
        r[0], r[1], r[2], dt.datetime.fromisoformat(r[3]), actor, json.loads(r[5]), r[6], r[7]
    )


def refusal(r: Row) -> RefusalRecord:
    return RefusalRecord(r[0], dt.datetime.fromisoformat(r[1]), r[2], r[3], r[4], r[5])


def overdue(r: Row) -> OverdueRow:
    return OverdueRow(r[0], r[1], r[2], dt.date.fromisoformat(r[3]), r[4], r[5], _day(r[6]))


def work_item(r: Row) -> WorkItem:
    return WorkItem(r[0], r[1], r[2], r[3], _day(r[4]), r[5], r[6])


def notification(r: Row) -> Notification:
    return Notification(r[0], r[1], r[2], dt.datetime.fromisoformat(r[3]), json.loads(r[4]))
