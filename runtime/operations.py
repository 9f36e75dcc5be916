"""Questions an operator asks of a store alone, without a bundle: is a case's audit chain
intact, which cases are late and who is late with them, the figures of a period.

Input: a `Store` and a date. Output: `verify_case -> list[Message]` (empty: intact),
`verify_all -> dict[case id, list[Message]]` (only the broken ones), `overdue -> list[Late]`.
The engine answers the same through these functions, and so does `tthc case`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tthc.dsl import Message
from tthc.runtime.audit import GENESIS, verify
from tthc.runtime.store.base import Store


@dataclass(frozen=True)
class Late:
    """An overdue case and the body that is late: a consulted body whose own limit passed (a
    hand-off, liên thông), else whoever holds the dossier."""

    case_id: str
    procedure: str
    commune: str
    due: dt.date
    late_body: str
    days_late: int


def verify_case(store: Store, case_id: str) -> list[Message]:
    """The breaks of a case's chain, and whether it ends where the case's state says."""
    events = store.events(case_id)
    problems = verify(events)
    case = store.case(case_id)
    if case is None:
        return [Message(vi=f"Không có hồ sơ {case_id}", en=f"No case {case_id}")]
    last = (events[-1].seq, events[-1].hash) if events else (0, GENESIS)
    if (case.seq, case.last_hash) != last:
        problems.append(
            Message(
                vi="Sự kiện cuối cùng không khớp với trạng thái hồ sơ",
                en="The last event does not match the case's state",
            )
        )
    return problems


def verify_all(store: Store) -> dict[str, list[Message]]:
    found = {case_id: verify_case(store, case_id) for case_id in store.case_ids()}
    return {case_id: problems for case_id, problems in found.items() if problems}


def overdue(store: Store, today: dt.date, limit: int | None = None) -> list[Late]:
    late = []
    for row in store.overdue(today, limit):
        body_late = row.handoff_due is not None and row.handoff_due < today
        body = row.handoff_body if body_late and row.handoff_body else row.holder
        days = (today - row.alarm).days
        late.append(Late(row.case_id, row.procedure, row.commune, row.alarm, body, days))
    return late
