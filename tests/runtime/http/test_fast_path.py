"""The command routes answer the same whether the fast path (`tthc.server.commands`) serves
them or FastAPI does: a body declared `application/json` is served by the fast path; the same
JSON declared `application/vnd.tthc+json` (JSON to FastAPI, not to the fast path) goes through
FastAPI's route. Every answer, refusal and 422 is compared byte for byte between the two."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from tthc.compiler import Bundle

from .test_api import DESK, ELSEWHERE, dossier

FAST = "application/json"
FASTAPI = "application/vnd.tthc+json"


def post(server: Any, path: str, body: bytes, kind: str, **headers: str) -> Any:
    headers |= {"Authorization": f"Bearer {server.token(DESK)}", "Content-Type": kind}
    return server.client.post(path, content=body, headers=headers)


def both(server: Any, path: str, body: bytes, **headers: str) -> tuple[Any, Any]:
    return post(server, path, body, FAST, **headers), post(server, path, body, FASTAPI, **headers)


def test_refusals_and_malformed_bodies_answer_alike_on_both_paths(
    server: Any, corpus: Bundle
) -> None:
    version = corpus.in_force("1.001612", dt.date.today())
    assert version is not None
    good = dossier(list(version.model().components))
    elsewhere = good | {"received_commune": ELSEWHERE.commune}
    cases = [
        ("/v1/cases", json.dumps(elsewhere).encode(), {}),  # 403 wrong-jurisdiction
        ("/v1/cases", b"{not json", {}),  # 422 from FastAPI's decoding
        ("/v1/cases", b"", {}),  # no body at all
        ("/v1/cases", json.dumps({"procedure": "1.001612"}).encode(), {}),  # fields missing
        ("/v1/cases", json.dumps(good | {"extra": 1}).encode(), {}),  # a field not known
        ("/v1/cases", json.dumps(good).encode(), {"Idempotency-Key": "k" * 201}),  # 422
        ("/v1/cases/no-such-case/steps/s1", b'{"outcome": "ok"}', {}),  # 404
        ("/v1/cases/no-such-case/refusal", b'{"reasons": []}', {}),  # 422: min_length 1
        ("/v1/cases/no-such-case/withdrawal", b'{"reason": "x"}', {}),  # 404
        ("/v1/cases/no-such-case/transfer", b'{"expected_version": "x"}', {}),  # 422
        (
            "/v1/cases/no-such-case/result",
            b'{"signature": {"digest": "' + b"0" * 64 + b'", "value": "@@", "certificate": "c"}}',
            {},
        ),  # 422: the signature is not base64
    ]
    for path, body, headers in cases:
        fast, slow = both(server, path, body, **headers)
        assert 400 <= fast.status_code < 500, (path, body, fast.text)
        assert (fast.status_code, fast.content) == (slow.status_code, slow.content), (path, body)
        assert fast.headers["content-type"] == slow.headers["content-type"]


def test_a_command_is_the_same_command_on_both_paths(server: Any, corpus: Bundle) -> None:
    version = corpus.in_force("1.001612", dt.date.today())
    assert version is not None
    body = json.dumps(dossier(list(version.model().components))).encode()
    key = f"both-{uuid.uuid4().hex}"
    first = post(server, "/v1/cases", body, FAST, **{"Idempotency-Key": key})
    again = post(server, "/v1/cases", body, FASTAPI, **{"Idempotency-Key": key})
    assert first.status_code == again.status_code == 201, (first.text, again.text)
    assert first.json()["replayed"] is False and again.json()["replayed"] is True
    assert first.json()["case"] == again.json()["case"]
    case = first.json()["case"]
    path = f"/v1/cases/{case['id']}/withdrawal"
    stale = json.dumps({"reason": "applicant asks", "expected_version": 0}).encode()
    fast, slow = both(server, path, stale)
    assert fast.status_code == slow.status_code == 409
    assert fast.content == slow.content
