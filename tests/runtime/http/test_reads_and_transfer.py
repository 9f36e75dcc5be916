"""Reading over HTTP as a portal pages through it, and moving a case to a new version.

- One case with its audit trail in one answer (`GET /v1/cases/{id}?include=history`), the same
  trail `/history` gives, of the engine's own types (the OpenAPI document's `CaseWithHistory`).
- The work list a page at a time by keyset (`Link: <…&after=CURSOR>; rel="next"`): the pages
  together are the whole list, in its order, each case once, across due dates.
- `POST /v1/cases/{id}/transfer`: a district case moved onto the commune version by a commune
  officer; a case no transfer of power moves answers 409 `no-transfer`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import TypeAdapter

from tthc.compiler import Bundle
from tthc.dsl import Message
from tthc.runtime import Done, Dossier, Engine, Officer, Reason, Refused
from tthc.runtime.store.postgres import PostgresStore
from tthc.server import errors
from tthc.server.models import CaseWithHistory

BUSINESS = "1.001612"
PERMIT = "1.013225"  # Cấp giấy phép xây dựng nhà ở riêng lẻ: district until 30 June 2025
DESK = Officer("commune.one_stop@00004", "commune.one_stop", "01", "00004")
ELSEWHERE = Officer("commune.one_stop@00007", "commune.one_stop", "01", "00007")
DISTRICT_DESK = Officer("h1", "district.one_stop", "01", "00004")
COMMUNE_DIVISION = Officer("x1", "commune.economic_division", "01", "00004")


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def filed(server: Any, corpus: Bundle, pki: Any) -> Iterator[tuple[Engine, Clock]]:
    """An engine of the test's own over the server's database, on a clock the test sets: it
    files cases on past days (due dates that differ), as a portal's earlier days did."""
    clock = Clock(dt.datetime(2026, 3, 4, 9, 0))
    store = PostgresStore(server.database, pool_size=1, migrate=False)
    yield Engine(corpus, store, clock=clock, signatures=pki.policy()), clock
    store.close()


def business(engine: Engine) -> Dossier:
    version = engine.bundle.in_force(BUSINESS, engine.clock().date())
    assert version is not None
    components = tuple(version.model().components)
    return Dossier(BUSINESS, {"name": "Lê Văn B"}, "direct", "01", "00004", "00004", components)


def test_one_case_with_its_history_is_one_answer(server: Any, filed: tuple[Engine, Clock]) -> None:
    engine, _ = filed
    done = engine.submit(business(engine))
    assert isinstance(done, Done)
    case_id = done.case.id
    both = server.call("GET", f"/v1/cases/{case_id}?include=history", DESK)
    assert both.status_code == 200, both.text
    body = both.json()
    assert body["history"] == server.call("GET", f"/v1/cases/{case_id}/history", DESK).json()
    assert [e["kind"] for e in body["history"]] == [e.kind for e in engine.history(case_id)]
    alone = server.call("GET", f"/v1/cases/{case_id}", DESK).json()
    assert "history" not in alone and body == alone | {"history": body["history"]}
    TypeAdapter(CaseWithHistory).validate_python(body)  # what the OpenAPI document says
    hidden = server.call("GET", f"/v1/cases/{case_id}?include=history", ELSEWHERE)
    assert hidden.status_code == 404 and "history" not in hidden.text
    wrong = server.call("GET", f"/v1/cases/{case_id}?include=everything", DESK)
    assert wrong.status_code == 422 and wrong.json()["code"] == "malformed"


def _next(answer: Any) -> str | None:
    found = re.fullmatch(r'<([^>]+)>; rel="next"', answer.headers.get("link", ""))
    return found.group(1) if found else None


def test_the_work_list_pages_by_cursor_across_due_dates(
    server: Any, filed: tuple[Engine, Clock]
) -> None:
    engine, clock = filed
    for day in range(7):  # one case a day: seven due dates, two cases on the last
        clock.now = dt.datetime(2026, 3, 2 + day, 9, 0)
        assert isinstance(engine.submit(business(engine)), Done)
    assert isinstance(engine.submit(business(engine)), Done)
    whole = server.call("GET", "/v1/worklist?size=200", DESK).json()
    assert len(whole) >= 8
    assert [r["case_id"] for r in whole] == [
        w.case_id for w in engine.store.worklist("01", "00004", DESK.role, 200)
    ]
    paged: list[dict[str, Any]] = []
    link: str | None = "/v1/worklist?size=3"
    for _ in range(len(whole)):
        if link is None:
            break
        page = server.call("GET", link, DESK)
        assert page.status_code == 200, page.text
        paged.extend(page.json())
        link = _next(page)
    assert paged == whole  # in order, each case once, nothing left out
    bad = server.call("GET", "/v1/worklist?after=not-a-cursor", DESK)
    assert bad.status_code == 422 and bad.json()["code"] == "malformed"
    by_position = server.call("GET", "/v1/worklist?size=3&page=2", DESK)  # paged by cursor now
    assert by_position.status_code == 422 and by_position.json()["code"] == "malformed"


def test_a_district_case_is_transferred_over_http(
    server: Any, filed: tuple[Engine, Clock], corpus: Bundle
) -> None:
    engine, clock = filed
    clock.now = dt.datetime(2025, 6, 20, 9, 0)
    version = corpus.in_force(PERMIT, clock.now.date())
    assert version is not None
    documents = tuple(version.model().components)
    dossier = Dossier(PERMIT, {"name": "Đỗ E"}, "direct", "01", "00004", "00004", documents)
    submitted = engine.submit(dossier)
    assert isinstance(submitted, Done)
    case_id = submitted.case.id
    assert isinstance(engine.act(case_id, "tiep_nhan", DISTRICT_DESK, "complete"), Done)
    assert isinstance(engine.act(case_id, "chuyen", DISTRICT_DESK), Done)
    before = server.call("GET", f"/v1/cases/{case_id}", COMMUNE_DIVISION).json()

    key = {"Idempotency-Key": f"transfer-{case_id}"}
    body = {"expected_version": before["version"]}
    moved = server.call("POST", f"/v1/cases/{case_id}/transfer", COMMUNE_DIVISION, body, **key)
    assert moved.status_code == 200, moved.text
    now = corpus.in_force(PERMIT, dt.date.today())
    assert now is not None and moved.json()["case"]["procedure_digest"] == now.digest
    assert [e["kind"] for e in moved.json()["events"]] == ["transferred"]
    again = server.call("POST", f"/v1/cases/{case_id}/transfer", COMMUNE_DIVISION, body, **key)
    assert again.status_code == 200 and again.json()["replayed"] is True

    clock.now = dt.datetime.now()
    other = engine.submit(business(engine))
    assert isinstance(other, Done)
    refused = server.call("POST", f"/v1/cases/{other.case.id}/transfer", DESK, {})
    assert refused.status_code == 409 and refused.json()["code"] == "no-transfer"
    unchanged = server.call("GET", f"/v1/cases/{other.case.id}", DESK).json()
    assert unchanged["version"] == other.case.version


@pytest.mark.parametrize(
    ("reason", "status"),
    [
        (Reason.APOLOGY_TOO_LATE, 409),  # the case's dates stand in the way, not the request
        (Reason.NO_TRANSFER, 409),  # no transfer of power moves this case
        (Reason.CERTIFICATE_REVOKED, 403),  # the signer's credential is no longer good
    ],
)
def test_refusals_of_state_and_credentials_have_statuses_of_their_own(
    reason: Reason, status: int
) -> None:
    answer = errors.refused(Refused(reason, Message(vi="lý do", en="why"), "c1"))
    assert answer.status_code == status
