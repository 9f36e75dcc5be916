"""What performing a step means, kind by kind, on the working copy of a case (`Moves`).

Input: the `Moves` of one command, the step, the officer (already authorised by the caller, or
`None` for what the system does at the door) and the command's arguments. Output: `None` when
the step is done (the case changed in place, events and notifications appended), else a
`Refused`, checked before anything changes.

- a refusal step needs reasons; an apology step a new date (once: Decree 61/2018 Art. 19(9),
  `Settings.max_reappointments`), sent at the latest the day before the date the result is
  due (the same clause, `Settings.apology_days_before`: a case already late gets no new date
  and stays overdue); a step marked `signs digital` a valid signature
  (`tthc.runtime.signatures`);
- a reception step taken towards the processing (not towards a supplement) needs every required
  component, and starts the clock from the filing time;
- a supplement step is a request (once: `Settings.max_supplement_requests`) listing what is
  missing; the token waits until `receive` moves it on and the clock starts again from zero.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from tthc.dsl import ast
from tthc.runtime.moves import Moves, bad_outcome, choose, into_supplement
from tthc.runtime.signatures import SignaturePolicy, verify_signature
from tthc.runtime.values import Officer, Reason, Refused, Signature, refuse

Kind = ast.StepKind


def missing_components(moves: Moves, documents: Sequence[str]) -> list[str]:
    have = set(documents)
    return [c for c, comp in moves.procedure.components.items() if comp.required and c not in have]


def perform(
    moves: Moves,
    step_id: str,
    officer: Officer | None,
    outcome: str | None,
    reasons: Sequence[str] = (),
    new_due: dt.date | None = None,
    signature: Signature | None = None,
    policy: SignaturePolicy | None = None,
) -> Refused | None:
    case = moves.case
    step = moves.procedure.steps[step_id]
    if step.kind is Kind.SUPPLEMENT:
        return request(moves, step_id, officer, reasons)
    branch = choose(moves.workflow, step_id, outcome)
    if branch is None:
        return bad_outcome(moves.workflow, step_id, outcome, case.id)
    data: dict[str, Any] = {"step": step_id, "outcome": outcome}
    if step.kind is Kind.REFUSAL:
        if not reasons:
            return refuse(
                Reason.NO_REASONS,
                "Từ chối phải nêu rõ lý do bằng văn bản",
                "A refusal must state its reasons",
                case.id,
            )
        data["reasons"] = list(reasons)
    if step.kind is Kind.APOLOGY:
        refused = check_apology(moves, new_due)
        if refused is not None:
            return refused
    if step.signs is ast.SignatureKind.DIGITAL and officer is not None:
        if signature is None:
            return refuse(
                Reason.SIGNATURE_REQUIRED,
                f"Bước '{step_id}' phải ký số văn bản kết quả",
                f"Step '{step_id}' must be digitally signed",
                case.id,
            )
        refused = verify_signature(
            signature, officer, moves.now, policy or SignaturePolicy(), case.id
        )
        if refused is not None:
            return refused
        data["signature"] = {
            "digest": signature.digest,
            "value": signature.value.hex(),
            "certificate": signature.certificate,
            "chain": list(signature.chain),
        }
    starts_clock = step.kind is Kind.RECEPTION and not into_supplement(moves.procedure, branch)
    if starts_clock and case.missing:
        return refuse(
            Reason.MISSING_COMPONENTS,
            f"Hồ sơ còn thiếu: {', '.join(case.missing)}; chỉ có thể yêu cầu bổ sung",
            f"The dossier lacks: {', '.join(case.missing)}; only a supplement request is possible",
            case.id,
        )
    # Every check passed: from here on the case changes.
    moves.record("step_done", officer.to_json() if officer else None, data)
    if step.kind is Kind.REFUSAL:
        moves.notify("refused", {"reasons": list(reasons)})
    if step.kind is Kind.APOLOGY and new_due is not None:
        apologise(moves, officer, new_due, list(reasons))
    if starts_clock:
        moves.start_clock(case.filed_at)
    moves.finish(step_id, branch)
    return None


def request(
    moves: Moves, step_id: str, officer: Officer | None, missing: Sequence[str]
) -> Refused | None:
    """The supplement request: the applicant is told, once, everything that is missing."""
    case = moves.case
    if case.supplements >= moves.settings.max_supplement_requests:
        return refuse(
            Reason.SUPPLEMENT_LIMIT,
            "Đã yêu cầu bổ sung hồ sơ một lần; không được yêu cầu thêm",
            "A supplement was already requested once; no further request is allowed",
            case.id,
        )
    if not missing:
        return refuse(
            Reason.NO_REASONS,
            "Yêu cầu bổ sung phải nêu đầy đủ nội dung cần bổ sung",
            "A supplement request must list everything that is missing",
            case.id,
        )
    case.open_steps.remove(step_id)
    case.waiting = step_id
    case.supplements += 1
    case.missing = list(missing)
    moves.record(
        "supplement_requested",
        officer.to_json() if officer else None,
        {"step": step_id, "missing": list(missing)},
    )
    moves.notify("supplement_requested", {"missing": list(missing)})
    return None


def receive(moves: Moves, documents: Sequence[str], officer: Officer | None) -> Refused | None:
    """The applicant's supplement: the token moves on and the limit counts again from zero."""
    case = moves.case
    step_id = case.waiting
    if step_id is None:
        return refuse(
            Reason.NOT_WAITING,
            "Hồ sơ không ở trạng thái chờ bổ sung",
            "The case is not waiting for a supplement",
            case.id,
        )
    unknown = [d for d in documents if d not in moves.procedure.components]
    if unknown:
        return unknown_documents(unknown, case.id)
    everything = list(dict.fromkeys([*case.documents, *documents]))
    still = missing_components(moves, everything)
    if still:
        return refuse(
            Reason.MISSING_COMPONENTS,
            f"Hồ sơ bổ sung vẫn còn thiếu: {', '.join(still)}",
            f"The supplemented dossier still lacks: {', '.join(still)}",
            case.id,
        )
    branches = moves.workflow.branches(step_id)
    if not branches:
        return bad_outcome(moves.workflow, step_id, None, case.id)
    case.documents, case.missing, case.waiting = everything, [], None
    moves.record(
        "supplement_received",
        officer.to_json() if officer else None,
        {"step": step_id, "documents": list(documents)},
    )
    moves.notify("supplement_received")
    moves.start_clock(moves.now)
    case.open_steps.append(step_id)
    moves.finish(step_id, branches[0])
    return None


def check_apology(moves: Moves, new_due: dt.date | None) -> Refused | None:
    case = moves.case
    if case.apologies >= moves.settings.max_reappointments:
        return refuse(
            Reason.APOLOGY_LIMIT,
            "Đã hẹn lại ngày trả kết quả một lần; không được hẹn lại lần nữa",
            "The result was already re-appointed once; it may not be re-appointed again",
            case.id,
        )
    due = case.effective_due
    latest = due and due - dt.timedelta(days=moves.settings.apology_days_before)
    if due is not None and latest is not None and moves.today > latest:
        return refuse(
            Reason.APOLOGY_TOO_LATE,
            f"Văn bản xin lỗi và hẹn lại phải gửi chậm nhất ngày {latest:%d/%m/%Y}, "
            f"trước ngày hẹn trả kết quả {due:%d/%m/%Y}; hồ sơ đã quá hạn",
            f"The apology and new date had to be sent by {latest.isoformat()}, before the "
            f"result was due on {due.isoformat()}; the case is late",
            case.id,
        )
    if (
        new_due is None
        or (due is not None and new_due <= due)
        or not moves.calendar.is_working_day(new_due)
    ):
        return refuse(
            Reason.BAD_DATE,
            "Ngày hẹn mới phải là ngày làm việc sau ngày hẹn trả kết quả",
            "The new date must be a working day after the date the result was due",
            case.id,
        )
    return None


def apologise(moves: Moves, officer: Officer | None, new_due: dt.date, reasons: list[str]) -> None:
    """The apology letter and the one new date (Mẫu 04, Circular 03/2025/TT-VPCP)."""
    case = moves.case
    old = case.effective_due
    case.new_due = new_due
    case.apologies += 1
    moves.record(
        "apology",
        officer.to_json() if officer else None,
        {"due": old and old.isoformat(), "new_due": new_due.isoformat(), "reasons": reasons},
    )
    moves.notify("late", {"due": old and old.isoformat(), "new_due": new_due.isoformat()})


def unknown_documents(unknown: Sequence[str], case_id: str | None) -> Refused:
    return refuse(
        Reason.UNKNOWN_DOCUMENT,
        f"Thành phần hồ sơ không có trong thủ tục: {', '.join(unknown)}",
        f"Not a dossier component of the procedure: {', '.join(unknown)}",
        case_id,
    )
