"""What every route shares: answering with the engine's values, the officer and idempotency
key of a request, the problems FastAPI and Starlette raise answered in the API's own shape, and
the parts of the OpenAPI document the routes declare by hand.

Input: a `Request`, an engine value and its pydantic `TypeAdapter`, the FastAPI application.
Output: `Response`s; `Answer` raised to stop a route with a ready one.
"""

from __future__ import annotations

from typing import Any, TypeVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import TypeAdapter
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Scope

from tthc.runtime import Officer
from tthc.server import errors
from tthc.server.models import CommandResult, Problem

T = TypeVar("T")
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem} for status in (400, 401, 403, 404, 405, 409, 413, 422, 503)
}
# Read from the request's headers by `key_in` (FastAPI's own header parameters cost a
# reflection over the parameter's type on every request); documented here instead.
KEY_HEADER = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "schema": {"type": "string", "maxLength": 200},
    "description": "The same key on a retry gives the first answer back ('replayed': true).",
}
COMMAND_ROUTE: dict[str, Any] = {
    "response_model": CommandResult,
    "openapi_extra": {"parameters": [KEY_HEADER]},
}
NEXT_PAGE: dict[int | str, dict[str, Any]] = {
    200: {
        "headers": {
            "Link": {
                "description": 'The next page: `</v1/worklist?size=N&after=CURSOR>; rel="next"`',
                "schema": {"type": "string"},
            }
        }
    }
}


class Answer(Exception):
    """Stop a route with a ready answer (401, 404, 422, 503)."""

    def __init__(self, response: Response) -> None:
        self.response = response


def answer(adapter: TypeAdapter[T], value: T, status: int = 200) -> Response:
    """The engine's value as JSON, written by pydantic without validating it again (it was
    made by the engine, of the very types the OpenAPI document is generated from)."""
    return Response(adapter.dump_json(value), status, media_type="application/json")


def who_of(request: Request) -> Officer:
    """The officer the request's token stands for (`tthc.server.gate` put it there)."""
    return who_in(request.scope)


def who_in(scope: Scope) -> Officer:
    who: Officer = scope["state"]["who"]
    return who


def key_in(scope: Scope) -> str | None:
    """The request's `Idempotency-Key` (the first, as Starlette's `headers.get` reads it)."""
    found = next((v for k, v in scope["headers"] if k == b"idempotency-key"), None)
    key = None if found is None else found.decode("latin-1")
    if key is not None and len(key) > 200:
        raise Answer(
            errors.problem(
                422,
                "malformed",
                "Khóa chống lặp dài quá 200 ký tự",
                "The Idempotency-Key header is longer than 200 characters",
            )
        )
    return key


def handle_problems(app: FastAPI) -> None:
    """Answers `Answer`, Starlette's refusals and malformed requests as `Problem`s."""

    @app.exception_handler(Answer)
    async def ready(_: Request, error: Answer) -> Response:
        return error.response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, error: StarletteHTTPException) -> JSONResponse:
        # Starlette's own refusals (a body that is not JSON or not UTF-8, a method or a route
        # that does not exist) answer in the same shape as every other problem.
        code = {404: "not-found", 405: "method-not-allowed"}.get(error.status_code, "malformed")
        return errors.problem(
            error.status_code,
            code,
            f"Yêu cầu không hợp lệ ({error.status_code})",
            f"Bad request: {error.detail}",
        )

    @app.exception_handler(RequestValidationError)
    async def malformed(_: Request, error: RequestValidationError) -> JSONResponse:
        where = "; ".join(
            ".".join(str(part) for part in e.get("loc", ())) + ": " + str(e.get("msg", ""))
            for e in error.errors()[:5]
        )
        return errors.problem(
            422, "malformed", f"Yêu cầu không hợp lệ: {where}", f"Malformed request: {where}"
        )
