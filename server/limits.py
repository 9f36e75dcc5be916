"""Two ASGI middlewares around the app: a request body limit, and a structured access log.

Input: ASGI HTTP requests. Output: the app's answer; or 413 with a JSON `Problem` when the body
is larger than the limit (by its `Content-Length`, or counted as it arrives when it has none),
before the app reads any of it into a model; and one JSON line per request on the
`tthc.access` logger: time, method, path, status, duration, officer, client.
"""

from __future__ import annotations

import json
import logging
import time
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
            ACCESS.info(
                json.dumps(
                    {
                        "at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                        "method": scope.get("method"),
                        "path": scope.get("path"),
                        "status": status,
                        "ms": round((time.perf_counter() - began) * 1000, 2),
                        "officer": state.get("officer"),
                        "client": client[0] if client else None,
                    },
                    ensure_ascii=False,
                )
            )
