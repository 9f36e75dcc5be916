"""Group commit in the PostgreSQL store: the writes that one process's threads commit while a
statement of the group is in flight share the next statement, so one transaction; each is
answered as if committed alone, in order (a key taken or a stale version refuses that write
only); two writes of one case never share a statement; a write is answered only once the
transaction holding it committed."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest

from tthc.runtime.store import Conflict
from tthc.runtime.store.base import Write
from tthc.runtime.store.postgres import PostgresStore

from .test_store_contract import first_write, new_case, next_write


@pytest.fixture
def store(postgres_schema: str) -> Iterator[PostgresStore]:
    opened = PostgresStore(postgres_schema, pool_size=4)
    yield opened
    opened.close()


def transactions(url: str, ids: list[str]) -> set[int]:
    """The transactions that wrote these cases' rows (`xmin`: one id a transaction)."""
    with psycopg.connect(url, autocommit=True) as connection:
        rows = connection.execute(
            "SELECT xmin::text::bigint FROM cases WHERE id = ANY(%s)", (ids,)
        ).fetchall()
    return {r[0] for r in rows}


def test_writes_of_one_statement_are_answered_as_if_each_committed_alone(
    store: PostgresStore, postgres_schema: str
) -> None:
    assert store.commit(first_write(new_case("c0"), key="taken")) is None
    stale = next_write(store, "c0")
    stale = stale._replace(expected=stale.expected - 1 if stale.expected else 0)
    answers = store.commit_all(
        [
            first_write(new_case("c1"), key="k1"),
            first_write(new_case("c2"), key="taken"),
            stale,
            first_write(new_case("c3"), key="k3"),
        ]
    )
    assert answers == [None, Conflict.KEY_TAKEN, Conflict.STALE, None]
    assert store.case_ids() == ["c0", "c1", "c3"]
    assert [e.seq for e in store.events("c1")] == [1] and store.events("c2") == []
    c0 = store.case("c0")
    assert c0 is not None and c0.version == 1
    receipt = store.receipt("taken")
    assert receipt is not None and receipt.case_id == "c0"

    answers = store.commit_all([first_write(new_case(f"d{n}"), key=f"kd{n}") for n in range(5)])
    assert answers == [None] * 5
    assert len(transactions(postgres_schema, [f"d{n}" for n in range(5)])) == 1


def test_writes_arriving_during_a_commit_share_the_next_one(
    store: PostgresStore, postgres_schema: str
) -> None:
    for case_id in ("held", "shared"):
        assert store.commit(first_write(new_case(case_id))) is None
    one_update, same_update = next_write(store, "shared"), next_write(store, "shared")
    answers: dict[str, Any] = {}

    def commit(name: str, write: Write) -> None:
        answers[name] = store.commit(write)

    with psycopg.connect(postgres_schema) as blocker:
        # The first write leads, and waits on the row lock of another transaction: the
        # writes after it queue up meanwhile, unanswered.
        blocker.execute("SELECT FROM cases WHERE id = 'held' FOR UPDATE")
        writes = [("held", next_write(store, "held"))]
        writes += [(f"n{n}", first_write(new_case(f"n{n}"), key=f"kn{n}")) for n in range(4)]
        writes += [("first of shared", one_update), ("second of shared", same_update)]
        threads = []
        for name, write in writes:
            threads.append(threading.Thread(target=commit, args=(name, write)))
            threads[-1].start()
            time.sleep(0.05)  # in this order
        deadline = time.monotonic() + 10
        while len(store._group._waiting) < len(writes) - 1 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert answers == {}  # nothing answered before its commit
        blocker.commit()
    for thread in threads:
        thread.join(timeout=30)
    assert answers == {
        "held": None,
        **{f"n{n}": None for n in range(4)},
        "first of shared": None,
        "second of shared": Conflict.STALE,  # its version moved, as if committed after
    }
    # The four new cases and the first update of `shared` in one transaction; the second
    # update of `shared` in a statement of its own, after it.
    assert len(transactions(postgres_schema, [f"n{n}" for n in range(4)] + ["shared"])) == 1
    shared = store.case("shared")
    assert shared is not None and shared.version == 2
