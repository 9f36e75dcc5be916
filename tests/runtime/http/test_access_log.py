"""The access log: one JSON line a request (time, method, path, status, duration, officer,
client), the same line whether it is written straight to the stream of the plain handler that
`tthc serve` sets up or through `logging` for any other set-up."""

from __future__ import annotations

import asyncio
import copy
import io
import json
import logging
import logging.config
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn

from tthc.cli.server_commands import _log_config
from tthc.server.limits import ACCESS, AccessLog, _plain, access_line

FIELDS = ["at", "method", "path", "status", "ms", "officer", "client"]


@pytest.mark.parametrize(
    ("method", "path", "status", "ms", "officer", "client"),
    [
        ("POST", "/v1/cases", 201, 12.34, "o-1", "127.0.0.1"),
        ("GET", '/v1/cases/hồ-sơ "1"\\\n', 404, 0.0, None, None),
        ("PATCH", "/v1/ca\u0000ses/\u2028x", 500, 1234.5, "cán bộ ✓", "::1"),
    ],
)
def test_the_line_is_what_json_dumps_writes(
    method: str, path: str, status: int, ms: float, officer: str | None, client: str | None
) -> None:
    line = access_line(method, path, status, ms, officer, client)
    fields = json.loads(line)
    assert list(fields) == FIELDS
    assert line == json.dumps(fields, ensure_ascii=False)
    assert fields | {"at": None} == {
        "at": None,
        "method": method,
        "path": path,
        "status": status,
        "ms": ms,
        "officer": officer,
        "client": client,
    }


@pytest.fixture
def access_logger() -> Iterator[logging.Logger]:
    """The `tthc.access` logger, set back as it was after the test."""
    saved = (ACCESS.handlers[:], ACCESS.filters[:], ACCESS.level, ACCESS.propagate)
    yield ACCESS
    ACCESS.handlers[:], ACCESS.filters[:] = saved[0], saved[1]
    ACCESS.setLevel(saved[2])
    ACCESS.propagate = saved[3]


def requests(officer: str | None, statuses: list[int]) -> None:
    """Requests through `AccessLog` around an app answering each status in turn."""

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if officer is not None:
            scope.setdefault("state", {})["officer"] = officer
        await send({"type": "http.response.start", "status": scope["status"], "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    async def nothing(message: dict[str, Any]) -> None:
        return None

    async def run() -> None:
        logged = AccessLog(app)
        for n, status in enumerate(statuses):
            scope = {
                "type": "http", "method": "POST", "path": f"/v1/cases/{n}", "status": status,
                "client": ("10.0.0.7", 5000), "headers": [],
            }  # fmt: skip
            await logged(scope, None, nothing)

    asyncio.run(run())


def test_tthc_serve_s_set_up_is_written_directly_one_line_a_request(
    access_logger: logging.Logger,
) -> None:
    served = _log_config(copy.deepcopy(uvicorn.config.LOGGING_CONFIG))
    # Only the access log's part of it (uvicorn's own loggers left as they are).
    logging.config.dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "formatters": {"tthc-json": served["formatters"]["tthc-json"]},
            "handlers": {"tthc-access": served["handlers"]["tthc-access"]},
            "loggers": {"tthc.access": served["loggers"]["tthc.access"]},
        }
    )
    handler = _plain(access_logger)
    assert handler is not None  # the set-up `tthc serve` makes is written to directly
    handler.setStream(stream := io.StringIO())
    requests("o-9", [201, 409, 404])
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [(f["path"], f["status"], f["officer"], f["client"]) for f in lines] == [
        ("/v1/cases/0", 201, "o-9", "10.0.0.7"),
        ("/v1/cases/1", 409, "o-9", "10.0.0.7"),
        ("/v1/cases/2", 404, "o-9", "10.0.0.7"),
    ]
    assert all(list(f) == FIELDS and f["method"] == "POST" and f["ms"] >= 0 for f in lines)


def test_any_other_set_up_gets_the_same_line_through_logging(
    access_logger: logging.Logger,
) -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
    access_logger.handlers[:] = [handler]
    access_logger.setLevel(logging.INFO)
    access_logger.propagate = False
    assert _plain(access_logger) is None
    requests(None, [401])
    level, name, line = stream.getvalue().rstrip("\n").split(" ", 2)
    assert (level, name) == ("INFO", "tthc.access")
    fields = json.loads(line)
    assert list(fields) == FIELDS and (fields["status"], fields["officer"]) == (401, None)

    # Propagated to the root logger (as under pytest's `caplog`): through `logging` too.
    access_logger.handlers[:] = []
    access_logger.propagate = True
    assert _plain(access_logger) is None


def test_nothing_is_written_when_the_logger_is_off(access_logger: logging.Logger) -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(message)s"))
    access_logger.handlers[:] = [handler]
    access_logger.propagate = False
    access_logger.setLevel(logging.WARNING)
    requests("o-1", [201])
    assert stream.getvalue() == ""
