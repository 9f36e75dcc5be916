"""The audit chain hashes canonical JSON; the encoder it uses for speed
(`tthc.runtime.audit.canonical`: orjson, `json` for what orjson refuses) gives exactly the
bytes of `json.dumps` with the canonical options on every value an event can hold, so that
chains written before it, or by another store, still verify."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc.runtime.audit import GENESIS, canonical, chain, verify
from tthc.runtime.values import Event

# An event holds text, integers (of any size), booleans and null, in lists and objects, and
# never a floating-point number: the one kind orjson writes otherwise (0.00001 for 1e-05).
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


def _dumps(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


@settings(max_examples=300)
@given(JSON)
def test_the_fast_encoder_writes_what_json_dumps_writes(value: Any) -> None:
    assert canonical(value) == _dumps(value)


def test_what_orjson_refuses_json_writes() -> None:
    big = 2**70  # past orjson's 64 bits
    assert canonical([big, {"1": -big}]) == _dumps([big, {"1": -big}])
    assert canonical({2: "a", 1: "b"}) == _dumps({2: "a", 1: "b"})  # keys that are not text


def test_a_value_that_is_not_json_is_refused_as_json_refuses_it() -> None:
    with pytest.raises(TypeError):
        canonical([dt.date(2026, 3, 4)])


def test_a_chained_event_is_the_event_of_its_fields() -> None:
    at = dt.datetime(2026, 3, 4, 9, 0)
    event = chain("c1", 1, "submitted", at, None, {"procedure": "1.001193"}, GENESIS)
    assert event == Event("c1", 1, "submitted", at, None, {"procedure": "1.001193"}, GENESIS,
                          event.hash)  # fmt: skip
    assert verify([event]) == [] and hash((event.case_id, event.seq))
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.kind = "other"  # type: ignore[misc]
