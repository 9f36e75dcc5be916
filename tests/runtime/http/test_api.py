"""The HTTP API end to end, on localhost: `tthc serve` with two uvicorn workers over one
PostgreSQL database, officers authenticated by signed JWTs, signatures checked against the
test's own CA. A dossier is submitted, supplemented, decided and returned over HTTP; each way of
being refused answers with its status and reason and changes nothing."""

from __future__ import annotations

import base64
import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec

from tthc.compiler import Bundle
from tthc.runtime import Engine, Officer
from tthc.runtime.audit import verify
from tthc.runtime.moves import outcome_names

ROOT = Path(__file__).resolve().parents[2]
BUSINESS = "1.001612"  # household business registration: in force today under the 2025 decrees
TOO_MUCH = 256 * 1024 + 1


def officer_for(engine: Engine, case_id: str, step_id: str) -> Officer:
    from tthc.runtime.authorise import place_of

    case = engine.case(case_id)
    assert case is not None
    bundled = next(p for p in engine.bundle.procedures if p.digest == case.procedure_digest)
    procedure, _ = engine._procedure(bundled)
    step = procedure.steps[step_id]
    assert step.actor is not None
    place = place_of(engine.bundle.registry, procedure, step, case)
    return Officer(f"{step.actor.value}@{place}", step.actor.value, case.province, place)


DESK = Officer("commune.one_stop@00004", "commune.one_stop", "01", "00004")
ELSEWHERE = Officer("commune.one_stop@00007", "commune.one_stop", "01", "00007")


def dossier(documents: list[str]) -> dict[str, Any]:
    return {
        "procedure": BUSINESS,
        "applicant": {"name": "Nguyễn Thị Lan", "id": "001190000001"},
        "channel": "direct",
        "province": "01",
        "received_commune": "00004",
        "competent_commune": "00004",
        "documents": documents,
    }


def submitted(server: Any, corpus: Bundle, missing: int = 0) -> dict[str, Any]:
    version = corpus.in_force(BUSINESS, dt.date.today())
    assert version is not None
    components = list(version.model().components)
    answer = server.call("POST", "/v1/cases", DESK, dossier(components[missing:]))
    assert answer.status_code == 201, answer.text
    return dict(answer.json()["case"])


def drive(
    server: Any, engine: Engine, pki: Any, case_id: str, choose: Callable[..., Any]
) -> list[str]:
    """Performs every open step over HTTP, as the officer whose step it is, to the end."""
    done: list[str] = []
    for _ in range(40):
        case = server.call("GET", f"/v1/cases/{case_id}", DESK).json()
        if case["closed_at"] or not case["open_steps"]:
            return done
        step_id = case["open_steps"][0]
        stored = engine.case(case_id)
        assert stored is not None
        moves = engine._moves(stored, engine.clock())
        outcome = choose(step_id, outcome_names(moves.workflow, step_id))  # type: ignore[union-attr]
        officer = officer_for(engine, case_id, step_id)
        body: dict[str, Any] = {"outcome": outcome, "expected_version": case["version"]}
        procedure, _ = engine._procedure(
            next(p for p in engine.bundle.procedures if p.digest == stored.procedure_digest)
        )
        step = procedure.steps[step_id]
        if step.signs is not None and step.signs.value == "digital":
            signature = pki.sign(officer.id, f"{case_id}/{step_id}".encode())
            body["signature"] = {
                "digest": signature.digest,
                "value": base64.b64encode(signature.value).decode(),
                "certificate": signature.certificate,
            }
        answer = server.call("POST", f"/v1/cases/{case_id}/steps/{step_id}", officer, body)
        assert answer.status_code == 200, answer.text
        done.append(step_id)
    raise AssertionError(f"the case did not end: {done}")


def test_a_dossier_goes_from_submission_to_result_over_http(
    server: Any, local: Engine, corpus: Bundle, pki: Any, happy: Any
) -> None:
    case = submitted(server, corpus, missing=1)
    case_id = case["id"]
    assert case["waiting"] is not None and case["missing"]  # received as a supplement request
    missing = list(case["missing"])
    supplied = server.call("POST", f"/v1/cases/{case_id}/supplement", DESK, {"documents": missing})
    assert supplied.status_code == 200, supplied.text
    assert supplied.json()["case"]["waiting"] is None
    drive(server, local, pki, case_id, happy)
    final = server.call("GET", f"/v1/cases/{case_id}", DESK).json()
    assert final["status"] == "resolved" and final["on_time"] is True
    history = server.call("GET", f"/v1/cases/{case_id}/history", DESK)
    assert history.status_code == 200
    assert history.json()[0]["kind"] == "submitted"
    assert verify(local.history(case_id)) == []  # the chain verifies as stored


def test_the_same_idempotency_key_applies_a_command_once(
    server: Any, corpus: Bundle, local: Engine
) -> None:
    version = corpus.in_force(BUSINESS, dt.date.today())
    assert version is not None
    body = dossier(list(version.model().components))
    key = {"Idempotency-Key": "portal-" + uuid.uuid4().hex}
    first = server.call("POST", "/v1/cases", DESK, body, **key)
    again = server.call("POST", "/v1/cases", DESK, body, **key)
    assert first.status_code == 201 and again.status_code == 201
    assert again.json()["replayed"] is True
    assert again.json()["case"]["id"] == first.json()["case"]["id"]
    other = server.call("POST", "/v1/cases", DESK, {**body, "channel": "postal"}, **key)
    assert other.status_code == 409 and other.json()["code"] == "key-reused"


def test_refusals_on_a_visible_case_say_why_and_change_nothing(
    server: Any, corpus: Bundle, local: Engine
) -> None:
    case = submitted(server, corpus)
    case_id, version = case["id"], case["version"]
    step = case["open_steps"][0]
    chairman = Officer("commune.chairman@00004", "commune.chairman", "01", "00004")
    wrong = server.call(
        "POST", f"/v1/cases/{case_id}/steps/{step}", chairman, {"outcome": "complete"}
    )
    assert wrong.status_code == 403 and wrong.json()["code"] == "wrong-role"
    assert wrong.json()["message"]["vi"] and wrong.json()["message"]["en"]
    district = Officer("district.one_stop@001", "district.one_stop", "01", "00004")
    late = server.call("POST", f"/v1/cases/{case_id}/steps/{step}", district, {})
    assert late.status_code == 403
    stale = server.call(
        "POST",
        f"/v1/cases/{case_id}/steps/{step}",
        DESK,
        {"outcome": "complete", "expected_version": version - 1},
    )
    assert stale.status_code == 409 and stale.json()["code"] == "stale-version"
    now = server.call("GET", f"/v1/cases/{case_id}", DESK).json()
    assert now["version"] == version and now["open_steps"] == case["open_steps"]


def test_another_communes_case_does_not_exist_for_the_officer(server: Any, corpus: Bundle) -> None:
    case_id = submitted(server, corpus)["id"]
    for method, path, body in (
        ("GET", f"/v1/cases/{case_id}", None),
        ("GET", f"/v1/cases/{case_id}/history", None),
        ("GET", f"/v1/cases/{case_id}/actions", None),
        ("POST", f"/v1/cases/{case_id}/withdrawal", {"reason": "x"}),
    ):
        answer = server.call(method, path, ELSEWHERE, body)
        assert answer.status_code == 404, (path, answer.text)
        assert answer.json()["code"] == "unknown-case"
        unknown = server.call(method, path.replace(case_id, "no-such-case"), ELSEWHERE, body)
        assert unknown.json() == answer.json() | {"message": unknown.json()["message"]}
    assert server.call("GET", f"/v1/cases/{case_id}", DESK).json()["status"] == "open"


def test_every_endpoint_refuses_a_missing_or_bad_token(server: Any) -> None:
    schema = server.client.get("/openapi.json").json()
    other_key = ec.generate_private_key(ec.SECP256R1())
    forged = server.token(DESK, key=other_key)
    expired = server.token(DESK, expires=-60)
    for path, methods in schema["paths"].items():
        concrete = path.replace("{case_id}", "x").replace("{step}", "y")
        for method in methods:
            for headers in (
                {},
                {"Authorization": "Bearer"},
                {"Authorization": f"Bearer {forged}"},
                {"Authorization": f"Bearer {expired}"},
                {"Authorization": "Basic dXNlcjpwYXNz"},
            ):
                answer = server.client.request(method.upper(), concrete, headers=headers, json={})
                assert answer.status_code == 401, (method, path, headers, answer.text)
                assert answer.json()["code"] == "unauthenticated"
                assert forged not in answer.text and "Traceback" not in answer.text


def test_malformed_and_oversized_requests_are_4xx_and_change_nothing(
    server: Any, local: Engine
) -> None:
    before = len(local.store.case_ids())
    headers = {"Authorization": f"Bearer {server.token(DESK)}"}
    cases = [
        server.client.post("/v1/cases", content=b"{not json", headers=headers),
        server.client.post("/v1/cases", json={"procedure": BUSINESS}, headers=headers),
        server.client.post("/v1/cases", json=dossier(["x"]) | {"extra": 1}, headers=headers),
        server.client.post("/v1/cases", content=b"[" * TOO_MUCH, headers=headers),
        server.client.post("/v1/cases", json=dossier(["x" * TOO_MUCH]), headers=headers),
        server.client.get("/v1/worklist?size=100000", headers=headers),
    ]
    for answer in cases:
        assert 400 <= answer.status_code < 500, answer.text
        assert answer.json()["code"] in {"malformed", "body-too-large"}
    assert cases[3].status_code == 413 and cases[4].status_code == 413
    assert len(local.store.case_ids()) == before


def test_the_work_list_holds_what_waits_on_the_officers_role(server: Any, corpus: Bundle) -> None:
    case_id = submitted(server, corpus)["id"]
    work = server.call("GET", "/v1/worklist?size=200", DESK)
    assert work.status_code == 200
    assert case_id in {row["case_id"] for row in work.json()}
    elsewhere = server.call("GET", "/v1/worklist?size=200", ELSEWHERE).json()
    assert case_id not in {row["case_id"] for row in elsewhere}


def test_the_openapi_document_is_generated_and_valid(server: Any) -> None:
    from jsonschema import Draft202012Validator

    document = server.client.get("/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert {"/v1/cases", "/v1/cases/{case_id}/steps/{step}", "/v1/worklist"} <= set(
        document["paths"]
    )
    for name, schema in document["components"]["schemas"].items():
        Draft202012Validator.check_schema(schema), name
