"""The audit trail: each event of a case chained to the one before it by SHA-256.

Input: the fields of a new event and the hash of the case's last event (`GENESIS` for the
first). Output: `chain(...) -> Event`, and `verify(events) -> list[Message]`: every break of a
chain (an event changed, removed, reordered or inserted), empty when the trail is intact.

The hash covers the case, the sequence number, the kind, the time, the actor, the data and
the previous hash, as canonical JSON (sorted keys, no spaces, UTF-8), so that any store that
keeps the same values gives the same hashes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from typing import Any

import orjson

from tthc.dsl import Message
from tthc.runtime.values import Event

GENESIS = "0" * 64

_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
# Dates and dataclasses are not JSON values: orjson hands them on (`default` is none, so it
# raises) and `json` refuses them, as it always did.
_ORJSON = orjson.OPT_SORT_KEYS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS

# Each `hashlib.sha256()` looks the algorithm up in OpenSSL again (half the cost of hashing an
# event); a copy of one made here does not.
_SHA256 = hashlib.sha256()


def canonical(value: Any) -> bytes:
    """The canonical JSON of an event's values, UTF-8: sorted keys, no spaces, nothing escaped
    but what JSON must (`json.dumps(value, sort_keys=True, separators=(",", ":"),
    ensure_ascii=False)`, byte for byte). orjson writes it four times faster than `json`, and
    encoding was most of hashing an event; what orjson refuses (an integer past 64 bits, a key
    that is not text) `json` writes. The one difference is in floating-point numbers (`1e-05`
    and `0.00001`), which no event holds: the engine writes text, integers, booleans and null
    (`tests/runtime/test_audit_encoding.py` holds the two equal on every other JSON value)."""
    try:
        return orjson.dumps(value, option=_ORJSON)
    except TypeError:
        return _CANONICAL.encode(value).encode("utf-8")


def _digest(case_id: str, seq: int, kind: str, at: str, *rest: Any) -> str:
    """The hash of an event's fields but its own hash: `at` is its time in ISO text, `rest`
    its actor, data and the previous hash."""
    digest = _SHA256.copy()
    digest.update(canonical([case_id, seq, kind, at, *rest]))
    return digest.hexdigest()


def chain(
    case_id: str,
    seq: int,
    kind: str,
    at: dt.datetime,
    actor: dict[str, Any] | None,
    data: dict[str, Any],
    previous: str,
    at_text: str | None = None,
) -> Event:
    """The event with its hash, following the event whose hash is `previous`. `data` holds
    JSON values only (dates as ISO text), so that what is hashed is what a store gives back.
    `at_text`: `at.isoformat()`, when the caller has it (a command's events share a time)."""
    stamp = at.isoformat() if at_text is None else at_text
    digest = _digest(case_id, seq, kind, stamp, actor, data, previous)
    # The frozen event's fields set in one step: its generated `__init__` goes through
    # `object.__setattr__` field by field, a tenth of an in-memory command (each writes several
    # events). The same fields, in the order of `Event`.
    event: Event = object.__new__(Event)
    vars(event).update(
        case_id=case_id,
        seq=seq,
        kind=kind,
        at=at,
        actor=actor,
        data=data,
        previous=previous,
        hash=digest,
    )
    return event


def verify(events: Sequence[Event]) -> list[Message]:
    """The breaks of one case's chain, in order; empty when every link holds."""
    problems: list[Message] = []
    previous = GENESIS
    for expected, event in enumerate(events, start=1):
        if event.seq != expected:
            problems.append(
                Message(
                    vi=f"Sự kiện số {event.seq} ở vị trí {expected}: thiếu hoặc thừa sự kiện",
                    en=f"Event {event.seq} at position {expected}: an event is missing or added",
                )
            )
        if event.previous != previous:
            problems.append(
                Message(
                    vi=f"Sự kiện số {event.seq} không nối với sự kiện trước nó",
                    en=f"Event {event.seq} does not follow the event before it",
                )
            )
        fields = (event.actor, event.data, event.previous)
        stamp = event.at.isoformat()
        if _digest(event.case_id, event.seq, event.kind, stamp, *fields) != event.hash:
            problems.append(
                Message(
                    vi=f"Sự kiện số {event.seq} đã bị sửa (mã băm không khớp)",
                    en=f"Event {event.seq} was altered (its hash does not match)",
                )
            )
        previous = event.hash
    return problems
