"""Two ASGI middlewares around the app: a request body limit, and a structured access log.

Input: ASGI HTTP requests. Output: the app's answer; or 413 with a JSON `Problem` when the body
is larger than the limit (by its `Content-Length`, or counted as it arrives when it has none),
before the app reads any of it into a model; and one JSON line per request on the
`tthc.access` logger: time, method, path, status, duration, officer, client.

The access line is written on every request, so it is built without `json.dumps` (the fields
are known: each string escaped by the `json` module's own C escaper, in `json.dumps`'s layout)
and, where the logger is set up as `tthc serve` sets it up (its one handler a plain
`StreamHandler` writing the message alone), written to that handler's stream directly, the
same bytes the handler would write, without a `LogRecord` (about five times cheaper: ~2.4 against ~12 µs a line). Set up
in any other way (other handlers, formatters, filters, propagation), the line goes through
`logging` as before.
"""

from __future__ import annotations

import json
import logging
import time
from json.encoder import encode_basestring
from typing import Any

ASGIApp = Any
ACCESS = logging.getLogger("tthc.access")


class _TooLarge(Exception):
    """Raised inside the body reader when the body passes the limit: answered 413."""


_TOO_LARGE = json.dumps(
    {
        "code": "body-too-large",
        "message": {"vi": "Nội dung yêu cầu quá lớn", "en": "The request body is too large"},
        "case_id": None,
    }
).encode()


class BodyLimit:
    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app, self.max_body = app, max_body

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await _answer_too_large(send)
            return
        seen = 0
        started = False

        async def counted_receive() -> dict[str, Any]:
            nonlocal seen
            message: dict[str, Any] = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _TooLarge
            return message

        async def watched_send(message: dict[str, Any]) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, watched_send)
        except _TooLarge:
            if not started:
                await _answer_too_large(send)


async def _answer_too_large(send: Any) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"connection", b"close")],
        }
    )
    await send({"type": "http.response.body", "body": _TOO_LARGE})


class AccessLog:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        began = time.perf_counter()
        status = 500

        async def watched_send(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, watched_send)
        finally:
            state = scope.get("state") or {}
            client = scope.get("client")
            self.write(
                access_line(
                    scope.get("method"),
                    scope.get("path"),
                    status,
                    round((time.perf_counter() - began) * 1000, 2),
                    state.get("officer"),
                    client[0] if client else None,
                )
            )

    def write(self, line: str) -> None:
        """The line to the access log: straight to the stream of a plain handler, else through
        `logging` (see the module's docstring)."""
        found = _plain(ACCESS)
        if found is None:
            ACCESS.info(line)
            return
        with found.lock:
            try:
                found.stream.write(line + "\n")
                found.stream.flush()
            except (OSError, ValueError):
                # As the handler would: the request is not failed for its log line.
                found.handleError(
                    ACCESS.makeRecord(ACCESS.name, logging.INFO, "", 0, line, (), None)
                )


def _plain(logger: logging.Logger) -> Any:
    """The logger's one handler (a `StreamHandler`, its stream and lock used directly), when writing to it directly gives what
    `logger.info(line)` would: a bare `StreamHandler` printing the message alone and a newline,
    no filters, INFO enabled, nothing propagated. Checked on every line (attribute reads, about
    a microsecond), so a logger set up again later is followed at once."""
    if len(logger.handlers) != 1 or logger.filters or logger.propagate or logger.disabled:
        return None
    handler = logger.handlers[0]
    formatter = handler.formatter
    if (
        type(handler) is not logging.StreamHandler
        or handler.filters
        or handler.terminator != "\n"
        or handler.level > logging.INFO
        or not logger.isEnabledFor(logging.INFO)
        or formatter is None
        or type(formatter) is not logging.Formatter
        or formatter._fmt != "%(message)s"
        or handler.lock is None
    ):
        return None
    return handler


def _text(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return str(encode_basestring(value))
    return json.dumps(value, ensure_ascii=False)


def access_line(method: Any, path: Any, status: int, ms: float, officer: Any, client: Any) -> str:
    """The access log's JSON line, as `json.dumps(…, ensure_ascii=False)` writes it."""
    at = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    return (
        f'{{"at": "{at}", "method": {_text(method)}, "path": {_text(path)}, '
        f'"status": {int(status)}, "ms": {float(ms)!r}, "officer": {_text(officer)}, '
        f'"client": {_text(client)}}}'
    )
