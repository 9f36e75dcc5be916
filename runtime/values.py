"""The values a portal hands the engine and gets back.

Input: what a portal knows (an officer and their jurisdiction, a dossier, a signature).
Output: `Done` (the case after the command and the events it appended) or `Refused` (an error
value with a reason in Vietnamese and English). A command never raises for bad input: every
problem a person can cause is a `Refused`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from pydantic import ConfigDict

from tthc.dsl import Message
from tthc.runtime.case import Case


@dataclass(frozen=True)
class Officer:
    """Who acts: an identifier, a role (an authority of the registry, `commune.chairman`) and
    the jurisdiction the role is held in (a province code and, at commune level, a commune)."""

    id: str
    role: str
    province: str
    commune: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "role": self.role,
            "province": self.province,
            "commune": self.commune,
        }


@dataclass(frozen=True)
class Dossier:
    """A filing: the procedure, who files it, how, where, and which components it holds.

    `received_commune` is where it was filed; `competent_commune` is the commune competent to
    decide (another one when the procedure allows filing anywhere: phi địa giới)."""

    procedure: str
    applicant: dict[str, str]
    channel: str  # direct, postal, online
    province: str
    received_commune: str
    competent_commune: str
    documents: tuple[str, ...]

    # Read from JSON as is by the HTTP server (its OpenAPI schema is this class): a field
    # the engine does not know is refused, never silently dropped.
    __pydantic_config__ = ConfigDict(extra="forbid")

    @property
    def paper(self) -> bool:
        return self.channel in ("direct", "postal")


@dataclass(frozen=True)
class Signature:
    """A signature over a result document's SHA-256 digest (hex), with the signer's
    certificate and the intermediate certificates up to the trust anchor, PEM-encoded."""

    digest: str
    value: bytes
    certificate: str
    chain: tuple[str, ...] = ()
    signed_at: dt.datetime | None = None


class Reason(StrEnum):
    """Why a command was refused. Stable: portals branch on them."""

    MALFORMED = "malformed"  # a field missing or of the wrong kind
    UNKNOWN_PROCEDURE = "unknown-procedure"
    NOT_IN_FORCE = "not-in-force"  # no version of the procedure in force on the filing date
    BAD_CHANNEL = "bad-channel"
    UNKNOWN_DOCUMENT = "unknown-document"
    UNKNOWN_CASE = "unknown-case"
    CASE_CLOSED = "case-closed"
    STEP_NOT_OPEN = "step-not-open"
    BAD_OUTCOME = "bad-outcome"
    MISSING_COMPONENTS = "missing-components"  # a complete outcome for an incomplete dossier
    WRONG_ROLE = "wrong-role"
    DELEGATION_INVALID = "delegation-invalid"
    ROLE_NOT_VALID = "role-not-valid"  # e.g. a district role after 2025-06-30
    WRONG_JURISDICTION = "wrong-jurisdiction"
    SUPPLEMENT_LIMIT = "supplement-limit"
    NOT_WAITING = "not-waiting"  # a supplement received while none was requested
    APOLOGY_LIMIT = "apology-limit"
    APOLOGY_TOO_LATE = "apology-too-late"  # not sent the day before the due date, or earlier
    BAD_DATE = "bad-date"
    NO_REASONS = "no-reasons"
    SIGNATURE_REQUIRED = "signature-required"
    SIGNATURE_INVALID = "signature-invalid"
    CERTIFICATE_REVOKED = "certificate-revoked"  # listed in a configured CRL
    STALE_VERSION = "stale-version"
    KEY_REUSED = "key-reused"  # an idempotency key replayed with another command
    NO_TRANSFER = "no-transfer"  # no transfer of power moves the case to the version in force


@dataclass(frozen=True)
class Refused:
    """A command the engine did not carry out, and why; nothing of the case changed."""

    reason: Reason
    message: Message
    case_id: str | None = None

    ok = False


@dataclass(frozen=True)
class Event:
    """One entry of a case's audit trail, chained to the one before by `previous`."""

    case_id: str
    seq: int
    kind: str
    at: dt.datetime
    actor: dict[str, Any] | None
    data: dict[str, Any]
    previous: str
    hash: str


@dataclass(frozen=True, init=False)
class Notification:
    """A message the applicant should get, written to the outbox with the state change;
    `id` is stable, so a portal delivering twice can tell."""

    id: str
    case_id: str
    kind: str  # received, supplement_requested, late, result_ready, refused, withdrawn
    at: dt.datetime
    data: dict[str, Any] = field(default_factory=dict)

    def __init__(
        self, id: str, case_id: str, kind: str, at: dt.datetime, data: dict[str, Any] | None = None
    ) -> None:
        # Set in one step, as `Event`'s fields.
        self.__dict__.update(
            id=id, case_id=case_id, kind=kind, at=at, data={} if data is None else data
        )


@dataclass(frozen=True)
class Done:
    """A command carried out: the case as it is now and the events appended (none when an
    idempotency key replayed an earlier command: `replayed`)."""

    case: Case
    events: tuple[Event, ...] = ()
    replayed: bool = False

    ok = True

    def __init__(self, case: Case, events: tuple[Event, ...] = (), replayed: bool = False) -> None:
        # Set in one step, as `Event`'s fields (one per command; still frozen after).
        self.__dict__.update(case=case, events=events, replayed=replayed)


Result = Done | Refused


def digest(command: str, arguments: dict[str, Any]) -> str:
    """What an idempotency key is kept with: the SHA-256 of the command and its arguments."""
    text = json.dumps([command, arguments], sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def refuse(reason: Reason, vi: str, en: str, case_id: str | None = None) -> Refused:
    return Refused(reason, Message(vi=vi, en=en), case_id)


def refuse_under(
    reason: Reason, heading: Message, vi: str, en: str, case_id: str | None
) -> Refused:
    """A refusal told as a heading and the particular reason ("Invalid signature: ...")."""
    return refuse(reason, f"{heading.vi}: {vi}", f"{heading.en}: {en}", case_id)


_NONE = type(None)
_SINGLE: dict[str, tuple[type, ...]] = {
    "case_id": (str,),
    "step": (str,),
    "outcome": (str, _NONE),
    "reason": (str,),
    "key": (str, _NONE),
    "expected_version": (int, _NONE),
    "new_due": (dt.date, _NONE),
    "required_new_due": (dt.date,),  # `new_due` where a date is required (an apology)
    "signature": (Signature, _NONE),
    "officer": (Officer,),
    "by": (Officer, _NONE),  # an officer, or the applicant through the portal
}
_TEXTS = ("reasons", "missing", "documents")
# A value of exactly one of a field's types passes `_SINGLE`'s tests (`type(x)` of a datetime
# is not `date`, of a bool not `int`): one look-up instead of three tests.
_EXACT = {name: frozenset(kinds) for name, kinds in _SINGLE.items()}
_DATES = ("new_due", "required_new_due")


def _texts(value: object) -> bool:
    return isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)


def malformed(**values: object) -> Refused | None:
    """A command's arguments checked before anything else reads them: a value of the wrong
    kind is a `Refused` naming it, never an exception further in. (A plain loop with the
    common answer first: this runs on every command, and was a tenth of one.)"""
    bad = []
    for name, value in values.items():
        exact = _EXACT.get(name)
        if exact is not None and type(value) in exact:
            continue  # the usual case: a value of exactly an allowed type
        kinds = _SINGLE.get(name)
        if kinds is not None:
            if (
                not isinstance(value, kinds)
                or (name in _DATES and isinstance(value, dt.datetime))
                or (name == "expected_version" and isinstance(value, bool))
            ):
                bad.append(name)
        elif name in _TEXTS and not _texts(value):
            bad.append(name)
    officer = values.get("officer", values.get("by"))
    if isinstance(officer, Officer) and not _good_officer(officer):
        bad.append("officer")
    return malformed_fields(bad, values.get("case_id")) if bad else None


def _good_officer(officer: Officer) -> bool:
    return (
        isinstance(officer.id, str)
        and isinstance(officer.role, str)
        and isinstance(officer.province, str)
        and bool(officer.id and officer.role and officer.province)
        and isinstance(officer.commune, str | _NONE)
    )


def malformed_fields(bad: list[str], case_id: object) -> Refused:
    """The refusal naming a command's fields of the wrong kind, or that it does not take."""
    names = ", ".join(name.removeprefix("required_") for name in bad)
    return refuse(
        Reason.MALFORMED,
        f"Lệnh có trường sai kiểu hoặc thiếu: {names}",
        f"Malformed command fields: {names}",
        case_id if isinstance(case_id, str) else None,
    )
