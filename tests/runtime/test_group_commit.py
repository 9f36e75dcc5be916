"""Group commit (`tthc.runtime.store.group`, used by the SQLite store): the commands of several
threads share one transaction and its fsync; each is answered only once that transaction is
durable; a refused or failing command inside a group rolls back alone; a lone command commits
at once. And through the engine: many threads on one SQLite store lose nothing, apply nothing
twice, and every audit chain verifies."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from tthc.compiler import Bundle
from tthc.runtime import Done, Dossier, Engine, Officer, Refused, SQLiteStore, verify_all
from tthc.runtime.store import Conflict
from tthc.runtime.store.group import GroupCommit
from tthc.runtime.values import Reason

from .test_store_contract import first_write, new_case, next_write

THREADS = 6


def _database(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
    return db


def _insert(number: int) -> Callable[[sqlite3.Connection], tuple[int, bool]]:
    def apply(db: sqlite3.Connection) -> tuple[int, bool]:
        db.execute("INSERT INTO t VALUES (?, 'x')", (number,))
        return number, True

    return apply


def _held_group(
    group: GroupCommit, calls: list[Callable[[], Any]], kept: bool = False
) -> list[Any]:
    """Runs `calls` (each a write through `group`, each in its own thread) while a first
    change holds the lead, until all of them wait behind it: they make the next group (or,
    when the first change is `kept`, join its transaction). Their answers (or errors), in
    order."""
    release = threading.Event()

    def hold(db: sqlite3.Connection) -> tuple[None, bool]:
        release.wait(timeout=30)
        if kept:
            db.execute("INSERT INTO t VALUES (0, 'first')")
        return None, kept  # not kept: no transaction is counted for it

    answers: list[Any] = [None] * len(calls)

    def follow(index: int) -> None:
        try:
            answers[index] = calls[index]()
        except Exception as error:
            answers[index] = error

    leader = threading.Thread(target=group.run, args=(hold,))
    leader.start()
    for _ in range(3000):  # at most 30 s: the leader holds the lead
        if group._leading:
            break
        time.sleep(0.01)
    followers = [threading.Thread(target=follow, args=(i,)) for i in range(len(calls))]
    for thread in followers:
        thread.start()
    for _ in range(3000):  # at most 30 s: every follower queued behind the leader
        if len(group._waiting) == len(calls):
            break
        time.sleep(0.01)
    assert len(group._waiting) == len(calls)
    release.set()
    for thread in [leader, *followers]:
        thread.join(timeout=30)
    return answers


def _runs(group: GroupCommit, *changes: Any) -> list[Callable[[], Any]]:
    return [partial(group.run, change) for change in changes]


def test_a_lone_change_commits_at_once_in_its_own_transaction(tmp_path: Path) -> None:
    group = GroupCommit(_database(tmp_path / "t.db"))
    start = time.perf_counter()
    assert group.run(_insert(1)) == 1
    assert time.perf_counter() - start < 5
    assert (group.transactions, group.changes) == (1, 1)


def test_changes_waiting_behind_a_commit_share_the_next_transaction(tmp_path: Path) -> None:
    group = GroupCommit(_database(tmp_path / "t.db"))
    answers = _held_group(group, _runs(group, *[_insert(n) for n in range(1, THREADS + 1)]))
    assert answers == list(range(1, THREADS + 1))
    assert (group.transactions, group.changes) == (1, THREADS)  # one transaction for all
    assert group.retried == 0  # none refused: no savepoint was needed
    other = sqlite3.connect(tmp_path / "t.db")
    assert other.execute("SELECT COUNT(*) FROM t").fetchone()[0] == THREADS


def test_changes_arriving_while_a_group_runs_its_statements_join_its_commit(
    tmp_path: Path,
) -> None:
    group = GroupCommit(_database(tmp_path / "t.db"))
    calls = _runs(group, *[_insert(n) for n in range(1, THREADS + 1)])
    answers = _held_group(group, calls, kept=True)
    assert answers == list(range(1, THREADS + 1))
    assert (group.transactions, group.changes) == (1, THREADS + 1)  # the first's transaction
    other = sqlite3.connect(tmp_path / "t.db")
    assert other.execute("SELECT COUNT(*) FROM t").fetchone()[0] == THREADS + 1


def test_a_refused_or_failing_change_in_a_group_rolls_back_alone(tmp_path: Path) -> None:
    group = GroupCommit(_database(tmp_path / "t.db"))

    def refused(db: sqlite3.Connection) -> tuple[str, bool]:
        db.execute("INSERT INTO t VALUES (100, 'refused')")
        return "stale", False

    def failing(db: sqlite3.Connection) -> tuple[None, bool]:
        db.execute("INSERT INTO t VALUES (200, 'half')")
        db.execute("INSERT INTO t VALUES (1, 'taken')")  # the key of the first change
        return None, True

    answers = _held_group(group, _runs(group, _insert(1), refused, failing, _insert(2)))
    assert answers[:2] == [1, "stale"] and answers[3] == 2
    assert isinstance(answers[2], sqlite3.IntegrityError)
    other = sqlite3.connect(tmp_path / "t.db")
    assert [r[0] for r in other.execute("SELECT id FROM t ORDER BY id")] == [1, 2]
    assert (group.transactions, group.changes) == (1, 2)
    assert group.retried == 1  # run once without savepoints, then once with them


def test_no_change_is_answered_before_its_transaction_is_durable(tmp_path: Path) -> None:
    """Each thread, on its answer, reads its row through a connection of its own: it is
    there, so its transaction had committed (another connection sees only committed data)."""
    group = GroupCommit(_database(tmp_path / "t.db"))
    missing: list[int] = []

    def work(first: int) -> None:
        reader = sqlite3.connect(tmp_path / "t.db")
        for number in range(first, first + 30):
            group.run(_insert(number))
            if reader.execute("SELECT 1 FROM t WHERE id = ?", (number,)).fetchone() is None:
                missing.append(number)
        reader.close()

    threads = [threading.Thread(target=work, args=(100 * n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert missing == []
    assert group.changes == THREADS * 30


def test_a_stale_write_in_a_group_leaves_the_others_committed(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "cases.db")
    for number in range(THREADS):
        store.commit(first_write(new_case(f"c{number}")))
    writes = [next_write(store, f"c{number}") for number in range(THREADS)]
    stale = next_write(store, "c0")
    store.commit(writes[0])  # c0 moves on: `stale` now follows an old version
    before = store.group.transactions
    answers = _held_group(store.group, [partial(store.commit, w) for w in [*writes[1:], stale]])
    assert store.group.transactions == before + 1
    assert answers == [None] * (THREADS - 1) + [Conflict.STALE]
    assert [store.case(f"c{n}").version for n in range(THREADS)] == [2] * THREADS  # type: ignore[union-attr]
    assert verify_all(store) == {}
    store.close()


BIRTH = "1.001193"
ONE_STOP = Officer("o1", "commune.one_stop", "01", "00004")
CIVIL = Officer("o2", "commune.civil_status_officer", "01", "00004")
CHAIRMAN = Officer("o3", "commune.chairman", "01", "00004")


def _birth(engine: Engine, key: str) -> list[Any]:
    """One birth registration from filing to the result, five commands; their results."""
    dossier = Dossier(BIRTH, {"name": "X"}, "direct", "01", "00004", "00004", ("to_khai",))
    submitted = engine.submit(dossier, key=key)
    assert isinstance(submitted, Done), submitted
    case_id = submitted.case.id
    return [
        submitted,
        engine.receive_supplement(case_id, ["giay_chung_sinh"], ONE_STOP),
        engine.act(case_id, "kiem_tra", CIVIL, "eligible"),
        engine.act(case_id, "ky", CHAIRMAN),
        engine.return_result(case_id, ONE_STOP),
    ]


def test_threads_of_one_engine_lose_nothing_and_every_chain_verifies(
    corpus: Bundle, tmp_path: Path
) -> None:
    store = SQLiteStore(tmp_path / "cases.db")
    engine = Engine(corpus, store)
    results: list[list[Any]] = []

    def work(number: int) -> None:
        for case in range(4):
            results.append(_birth(engine, f"{number}-{case}"))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(results) == THREADS * 4
    for commands in results:
        assert all(isinstance(r, Done) for r in commands), commands
        case = store.case(commands[0].case.id)
        assert case is not None and case.status == "resolved" and case.version == 5
        stored = [e.hash for e in store.events(case.id)]
        assert [e.hash for r in commands for e in r.events] == stored  # each once, in order
    assert verify_all(store) == {}
    assert store.group.changes == THREADS * 4 * 5


def test_threads_racing_on_one_case_and_one_key_apply_each_command_once(
    corpus: Bundle, tmp_path: Path
) -> None:
    store = SQLiteStore(tmp_path / "cases.db")
    engine = Engine(corpus, store)
    dossier = Dossier(BIRTH, {"name": "X"}, "direct", "01", "00004", "00004", ("to_khai",))
    case = engine.submit(dossier)
    assert isinstance(case, Done)
    case_id = case.case.id
    start = threading.Barrier(THREADS)
    results: list[Any] = []

    def receive(number: int) -> None:
        start.wait(timeout=30)
        key = "same-key" if number % 2 else None  # half retry one command, half race it
        results.append(engine.receive_supplement(case_id, ["giay_chung_sinh"], ONE_STOP, key=key))

    threads = [threading.Thread(target=receive, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    applied = [r for r in results if isinstance(r, Done) and not r.replayed]
    assert len(applied) == 1
    assert all(
        (isinstance(r, Done) and r.replayed)
        or (isinstance(r, Refused) and r.reason in (Reason.STALE_VERSION, Reason.NOT_WAITING))
        or r is applied[0]
        for r in results
    ), results
    assert store.case(case_id).version == 2  # type: ignore[union-attr]
    assert len(store.events(case_id)) == len(case.events) + len(applied[0].events)
    assert verify_all(store) == {}


def test_an_in_memory_database_is_read_between_groups(corpus: Bundle) -> None:
    store = SQLiteStore(":memory:")
    engine = Engine(corpus, store)
    results: list[list[Any]] = []
    threads = [
        threading.Thread(target=lambda n=n: results.append(_birth(engine, f"m{n}")))
        for n in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(results) == THREADS
    assert all(isinstance(r, Done) for commands in results for r in commands)
    assert verify_all(store) == {}
