"""The routes of the HTTP API: each authenticates the officer, calls one engine method, answers.

Input: `Settings` (or, in tests and embedding portals, an `Engine` and a `Verifier` made by the
caller). Output: a FastAPI application. The engine does every check it does for an embedded
portal (authorisation, versions, idempotency); this layer adds only what HTTP needs:

- authentication: a bearer token, verified by `tthc.server.auth` (no token, no access: 401);
- jurisdiction on reads: a case outside the officer's province or commune answers 404, exactly
  as one that does not exist, so ids cannot be probed; on a case the officer may see, every
  refusal answers with its reason (403 for authorisation, 409 for a clash with the case's state);
- the database's absence: 503 with `Retry-After`, nothing half-written (the engine writes one
  transaction per command; a retry with the same `Idempotency-Key` is applied at most once).

Each request hops to a worker thread once, for its engine and store work (`call`): the routes
are `async` and the token is verified on the event loop, because FastAPI would otherwise run a
plain `def` dependency, the route and the response check each in the thread pool — three hops,
which the load benchmark measured as most of the server's CPU per command. A store that is not
safe to share between threads (SQLite's one connection) is used under a lock, one command at a
time per process.

Why over 400 lines: it is the API's one table of routes, each a short function (authenticate,
call one engine method, answer) whose decorator is its OpenAPI entry; they read together, in
the order the OpenAPI document lists them, and the shared parts (errors, limits, models, auth)
already live in their own modules.
"""

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import Annotated, Any, TypeVar

from fastapi import Depends, FastAPI, Header, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from tthc.compiler import load_bundle
from tthc.runtime import Case, Done, Dossier, Engine, Event, Officer, Refused, Result
from tthc.runtime.store import StoreUnavailable, open_store
from tthc.server import errors
from tthc.server.auth import Unauthenticated, Verifier, verifier_for
from tthc.server.limits import AccessLog, BodyLimit
from tthc.server.models import (
    ActionView,
    ApologyBody,
    LateView,
    Problem,
    RefusalBody,
    ResultBody,
    SignatureBody,
    StepBody,
    SupplementBody,
    SupplementRequestBody,
    WithdrawalBody,
    WorkItemView,
)
from tthc.server.settings import Settings, SettingsError, signature_policy

T = TypeVar("T")
Key = Annotated[str | None, Header(alias="Idempotency-Key", max_length=200)]
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem} for status in (400, 401, 403, 404, 405, 409, 413, 422, 503)
}


class CommandResult(BaseModel):
    """A command carried out: the case now, the events it appended, and whether an earlier
    command with the same idempotency key was replayed instead."""

    case: Case
    events: list[Event]
    replayed: bool


class _Answer(Exception):
    """Stop a route with a ready answer (401, 404, 503)."""

    def __init__(self, response: JSONResponse) -> None:
        self.response = response


def app_from_environment() -> FastAPI:
    """The application as `tthc serve` starts it in each worker process (uvicorn's factory)."""
    return create_app(Settings.from_environment())


def create_app(
    settings: Settings | None = None,
    *,
    engine: Engine | None = None,
    verifier: Verifier | None = None,
    max_body: int = 256 * 1024,
) -> FastAPI:
    if engine is None or verifier is None:
        if settings is None:
            raise SettingsError("create_app needs Settings, or an engine and a verifier")
        engine = engine or _engine(settings)
        verifier = verifier or verifier_for(
            settings.tokens, settings.jwks, settings.issuer, settings.audience
        )
        max_body = settings.max_body
    shared_engine, shared_verifier = engine, verifier
    lock: AbstractContextManager[Any] = (
        nullcontext() if getattr(engine.store, "thread_safe", False) else threading.Lock()
    )

    app = FastAPI(
        title="tthc",
        version="1",
        summary="Run checked Vietnamese administrative procedures: cases, officers, deadlines.",
        responses=ERRORS,
    )

    @app.exception_handler(_Answer)
    async def answer(_: Request, error: _Answer) -> JSONResponse:
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

    async def officer(
        request: Request, authorization: Annotated[str | None, Header()] = None
    ) -> Officer:
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise _Answer(
                errors.problem(
                    401,
                    "unauthenticated",
                    "Thiếu mã truy cập (Authorization: Bearer …)",
                    "No bearer token (Authorization: Bearer …)",
                )
            )
        found = shared_verifier.verify(token.strip())
        if isinstance(found, Unauthenticated):
            raise _Answer(errors.problem(401, "unauthenticated", found.vi, found.en))
        request.scope.setdefault("state", {})["officer"] = found.id
        return found

    Who = Annotated[Officer, Depends(officer)]

    def locked(work: Callable[[], T]) -> T:
        with lock:
            return work()

    async def call(work: Callable[[], T]) -> T:
        """Run engine and store work in a worker thread: the request's one hop."""
        try:
            return await run_in_threadpool(locked, work)
        except StoreUnavailable:
            raise _Answer(errors.unavailable()) from None

    def visible(who: Officer, case_id: str) -> Case:
        """The case, if the officer's jurisdiction covers it (called inside `call`)."""
        case = shared_engine.case(case_id)
        if case is None or not _covers(who, case):
            raise _Answer(errors.not_found(case_id))
        return case

    async def on_case(who: Officer, case_id: str, work: Callable[[], T]) -> T:
        """`work` on a case the officer may see (else 404), in one hop to a worker thread."""

        def checked() -> T:
            visible(who, case_id)
            return work()

        return await call(checked)

    def result(done: Result) -> CommandResult | JSONResponse:
        if isinstance(done, Refused):
            return errors.refused(done)
        assert isinstance(done, Done)
        return CommandResult(case=done.case, events=list(done.events), replayed=done.replayed)

    def signature(body: SignatureBody | None) -> Any:
        if body is None:
            return None
        made = body.to_signature()
        if made is None:
            raise _Answer(
                errors.problem(
                    422,
                    "malformed",
                    "Chữ ký không phải base64",
                    "The signature value is not base64",
                )
            )
        return made

    @app.post("/v1/cases", status_code=201, response_model=CommandResult)
    async def submit(dossier: Dossier, who: Who, key: Key = None) -> Any:
        """File a dossier at the officer's one-stop desk (its province and commune)."""
        if dossier.province != who.province or who.commune not in (
            None,
            dossier.received_commune,
        ):
            return errors.problem(
                403,
                "wrong-jurisdiction",
                "Cán bộ không tiếp nhận hồ sơ tại địa bàn này",
                "The officer does not receive dossiers at this place",
            )
        return result(await call(lambda: shared_engine.submit(dossier, key=key)))

    @app.get("/v1/cases/{case_id}", response_model=Case)
    async def read(case_id: str, who: Who) -> Any:
        return await call(lambda: visible(who, case_id))

    @app.get("/v1/cases/{case_id}/history", response_model=list[Event])
    async def history(case_id: str, who: Who) -> Any:
        return await on_case(who, case_id, lambda: shared_engine.history(case_id))

    @app.get("/v1/cases/{case_id}/actions", response_model=list[ActionView])
    async def actions(case_id: str, who: Who) -> Any:
        found = await on_case(who, case_id, lambda: shared_engine.actions(case_id, who))
        return [
            ActionView(command=a.command, step=a.step, title=a.title, outcomes=list(a.outcomes))
            for a in found
        ]

    @app.post("/v1/cases/{case_id}/steps/{step}", response_model=CommandResult)
    async def act(case_id: str, step: str, body: StepBody, who: Who, key: Key = None) -> Any:
        return result(
            await on_case(
                who,
                case_id,
                lambda: shared_engine.act(
                    case_id,
                    step,
                    who,
                    body.outcome,
                    reasons=body.reasons,
                    new_due=body.new_due,
                    signature=signature(body.signature),
                    key=key,
                    expected_version=body.expected_version,
                ),
            )
        )

    @app.post("/v1/cases/{case_id}/supplement-request", response_model=CommandResult)
    async def request_supplement(
        case_id: str, body: SupplementRequestBody, who: Who, key: Key = None
    ) -> Any:
        return result(
            await on_case(
                who,
                case_id,
                lambda: shared_engine.request_supplement(
                    case_id, who, body.missing, key=key, expected_version=body.expected_version
                ),
            )
        )

    @app.post("/v1/cases/{case_id}/supplement", response_model=CommandResult)
    async def receive_supplement(
        case_id: str, body: SupplementBody, who: Who, key: Key = None
    ) -> Any:
        return result(
            await on_case(
                who,
                case_id,
                lambda: shared_engine.receive_supplement(
                    case_id, body.documents, who, key=key, expected_version=body.expected_version
                ),
            )
        )

    @app.post("/v1/cases/{case_id}/refusal", response_model=CommandResult)
    async def refuse(case_id: str, body: RefusalBody, who: Who, key: Key = None) -> Any:
        return result(
            await on_case(
                who,
                case_id,
                lambda: shared_engine.refuse(
                    case_id,
                    who,
                    body.reasons,
                    signature=signature(body.signature),
                    key=key,
                    expected_version=body.expected_version,
                ),
            )
        )

    @app.post("/v1/cases/{case_id}/result", response_model=CommandResult)
    async def return_result(case_id: str, body: ResultBody, who: Who, key: Key = None) -> Any:
        return result(
            await on_case(
                who,
                case_id,
                lambda: shared_engine.return_result(
                    case_id,
                    who,
                    signature=signature(body.signature),
                    key=key,
                    expected_version=body.expected_version,
                ),
            )
        )

    @app.post("/v1/cases/{case_id}/apology", response_model=CommandResult)
    async def apologise(case_id: str, body: ApologyBody, who: Who, key: Key = None) -> Any:
        return result(
            await on_case(
                who,
                case_id,
                lambda: shared_engine.apologise(
                    case_id,
                    who,
                    body.new_due,
                    body.reasons,
                    key=key,
                    expected_version=body.expected_version,
                ),
            )
        )

    @app.post("/v1/cases/{case_id}/withdrawal", response_model=CommandResult)
    async def withdraw(case_id: str, body: WithdrawalBody, who: Who, key: Key = None) -> Any:
        return result(
            await on_case(
                who,
                case_id,
                lambda: shared_engine.withdraw(
                    case_id, body.reason, who, key=key, expected_version=body.expected_version
                ),
            )
        )

    @app.get("/v1/worklist", response_model=list[WorkItemView])
    async def worklist(who: Who, page: int = 1, size: int = 50) -> Any:
        """The open cases of the officer's jurisdiction that wait on their role, the latest
        due first, `size` (at most 200) a page."""
        if page < 1 or not 1 <= size <= 200:
            return errors.problem(
                422,
                "malformed",
                "Trang bắt đầu từ 1; cỡ trang từ 1 đến 200",
                "Pages start at 1; a page holds 1 to 200 cases",
            )
        rows = await call(
            lambda: shared_engine.store.worklist(
                who.province, who.commune, who.role, size, (page - 1) * size
            )
        )
        return [WorkItemView(**vars(r)) for r in rows]

    @app.get("/v1/overdue", response_model=list[LateView])
    async def overdue(who: Who, limit: int = 100) -> Any:
        """The late cases of the officer's jurisdiction (for a commune officer, the cases their
        commune decides) and the body that is late, at most `limit` (up to 1,000)."""
        most = max(0, min(limit, 1000))

        def mine() -> list[Any]:
            found: list[Any] = []
            for row in shared_engine.overdue(limit=None):
                if len(found) >= most:
                    break
                if who.commune is not None and row.commune != who.commune:
                    continue  # another commune's: no need to read the case
                case = shared_engine.store.case(row.case_id)
                if case is not None and _covers(who, case):
                    found.append(row)
            return found

        return [LateView(**vars(row)) for row in await call(mine)]

    app.add_middleware(AccessLog)
    app.add_middleware(BodyLimit, max_body=max_body)
    return app


def _covers(who: Officer, case: Case) -> bool:
    """The officer's jurisdiction covers the case: same province and, for a commune officer,
    the commune that decides it or the one where it was filed."""
    return case.province == who.province and who.commune in (
        None,
        case.competent_commune,
        case.received_commune,
    )


def _engine(settings: Settings) -> Engine:
    try:
        text = settings.bundle.read_text(encoding="utf-8")
    except OSError as error:
        raise SettingsError(f"TTHC_BUNDLE: cannot read {settings.bundle}: {error}") from error
    loaded = load_bundle(text)
    if loaded.value is None:
        problems = "; ".join(d.message.en for d in loaded.diagnostics)
        raise SettingsError(f"TTHC_BUNDLE: not a usable bundle: {problems}")
    try:
        store = open_store(settings.database)
    except ValueError as error:
        raise SettingsError(f"TTHC_DATABASE_URL: {error}") from error
    try:
        policy = signature_policy(settings.trust_anchors, settings.certificates)
    except (OSError, ValueError) as error:
        raise SettingsError(f"TTHC_TRUST_ANCHORS / TTHC_CERTIFICATES: {error}") from error
    return Engine(loaded.value, store, signatures=policy)
