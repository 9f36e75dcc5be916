"""Rows of the SQL stores back into the runtime's values: one reading of each table's columns,
shared by SQLite and PostgreSQL (both keep the same columns, dates as ISO text, JSON as text).

Input: a row as the store's driver returns it, in the column order of the store's SELECT.
Output: an `Event`, `RefusalRecord`, `OverdueRow`, `WorkItem` or `Notification`.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from tthc.runtime.store.base import OverdueRow, RefusalRecord, WorkItem
from tthc.runtime.values import Event, Notification

Row = tuple[Any, ...]


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
