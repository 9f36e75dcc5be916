"""A case open when the district level ended moves onto the commune version of its procedure,
through the registry's transfer of the power (Decree 140/2025 Art. 4(1) for building permits),
by an officer of the commune; without such a transfer it stays where it is."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest

from tthc.compiler import Bundle, bundle
from tthc.runtime import Done, Dossier, Engine, MemoryStore, Officer, Reason, Refused
from tthc.runtime.store import MemoryData

PERMIT = "1.013225"  # Cấp giấy phép xây dựng nhà ở riêng lẻ
DISTRICT_DESK = Officer("h1", "district.one_stop", "01", "00004")
COMMUNE_DIVISION = Officer("x1", "commune.economic_division", "01", "00004")
JUNE_20, JULY_2 = dt.datetime(2025, 6, 20, 9, 0), dt.datetime(2025, 7, 2, 9, 0)


def district_case(engine: Engine, clock: object) -> str:
    """A building permit filed with the district on 20 June 2025, received complete and sent
    to the district's division: its review is open on 1 July."""
    clock.now = JUNE_20  # type: ignore[attr-defined]
    version = engine.bundle.in_force(PERMIT, JUNE_20.date())
    assert version is not None and version.until == dt.date(2025, 6, 30)
    documents = tuple(version.model().components)
    dossier = Dossier(PERMIT, {"name": "Đỗ E"}, "direct", "01", "00004", "00004", documents)
    case_id = engine.submit(dossier).case.id  # type: ignore[union-attr]
    assert isinstance(engine.act(case_id, "tiep_nhan", DISTRICT_DESK, "complete"), Done)
    assert isinstance(engine.act(case_id, "chuyen", DISTRICT_DESK), Done)
    return case_id


def test_a_district_case_moves_to_the_commune_version(engine: Engine, clock: object) -> None:
    case_id = district_case(engine, clock)
    before = engine.case(case_id)
    assert before is not None and before.procedure_effective is None  # the district version
    clock.now = JULY_2  # type: ignore[attr-defined]
    done = engine.transfer(case_id, COMMUNE_DIVISION, key="t1")
    assert isinstance(done, Done), done
    case = done.case
    commune_version = engine.bundle.in_force(PERMIT, JULY_2.date())
    assert commune_version is not None and case.procedure_digest == commune_version.digest
    assert case.procedure_effective == dt.date(2025, 7, 1)
    # The dossier moves, not its time limit: the dates and the open step stay.
    assert (case.counts_from, case.due, case.open_steps) == (
        before.counts_from,
        before.due,
        ["tham_dinh"],
    )
    assert case.holder == "commune.economic_division"
    (event,) = done.events
    assert event.kind == "transferred" and event.data["transfer"] == "giay_phep_xay_dung"
    assert event.data["from"]["digest"] == before.procedure_digest
    assert "transferred" in {n.kind for n in engine.store.outbox()}
    # The same key again is harmless; the case then runs under the commune version to its end.
    assert engine.transfer(case_id, COMMUNE_DIVISION, key="t1").replayed  # type: ignore[union-attr]
    assert isinstance(engine.act(case_id, "tham_dinh", COMMUNE_DIVISION), Done)
    assert isinstance(engine.act(case_id, "hien_truong", COMMUNE_DIVISION, "eligible"), Done)
    assert engine.verify(case_id) == []
    again = engine.transfer(case_id, COMMUNE_DIVISION)
    assert isinstance(again, Refused) and again.reason is Reason.NO_TRANSFER  # already there


def without_transfers(corpus: Bundle) -> Bundle:
    registry = corpus.registry
    model = dataclasses.replace(
        registry.with_procedures(p.model() for p in corpus.procedures), transfers={}
    )
    made = bundle(model, (), corpus.calendar).value
    assert made is not None
    return made


@pytest.mark.parametrize(
    ("when", "officer", "transfers", "reason"),
    [
        # No transfer of the power in the registry: the case finishes under its version.
        (JULY_2, COMMUNE_DIVISION, False, Reason.NO_TRANSFER),
        # Before 1 July the district version is still the one in force: nothing to move to.
        (dt.datetime(2025, 6, 25, 9, 0), COMMUNE_DIVISION, True, Reason.NO_TRANSFER),
        # The district's own officer, after the district level ended.
        (JULY_2, Officer("h2", "district.construction_division", "01", "00004"), True,
         Reason.ROLE_NOT_VALID),
        # An officer of another commune.
        (JULY_2, Officer("x9", "commune.economic_division", "01", "00007"), True,
         Reason.WRONG_JURISDICTION),
        # A body the power did not move to.
        (JULY_2, Officer("x2", "province.department.construction", "01"), True,
         Reason.WRONG_ROLE),
    ],
)  # fmt: skip
def test_a_transfer_is_refused_and_nothing_changes(
    corpus: Bundle,
    clock: Callable[[], dt.datetime],
    when: dt.datetime,
    officer: Officer,
    transfers: bool,
    reason: Reason,
) -> None:
    made = corpus if transfers else without_transfers(corpus)
    engine = Engine(made, MemoryStore(MemoryData()), clock=clock)
    case_id = district_case(engine, clock)
    before, trail = engine.case(case_id), engine.history(case_id)
    clock.now = when  # type: ignore[attr-defined]
    refused = engine.transfer(case_id, officer)
    assert isinstance(refused, Refused) and refused.reason is reason, refused
    assert engine.case(case_id) == before and engine.history(case_id) == trail
    assert engine.store.refusals(case_id)[-1].command == "transfer"
