"""The bodies of the HTTP API: what a portal sends and gets back.

Input and output of the routes in `tthc.server.app`; the OpenAPI document is generated from
these and from the engine's own dataclasses (`Dossier` in, `Case` and `Event` out), so the
document cannot drift from what the engine takes and returns. Every field is bounded, so a
request cannot make the server hold more than its body limit.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from tthc.runtime import Signature

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


class ActionView(Body):
    command: str
    step: str | None
    title: str
    outcomes: list[str | None]


class WorkItemView(Body):
    case_id: str
    procedure: str
    commune: str
    status: str
    alarm: dt.date | None
    holder: str
    version: int


class LateView(Body):
    case_id: str
    procedure: str
    commune: str
    due: dt.date
    late_body: str
    days_late: int
