"""`Engine`: the runtime a portal embeds. Commands in, `Done` or `Refused` out.

Input: one or more `Bundle`s (each case runs under the bundle it started with), a `Store`, a
`Calendar` (by default the package's calendar with the bundle's calendar data), a clock (a
function giving Vietnam's local time: tests pass their own) and optionally the `Settings` and
the `SignaturePolicy`. Output: every command returns a `Result`; a refused command changed
nothing but the refusal log; a done one changed the case, its events, its notifications and its
idempotency receipt in one store transaction.

Every command goes through `_run`: the idempotency key (a key seen with the same command gives
the earlier result, `replayed`; with another command, `key-reused`), the case's version (a
stale `expected_version` is refused), the bundle and procedure the case is pinned to, the work
on a copy (`Moves`), then one `Write`. This module is past 400 lines (about 600) because it is
the one public surface of the runtime: each command is its signature, its argument check
(`malformed`) and a few lines over `_run`, and what each kind of step means is already in
`steps`, `moves` and `submission`; splitting the commands would scatter the API a portal reads.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from tthc.compiler import Bundle, BundledProcedure, ProcedureModel, Workflow, build_procedure
from tthc.compiler.analysis.calendar import Calendar
from tthc.compiler.analysis.memo import Memo
from tthc.compiler.analysis.settings import Settings
from tthc.compiler.deploy import verify_procedure
from tthc.dsl import Message, ast
from tthc.runtime import steps
from tthc.runtime.authorise import authorise
from tthc.runtime.case import WITHDRAWN, Case
from tthc.runtime.moves import Moves, outcome_names
from tthc.runtime.operations import Late, overdue, verify_case
from tthc.runtime.signatures import SignaturePolicy
from tthc.runtime.store.base import (
    Conflict,
    Receipt,
    RefusalRecord,
    Store,
    Write,
)
from tthc.runtime.submission import submit
from tthc.runtime.values import (
    Done,
    Dossier,
    Event,
    Officer,
    Reason,
    Refused,
    Result,
    Signature,
    digest,
    malformed,
    refuse,
)

Kind = ast.StepKind
CHANNELS = ("direct", "postal", "online")


@dataclass(frozen=True)
class Action:
    """Something an officer may do now: the command, the step, its title and outcomes."""

    command: str
    step: str | None
    title: str
    outcomes: tuple[str | None, ...] = ()


def _local_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).replace(tzinfo=None)


class Engine:
    def __init__(
        self,
        bundle: Bundle | Sequence[Bundle],
        store: Store,
        calendar: Calendar | None = None,
        clock: Callable[[], dt.datetime] = _local_now,
        settings: Settings | None = None,
        signatures: SignaturePolicy | None = None,
        new_id: Callable[[], str] = lambda: uuid.uuid4().hex,
    ) -> None:
        bundles = [bundle] if isinstance(bundle, Bundle) else list(bundle)
        self.bundles = {b.version: b for b in bundles}
        self.bundle = bundles[-1]  # new cases start under the last one given
        self.store = store
        self.calendar = calendar or Calendar(self.bundle.calendar)
        self.clock = clock
        self.settings = settings or Settings()
        self.signatures = signatures or SignaturePolicy()
        self.new_id = new_id
        self._memos = {version: Memo() for version in self.bundles}
        self._procedures: dict[str, tuple[ProcedureModel, Workflow]] = {}

    # -- set-up -----------------------------------------------------------------------------

    def _procedure(self, bundled: BundledProcedure) -> tuple[ProcedureModel, Workflow]:
        found = self._procedures.get(bundled.digest)
        if found is None:
            if not verify_procedure(bundled):
                raise ValueError(f"procedure {bundled.code} does not match its digest")
            model = bundled.model()
            found = self._procedures[bundled.digest] = (model, build_procedure(model))
        return found

    def _moves(self, case: Case, now: dt.datetime) -> Moves | Refused:
        bundle = self.bundles.get(case.bundle)
        pinned = None if bundle is None else bundle.by_digest(case.procedure_digest)
        if bundle is None or pinned is None:
            return refuse(
                Reason.NOT_IN_FORCE,
                f"Hồ sơ chạy theo gói {case.bundle}, gói này chưa được nạp",
                f"The case runs under bundle {case.bundle}, which is not loaded",
                case.id,
            )
        procedure, workflow = self._procedure(pinned)
        return Moves(
            bundle.registry,
            procedure,
            workflow,
            self.calendar,
            self.settings,
            now,
            case,
            case.last_hash,
            case.seq + 1,
        )

    # -- the command pipeline ---------------------------------------------------------------

    def _refused(self, command: str, refused: Refused, actor: Officer | None) -> Refused:
        message = json.dumps(
            {"vi": refused.message.vi, "en": refused.message.en}, ensure_ascii=False
        )
        record = RefusalRecord(
            refused.case_id,
            self.clock(),
            actor.id if actor else None,
            command,
            refused.reason,
            message,
        )
        self.store.record_refusal(record)
        return refused

    def _replay(
        self, command: str, key: str | None, request: str, actor: Officer | None
    ) -> Result | None:
        if key is None:
            return None
        receipt = self.store.receipt(key)
        if receipt is None:
            return None
        if receipt.request != request:
            return self._refused(
                command,
                refuse(
                    Reason.KEY_REUSED,
                    "Khóa chống lặp đã dùng cho một lệnh khác",
                    "This idempotency key was used for another command",
                    receipt.case_id,
                ),
                actor,
            )
        case = self.store.case(receipt.case_id)
        assert case is not None  # a receipt is written with its case
        return Done(case, (), replayed=True)

    def _commit(self, moves: Moves, expected: int | None, key: str | None, request: str) -> Result:
        case = moves.case
        case.holder = moves.holder()
        case.seq, case.last_hash = moves.next_seq - 1, moves.last_hash
        case.version = (expected or 0) + 1
        receipt = Receipt(key, request, case.id, case.version) if key else None
        write = Write(case, expected, tuple(moves.events), tuple(moves.notifications), receipt)
        conflict = self.store.commit(write)
        if conflict is Conflict.STALE:
            return refuse(
                Reason.STALE_VERSION,
                "Hồ sơ vừa được người khác cập nhật; hãy tải lại",
                "The case was changed by someone else meanwhile; reload it",
                case.id,
            )
        if conflict is Conflict.KEY_TAKEN and key is not None:
            # Another process committed a command with this key between our look-up and our
            # write (a client retrying on two portal workers at once): answer as its replay.
            replayed = self._replay("commit", key, request, None)
            if replayed is not None:
                return replayed
        if conflict is Conflict.KEY_TAKEN:
            return refuse(
                Reason.KEY_REUSED,
                "Khóa chống lặp vừa được dùng cho một lệnh khác",
                "This idempotency key was just used for another command",
                case.id,
            )
        if conflict is Conflict.EXISTS:
            return refuse(
                Reason.MALFORMED,
                f"Mã hồ sơ {case.id} đã tồn tại",
                f"Case id {case.id} is taken",
                case.id,
            )
        return Done(case, tuple(moves.events))

    def _run(
        self,
        command: str,
        case_id: object,
        actor: Officer | None,
        key: str | None,
        expected: int | None,
        arguments: dict[str, Any],
        body: Callable[[Moves], Refused | None],
        closed_ok: bool = False,
    ) -> Result:
        if not isinstance(case_id, str) or not (actor is None or isinstance(actor, Officer)):
            return self._refused(
                command,
                refuse(
                    Reason.MALFORMED,
                    "Lệnh thiếu mã hồ sơ hoặc cán bộ",
                    "Malformed command: case id or officer",
                    None,
                ),
                None,
            )
        # The command's digest is kept only with an idempotency key.
        request = "" if key is None else digest(command, {"case": case_id, **arguments})
        replayed = self._replay(command, key, request, actor)
        if replayed is not None:
            return replayed
        case = self.store.case(case_id)
        if case is None:
            refused = refuse(
                Reason.UNKNOWN_CASE, f"Không có hồ sơ {case_id}", f"No case {case_id}", case_id
            )
            return self._refused(command, refused, actor)
        if expected is not None and expected != case.version:
            refused = refuse(
                Reason.STALE_VERSION,
                f"Hồ sơ đang ở phiên bản {case.version}, lệnh dựa trên phiên bản {expected}",
                f"The case is at version {case.version}; the command was based on {expected}",
                case_id,
            )
            return self._refused(command, refused, actor)
        if case.closed and not closed_ok:
            refused = refuse(
                Reason.CASE_CLOSED,
                f"Hồ sơ đã kết thúc ({case.status})",
                f"The case is over ({case.status})",
                case_id,
            )
            return self._refused(command, refused, actor)
        moves = self._moves(case, self.clock())
        if isinstance(moves, Refused):
            return self._refused(command, moves, actor)
        refused_now = body(moves)
        if refused_now is not None:
            return self._refused(command, refused_now, actor)
        done = self._commit(moves, case.version, key, request)
        return self._refused(command, done, actor) if isinstance(done, Refused) else done

    def _authorised(self, moves: Moves, step_id: str, officer: Officer) -> Refused | None:
        case = moves.case
        if step_id not in case.open_steps or step_id not in moves.procedure.steps:
            names = ", ".join(case.open_steps) or "-"
            return refuse(
                Reason.STEP_NOT_OPEN,
                f"Bước '{step_id}' không đang mở; các bước đang mở: {names}",
                f"Step '{step_id}' is not open; the open steps: {names}",
                case.id,
            )
        step = moves.procedure.steps[step_id]
        memo = self._memos[case.bundle]
        return authorise(
            moves.registry, moves.procedure, step, officer, case, moves.today, self.settings, memo
        )

    # -- commands ---------------------------------------------------------------------------

    def submit(
        self, dossier: Dossier, key: str | None = None, case_id: str | None = None
    ) -> Result:
        """File a dossier. A dossier lacking a required component is received only as a
        supplement request listing what is missing."""
        return submit(self, dossier, key, case_id)

    def act(
        self,
        case_id: str,
        step: str,
        officer: Officer,
        outcome: str | None = None,
        *,
        reasons: Sequence[str] = (),
        new_due: dt.date | None = None,
        signature: Signature | None = None,
        key: str | None = None,
        expected_version: int | None = None,
    ) -> Result:
        """Perform an open step with an outcome (`otherwise` for the default branch)."""
        bad = malformed(
            case_id=case_id,
            step=step,
            officer=officer,
            outcome=outcome,
            reasons=reasons,
            new_due=new_due,
            signature=signature,
            key=key,
            expected_version=expected_version,
        )
        if bad is not None:
            return self._refused("act", bad, None)
        arguments = {
            "step": step,
            "officer": officer,
            "outcome": outcome,
            "reasons": list(reasons),
            "new_due": new_due,
            "signature": signature and signature.digest,
        }

        def body(moves: Moves) -> Refused | None:
            return self._authorised(moves, step, officer) or steps.perform(
                moves, step, officer, outcome, reasons, new_due, signature, self.signatures
            )

        return self._run("act", case_id, officer, key, expected_version, arguments, body)

    def request_supplement(
        self,
        case_id: str,
        officer: Officer,
        missing: Sequence[str],
        *,
        key: str | None = None,
        expected_version: int | None = None,
    ) -> Result:
        """Ask the applicant, once, for everything missing (the open supplement step)."""
        bad = malformed(
            case_id=case_id,
            officer=officer,
            missing=missing,
            key=key,
            expected_version=expected_version,
        )
        if bad is not None:
            return self._refused("request_supplement", bad, None)
        arguments = {"officer": officer, "missing": list(missing)}

        def body(moves: Moves) -> Refused | None:
            step = self._open_of_kind(moves, Kind.SUPPLEMENT)
            if isinstance(step, Refused):
                return step
            return self._authorised(moves, step, officer) or steps.request(
                moves, step, officer, missing
            )

        return self._run(
            "request_supplement", case_id, officer, key, expected_version, arguments, body
        )

    def receive_supplement(
        self,
        case_id: str,
        documents: Sequence[str],
        officer: Officer | None = None,
        *,
        key: str | None = None,
        expected_version: int | None = None,
    ) -> Result:
        """The applicant's supplement arrives: the clock starts again from zero."""
        bad = malformed(
            case_id=case_id,
            documents=documents,
            by=officer,
            key=key,
            expected_version=expected_version,
        )
        if bad is not None:
            return self._refused("receive_supplement", bad, None)
        arguments = {"officer": officer, "documents": list(documents)}
        return self._run(
            "receive_supplement",
            case_id,
            officer,
            key,
            expected_version,
            arguments,
            lambda moves: steps.receive(moves, documents, officer),
        )

    def refuse(
        self,
        case_id: str,
        officer: Officer,
        reasons: Sequence[str],
        *,
        signature: Signature | None = None,
        key: str | None = None,
        expected_version: int | None = None,
    ) -> Result:
        """Refuse with reasons: the open refusal step, or the open step whose branch leads to
        one followed by it, in one command."""
        bad = malformed(
            case_id=case_id,
            officer=officer,
            reasons=reasons,
            signature=signature,
            key=key,
            expected_version=expected_version,
        )
        if bad is not None:
            return self._refused("refuse", bad, None)
        arguments = {
            "officer": officer,
            "reasons": list(reasons),
            "signature": signature and signature.digest,
        }

        def body(moves: Moves) -> Refused | None:
            step = self._open_of_kind(moves, Kind.REFUSAL)
            if isinstance(step, Refused):
                route = self._route_to_refusal(moves)
                if route is None:
                    return step
                before, outcome = route
                refused = self._authorised(moves, before, officer) or steps.perform(
                    moves, before, officer, outcome
                )
                if refused is not None:
                    return refused
                step = self._open_of_kind(moves, Kind.REFUSAL)
                if isinstance(step, Refused):
                    return step
            outcome = outcome_names(moves.workflow, step)[0]
            return self._authorised(moves, step, officer) or steps.perform(
                moves, step, officer, outcome, reasons, None, signature, self.signatures
            )

        return self._run("refuse", case_id, officer, key, expected_version, arguments, body)

    def return_result(
        self,
        case_id: str,
        officer: Officer,
        *,
        signature: Signature | None = None,
        key: str | None = None,
        expected_version: int | None = None,
    ) -> Result:
        """Return the result (the open result step)."""
        bad = malformed(
            case_id=case_id,
            officer=officer,
            signature=signature,
            key=key,
            expected_version=expected_version,
        )
        if bad is not None:
            return self._refused("return_result", bad, None)
        arguments = {"officer": officer, "signature": signature and signature.digest}

        def body(moves: Moves) -> Refused | None:
            step = self._open_of_kind(moves, Kind.RESULT)
            if isinstance(step, Refused):
                return step
            outcome = outcome_names(moves.workflow, step)[0]
            return self._authorised(moves, step, officer) or steps.perform(
                moves, step, officer, outcome, (), None, signature, self.signatures
            )

        return self._run("return_result", case_id, officer, key, expected_version, arguments, body)

    def apologise(
        self,
        case_id: str,
        officer: Officer,
        new_due: dt.date,
        reasons: Sequence[str] = (),
        *,
        key: str | None = None,
        expected_version: int | None = None,
    ) -> Result:
        """The apology letter and the one new date, by an officer who holds an open step."""
        bad = malformed(
            case_id=case_id,
            officer=officer,
            required_new_due=new_due,
            reasons=reasons,
            key=key,
            expected_version=expected_version,
        )
        if bad is not None:
            return self._refused("apologise", bad, None)
        arguments = {"officer": officer, "new_due": new_due, "reasons": list(reasons)}

        def body(moves: Moves) -> Refused | None:
            if not isinstance(new_due, dt.date):
                return refuse(
                    Reason.MALFORMED, "Ngày hẹn mới không hợp lệ", "Malformed new date", case_id
                )
            refusals = [self._authorised(moves, s, officer) for s in moves.case.open_steps]
            if not refusals or all(r is not None for r in refusals):
                return next((r for r in refusals if r), None) or refuse(
                    Reason.WRONG_ROLE,
                    "Không có bước nào đang mở cho cán bộ này",
                    "No open step is this officer's",
                    case_id,
                )
            refused = steps.check_apology(moves, new_due)
            if refused is not None:
                return refused
            steps.apologise(moves, officer, new_due, list(reasons))
            return None

        return self._run("apologise", case_id, officer, key, expected_version, arguments, body)

    def withdraw(
        self,
        case_id: str,
        reason: str,
        officer: Officer | None = None,
        *,
        key: str | None = None,
        expected_version: int | None = None,
    ) -> Result:
        """The applicant withdraws the dossier (through the portal, or at the desk: `officer`)."""
        bad = malformed(
            case_id=case_id, reason=reason, by=officer, key=key, expected_version=expected_version
        )
        if bad is not None:
            return self._refused("withdraw", bad, None)
        arguments = {"officer": officer, "reason": reason}

        def body(moves: Moves) -> Refused | None:
            case = moves.case
            case.status, case.closed_at, case.on_time = WITHDRAWN, moves.now, None
            case.open_steps.clear()
            case.joins.clear()
            case.waiting, case.handoff, case.stopped, case.stopped_since = None, None, None, None
            moves.record("withdrawn", officer.to_json() if officer else None, {"reason": reason})
            moves.notify("withdrawn")
            return None

        return self._run("withdraw", case_id, officer, key, expected_version, arguments, body)

    # -- helpers of the commands ------------------------------------------------------------

    def _open_of_kind(self, moves: Moves, kind: ast.StepKind) -> str | Refused:
        found = [s for s in moves.case.open_steps if moves.procedure.steps[s].kind is kind]
        if found:
            return found[0]
        return refuse(
            Reason.STEP_NOT_OPEN,
            f"Không có bước loại '{kind.value}' đang mở",
            f"No open step of kind '{kind.value}'",
            moves.case.id,
        )

    def _route_to_refusal(self, moves: Moves) -> tuple[str, str | None] | None:
        for step in moves.case.open_steps:
            for branch in moves.workflow.branches(step):
                targets = [moves.procedure.steps.get(t) for t in branch.targets]
                if any(t is not None and t.kind is Kind.REFUSAL for t in targets):
                    return step, "otherwise" if branch.default else branch.outcome
        return None

    # -- reading ----------------------------------------------------------------------------

    def case(self, case_id: str) -> Case | None:
        return self.store.case(case_id)

    def history(self, case_id: str) -> list[Event]:
        return self.store.events(case_id)

    def verify(self, case_id: str) -> list[Message]:
        """The breaks of a case's audit chain (`tthc.runtime.operations.verify_case`)."""
        return verify_case(self.store, case_id)

    def actions(self, case_id: str, officer: Officer) -> list[Action]:
        """What this officer may do on the case now."""
        case = self.store.case(case_id)
        if case is None or case.closed:
            return []
        moves = self._moves(case, self.clock())
        if isinstance(moves, Refused):
            return []
        found: list[Action] = []
        for step_id in case.open_steps:
            if self._authorised(moves, step_id, officer) is None:
                step = moves.procedure.steps[step_id]
                outcomes = tuple(outcome_names(moves.workflow, step_id))
                found.append(Action("act", step_id, step.title, outcomes))
        if case.waiting is not None:
            found.append(Action("receive_supplement", case.waiting, "Nhận hồ sơ bổ sung"))
        due = case.effective_due
        if (
            found
            and due is not None
            and case.apologies < self.settings.max_reappointments
            and moves.today >= due
        ):
            found.append(Action("apologise", None, "Xin lỗi và hẹn lại ngày trả kết quả"))
        return found

    def overdue(self, today: dt.date | None = None, limit: int | None = None) -> list[Late]:
        """The overdue cases on `today` (default: the clock's), each with the late body."""
        return overdue(self.store, today or self.clock().date(), limit)

    def indicators(
        self,
        first: dt.date,
        last: dt.date,
        procedure: str | None = None,
        commune: str | None = None,
    ) -> list[Any]:
        return self.store.indicators(first, last, self.clock().date(), procedure, commune)
