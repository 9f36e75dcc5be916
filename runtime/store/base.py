"""The store interface: what the engine asks of a database, and what a store must guarantee.

Input: `Write`s from the engine (a case's new state, its new events, its notifications and the
idempotency receipt of the command). Output: cases, events, receipts, the overdue rows and the
indicators. `tests/runtime/test_store_contract.py` is the contract: one suite, run unchanged
against every store (SQLite here; PostgreSQL is the next parameter).

What a store guarantees (the contract suite tests each):
1. A `Write` is atomic: the case row, its events, its notifications and its receipt are all
   stored, or none is (one transaction).
2. Optimistic concurrency: a write whose `expected` version is not the stored one changes
   nothing and returns `Conflict.STALE`; inserting a case that exists returns `Conflict.EXISTS`.
3. A case's events come back in sequence order with the values written (the hash chain
   verifies over them); a receipt comes back by its idempotency key.
4. A committed write survives a crash of the process (durability as configured: SQLite
   `synchronous=FULL` by default).
5. The overdue rows and the indicators are queries over the stored cases, consistent with the
   events in the same transaction (no separate projection that can lag).
6. The outbox delivers each notification at least once, until marked delivered; ids are
   unique, so a portal deduplicates.

Why not the `eventsourcing` library (STYLE.md asks to evaluate it first): its recorders
guarantee (1)-(3) for events and tracking records, but the engine also needs the case row with
the indexed columns of the overdue query and the indicators written in the same transaction,
and a hash chain over the events; with `eventsourcing` the row would be a projection updated by
a follower, so the overdue query over 1,000,000 cases could lag the events, and the chain would
live in a layer of our own anyway. A store of four tables in one transaction is smaller than
that adaptation; the contract suite follows its recorder tests' model.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple, Protocol

from tthc.runtime.case import Case
from tthc.runtime.values import Event, Notification


class Conflict(StrEnum):
    STALE = "stale"  # the case changed since it was read
    EXISTS = "exists"  # a new case's id is taken
    KEY_TAKEN = "key-taken"  # another process committed a command with this idempotency key


class WriteError(Exception):
    """A write that breaks the store's keys (an event number taken): a bug of the caller."""


class StoreUnavailable(Exception):
    """The database cannot be reached (down, restarting, out of connections). Nothing of the
    command was written, or it was written whole; the caller may retry with the same
    idempotency key. The HTTP server answers 503."""


@dataclass(frozen=True)
class Receipt:
    """What an idempotency key was used for: the command's digest, the case and the version
    the command left it at."""

    key: str
    request: str
    case_id: str
    version: int


class Write(NamedTuple):
    """One command's changes. `expected`: the version the case had when read (`None`: the
    case is new). A named tuple, immutable as a frozen dataclass but made in a tenth of its
    time (one per command: a frozen dataclass sets each field through `object.__setattr__`)."""

    case: Case
    expected: int | None
    events: tuple[Event, ...]
    notifications: tuple[Notification, ...] = ()
    receipt: Receipt | None = None


@dataclass(frozen=True)
class RefusalRecord:
    """A refused command, kept in the audit trail beside the case's events (it changed no
    state, so it is not part of the case's chain)."""

    case_id: str | None
    at: dt.datetime
    actor: str | None
    command: str
    reason: str
    message: str


@dataclass(frozen=True)
class OverdueRow:
    case_id: str
    procedure: str
    commune: str
    alarm: dt.date
    holder: str
    handoff_body: str | None
    handoff_due: dt.date | None


@dataclass(frozen=True)
class WorkItem:
    """An open case waiting on a role in a jurisdiction: a line of an officer's work list."""

    case_id: str
    procedure: str
    commune: str
    status: str
    alarm: dt.date | None
    holder: str
    version: int


@dataclass(frozen=True)
class Period:
    """What the indicators count over: the period's first and last days, the day that decides
    what is overdue, and, when given, one procedure and one commune."""

    first: dt.date
    last: dt.date
    today: dt.date
    procedure: str | None = None
    commune: str | None = None

    def parameters(self) -> dict[str, str | None]:
        """The query's parameters: the days as ISO text (a, b, t), the procedure and commune."""
        a, b, t = self.first.isoformat(), self.last.isoformat(), self.today.isoformat()
        return {"a": a, "b": b, "t": t, "p": self.procedure, "c": self.commune}


@dataclass(frozen=True)
class IndicatorRow:
    """The figures provinces are scored on, for one procedure and commune over a period."""

    procedure: str
    commune: str
    received: int
    on_time: int
    late: int
    pending: int
    overdue: int


class Store(Protocol):
    def commit(self, write: Write) -> Conflict | None: ...

    def case(self, case_id: str) -> Case | None: ...

    def events(self, case_id: str) -> list[Event]: ...

    def receipt(self, key: str) -> Receipt | None: ...

    def record_refusal(self, record: RefusalRecord) -> None: ...

    def refusals(self, case_id: str) -> list[RefusalRecord]: ...

    def case_ids(self) -> list[str]: ...

    def overdue(self, today: dt.date, limit: int | None = None) -> list[OverdueRow]: ...

    def worklist(
        self, province: str, commune: str | None, role: str, limit: int = 50, offset: int = 0
    ) -> list[WorkItem]:
        """The open cases of a province (and commune, when given) that the role holds now,
        the latest due first, a page at a time."""
        ...

    def indicators(self, period: Period) -> list[IndicatorRow]: ...

    def outbox(self, limit: int = 100) -> list[Notification]: ...

    def delivered(self, ids: list[str]) -> None: ...

    def close(self) -> None: ...
