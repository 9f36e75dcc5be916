"""`Case`: the state of one dossier as the engine keeps it between commands.

Input: made by `tthc.runtime.engine` on submission, changed only by its commands. Output: the
JSON a store keeps (`to_json` / `from_json`) and the few columns a store indexes (`columns`:
the overdue query and the indicators read those, never the JSON).

The state is the workflow's token game (`tthc.compiler.workflow`): `open_steps` holds the
steps with a token (the steps someone may act on now), `joins` the arrivals waiting at each
parallel join. `waiting` names the supplement step whose request the applicant has not yet
answered: the clock is stopped while it is set.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

OPEN, RESOLVED, REFUSED, WITHDRAWN = "open", "resolved", "refused", "withdrawn"
CLOSED = (RESOLVED, REFUSED, WITHDRAWN)


@dataclass
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
        holding it), for the overdue index; `None` while closed or waiting for the applicant."""
        if self.closed or self.waiting is not None:
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

    # -- JSON -------------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key, value in data.items():
            if isinstance(value, dt.date | dt.datetime):
                data[key] = value.isoformat()
        if self.handoff is not None:
            data["handoff"] = {
                "step": self.handoff.step,
                "body": self.handoff.body,
                "since": self.handoff.since.isoformat(),
                "due": self.handoff.due.isoformat(),
            }
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Case:
        data = dict(data)
        data["filed_at"] = dt.datetime.fromisoformat(data["filed_at"])
        if data.get("closed_at"):
            data["closed_at"] = dt.datetime.fromisoformat(data["closed_at"])
        for key in ("procedure_effective", "counts_from", "due", "new_due"):
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
