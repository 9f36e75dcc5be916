"""Case ids (`tthc.runtime.pipeline._new_id`, an `Engine`'s default `new_id`): 32 hex digits,
distinct, and sorted by the time they were made, so that a store's indexes keep the recent
cases together."""

from __future__ import annotations

import re
import time

from tthc.runtime.pipeline import _new_id


def test_an_id_is_32_hex_digits_and_ids_made_at_once_are_distinct() -> None:
    ids = [_new_id() for _ in range(10_000)]
    assert all(re.fullmatch(r"[0-9a-f]{32}", i) for i in ids)
    assert len(set(ids)) == len(ids)


def test_an_id_made_later_sorts_after_the_earlier_ones() -> None:
    earlier = [_new_id() for _ in range(100)]
    time.sleep(0.002)  # past the millisecond the earlier ones carry
    later = _new_id()
    assert all(later > e for e in earlier)
    assert int(later[:12], 16) <= time.time_ns() // 1_000_000
