"""The gate of the API's routes: no bearer token that the verifier accepts, no access (401).

Input: an ASGI HTTP request to a `/v1/` route. Output: the request passed on with the officer
the token stands for in its state (`state["who"]`, and its id in `state["officer"]` for the
access log), or a 401 `Problem` before any of the request is read. The OpenAPI document and its
pages stay open.

Why a middleware and not a FastAPI dependency: FastAPI solves a dependency (and a header
parameter) by reflecting over its declared types on every request; the load benchmark measured
that as a quarter of the server's CPU on a read. The gate reads the one header it needs from the
raw ASGI scope; the OpenAPI document declares the bearer scheme for every route (`secure`).
"""

from __future__ import annotations

from typing import Any

from tthc.runtime import Officer
from tthc.server import errors
from tthc.server.auth import Unauthenticated, Verifier

ASGIApp = Any
GUARDED = "/v1/"


class Gate:
    def __init__(self, app: ASGIApp, verifier: Verifier) -> None:
        self.app, self.verifier = app, verifier

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(GUARDED):
            await self.app(scope, receive, send)
            return
        found = self.officer(scope)
        if isinstance(found, Unauthenticated):
            await errors.problem(401, "unauthenticated", found.vi, found.en)(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        state["who"], state["officer"] = found, found.id
        await self.app(scope, receive, send)

    def officer(self, scope: dict[str, Any]) -> Officer | Unauthenticated:
        header = next((v for k, v in scope["headers"] if k == b"authorization"), b"")
        scheme, _, token = header.decode("latin-1").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return Unauthenticated(
                "Thiếu mã truy cập (Authorization: Bearer …)",
                "No bearer token (Authorization: Bearer …)",
            )
        return self.verifier.verify(token.strip())


def secure(schema: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI document with the bearer scheme required by every `/v1/` route."""
    schema.setdefault("components", {})["securitySchemes"] = {
        "bearer": {
            "type": "http",
            "scheme": "bearer",
            "description": "A JWT signed by the single sign-on, or a token of the token file",
        }
    }
    for path, operations in schema.get("paths", {}).items():
        if path.startswith(GUARDED):
            for operation in operations.values():
                operation["security"] = [{"bearer": []}]
    return schema
