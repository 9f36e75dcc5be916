"""`Case`: the state of one dossier as the engine keeps it between commands.

Input: made by `tthc.runtime.engine` on submission, changed only by its commands. Output: the
JSON a store keeps (`to_json` / `from_json`) and the few columns a store indexes (`columns`:
the overdue query and the indicators read those, never the JSON).

The state is the workflow's token game (`tthc.compiler.workflow`): `open_steps` holds the
steps with a token (the steps someone may act on now), `joins` the arrivals waiting at each
parallel join. `waiting` names the supplement step whose request the applicant has not yet
answered, `stopped` a step entered along another `clock paused` arrow and not yet done: the
clock is stopped while either is set.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

OPEN, RESOLVED, REFUSED, WITHDRAWN = "open", "resolved", "refused", "withdrawn"
CLOSED = (RESOLVED, REFUSED, WITHDRAWN)


@dataclass(frozen=True)
class Handoff:
    """The dossier is with another body (liên thông) for a consultation step, until `due`."""

    step: str
    body: str
    since: dt.date
    due: dt.date


@dataclass
class Case:
    id: str
    procedure: str
    procedure_digest: str
    procedure_effective: dt.date | None
    bundle: str
    applicant: dict[str, str]
    channel: str
    province: str
    received_commune: str
    competent_commune: str
    documents: list[str]
    filed_at: dt.datetime
    status: str = OPEN
    open_steps: list[str] = field(default_factory=list)
    joins: dict[str, list[str]] = field(default_factory=dict)
    done_steps: list[str] = field(default_factory=list)
    waiting: str | None = None
    stopped: str | None = None  # the step entered along a `clock paused` arrow, not yet done
    stopped_since: dt.date | None = None
    missing: list[str] = field(default_factory=list)
    supplements: int = 0
    counts_from: dt.date | None = None
    due: dt.date | None = None
    new_due: dt.date | None = None
    apologies: int = 0
    handoff: Handoff | None = None
    closed_at: dt.datetime | None = None
    on_time: bool | None = None
    holder: str = ""  # who holds the dossier now: authorities, a body consulted, "applicant"
    seq: int = 0  # the number of the case's last event
    last_hash: str = "0" * 64  # the hash of its last event (the chain's genesis before any)
    version: int = 0

    # -- derived ----------------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        return self.status in CLOSED

    @property
    def paper(self) -> bool:
        return self.channel in ("direct", "postal")

    @property
    def effective_due(self) -> dt.date | None:
        """The date the result is due: the new date of an apology, else the first one."""
        return self.new_due or self.due

    @property
    def alarm(self) -> dt.date | None:
        """The first date past which the case is late somewhere (the case itself or a body
        holding it), for the overdue index; `None` while closed or while the clock is stopped."""
        if self.closed or self.waiting is not None or self.stopped is not None:
            return None
        dates = [d for d in (self.effective_due, self.handoff and self.handoff.due) if d]
        return min(dates, default=None)

    def columns(self) -> dict[str, Any]:
        """The indexed columns of a store's case table."""
        return {
            "id": self.id,
            "procedure": self.procedure,
            "province": self.province,
            "commune": self.competent_commune,
            "status": self.status,
            "filed": self.filed_at.date().isoformat(),
            "closed": self.closed_at.date().isoformat() if self.closed_at else None,
            "on_time": None if self.on_time is None else int(self.on_time),
            "alarm": self.alarm.isoformat() if self.alarm else None,
            "holder": self.holder,
            "handoff_body": self.handoff.body if self.handoff else None,
            "handoff_due": self.handoff.due.isoformat() if self.handoff else None,
            "version": self.version,
        }

    def copy(self) -> Case:
        """A copy that shares no mutable container with this case: what the in-memory store
        keeps and hands out, so that the engine's working copy never leaks into it. Field by
        field, as `to_json`, because `copy.deepcopy` walks every value and is slower still."""
        new = object.__new__(Case)
        new.__dict__ = self.__dict__.copy()
        new.applicant = dict(self.applicant)
        new.documents = list(self.documents)
        new.open_steps = list(self.open_steps)
        new.joins = {key: list(value) for key, value in self.joins.items()} if self.joins else {}
        new.done_steps = list(self.done_steps)
        new.missing = list(self.missing)
        return new

    # -- JSON -------------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        """The state as JSON values, field by field (`dataclasses.asdict` deep-copies through
        every value and was most of a command's time)."""

        def day(value: dt.date | None) -> str | None:
            return None if value is None else value.isoformat()

        handoff = self.handoff
        return {
            "id": self.id,
            "procedure": self.procedure,
            "procedure_digest": self.procedure_digest,
            "procedure_effective": day(self.procedure_effective),
            "bundle": self.bundle,
            "applicant": dict(self.applicant),
            "channel": self.channel,
            "province": self.province,
            "received_commune": self.received_commune,
            "competent_commune": self.competent_commune,
            "documents": list(self.documents),
            "filed_at": self.filed_at.isoformat(),
            "status": self.status,
            "open_steps": list(self.open_steps),
            "joins": {key: list(value) for key, value in self.joins.items()},
            "done_steps": list(self.done_steps),
            "waiting": self.waiting,
            "stopped": self.stopped,
            "stopped_since": day(self.stopped_since),
            "missing": list(self.missing),
            "supplements": self.supplements,
            "counts_from": day(self.counts_from),
            "due": day(self.due),
            "new_due": day(self.new_due),
            "apologies": self.apologies,
            "handoff": None
            if handoff is None
            else {
                "step": handoff.step,
                "body": handoff.body,
                "since": handoff.since.isoformat(),
                "due": handoff.due.isoformat(),
            },
            "closed_at": None if self.closed_at is None else self.closed_at.isoformat(),
            "on_time": self.on_time,
            "holder": self.holder,
            "seq": self.seq,
            "last_hash": self.last_hash,
            "version": self.version,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Case:
        """The case of `to_json`'s values; every container is copied, so the case never
        shares a list with `data` (the in-memory store keeps such dictionaries)."""
        data = dict(data)
        for key in ("documents", "open_steps", "done_steps", "missing"):
            data[key] = list(data[key])
        data["applicant"] = dict(data["applicant"])
        data["joins"] = {key: list(value) for key, value in data["joins"].items()}
        data["filed_at"] = dt.datetime.fromisoformat(data["filed_at"])
        if data.get("closed_at"):
            data["closed_at"] = dt.datetime.fromisoformat(data["closed_at"])
        for key in ("procedure_effective", "counts_from", "due", "new_due", "stopped_since"):
            if data.get(key):
                data[key] = dt.date.fromisoformat(data[key])
        if data.get("handoff"):
            h = data["handoff"]
            data["handoff"] = Handoff(
                h["step"],
                h["body"],
                dt.date.fromisoformat(h["since"]),
                dt.date.fromisoformat(h["due"]),
            )
        return cls(**data)
