"""The routes of the HTTP API: each authenticates the officer, calls one engine method, answers.

Input: `Settings` (or, in tests and embedding portals, an `Engine` and a `Verifier` made by the
caller). Output: a FastAPI application. The engine does every check it does for an embedded
portal (authorisation, versions, idempotency); this layer adds only what HTTP needs:

- authentication: a bearer token, verified by `tthc.server.auth` at `tthc.server.gate` (no
  token, no access: 401);
- jurisdiction on reads: a case outside the officer's province or commune answers 404, exactly
  as one that does not exist, so ids cannot be probed; on a case the officer may see, every
  refusal answers with its reason (403 for authorisation, 409 for a clash with the case's state);
- the database's absence: 503 with `Retry-After`, nothing half-written (a command's writes are
  in one transaction, whole or not at all; a retry with the same `Idempotency-Key` is applied
  at most once).

What a request costs, and why (`docs/serving.md`, Performance, has the figures): the token is
checked by `tthc.server.gate` before FastAPI reads the request (a FastAPI dependency reflects
over its types on every request); the command routes are served by `tthc.server.commands`
without FastAPI's per-request machinery, through the same functions (`submitted`, `command`)
their FastAPI routes call; the routes are `async` and hop to a worker thread once, for
the engine and store work (`call`); answers are the engine's own values written to JSON by
pydantic (`answers.answer`) without the response model's second validation; the hot reads (a
case with its history, a work-list page) are one query each (`tthc.server.reads`). A store that
is not safe to share between threads (SQLite's one connection) is used under a lock, one
command at a time per process.

Why over 400 lines: it is the API's one table of routes, each a short function (call one engine
method, answer) whose decorator is its OpenAPI entry; they read together, in the order the
OpenAPI document lists them, and the shared parts (answers, errors, limits, models, auth, gate,
reads) already live in their own modules.
"""

import asyncio
import gc
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, asynccontextmanager, nullcontext
from typing import Annotated, Any, Literal, TypeVar

from fastapi import FastAPI, Query, Request
from fastapi.responses import Response
from fastapi.routing import APIRoute
from pydantic import TypeAdapter
from starlette.types import Scope

from tthc.compiler import load_bundle
from tthc.runtime import Action, Case, Done, Dossier, Engine, Event, Late, Officer, Refused, Result
from tthc.runtime.pipeline import Guard
from tthc.runtime.store import StoreUnavailable, open_store
from tthc.runtime.store.base import WorkItem
from tthc.server import errors
from tthc.server.answers import (
    COMMAND_ROUTE,
    ERRORS,
    NEXT_PAGE,
    Answer,
    answer,
    handle_problems,
    key_in,
    who_in,
    who_of,
)
from tthc.server.auth import Verifier, verifier_for
from tthc.server.commands import Commands, Fast
from tthc.server.gate import Gate, secure
from tthc.server.limits import AccessLog, BodyLimit
from tthc.server.models import (
    ACTIONS,
    CASE,
    CASE_WITH_HISTORY,
    COMMAND,
    EVENTS,
    LATE,
    WORK_ITEMS,
    ApologyBody,
    CaseWithHistory,
    CommandResult,
    RefusalBody,
    ResultBody,
    SignatureBody,
    StepBody,
    SupplementBody,
    SupplementRequestBody,
    TransferBody,
    Versioned,
    WithdrawalBody,
)
from tthc.server.reads import Cursor, reads_for
from tthc.server.settings import Settings, SettingsError, signature_policy

T = TypeVar("T")
DOSSIER: TypeAdapter[Dossier] = TypeAdapter(Dossier)
# Threads for the engine's work. More than a PostgreSQL store's connections: a command waits on
# its commit (the disk) holding a connection, and meanwhile others do their CPU work (moves,
# hashes) without one. Four threads (the pool's size) gave a third less throughput at 4 workers
# and 64 clients than 40 (anyio's default, which FastAPI used before): 220-230 against 310/s.
THREADS = 40


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
    threads = ThreadPoolExecutor(THREADS, thread_name_prefix="tthc-engine")

    def locked(work: Callable[[], T]) -> T:
        with lock:
            return work()

    async def call(work: Callable[[], T]) -> T:
        """Run engine and store work in a worker thread: the request's one hop."""
        try:
            return await asyncio.get_running_loop().run_in_executor(threads, locked, work)
        except StoreUnavailable:
            raise Answer(errors.unavailable()) from None

    reads = reads_for(engine, call)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> Any:
        await reads.open()
        # What the worker holds for its life (the bundle, its compiled procedures, the
        # routes) is set aside from the garbage collector: a full collection otherwise walks
        # all of it, a pause that lands on whichever requests are in flight (the p99).
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            await reads.close()
            threads.shutdown(wait=False)

    app = FastAPI(
        title="tthc",
        version="1",
        summary="Run checked Vietnamese administrative procedures: cases, officers, deadlines.",
        responses=ERRORS,
        lifespan=lifespan,
    )

    app.openapi = lambda: app.openapi_schema or _secured(app)  # type: ignore[method-assign]

    handle_problems(app)

    def visible(who: Officer, case_id: str) -> Case:
        """The case, if the officer's jurisdiction covers it (called inside `call`)."""
        case = shared_engine.case(case_id)
        if case is None or not _covers(who, case):
            raise Answer(errors.not_found(case_id))
        return case

    Work = Callable[[Officer, Guard], Result]

    def stepped(case_id: str, step: str, body: StepBody) -> Work:
        signed = signature(body.signature)
        return lambda who, guard: shared_engine.act(
            case_id,
            step,
            who,
            body.outcome,
            reasons=body.reasons,
            new_due=body.new_due,
            signature=signed,
            **guard,
        )

    def refused(case_id: str, _: str, body: RefusalBody) -> Work:
        signed = signature(body.signature)
        return lambda who, guard: shared_engine.refuse(
            case_id, who, body.reasons, signature=signed, **guard
        )

    def returned(case_id: str, _: str, body: ResultBody) -> Work:
        signed = signature(body.signature)
        return lambda who, guard: shared_engine.return_result(
            case_id, who, signature=signed, **guard
        )

    # Each command's engine call, by its body's type (one type a route): what the FastAPI
    # route and the fast path (`tthc.server.commands`) both call.
    works: dict[type[Versioned], Callable[[str, str, Any], Work]] = {
        StepBody: stepped,
        SupplementRequestBody: lambda case_id, _, body: (
            lambda who, guard: shared_engine.request_supplement(case_id, who, body.missing, **guard)
        ),
        SupplementBody: lambda case_id, _, body: (
            lambda who, guard: shared_engine.receive_supplement(
                case_id, body.documents, who, **guard
            )
        ),
        RefusalBody: refused,
        ResultBody: returned,
        ApologyBody: lambda case_id, _, body: (
            lambda who, guard: shared_engine.apologise(
                case_id, who, body.new_due, body.reasons, **guard
            )
        ),
        WithdrawalBody: lambda case_id, _, body: (
            lambda who, guard: shared_engine.withdraw(case_id, body.reason, who, **guard)
        ),
        TransferBody: lambda case_id, _, body: (
            lambda who, guard: shared_engine.transfer(case_id, who, **guard)
        ),
    }

    async def command(scope: Scope, case_id: str, step: str, body: Versioned) -> Response:
        """The command of `body`'s type on a case the officer may see (else 404), in one hop
        to a worker thread, answered with what it did or why not."""
        work = works[type(body)](case_id, step, body)
        who = who_in(scope)
        guard = Guard(key=key_in(scope), expected_version=body.expected_version)

        def checked() -> Result:
            visible(who, case_id)
            return work(who, guard)

        return result(await call(checked))

    async def submitted(scope: Scope, dossier: Dossier) -> Response:
        who = who_in(scope)
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
        key = key_in(scope)
        return result(await call(lambda: shared_engine.submit(dossier, key=key)), 201)

    def result(done: Result, status: int = 200) -> Response:
        if isinstance(done, Refused):
            return errors.refused(done)
        assert isinstance(done, Done)
        return answer(COMMAND, CommandResult(done.case, list(done.events), done.replayed), status)

    async def seen(who: Officer, case_id: str, history: bool) -> tuple[Case, list[Event]]:
        try:
            found = await reads.case(case_id, history)
        except StoreUnavailable:
            raise Answer(errors.unavailable()) from None
        if found is None or not _covers(who, found[0]):
            raise Answer(errors.not_found(case_id))
        return found

    @app.post("/v1/cases", status_code=201, **COMMAND_ROUTE)
    async def submit(dossier: Dossier, request: Request) -> Response:
        """File a dossier at the officer's one-stop desk (its province and commune)."""
        return await submitted(request.scope, dossier)

    @app.get("/v1/cases/{case_id}", response_model=CaseWithHistory)
    async def read(
        case_id: str, request: Request, include: Literal["history"] | None = None
    ) -> Response:
        """The case; with `include=history`, its audit trail too (`history`, oldest first),
        in one answer."""
        case, events = await seen(who_of(request), case_id, include == "history")
        if include == "history":
            return answer(CASE_WITH_HISTORY, CaseWithHistory.of(case, events))
        return answer(CASE, case)

    @app.get("/v1/cases/{case_id}/history", response_model=list[Event])
    async def history(case_id: str, request: Request) -> Response:
        """The case's audit trail, oldest first."""
        return answer(EVENTS, (await seen(who_of(request), case_id, True))[1])

    @app.get("/v1/cases/{case_id}/actions", response_model=list[Action])
    async def actions(case_id: str, request: Request) -> Response:
        """What the officer may do on the case now."""
        who = who_of(request)

        def mine() -> list[Action]:
            visible(who, case_id)
            return shared_engine.actions(case_id, who)

        return answer(ACTIONS, await call(mine))

    @app.post("/v1/cases/{case_id}/steps/{step}", **COMMAND_ROUTE)
    async def act(case_id: str, step: str, body: StepBody, request: Request) -> Response:
        """Perform an open step with an outcome (signed, where the step is digitally signed)."""
        return await command(request.scope, case_id, step, body)

    @app.post("/v1/cases/{case_id}/supplement-request", **COMMAND_ROUTE)
    async def request_supplement(
        case_id: str, body: SupplementRequestBody, request: Request
    ) -> Response:
        """Ask the applicant, once, for what the dossier lacks (the clock stops)."""
        return await command(request.scope, case_id, "", body)

    @app.post("/v1/cases/{case_id}/supplement", **COMMAND_ROUTE)
    async def receive_supplement(case_id: str, body: SupplementBody, request: Request) -> Response:
        """Receive the supplement the applicant was asked for (the clock runs again)."""
        return await command(request.scope, case_id, "", body)

    @app.post("/v1/cases/{case_id}/refusal", **COMMAND_ROUTE)
    async def refuse(case_id: str, body: RefusalBody, request: Request) -> Response:
        """Refuse the dossier, with reasons."""
        return await command(request.scope, case_id, "", body)

    @app.post("/v1/cases/{case_id}/result", **COMMAND_ROUTE)
    async def return_result(case_id: str, body: ResultBody, request: Request) -> Response:
        """Return the result to the applicant."""
        return await command(request.scope, case_id, "", body)

    @app.post("/v1/cases/{case_id}/apology", **COMMAND_ROUTE)
    async def apologise(case_id: str, body: ApologyBody, request: Request) -> Response:
        """Apologise for a late case and set its one new date (409 `apology-too-late` from the
        day before the due date)."""
        return await command(request.scope, case_id, "", body)

    @app.post("/v1/cases/{case_id}/withdrawal", **COMMAND_ROUTE)
    async def withdraw(case_id: str, body: WithdrawalBody, request: Request) -> Response:
        """Withdraw the dossier at the applicant's request."""
        return await command(request.scope, case_id, "", body)

    @app.post("/v1/cases/{case_id}/transfer", **COMMAND_ROUTE)
    async def transfer(case_id: str, body: TransferBody, request: Request) -> Response:
        """Move the open case onto the procedure version in force today, where a transfer of
        power in force allows it, by an officer of the body receiving it (409 `no-transfer`
        where none does)."""
        return await command(request.scope, case_id, "", body)

    @app.get("/v1/worklist", response_model=list[WorkItem], responses=NEXT_PAGE)
    async def worklist(
        request: Request,
        size: Annotated[int, Query(ge=1, le=200)] = 50,
        after: Annotated[str | None, Query(max_length=400)] = None,
        page: Annotated[int | None, Query(ge=1, le=1, deprecated=True)] = None,
    ) -> Response:
        """The open cases of the officer's jurisdiction that wait on their role, the latest
        due first, `size` (at most 200) a page; the next page is at the `Link` header's
        `rel="next"` (`after=` the cursor it carries), absent on the last page. (`page=` of
        the position-paged list answers 422 past page 1, rather than the first page again.)"""
        cursor = None
        if after is not None:
            cursor = Cursor.read(after)
            if cursor is None:
                return errors.problem(
                    422,
                    "malformed",
                    "Con trỏ trang không hợp lệ; hãy dùng liên kết 'next' của trang trước",
                    "Not a page cursor; follow the previous page's 'next' link",
                )
        try:
            who = who_of(request)
            rows = await reads.worklist(who.province, who.commune, who.role, size, cursor)
        except StoreUnavailable:
            return errors.unavailable()
        response = answer(WORK_ITEMS, rows)
        if len(rows) == size:
            following = Cursor.after(rows, cursor).text()
            response.headers["Link"] = f'</v1/worklist?size={size}&after={following}>; rel="next"'
        return response

    @app.get("/v1/overdue", response_model=list[Late])
    async def overdue(request: Request, limit: int = 100) -> Response:
        """The late cases of the officer's jurisdiction (for a commune officer, the cases their
        commune decides) and the body that is late, at most `limit` (up to 1,000)."""
        most, who = max(0, min(limit, 1000)), who_of(request)

        def mine() -> list[Late]:
            found: list[Late] = []
            for row in shared_engine.overdue(limit=None):
                if len(found) >= most:
                    break
                if who.commune is not None and row.commune != who.commune:
                    continue  # another commune's: no need to read the case
                case = shared_engine.store.case(row.case_id)
                if case is not None and _covers(who, case):
                    found.append(row)
            return found

        return answer(LATE, await call(mine))

    def signature(body: SignatureBody | None) -> Any:
        if body is None:
            return None
        made = body.to_signature()
        if made is None:
            raise Answer(
                errors.problem(
                    422,
                    "malformed",
                    "Chữ ký không phải base64",
                    "The signature value is not base64",
                )
            )
        return made

    def fast_routes() -> list[Fast]:
        """The command routes as FastAPI declared them: pattern, body type, handler."""
        found = []
        for route in app.routes:
            if not isinstance(route, APIRoute) or "POST" not in (route.methods or ()):
                continue
            kind = route.endpoint.__annotations__.get("body")
            if route.endpoint is submit:
                found.append(Fast(route.path_regex, DOSSIER, lambda s, _, d: submitted(s, d)))
            elif kind in works:
                found.append(
                    Fast(
                        route.path_regex,
                        TypeAdapter(kind),
                        lambda s, p, b: command(s, p["case_id"], p.get("step", ""), b),
                    )
                )
        return found

    # Innermost: the gate, the access log and the body limit apply to the fast path as well.
    app.add_middleware(Commands, routes=fast_routes)
    app.add_middleware(Gate, verifier=shared_verifier)
    app.add_middleware(AccessLog)
    app.add_middleware(BodyLimit, max_body=max_body)
    return app


def _secured(app: FastAPI) -> dict[str, Any]:
    app.openapi_schema = secure(FastAPI.openapi(app))
    return app.openapi_schema


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
