"""Refusals and failures as HTTP answers: a JSON `Problem` with a stable code, a message in
Vietnamese and English, and the status a portal's HTTP client understands.

Input: a `Refused` from the engine, or the server's own reason (no token, a body too large, a
malformed body, the database down). Output: a `JSONResponse`. Nothing in an answer echoes a
token, a stack trace or a database message: the reason is the engine's or one written here.
"""

from __future__ import annotations

from fastapi.responses import JSONResponse

from tthc.runtime import Reason, Refused

# Who may not do this (403), what does not exist for the caller (404), what clashes with the
# case's state (409), what the request says wrongly (422).
STATUS: dict[Reason, int] = {
    Reason.WRONG_ROLE: 403,
    Reason.DELEGATION_INVALID: 403,
    Reason.ROLE_NOT_VALID: 403,
    Reason.WRONG_JURISDICTION: 403,
    Reason.UNKNOWN_CASE: 404,
    Reason.UNKNOWN_PROCEDURE: 404,
    Reason.STALE_VERSION: 409,
    Reason.KEY_REUSED: 409,
    Reason.CASE_CLOSED: 409,
    Reason.STEP_NOT_OPEN: 409,
    Reason.SUPPLEMENT_LIMIT: 409,
    Reason.NOT_WAITING: 409,
    Reason.APOLOGY_LIMIT: 409,
    # The apology's day has passed (it is sent the day before the due date at the latest):
    # the case's dates, not the request, stand in the way; no retry of it can succeed.
    Reason.APOLOGY_TOO_LATE: 409,
    # No transfer of power in force moves this case to the version in force today: the state
    # of the case and of the law, not a malformed request.
    Reason.NO_TRANSFER: 409,
    # The signer's certificate is on a revocation list: a credential no longer good for the
    # act, as a role that is no longer valid is.
    Reason.CERTIFICATE_REVOKED: 403,
}


def problem(status: int, code: str, vi: str, en: str, case_id: str | None = None) -> JSONResponse:
    body = {"code": code, "message": {"vi": vi, "en": en}, "case_id": case_id}
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status_code=status, headers=headers)


def refused(result: Refused) -> JSONResponse:
    status = STATUS.get(result.reason, 422)
    return problem(
        status, result.reason.value, result.message.vi, result.message.en, result.case_id
    )


def not_found(case_id: str) -> JSONResponse:
    """A case the caller may not see answers exactly as one that does not exist."""
    return problem(
        404, Reason.UNKNOWN_CASE.value, f"Không có hồ sơ {case_id}", f"No case {case_id}"
    )


def unavailable() -> JSONResponse:
    response = problem(
        503,
        "unavailable",
        "Cơ sở dữ liệu tạm thời không truy cập được; hãy thử lại với cùng khóa chống lặp",
        "The database is unavailable for now; retry with the same idempotency key",
    )
    response.headers["Retry-After"] = "1"
    return response
