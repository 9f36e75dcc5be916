"""The bodies of the HTTP API: what a portal sends and gets back.

Input and output of the routes in `tthc.server.app`; the OpenAPI document is generated from
these and from the engine's own dataclasses (`Dossier` in; `Case`, `Event`, `Action`,
`WorkItem` and `Late` out), so the document cannot drift from what the engine takes and
returns. The answers here are the engine's values put together (`CommandResult`,
`CaseWithHistory`): plain dataclasses, written to JSON by pydantic without being validated
again (`ANSWERS`). Every request field is bounded, so a request cannot make the server hold more
than its body limit.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from tthc.runtime import Action, Case, Event, Late, Signature
from tthc.runtime.store.base import WorkItem

Text = Annotated[str, Field(min_length=1, max_length=2000)]
Name = Annotated[str, Field(min_length=1, max_length=200)]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Message(Body):
    vi: str
    en: str


class Problem(Body):
    """An error: a stable code portals branch on, and what to tell a person."""

    code: str
    message: Message
    case_id: str | None = None


class SignatureBody(Body):
    """A signature over the result document's SHA-256 digest (hex), base64-encoded, with the
    signer's certificate and its chain (PEM)."""

    digest: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    value: Annotated[str, Field(min_length=1, max_length=4096)]
    certificate: Annotated[str, Field(min_length=1, max_length=16384)]
    chain: Annotated[list[Annotated[str, Field(max_length=16384)]], Field(max_length=8)] = []
    signed_at: dt.datetime | None = None

    def to_signature(self) -> Signature | None:
        try:
            value = base64.b64decode(self.value, validate=True)
        except (binascii.Error, ValueError):
            return None
        return Signature(self.digest, value, self.certificate, tuple(self.chain), self.signed_at)


class Versioned(Body):
    """`expected_version`: the case's version when the portal read it; a command based on an
    older one is refused (409) instead of overwriting what another officer did."""

    expected_version: int | None = None


class StepBody(Versioned):
    outcome: Name | None = None
    reasons: Annotated[list[Text], Field(max_length=50)] = []
    new_due: dt.date | None = None
    signature: SignatureBody | None = None


class SupplementRequestBody(Versioned):
    missing: Annotated[list[Text], Field(min_length=1, max_length=100)]


class SupplementBody(Versioned):
    documents: Annotated[list[Name], Field(min_length=1, max_length=200)]


class RefusalBody(Versioned):
    reasons: Annotated[list[Text], Field(min_length=1, max_length=50)]
    signature: SignatureBody | None = None


class ResultBody(Versioned):
    signature: SignatureBody | None = None


class ApologyBody(Versioned):
    new_due: dt.date
    reasons: Annotated[list[Text], Field(max_length=50)] = []


class WithdrawalBody(Versioned):
    reason: Text


class TransferBody(Versioned):
    """Move an open case onto the procedure version in force today (a transfer of power)."""


@dataclasses.dataclass(frozen=True)
class CommandResult:
    """A command carried out: the case now, the events it appended, and whether an earlier
    command with the same idempotency key was replayed instead."""

    case: Case
    events: list[Event]
    replayed: bool


@dataclasses.dataclass
class CaseWithHistory(Case):
    """The case; with `?include=history`, its audit trail too (`history`, oldest first), in
    the same answer."""

    history: list[Event] | None = None

    @classmethod
    def of(cls, case: Case, history: list[Event]) -> CaseWithHistory:
        fields = {f.name: getattr(case, f.name) for f in dataclasses.fields(Case)}
        return cls(**fields, history=history)


# The answers' JSON writers, made once: a route hands them the engine's values as they are.
CASE: TypeAdapter[Case] = TypeAdapter(Case)
CASE_WITH_HISTORY: TypeAdapter[CaseWithHistory] = TypeAdapter(CaseWithHistory)
COMMAND: TypeAdapter[CommandResult] = TypeAdapter(CommandResult)
EVENTS: TypeAdapter[list[Event]] = TypeAdapter(list[Event])
ACTIONS: TypeAdapter[list[Action]] = TypeAdapter(list[Action])
WORK_ITEMS: TypeAdapter[list[WorkItem]] = TypeAdapter(list[WorkItem])
LATE: TypeAdapter[list[Late]] = TypeAdapter(list[Late])
