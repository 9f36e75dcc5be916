"""The audit chain hashes canonical JSON; the encoder made once for speed
(`tthc.runtime.audit._encode`) gives exactly the text of `json.dumps` with the canonical
options, so that chains written before it, or by another store, still verify."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tthc.runtime.audit import _encode

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300)
@given(JSON)
def test_the_fast_encoder_writes_what_json_dumps_writes(value: Any) -> None:
    expected = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert _encode(value) == expected
