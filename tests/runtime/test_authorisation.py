"""Authorisation on every command: each wrong actor is refused with its reason, nothing of the
case changes (its state, version and events), and the refusal is kept in the audit log."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tthc.compiler import Bundle, bundle
from tthc.rules import load_and_check
from tthc.runtime import Done, Dossier, Engine, Officer, Reason, Refused, Store

ROOT = Path(__file__).resolve().parents[2]
DELEGATION = Path(__file__).resolve().parent / "fixtures" / "delegation"
BIRTH = "1.001193"


@pytest.fixture(scope="module")
def delegated() -> Bundle:
    """The corpus and a written ủy quyền: the chairman to the vice-chairman, to sign birth
    certificates from 1 January to 31 March 2026."""
    project, diagnostics = load_and_check([ROOT / "procedures", DELEGATION])
    made = bundle(project.model, diagnostics)
    assert made.value is not None, made.diagnostics
    return made.value


@pytest.fixture
def engine(delegated: Bundle, make_store: Callable[[], Store], clock: Any) -> Engine:
    return Engine(delegated, make_store(), clock=clock)


def at_signing(engine: Engine) -> str:
    """A birth case in commune 00004 whose signing step (`ky`) is open."""
    dossier = Dossier(
        BIRTH,
        {"name": "Trần Văn B"},
        "direct",
        "01",
        "00004",
        "00004",
        ("to_khai", "giay_chung_sinh"),
    )
    case_id = engine.submit(dossier).case.id  # type: ignore[union-attr]
    one_stop = Officer("o1", "commune.one_stop", "01", "00004")
    civil = Officer("o2", "commune.civil_status_officer", "01", "00004")
    assert isinstance(engine.act(case_id, "tiep_nhan", one_stop, "complete"), Done)
    assert isinstance(engine.act(case_id, "kiem_tra", civil, "eligible"), Done)
    return case_id


def snapshot(engine: Engine, case_id: str) -> tuple[str, list[str]]:
    case = engine.case(case_id)
    assert case is not None
    return json.dumps(case.to_json(), sort_keys=True), [e.hash for e in engine.history(case_id)]


CHAIRMAN = Officer("c1", "commune.chairman", "01", "00004")
VICE = Officer("v1", "commune.vice_chairman", "01", "00004")


@pytest.mark.parametrize(
    ("officer", "when", "reason", "words"),
    [
        # Wrong role: the civil-status officer may not sign the certificate.
        (
            Officer("o2", "commune.civil_status_officer", "01", "00004"),
            None,
            Reason.WRONG_ROLE,
            "holds no grant",
        ),
        # Wrong commune: the chairman of another commune.
        (
            Officer("c2", "commune.chairman", "01", "00007"),
            None,
            Reason.WRONG_JURISDICTION,
            "00004",
        ),
        # Wrong province.
        (
            Officer("c3", "commune.chairman", "79", "00004"),
            None,
            Reason.WRONG_JURISDICTION,
            "province",
        ),
        # The vice-chairman's ủy quyền ended on 31 March 2026.
        (VICE, dt.datetime(2026, 4, 1, 9, 0), Reason.DELEGATION_INVALID, ""),
        # A district role after the district level ended on 30 June 2025.
        (
            Officer("h1", "district.chairman", "01", "00004"),
            None,
            Reason.ROLE_NOT_VALID,
            "district",
        ),
        # A role the registry does not know.
        (
            Officer("x1", "commune.mayor", "01", "00004"),
            None,
            Reason.WRONG_ROLE,
            "not in the registry",
        ),
    ],
)
def test_wrong_actors_are_refused_and_nothing_changes(
    engine: Engine,
    clock: Any,
    officer: Officer,
    when: dt.datetime | None,
    reason: Reason,
    words: str,
) -> None:
    case_id = at_signing(engine)
    if when is not None:
        clock.now = when
    before = snapshot(engine, case_id)
    result = engine.act(case_id, "ky", officer)
    assert isinstance(result, Refused), result
    assert result.reason is reason
    assert words in result.message.en
    assert result.message.vi and result.message.vi != result.message.en
    assert snapshot(engine, case_id) == before
    [logged] = engine.store.refusals(case_id)
    assert (logged.actor, logged.command, logged.reason) == (officer.id, "act", reason.value)


def test_a_valid_delegation_lets_the_vice_chairman_sign(engine: Engine) -> None:
    case_id = at_signing(engine)  # 4 March 2026: within the term of the ủy quyền
    assert isinstance(engine.act(case_id, "ky", VICE), Done)


def test_a_replayed_idempotency_key_changes_nothing(engine: Engine) -> None:
    case_id = at_signing(engine)
    first = engine.act(case_id, "ky", CHAIRMAN, key="sign-1")
    assert isinstance(first, Done) and not first.replayed
    before = snapshot(engine, case_id)
    again = engine.act(case_id, "ky", CHAIRMAN, key="sign-1")
    assert isinstance(again, Done) and again.replayed and again.events == ()
    assert again.case.version == first.case.version
    assert snapshot(engine, case_id) == before
    other = engine.act(
        case_id, "tra", Officer("o1", "commune.one_stop", "01", "00004"), key="sign-1"
    )
    assert isinstance(other, Refused) and other.reason is Reason.KEY_REUSED
    assert snapshot(engine, case_id) == before


def test_a_stale_version_is_refused(engine: Engine) -> None:
    case_id = at_signing(engine)
    case = engine.case(case_id)
    assert case is not None
    before = snapshot(engine, case_id)
    stale = engine.act(case_id, "ky", CHAIRMAN, expected_version=case.version - 1)
    assert isinstance(stale, Refused) and stale.reason is Reason.STALE_VERSION
    assert snapshot(engine, case_id) == before
    assert isinstance(engine.act(case_id, "ky", CHAIRMAN, expected_version=case.version), Done)


def test_two_engines_racing_on_one_case_lose_no_write(
    delegated: Bundle, make_store: Callable[[], Store], clock: Any
) -> None:
    first = Engine(delegated, make_store(), clock=clock)
    second = Engine(delegated, make_store(), clock=clock)  # another process on the same file
    case_id = at_signing(first)
    version = first.case(case_id).version  # type: ignore[union-attr]
    assert isinstance(first.act(case_id, "ky", CHAIRMAN, expected_version=version), Done)
    late = second.act(case_id, "ky", CHAIRMAN, expected_version=version)
    assert isinstance(late, Refused) and late.reason in (Reason.STALE_VERSION, Reason.STEP_NOT_OPEN)
    assert [e.kind for e in first.history(case_id)].count("step_done") == 3


def test_actions_list_only_what_the_officer_may_do(engine: Engine) -> None:
    case_id = at_signing(engine)
    actions = engine.actions(case_id, CHAIRMAN)
    assert [(a.command, a.step) for a in actions if a.command == "act"] == [("act", "ky")]
    # A birth is due the day it is filed: too late on that day for an apology and a new date.
    assert {a.command for a in actions} == {"act"}
    assert engine.actions(case_id, Officer("c2", "commune.chairman", "01", "00007")) == []
    assert (
        engine.actions(case_id, Officer("o2", "commune.civil_status_officer", "01", "00004")) == []
    )


def test_a_step_that_is_not_open_and_an_unknown_case(engine: Engine) -> None:
    case_id = at_signing(engine)
    result = engine.act(case_id, "tra", Officer("o1", "commune.one_stop", "01", "00004"))
    assert isinstance(result, Refused) and result.reason is Reason.STEP_NOT_OPEN
    missing = engine.act("no-such-case", "ky", CHAIRMAN)
    assert isinstance(missing, Refused) and missing.reason is Reason.UNKNOWN_CASE
    malformed = engine.act(None, "ky", CHAIRMAN)  # type: ignore[arg-type]
    assert isinstance(malformed, Refused) and malformed.reason is Reason.MALFORMED
    bad = engine.act(case_id, "ky", CHAIRMAN, "approved")
    assert isinstance(bad, Refused) and bad.reason is Reason.BAD_OUTCOME


def test_a_district_case_open_on_1_july_2025_goes_on_through_the_transfer(
    engine: Engine, clock: Any
) -> None:
    """Filed with the district on 20 June 2025 under the district version of the building
    permit; from 1 July the district roles are refused, and the transfer of the power to the
    commune people's committee lets the commune's units finish the case under that version."""
    clock.now = dt.datetime(2025, 6, 20, 9, 0)
    version = engine.bundle.in_force("1.013225", clock.now.date())
    assert version is not None and version.until == dt.date(2025, 6, 30)
    documents = tuple(version.model().components)
    case_id = engine.submit(
        Dossier("1.013225", {"name": "Đỗ E"}, "direct", "01", "00004", "00004", documents)
    ).case.id  # type: ignore[union-attr]
    district_desk = Officer("h1", "district.one_stop", "01", "00004")
    assert isinstance(engine.act(case_id, "tiep_nhan", district_desk, "complete"), Done)
    assert isinstance(engine.act(case_id, "chuyen", district_desk), Done)
    clock.now = dt.datetime(2025, 7, 2, 9, 0)
    district = Officer("h2", "district.construction_division", "01", "00004")
    refused = engine.act(case_id, "tham_dinh", district)
    assert isinstance(refused, Refused) and refused.reason is Reason.ROLE_NOT_VALID
    commune = Officer("x1", "commune.economic_division", "01", "00004")
    assert isinstance(engine.act(case_id, "tham_dinh", commune), Done)
    case = engine.case(case_id)
    assert case is not None and case.procedure_effective == version.effective
    # A role outside the committee that received the power is still refused.
    department = Officer("x2", "province.department.construction", "01")
    outsider = engine.act(case_id, "hien_truong", department, "eligible")
    assert isinstance(outsider, Refused) and outsider.reason is Reason.WRONG_ROLE


@pytest.mark.parametrize(
    ("command", "arguments", "field"),
    [
        ("act", {"step": 7}, "step"),
        ("act", {"outcome": ["eligible"]}, "outcome"),
        ("act", {"reasons": "lý do"}, "reasons"),
        ("act", {"new_due": "2026-03-09"}, "new_due"),
        ("act", {"new_due": dt.datetime(2026, 3, 9)}, "new_due"),
        ("act", {"signature": b"sig"}, "signature"),
        ("act", {"officer": Officer("c1", "", "01", "00004")}, "officer"),
        ("act", {"officer": None}, "officer"),
        ("act", {"expected_version": "3"}, "expected_version"),
        ("act", {"key": 5}, "key"),
        ("refuse", {"reasons": [1, 2]}, "reasons"),
        ("apologise", {"new_due": None}, "new_due"),
        ("withdraw", {"reason": None}, "reason"),
        ("receive_supplement", {"documents": "to_khai"}, "documents"),
        ("request_supplement", {"missing": None}, "missing"),
        ("act", {"expected": 3}, "expected"),  # a keyword no command takes: not ignored
        ("withdraw", {"by": CHAIRMAN}, "by"),
    ],
)
def test_malformed_commands_are_refused_and_nothing_changes(
    engine: Engine, command: str, arguments: dict[str, Any], field: str
) -> None:
    case_id = at_signing(engine)
    before = snapshot(engine, case_id)
    defaults: dict[str, dict[str, Any]] = {
        "act": {"step": "ky", "officer": CHAIRMAN},
        "refuse": {"officer": CHAIRMAN, "reasons": ["x"]},
        "apologise": {"officer": CHAIRMAN, "new_due": dt.date(2026, 3, 9)},
        "withdraw": {"reason": "x"},
        "receive_supplement": {"documents": ["to_khai"]},
        "request_supplement": {"officer": CHAIRMAN, "missing": ["x"]},
    }
    result = getattr(engine, command)(case_id, **{**defaults[command], **arguments})
    assert isinstance(result, Refused) and result.reason is Reason.MALFORMED
    assert field in result.message.en
    assert snapshot(engine, case_id) == before
