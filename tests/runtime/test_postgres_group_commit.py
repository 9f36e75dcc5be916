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


def test_answers_keep_the_order_of_the_writes_given_whatever_the_lock_order(
    store: PostgresStore,
) -> None:
    for case_id in ("a", "z"):
        assert store.commit(first_write(new_case(case_id))) is None
    stale = next_write(store, "a")
    stale = stale._replace(expected=0)
    answers = store.commit_all(
        [
            first_write(new_case("y"), key="ky"),
            stale,
            next_write(store, "z"),
            first_write(new_case("b")),
        ]
    )
    assert answers == [None, Conflict.STALE, None, None]
    assert store.redone == 0  # one statement, not redone write by write
    assert store.case_ids() == ["a", "b", "y", "z"]


def test_two_processes_groups_over_the_same_cases_in_opposite_orders_never_deadlock(
    postgres_schema: str,
) -> None:
    """Two processes' groups write the cases x and y, one given x, g1, y and the other y, g2,
    x. A third transaction holds g1 and g2. Groups locking in the order given would each lock
    their first case, wait at their gate, and once the gates open each wait on the case the
    other locked: a deadlock, broken after `deadlock_timeout` by failing one statement, whose
    writes are then redone one by one. Groups locking in one global order (the gates first,
    then x, then y) queue on x instead, and each write is answered in the order given."""
    one = PostgresStore(postgres_schema, pool_size=2)
    two = PostgresStore(postgres_schema, pool_size=2)
    try:
        for rounds in range(3):
            x, y, g1, g2 = (f"{name}{rounds}" for name in ("x", "y", "g1-", "g2-"))
            for case_id in (x, y, g1, g2):
                assert one.commit(first_write(new_case(case_id))) is None
            answers: dict[str, list[Conflict | None]] = {}
            given = {"one": (one, [x, g1, y]), "two": (two, [y, g2, x])}
            threads = [
                threading.Thread(
                    target=group,
                    args=(answers, name, store, [next_write(store, case_id) for case_id in ids]),
                )
                for name, (store, ids) in given.items()
            ]
            with (
                psycopg.connect(postgres_schema) as blocker,
                psycopg.connect(postgres_schema, autocommit=True) as watcher,
            ):
                blocker.execute("SELECT FROM cases WHERE id = ANY(%s) FOR UPDATE", ([g1, g2],))
                for thread in threads:
                    thread.start()
                deadline = time.monotonic() + 10
                while waiting_groups(watcher) < 2 and time.monotonic() < deadline:
                    time.sleep(0.01)
                assert waiting_groups(watcher) == 2
                blocker.commit()
            for thread in threads:
                thread.join(timeout=30)
            assert one.redone == two.redone == 0
            # One group wrote x and y; the other found both versions moved; each its gate.
            stale = Conflict.STALE
            assert {tuple(a) for a in answers.values()} == {
                (None, None, None),
                (stale, None, stale),
            }
            for case_id in (x, y, g1, g2):
                case = one.case(case_id)
                assert case is not None and case.version == 2
    finally:
        one.close()
        two.close()


def group(
    answers: dict[str, list[Conflict | None]], name: str, store: PostgresStore, writes: list[Write]
) -> None:
    answers[name] = store.commit_all(writes)


def waiting_groups(connection: psycopg.Connection[Any]) -> int:
    """The groups' statements now waiting on a lock (`connection` in autocommit: within a
    transaction, PostgreSQL answers `pg_stat_activity` from one snapshot)."""
    row = connection.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
        "AND query LIKE 'WITH written0 %%' AND pid <> pg_backend_pid()"
    ).fetchone()
    return int(row[0]) if row else 0
