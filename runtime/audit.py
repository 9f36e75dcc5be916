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
from collections.abc import Callable, Sequence
from typing import Any

from tthc.dsl import Message
from tthc.runtime.values import Event

GENESIS = "0" * 64

_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _canonical_encoder() -> Callable[[Any], str]:
    """`_CANONICAL.encode`, with the C encoder it makes at every call made once: that making
    was half of an event's hashing, and hashing a fifth of a command's time in memory. The
    same text by construction (the encoder `json` itself would make, without the check for
    circular values: an event's values are JSON read from a command, never circular), and
    checked here on a probe; where `json` has no C encoder, its own `encode`."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return _CANONICAL.encode
    try:
        chunks = make(
            None,
            _CANONICAL.default,
            json.encoder.encode_basestring,
            None,
            ":",
            ",",
            True,
            False,
            True,
        )
    except TypeError:  # another signature in another Python
        return _CANONICAL.encode

    def encode(value: Any) -> str:
        return "".join(chunks(value, 0))

    probe = ['é\n\u2028"', 1, 2.5, None, True, {"b": [{}], "a": {"z": False, "ă": -3}}]
    return encode if encode(probe) == _CANONICAL.encode(probe) else _CANONICAL.encode


_encode = _canonical_encoder()


def _digest(case_id: str, seq: int, kind: str, at: dt.datetime, *rest: Any) -> str:
    """The hash of an event's fields but its own hash: `rest` is its actor, data and the
    previous hash."""
    body = _encode([case_id, seq, kind, at.isoformat(), *rest])
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def chain(
    case_id: str,
    seq: int,
    kind: str,
    at: dt.datetime,
    actor: dict[str, Any] | None,
    data: dict[str, Any],
    previous: str,
) -> Event:
    """The event with its hash, following the event whose hash is `previous`. `data` holds
    JSON values only (dates as ISO text), so that what is hashed is what a store gives back."""
    digest = _digest(case_id, seq, kind, at, actor, data, previous)
    return Event(case_id, seq, kind, at, actor, data, previous, digest)


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
        if _digest(event.case_id, event.seq, event.kind, event.at, *fields) != event.hash:
            problems.append(
                Message(
                    vi=f"Sự kiện số {event.seq} đã bị sửa (mã băm không khớp)",
                    en=f"Event {event.seq} was altered (its hash does not match)",
                )
            )
        previous = event.hash
    return problems
