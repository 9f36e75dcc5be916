"""Scenarios on the real procedures of the corpus (`procedures/`), run by the engine with an
injected clock: the happy path of every procedure version, the supplement loop with the clock
stopped, refusal with reasons, lateness with an apology and one new date (once), withdrawal,
filing in another commune (phi địa giới), and a hand-off to the tax office that runs late."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tthc.compiler import Bundle, BundledProcedure, bundle
from tthc.rules.engine.check import load_and_check
from tthc.runtime import Done, Dossier, Engine, Reason, Refused
from tthc.runtime.store import Store

ROOT = Path(__file__).resolve().parents[2]
COMPLETENESS = Path(__file__).resolve().parent / "fixtures" / "completeness"

D = dt.date
BIRTH, BUSINESS, LAND, PERMIT = "1.001193", "1.001612", "1.013978", "1.013225"


def dossier(
    engine: Engine, code: str, documents: tuple[str, ...] | None = None, **fields: Any
) -> Dossier:
    bundled = engine.bundle.in_force(code, engine.clock().date())
    assert bundled is not None
    values: dict[str, Any] = {
        "procedure": code,
        "applicant": {"name": "Nguyễn Thị Lan", "id": "001190000001"},
        "channel": "direct",
        "province": "01",
        "received_commune": "00004",
        "competent_commune": "00004",
        "documents": tuple(bundled.model().components) if documents is None else documents,
    }
    values.update(fields)
    return Dossier(**values)


def submitted(engine: Engine, code: str, **fields: Any) -> str:
    result = engine.submit(dossier(engine, code, **fields))
    assert isinstance(result, Done), result
    return result.case.id


def kinds(engine: Engine, case_id: str) -> list[str]:
    return [e.kind for e in engine.history(case_id)]


def refused(result: object, reason: Reason) -> None:
    assert isinstance(result, Refused), result
    assert result.reason is reason, result.message.en


def filing_day(version: BundledProcedure) -> D:
    """A working day at 09:00 on which the version is in force: early March of the last year
    it covers (2025 for a version that ended with the district level), else its first day."""
    last = version.until or D.max
    day = max(D(min(last.year, 2026), 3, 4), version.effective or D.min)
    day = min(day, last)
    while day.weekday() >= 5 and day < last:
        day += dt.timedelta(days=1)
    return day


def test_happy_path_of_every_procedure_version(
    engine: Engine, desk: Any, clock: Any, happy: Any
) -> None:
    """Every procedure version of the corpus, however many the corpus holds, runs from filing
    to result on time under the engine."""
    assert len(engine.bundle.procedures) >= 13
    for version in engine.bundle.procedures:
        filed = filing_day(version)
        where = f"{version.code} filed {filed}"
        clock.now = dt.datetime.combine(filed, dt.time(9, 0))
        assert engine.bundle.in_force(version.code, filed) is version, where
        case_id = submitted(engine, version.code)
        steps = desk.drive(case_id, happy)
        case = engine.case(case_id)
        assert case is not None
        assert case.status == "resolved", (where, steps)
        assert case.on_time is True, where
        assert case.counts_from == filed, where
        assert case.procedure_effective == version.effective, where
        assert engine.verify(case_id) == [], where
        assert kinds(engine, case_id)[0] == "submitted", where
        assert kinds(engine, case_id)[-1] == "closed", where
        sent = {n.kind for n in engine.store.outbox(1000) if n.case_id == case_id}
        assert {"received", "result_ready"} <= sent, where


def test_supplement_loop_stops_the_clock_and_restarts_it(
    engine: Engine, desk: Any, clock: Any, happy: Any
) -> None:
    # Wednesday 4 March 2026, 09:00: the application form is missing.
    components = ("giay_to_phap_ly",)
    case_id = submitted(engine, BUSINESS, documents=components)
    case = engine.case(case_id)
    assert case is not None
    assert case.waiting == "bo_sung" and case.missing == ["giay_de_nghi"]
    assert case.due is None  # no complete dossier yet: nothing counts
    assert "supplement_requested" in {n.kind for n in engine.store.outbox()}
    clock.now = dt.datetime(2026, 3, 20, 10, 0)  # sixteen days later
    assert engine.overdue() == []  # the clock is stopped while the applicant supplements
    one_stop = desk.officer_for(case_id, "tiep_nhan")
    refused(engine.request_supplement(case_id, one_stop, ["x"]), Reason.STEP_NOT_OPEN)
    refused(engine.receive_supplement(case_id, ["bien_ban_hop"]), Reason.MISSING_COMPONENTS)
    done = engine.receive_supplement(case_id, ["giay_de_nghi"], one_stop)
    assert isinstance(done, Done)
    # Counted from zero from the complete dossier: 3 working days after Friday 20 March.
    assert done.case.counts_from == D(2026, 3, 20)
    assert done.case.due == D(2026, 3, 25)
    assert done.case.supplements == 1
    refused(engine.receive_supplement(case_id, ["giay_de_nghi"]), Reason.NOT_WAITING)
    desk.drive(case_id, happy)
    assert engine.case(case_id).status == "resolved"  # type: ignore[union-attr]
    assert engine.verify(case_id) == []


def test_a_second_supplement_request_is_refused(engine: Engine, desk: Any) -> None:
    case_id = submitted(engine, BIRTH)
    assert isinstance(desk.perform(case_id, "tiep_nhan", "otherwise"), Done)
    officer = desk.officer_for(case_id, "bo_sung")
    assert isinstance(engine.request_supplement(case_id, officer, ["Giấy chứng sinh mờ"]), Done)
    case = engine.case(case_id)
    assert case is not None and case.waiting == "bo_sung" and case.supplements == 1
    assert isinstance(engine.receive_supplement(case_id, ["giay_chung_sinh"]), Done)
    # The flow cannot come back to the supplement step; were it open again, the limit holds.
    refused(engine.request_supplement(case_id, officer, ["x"]), Reason.STEP_NOT_OPEN)


def test_refusal_with_reasons(engine: Engine, desk: Any, pki: Any) -> None:
    case_id = submitted(engine, BUSINESS)
    for step, outcome in (("tiep_nhan", "complete"), ("thu_phi", None)):
        assert isinstance(desk.perform(case_id, step, outcome), Done)
    officer = desk.officer_for(case_id, "tham_dinh")
    signature = pki.sign(officer.id, b"Thong bao tu choi")
    refused(engine.refuse(case_id, officer, [], signature=signature), Reason.NO_REASONS)
    assert engine.case(case_id).open_steps == ["tham_dinh"]  # type: ignore[union-attr]
    reasons = ["Tên hộ kinh doanh trùng với tên đã đăng ký"]
    done = engine.refuse(case_id, officer, reasons, signature=signature)
    assert isinstance(done, Done), done
    assert done.case.status == "refused"
    steps = [e.data.get("step") for e in done.events if e.kind == "step_done"]
    assert steps == ["tham_dinh", "tu_choi"]
    assert done.events[-2].data["reasons"] == reasons
    assert "signature" in done.events[-2].data
    assert "refused" in {n.kind for n in engine.store.outbox(100)}


def test_a_case_already_late_gets_no_new_date(
    engine: Engine, desk: Any, clock: Any, happy: Any
) -> None:
    """The apology letter and the one new date go out at the latest the day before the date
    the result is due (Decree 61/2018 Art. 19(9)): a birth registration, due the day it is
    filed, is overdue the next day, and stays overdue and late."""
    case_id = submitted(engine, BIRTH)  # immediately: due the same day, Wednesday 4 March
    assert isinstance(desk.perform(case_id, "tiep_nhan", "complete"), Done)
    assert engine.case(case_id).due == D(2026, 3, 4)  # type: ignore[union-attr]
    clock.now = dt.datetime(2026, 3, 5, 9, 0)
    [late] = engine.overdue()
    assert (late.case_id, late.late_body, late.days_late) == (
        case_id,
        "commune.civil_status_officer",
        1,
    )
    officer = desk.officer_for(case_id, "kiem_tra")
    assert "apologise" not in {a.command for a in engine.actions(case_id, officer)}
    refused(engine.apologise(case_id, officer, D(2026, 3, 9)), Reason.APOLOGY_TOO_LATE)
    assert [late.case_id for late in engine.overdue()] == [case_id]
    desk.drive(case_id, happy)
    case = engine.case(case_id)
    assert case is not None and case.status == "resolved" and case.on_time is False


def test_an_apology_the_day_before_the_due_date_sets_one_new_date(
    engine: Engine, desk: Any, clock: Any, happy: Any
) -> None:
    case_id = submitted(engine, PERMIT)
    assert isinstance(desk.perform(case_id, "tiep_nhan", "complete"), Done)
    due = engine.case(case_id).due  # type: ignore[union-attr]
    assert due is not None
    officer = desk.officer_for(case_id, "chuyen")
    new = engine.calendar.next_working_day(due, 2)
    clock.now = dt.datetime.combine(due, dt.time(9, 0))  # on the due date: too late
    refused(engine.apologise(case_id, officer, new), Reason.APOLOGY_TOO_LATE)
    clock.now -= dt.timedelta(days=1)  # the day before: in time
    assert "apologise" in {a.command for a in engine.actions(case_id, officer)}
    day_off = next(
        due + dt.timedelta(days=n)
        for n in range(1, 9)
        if not engine.calendar.is_working_day(due + dt.timedelta(days=n))
    )
    refused(engine.apologise(case_id, officer, day_off), Reason.BAD_DATE)
    refused(engine.apologise(case_id, officer, due), Reason.BAD_DATE)  # not after the old date
    done = engine.apologise(case_id, officer, new, ["Chờ xác minh"])
    assert isinstance(done, Done)
    assert done.case.new_due == new and done.case.due == due
    assert "late" in {n.kind for n in engine.store.outbox(100)}
    refused(
        engine.apologise(case_id, officer, engine.calendar.next_working_day(new, 1)),
        Reason.APOLOGY_LIMIT,
    )
    desk.drive(case_id, happy)
    assert engine.case(case_id).status == "resolved"  # type: ignore[union-attr]


def test_the_flows_own_apology_step_counts_as_the_one_apology(
    engine: Engine, desk: Any, happy: Any
) -> None:
    case_id = submitted(engine, BUSINESS)
    for step, outcome in (
        ("tiep_nhan", "complete"),
        ("thu_phi", None),
        ("tham_dinh", "eligible"),
        ("ma_so_thue", "late"),
        ("xin_loi", None),
    ):
        assert isinstance(desk.perform(case_id, step, outcome), Done), step
    case = engine.case(case_id)
    assert case is not None and case.apologies == 1 and case.new_due is not None
    officer = desk.officer_for(case_id, "cap")
    refused(engine.apologise(case_id, officer, D(2026, 4, 1)), Reason.APOLOGY_LIMIT)


def test_withdrawal(engine: Engine, desk: Any) -> None:
    case_id = submitted(engine, BIRTH)
    done = engine.withdraw(case_id, "Người nộp rút hồ sơ")
    assert isinstance(done, Done) and done.case.status == "withdrawn"
    refused(desk.perform(case_id, "tiep_nhan", "complete"), Reason.CASE_CLOSED)
    assert engine.case(case_id).open_steps == []  # type: ignore[union-attr]
    assert engine.verify(case_id) == []


def test_non_territorial_filing(engine: Engine, desk: Any, happy: Any) -> None:
    # Filed at the one-stop centre of commune 00007; commune 00004 is competent.
    case_id = submitted(engine, BIRTH, received_commune="00007")
    reception = desk.officer_for(case_id, "tiep_nhan")
    assert reception.commune == "00007"
    done = desk.perform(case_id, "tiep_nhan", "complete")
    assert isinstance(done, Done)
    review = desk.officer_for(case_id, "kiem_tra")
    assert review.commune == "00004"
    desk.drive(case_id, happy)
    case = engine.case(case_id)
    assert case is not None and case.status == "resolved"
    assert {e.actor["commune"] for e in engine.history(case_id) if e.actor} == {"00004", "00007"}


def test_a_procedure_without_filing_anywhere_refuses_another_commune(
    engine: Engine, clock: Any
) -> None:
    result = engine.submit(dossier(engine, PERMIT, received_commune="00007"))
    refused(result, Reason.WRONG_JURISDICTION)


def test_a_hand_off_to_the_tax_office_names_the_late_body(
    engine: Engine, desk: Any, clock: Any
) -> None:
    case_id = submitted(engine, BUSINESS)
    for step, outcome in (("tiep_nhan", "complete"), ("thu_phi", None), ("tham_dinh", "eligible")):
        assert isinstance(desk.perform(case_id, step, outcome), Done)
    case = engine.case(case_id)
    assert case is not None and case.handoff is not None
    assert (case.handoff.body, case.handoff.due) == ("province.tax_office", D(2026, 3, 5))
    assert case.holder == "province.tax_office"
    clock.now = dt.datetime(2026, 3, 6, 9, 0)  # the tax office's own half day has passed
    [late] = engine.overdue()
    assert late.late_body == "province.tax_office"
    assert isinstance(desk.perform(case_id, "ma_so_thue", "otherwise"), Done)
    assert engine.case(case_id).handoff is None  # type: ignore[union-attr]
    assert engine.overdue() == []  # the case's own date, 9 March, is still ahead


def test_the_paper_dossier_after_15_00_counts_from_the_next_working_day(
    engine: Engine, desk: Any, clock: Any
) -> None:
    clock.now = dt.datetime(2026, 3, 6, 15, 30)  # Friday afternoon
    paper = submitted(engine, BUSINESS)
    online = submitted(engine, BUSINESS, channel="online")
    for case_id in (paper, online):
        assert isinstance(desk.perform(case_id, "tiep_nhan", "complete"), Done)
    assert engine.case(paper).counts_from == D(2026, 3, 9)  # type: ignore[union-attr]
    assert engine.case(paper).due == D(2026, 3, 12)  # type: ignore[union-attr]
    assert engine.case(online).counts_from == D(2026, 3, 6)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"procedure": "9.999999"}, Reason.UNKNOWN_PROCEDURE),
        ({"channel": "fax"}, Reason.BAD_CHANNEL),
        ({"documents": ("to_khai", "hoa_don")}, Reason.UNKNOWN_DOCUMENT),
        ({"documents": "to_khai"}, Reason.MALFORMED),
        ({"applicant": None}, Reason.MALFORMED),
        ({"province": 1}, Reason.MALFORMED),
    ],
)
def test_bad_dossiers_are_refused_and_nothing_is_written(
    engine: Engine, change: dict[str, Any], reason: Reason
) -> None:
    refused(engine.submit(dossier(engine, BIRTH, **change)), reason)
    assert engine.store.case_ids() == []


def test_a_version_not_in_force_on_the_filing_date(engine: Engine, clock: Any) -> None:
    clock.now = dt.datetime(2026, 3, 4, 9, 0)
    result = engine.submit(dossier(engine, BIRTH, procedure="1.013227", documents=()))
    refused(result, Reason.NOT_IN_FORCE)
    assert "2026-03-04" in result.message.en  # type: ignore[union-attr]


def test_a_case_filed_before_a_change_finishes_under_the_old_version(
    engine: Engine, desk: Any, clock: Any, happy: Any
) -> None:
    clock.now = dt.datetime(2026, 6, 30, 9, 0)
    case_id = submitted(engine, PERMIT)
    clock.now = dt.datetime(2026, 7, 2, 9, 0)
    desk.drive(case_id, happy)
    case = engine.case(case_id)
    assert case is not None and case.status == "resolved"
    assert case.procedure_effective == D(2025, 7, 1)


def test_a_clock_paused_arrow_stops_the_clock_until_its_step_is_done(
    engine: Engine, desk: Any, clock: Any
) -> None:
    # Closing a household business: the time waiting for the tax office's notice (thue ->
    # cap_nhat, `clock paused`) does not count.
    case_id = submitted(engine, "1.001266")
    for step, outcome in (("tiep_nhan", "complete"), ("tham_dinh", "eligible"), ("thue", None)):
        assert isinstance(desk.perform(case_id, step, outcome), Done), step
    case = engine.case(case_id)
    assert case is not None
    assert (case.stopped, case.due) == ("cap_nhat", D(2026, 3, 9))
    clock.now = dt.datetime(2026, 3, 16, 9, 0)  # a week later: the clock stood
    assert engine.overdue() == []
    done = desk.perform(case_id, "cap_nhat", "eligible")
    assert isinstance(done, Done)
    # 5-13 March, then 16 March: 8 working days stood; 9 March moves to 19 March.
    assert done.case.stopped is None
    assert done.case.due == D(2026, 3, 19)
    assert [e.kind for e in done.events][:2] == ["step_done", "clock_resumed"]


def test_indicators_agree_with_the_events(
    engine: Engine, desk: Any, clock: Any, happy: Any
) -> None:
    """Received, on time, late, pending and overdue, per procedure and commune, as the store
    counts them and as the audit trail tells them."""
    ids = [submitted(engine, BIRTH) for _ in range(3)]
    ids.append(submitted(engine, BIRTH, competent_commune="00007", received_commune="00007"))
    ids.append(submitted(engine, BUSINESS))
    desk.drive(ids[0], happy)  # on time
    assert isinstance(desk.perform(ids[1], "tiep_nhan", "complete"), Done)
    clock.now = dt.datetime(2026, 3, 6, 9, 0)
    desk.drive(ids[1], happy)  # late: due on 4 March
    assert isinstance(desk.perform(ids[2], "tiep_nhan", "complete"), Done)  # overdue, open
    assert isinstance(engine.withdraw(ids[4], "rút"), Done)
    rows = engine.indicators(D(2026, 3, 1), D(2026, 3, 31))
    counted = {
        (r.procedure, r.commune): (r.received, r.on_time, r.late, r.pending, r.overdue)
        for r in rows
    }

    told: dict[tuple[str, str], list[int]] = {}
    today = clock.now.date()
    for case_id in ids:
        trail = engine.history(case_id)
        first = trail[0].data
        key = (first["procedure"], first["competent_commune"])
        row = told.setdefault(key, [0, 0, 0, 0, 0])
        row[0] += 1
        closed = [e for e in trail if e.kind in ("closed", "withdrawn")]
        if closed and closed[-1].kind == "closed":
            row[1 if closed[-1].data["on_time"] else 2] += 1
        if not closed:
            row[3] += 1
            dues = [e.data["due"] for e in trail if e.kind == "clock_started"]
            row[4] += bool(dues) and dues[-1] is not None and dues[-1] < today.isoformat()
    assert counted == {key: tuple(value) for key, value in told.items()}
    assert counted[(BIRTH, "00004")] == (3, 1, 1, 1, 1)


@pytest.fixture(scope="module")
def checked_after_reception() -> Bundle:
    """The national registry and a procedure whose completeness check comes after its
    reception step (tests/runtime/fixtures/completeness), as many internal processes have it."""
    project, diagnostics = load_and_check([ROOT / "procedures" / "registry", COMPLETENESS])
    made = bundle(project.model, diagnostics)
    assert made.value is not None, made.diagnostics
    return made.value


def test_an_incomplete_dossier_reaches_a_supplement_after_a_completeness_check(
    checked_after_reception: Bundle, make_store: Callable[[], Store], clock: Any
) -> None:
    """Reception, then a completeness check whose `otherwise` leads to the supplement; a
    dossier lacking a component is received as the supplement request, the reception and the
    check done at the door, the clock not started."""
    engine = Engine(checked_after_reception, make_store(), clock=clock)
    made = dossier(engine, "3.000527")
    incomplete = engine.submit(
        Dossier(made.procedure, made.applicant, made.channel, made.province,
                made.received_commune, made.competent_commune, made.documents[1:])
    )  # fmt: skip
    assert isinstance(incomplete, Done), incomplete
    case = incomplete.case
    assert case.waiting == "bo_sung" and case.due is None and case.missing
    assert case.done_steps == ["tiep_nhan", "kiem_tra"]
