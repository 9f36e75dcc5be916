"""A schema-driven fuzz run of the HTTP API (schemathesis): requests generated from the OpenAPI
document itself — every route, valid and invalid bodies, parameters and headers — sent by an
authenticated officer to the real server. No answer may be a 5xx, and every status and body
must be one the document declares. `SCHEMA_FUZZ_EXAMPLES` sets how many requests per route and
mode (5 in `make test`; `make fuzz-api` runs 300)."""

from __future__ import annotations

import os
from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import status_code_conformance

from tthc.runtime import Officer

DESK = Officer("commune.one_stop@00004", "commune.one_stop", "01", "00004")
EXAMPLES = int(os.environ.get("SCHEMA_FUZZ_EXAMPLES", "5"))


def test_no_generated_request_gets_a_server_error(server: Any) -> None:
    api = schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    headers = {"Authorization": f"Bearer {server.token(DESK)}"}
    failures: list[str] = []
    operations = 0
    for found in api.get_all_operations():
        operation = found.ok()
        operations += 1
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                suppress_health_check=list(HealthCheck),
                database=None,
            )
            def send(case: Any) -> None:
                response = case.call(headers=headers)
                if response.status_code >= 500:
                    failures.append(f"{case.method} {case.formatted_path}: {response.text[:200]}")
                    return
                case.validate_response(response, checks=(status_code_conformance,), headers=headers)

            try:
                send()
            except Unsatisfiable:
                # No invalid request exists for this route (its only inputs are free text in
                # the path): the positive mode covers it.
                assert mode is GenerationMode.NEGATIVE, operation.label
    assert operations >= 12
    assert failures == []
