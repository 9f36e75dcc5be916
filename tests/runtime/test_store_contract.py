"""The store contract (`tthc.runtime.store.base`): one suite, run unchanged on every kind of
store (`make_store` has one parameter per kind; PostgreSQL is the next one)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable

import pytest

from tthc.runtime import Case, Handoff, Notification, Store
from tthc.runtime.audit import GENESIS, chain, verify
from tthc.runtime.case import RESOLVED
from tthc.runtime.store import Conflict, Period, Receipt, RefusalRecord, Write, WriteError

T0 = dt.datetime(2026, 3, 4, 9, 0)
D = dt.date


def new_case(case_id: str, **fields: object) -> Case:
    case = Case(
        id=case_id,
        procedure="1.001612",
        procedure_digest="d" * 64,
        procedure_effective=D(2025, 7, 1),
        bundle="sha256:" + "b" * 64,
        applicant={"name": "Phạm Thị D"},
        channel="direct",
        province="01",
        received_commune="00004",
        competent_commune="00004",
        documents=["giay_de_nghi"],
        filed_at=T0,
        open_steps=["tiep_nhan"],
    )
    for name, value in fields.items():
        setattr(case, name, value)
    return case


def first_write(case: Case, key: str | None = None) -> Write:
    event = chain(case.id, 1, "submitted", T0, None, {"procedure": case.procedure}, GENESIS)
    case.seq, case.last_hash, case.version = 1, event.hash, 1
    notice = Notification(f"{case.id}:1:received", case.id, "received", T0)
    receipt = Receipt(key, "r" * 64, case.id, 1) if key else None
    return Write(case, None, (event,), (notice,), receipt)


def next_write(store: Store, case_id: str, kind: str = "step_done", **fields: object) -> Write:
    case = store.case(case_id)
    assert case is not None
    event = chain(case_id, case.seq + 1, kind, T0, {"id": "o1"}, {"n": case.seq}, case.last_hash)
    expected = case.version
    case.seq, case.last_hash, case.version = event.seq, event.hash, case.version + 1
    for name, value in fields.items():
        setattr(case, name, value)
    return Write(case, expected, (event,))


def test_a_write_is_read_back_whole(make_store: Callable[[], Store]) -> None:
    store = make_store()
    case = new_case(
        "c1", handoff=Handoff("thue", "province.tax_office", D(2026, 3, 4), D(2026, 3, 5))
    )
    assert store.commit(first_write(case, key="k1")) is None
    again = store.case("c1")
    assert again == case
    [event] = store.events("c1")
    assert event.kind == "submitted" and event.data == {"procedure": "1.001612"}
    assert store.receipt("k1") == Receipt("k1", "r" * 64, "c1", 1)
    assert store.receipt("k2") is None
    assert [n.id for n in store.outbox()] == ["c1:1:received"]
    assert store.case_ids() == ["c1"]


def test_events_come_back_in_order_and_the_chain_verifies(make_store: Callable[[], Store]) -> None:
    store = make_store()
    store.commit(first_write(new_case("c1")))
    for _ in range(5):
        assert store.commit(next_write(store, "c1")) is None
    events = store.events("c1")
    assert [e.seq for e in events] == [1, 2, 3, 4, 5, 6]
    assert verify(events) == []


def test_a_stale_write_changes_nothing(make_store: Callable[[], Store]) -> None:
    store = make_store()
    store.commit(first_write(new_case("c1")))
    one, two = next_write(store, "c1"), next_write(store, "c1")
    assert store.commit(one) is None
    assert store.commit(two) is Conflict.STALE
    assert len(store.events("c1")) == 2
    assert store.case("c1").version == 2  # type: ignore[union-attr]


def test_two_stores_on_one_database_see_each_others_writes(
    make_store: Callable[[], Store],
) -> None:
    """Two processes on one database: what one store knows of a case never hides the other's
    write (a store may keep the cases it read or wrote, but only at the version stored)."""
    one, other = make_store(), make_store()
    assert one.commit(first_write(new_case("c1"))) is None
    stale = next_write(one, "c1")  # made from version 1
    moved = next_write(other, "c1", holder="commune.chairman", due=D(2026, 3, 2))
    assert other.commit(moved) is None
    case = one.case("c1")
    assert case is not None and (case.version, case.holder) == (2, "commune.chairman")
    assert one.commit(stale) is Conflict.STALE
    # One indexed column changed on top of the other's version: the rest stays as it left it.
    assert one.commit(next_write(one, "c1", holder="commune.civil_status_officer")) is None
    (late,) = other.overdue(D(2026, 3, 4))
    assert (late.holder, late.alarm) == ("commune.civil_status_officer", D(2026, 3, 2))
    assert other.case("c1").version == 3  # type: ignore[union-attr]
    assert verify(other.events("c1")) == []


def test_a_taken_id_is_refused(make_store: Callable[[], Store]) -> None:
    store = make_store()
    assert store.commit(first_write(new_case("c1"))) is None
    assert store.commit(first_write(new_case("c1", documents=[]))) is Conflict.EXISTS
    assert store.case("c1").documents == ["giay_de_nghi"]  # type: ignore[union-attr]


def test_a_write_that_fails_part_way_leaves_nothing(make_store: Callable[[], Store]) -> None:
    store = make_store()
    store.commit(first_write(new_case("c1")))
    write = next_write(store, "c1")
    clash = chain("c1", 1, "forged", T0, None, {}, GENESIS)  # sequence 1 is taken
    broken = Write(write.case, write.expected, (*write.events, clash), ())
    with pytest.raises((sqlite3.IntegrityError, WriteError)):
        store.commit(broken)
    assert len(store.events("c1")) == 1
    assert store.case("c1").version == 1  # type: ignore[union-attr]
    assert store.commit(write) is None  # the store is usable afterwards


def test_a_taken_idempotency_key_applies_nothing(make_store: Callable[[], Store]) -> None:
    """Two portal processes carrying one key at once: the second write finds the first's
    receipt and is not applied at all (the engine then answers with the first's result)."""
    store = make_store()
    assert store.commit(first_write(new_case("c1"), key="k")) is None
    assert store.commit(first_write(new_case("c2"), key="k")) is Conflict.KEY_TAKEN
    assert store.case("c2") is None and store.events("c2") == []
    assert [n.case_id for n in store.outbox()] == ["c1"]


def test_the_work_list_is_what_a_role_holds_in_a_jurisdiction(
    make_store: Callable[[], Store],
) -> None:
    store = make_store()
    desk, chair = "commune.one_stop", "commune.chairman"
    rows = {
        "a": {"due": D(2026, 3, 10), "holder": desk},
        "b": {"due": D(2026, 3, 20), "holder": f"{chair},{desk}"},
        "c": {"holder": desk},  # waiting with no alarm: listed last
        "d": {"due": D(2026, 3, 30), "holder": chair},
        "e": {"due": D(2026, 3, 30), "holder": desk, "competent_commune": "00007"},
        "f": {"holder": desk, "status": RESOLVED, "closed_at": T0, "on_time": True},
        "g": {"due": D(2026, 3, 30), "holder": desk, "province": "79"},
    }
    for case_id, fields in rows.items():
        store.commit(first_write(new_case(case_id, **fields)))
    work = store.worklist("01", "00004", desk)
    assert [w.case_id for w in work] == ["b", "a", "c"]
    assert work[0].alarm == D(2026, 3, 20) and work[0].version == 1
    assert [w.case_id for w in store.worklist("01", "00004", desk, limit=1, offset=1)] == ["a"]
    assert [w.case_id for w in store.worklist("01", None, desk)] == ["e", "b", "a", "c"]
    assert store.worklist("01", "00004", "commune.civil_status_officer") == []


def test_committed_writes_survive_reopening(make_store: Callable[[], Store]) -> None:
    store = make_store()
    store.commit(first_write(new_case("c1"), key="k"))
    store.commit(next_write(store, "c1"))
    store.close()
    reopened = make_store()
    assert reopened.case("c1").version == 2  # type: ignore[union-attr]
    assert verify(reopened.events("c1")) == []
    assert reopened.receipt("k") is not None


def test_the_outbox_delivers_until_acknowledged(make_store: Callable[[], Store]) -> None:
    store = make_store()
    store.commit(first_write(new_case("c1")))
    store.commit(first_write(new_case("c2")))
    assert [n.id for n in store.outbox()] == ["c1:1:received", "c2:1:received"]
    store.delivered(["c1:1:received"])
    assert [n.id for n in store.outbox()] == ["c2:1:received"]
    store.delivered(["c1:1:received", "c2:1:received"])  # delivering twice is harmless
    assert store.outbox() == []


def test_the_overdue_query_reads_open_cases_past_their_alarm(
    make_store: Callable[[], Store],
) -> None:
    store = make_store()
    rows = {
        "late": {"due": D(2026, 3, 5), "holder": "commune.business_registry"},
        "handoff": {
            "due": D(2026, 3, 20),
            "handoff": Handoff("thue", "province.tax_office", D(2026, 3, 4), D(2026, 3, 5)),
        },
        "ahead": {"due": D(2026, 3, 20)},
        "waiting": {"due": D(2026, 3, 5), "waiting": "bo_sung"},
        "closed": {"due": D(2026, 3, 5), "status": RESOLVED, "closed_at": T0, "on_time": True},
        "apologised": {"due": D(2026, 3, 5), "new_due": D(2026, 3, 20)},
    }
    for case_id, fields in rows.items():
        store.commit(first_write(new_case(case_id, **fields)))
    found = store.overdue(D(2026, 3, 6))
    assert [r.case_id for r in found] == ["handoff", "late"]
    assert found[0].handoff_body == "province.tax_office"
    assert found[1].holder == "commune.business_registry"
    assert [r.case_id for r in store.overdue(D(2026, 3, 6), limit=1)] == ["handoff"]
    assert store.overdue(D(2026, 3, 5)) == []


def test_indicators_count_what_the_events_say(make_store: Callable[[], Store]) -> None:
    store = make_store()
    march = dt.datetime(2026, 3, 2, 9, 0)
    cases = [
        new_case("a", filed_at=march, status=RESOLVED, closed_at=march, on_time=True),
        new_case(
            "b", filed_at=march, status=RESOLVED, closed_at=T0, on_time=False, due=D(2026, 3, 3)
        ),
        new_case("c", filed_at=march, due=D(2026, 3, 3)),  # open and overdue
        new_case("d", filed_at=march, due=D(2026, 3, 30)),  # open, in time
        new_case("e", filed_at=march, competent_commune="00007"),
        new_case("f", filed_at=dt.datetime(2026, 4, 2, 9, 0)),  # another period
    ]
    for case in cases:
        store.commit(first_write(case))
    rows = store.indicators(Period(D(2026, 3, 1), D(2026, 3, 31), D(2026, 3, 10)))
    assert [
        (r.procedure, r.commune, r.received, r.on_time, r.late, r.pending, r.overdue) for r in rows
    ] == [
        ("1.001612", "00004", 4, 1, 1, 2, 1),
        ("1.001612", "00007", 1, 0, 0, 1, 0),
    ]
    only = store.indicators(Period(D(2026, 3, 1), D(2026, 3, 31), D(2026, 3, 10), commune="00007"))
    assert [r.commune for r in only] == ["00007"]


def test_refusals_are_logged_per_case(make_store: Callable[[], Store]) -> None:
    store = make_store()
    record = RefusalRecord("c1", T0, "o9", "act", "wrong-role", '{"vi": "x", "en": "y"}')
    store.record_refusal(record)
    assert store.refusals("c1") == [record]
    assert store.refusals("c2") == []


def test_the_case_json_names_every_field() -> None:
    from dataclasses import fields

    case = new_case(
        "c1", handoff=Handoff("thue", "province.tax_office", D(2026, 3, 4), D(2026, 3, 5))
    )
    assert set(case.to_json()) == {f.name for f in fields(Case)}
    assert Case.from_json(case.to_json()) == case
