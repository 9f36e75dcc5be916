"""The command routes (the `POST`s that change a case) served without FastAPI's per-request work.

Input: an ASGI HTTP request that passed the gate (`tthc.server.gate`: the officer is in the
scope's state), and the command routes of the FastAPI application (their path patterns and
body types, read from the application's own routes). Output: the route's answer, made by the
very function FastAPI's route calls (`Fast.handle`), or the request handed on to FastAPI
unchanged, its body replayed.

Why: on a submit, FastAPI's route machinery (its middleware layers, the router's matching of
every route, `solve_dependencies`, the body read through a `Request`) cost more server CPU than
the engine and its write together (`docs/serving.md`, fifth pass). Here a command is matched by
the route's own compiled pattern and its body validated from the raw bytes by pydantic
(`TypeAdapter.validate_json`, the same types FastAPI validates, so the OpenAPI document is
unchanged). Only a well-formed request is answered here: a body that is not `application/json`
or does not validate goes to FastAPI as it came, so every 422 keeps FastAPI's shape and
wording, and every other route, method and path is FastAPI's too.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError
from starlette.responses import Response
from starlette.types import Scope

from tthc.server.answers import Answer

ASGIApp = Any
Handler = Callable[[Scope, dict[str, str], Any], Awaitable[Response]]


@dataclass(frozen=True)
class Fast:
    """One command route: its path pattern (Starlette's, from the route), its body's type and
    the function that answers it (the one FastAPI's route calls too)."""

    pattern: re.Pattern[str]
    body: TypeAdapter[Any]
    handle: Handler


class Commands:
    def __init__(self, app: ASGIApp, routes: Callable[[], list[Fast]]) -> None:
        # The routes are read when the first request arrives: the application adds its routes
        # after its middlewares are declared.
        self.app, self._routes = app, routes
        self.routes: list[Fast] | None = None

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope.get("root_path"):
            await self.app(scope, receive, send)
            return
        if self.routes is None:
            self.routes = self._routes()
        found = self._match(scope["path"])
        if found is None or not _json(scope):
            await self.app(scope, receive, send)
            return
        route, parameters = found
        body = await _body(receive)
        if body is None:
            return  # the client went away before sending its body: nobody to answer
        try:
            value = route.body.validate_json(body)
        except ValidationError:
            # FastAPI's own 422, in its shape and wording, from the same body.
            await self.app(scope, _replay(body, receive), send)
            return
        try:
            response = await route.handle(scope, parameters, value)
        except Answer as answer:
            response = answer.response
        await response(scope, receive, send)

    def _match(self, path: str) -> tuple[Fast, dict[str, str]] | None:
        for route in self.routes or ():
            matched = route.pattern.match(path)
            if matched is not None:
                return route, matched.groupdict()
        return None


def _json(scope: Scope) -> bool:
    """The body is declared JSON (FastAPI decodes a body without a content type too, and
    treats `+json` types as JSON: those are left to it)."""
    for name, value in scope["headers"]:
        if name == b"content-type":
            return bool(value.split(b";", 1)[0].strip().lower() == b"application/json")
    return False


async def _body(receive: Any) -> bytes | None:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return None
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes, receive: Any) -> Callable[[], Awaitable[dict[str, Any]]]:
    """A `receive` that gives the body already read, then whatever the connection sends."""
    given = False

    async def again() -> dict[str, Any]:
        nonlocal given
        if not given:
            given = True
            return {"type": "http.request", "body": body, "more_body": False}
        message: dict[str, Any] = await receive()
        return message

    return again
