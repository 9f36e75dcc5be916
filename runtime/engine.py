"""`Engine`: the runtime a portal embeds. Commands in, `Done` or `Refused` out.

Input: one or more `Bundle`s (each case runs under the bundle it started with), a `Store`, a
`Calendar` (by default the package's calendar with the bundle's calendar data), a clock (a
function giving Vietnam's local time: tests pass their own) and optionally the `Settings` and
the `SignaturePolicy`. Output: every command returns a `Result`; a refused command changed
nothing but the refusal log; a done one changed the case, its events, its notifications and its
idempotency receipt in one store transaction.

Each command is its signature and its body: what it does to the working copy of the case once
`tthc.runtime.pipeline` has checked its arguments, its idempotency key, its case and version;
the pipeline then writes it. What each kind of step means is in `steps`, `moves` and
`submission`; the queries a portal reads are at the end.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Unpack

from tthc.dsl import Message, ast
from tthc.runtime import steps
from tthc.runtime.case import WITHDRAWN, Case
from tthc.runtime.moves import Moves, outcome_names
from tthc.runtime.operations import Late, overdue, verify_case
from tthc.runtime.pipeline import Guard, Pipeline
from tthc.runtime.store.base import Period
from tthc.runtime.submission import submit
from tthc.runtime.transfer import move_to_new_version
from tthc.runtime.values import Dossier, Event, Officer, Reason, Refused, Result, Signature, refuse

Kind = ast.StepKind


@dataclass(frozen=True)
class Action:
    """Something an officer may do now: the command, the step, its title and outcomes."""

    command: str
    step: str | None
    title: str
    outcomes: tuple[str | None, ...] = ()


class Engine(Pipeline):
    """`Engine(bundles, store, calendar=None, clock=<Vietnam local time>, settings=None,
    signatures=None, new_id=<random hex>)`: the commands and queries of a portal."""

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
        **guard: Unpack[Guard],
    ) -> Result:
        """Perform an open step with an outcome (`otherwise` for the default branch)."""

        def body(moves: Moves) -> Refused | None:
            return self._authorised(moves, step, officer) or steps.perform(
                moves, step, officer, outcome, reasons, new_due, signature, self.signatures
            )

        return self._run(
            "act",
            body,
            guard,
            case_id=case_id,
            step=step,
            officer=officer,
            outcome=outcome,
            reasons=reasons,
            new_due=new_due,
            signature=signature,
        )

    def request_supplement(
        self,
        case_id: str,
        officer: Officer,
        missing: Sequence[str],
        **guard: Unpack[Guard],
    ) -> Result:
        """Ask the applicant, once, for everything missing (the open supplement step)."""

        def body(moves: Moves) -> Refused | None:
            step = self._open_of_kind(moves, Kind.SUPPLEMENT)
            if isinstance(step, Refused):
                return step
            return self._authorised(moves, step, officer) or steps.request(
                moves, step, officer, missing
            )

        return self._run(
            "request_supplement", body, guard, case_id=case_id, officer=officer, missing=missing
        )

    def receive_supplement(
        self,
        case_id: str,
        documents: Sequence[str],
        officer: Officer | None = None,
        **guard: Unpack[Guard],
    ) -> Result:
        """The applicant's supplement arrives: the clock starts again from zero."""

        def body(moves: Moves) -> Refused | None:
            return steps.receive(moves, documents, officer)

        return self._run(
            "receive_supplement", body, guard, case_id=case_id, by=officer, documents=documents
        )

    def refuse(
        self,
        case_id: str,
        officer: Officer,
        reasons: Sequence[str],
        *,
        signature: Signature | None = None,
        **guard: Unpack[Guard],
    ) -> Result:
        """Refuse with reasons: the open refusal step, or the open step whose branch leads to
        one followed by it, in one command."""

        def body(moves: Moves) -> Refused | None:
            if isinstance(self._open_of_kind(moves, Kind.REFUSAL), Refused):
                route = self._route_to_refusal(moves)
                if route is not None:
                    before, outcome = route
                    refused = self._authorised(moves, before, officer) or steps.perform(
                        moves, before, officer, outcome
                    )
                    if refused is not None:
                        return refused
            return self._perform_open(moves, Kind.REFUSAL, officer, reasons, signature)

        return self._run(
            "refuse",
            body,
            guard,
            case_id=case_id,
            officer=officer,
            reasons=reasons,
            signature=signature,
        )

    def return_result(
        self,
        case_id: str,
        officer: Officer,
        *,
        signature: Signature | None = None,
        **guard: Unpack[Guard],
    ) -> Result:
        """Return the result (the open result step)."""

        def body(moves: Moves) -> Refused | None:
            return self._perform_open(moves, Kind.RESULT, officer, (), signature)

        return self._run(
            "return_result", body, guard, case_id=case_id, officer=officer, signature=signature
        )

    def apologise(
        self,
        case_id: str,
        officer: Officer,
        new_due: dt.date,
        reasons: Sequence[str] = (),
        **guard: Unpack[Guard],
    ) -> Result:
        """The apology letter and the one new date, by an officer who holds an open step."""

        def body(moves: Moves) -> Refused | None:
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

        return self._run(
            "apologise",
            body,
            guard,
            case_id=case_id,
            officer=officer,
            required_new_due=new_due,
            reasons=reasons,
        )

    def withdraw(
        self,
        case_id: str,
        reason: str,
        officer: Officer | None = None,
        **guard: Unpack[Guard],
    ) -> Result:
        """The applicant withdraws the dossier (through the portal, or at the desk: `officer`)."""

        def body(moves: Moves) -> Refused | None:
            case = moves.case
            case.status, case.closed_at, case.on_time = WITHDRAWN, moves.now, None
            case.open_steps.clear()
            case.joins.clear()
            case.waiting, case.handoff, case.stopped, case.stopped_since = None, None, None, None
            moves.record("withdrawn", officer.to_json() if officer else None, {"reason": reason})
            moves.notify("withdrawn")
            return None

        return self._run("withdraw", body, guard, case_id=case_id, by=officer, reason=reason)

    def transfer(self, case_id: str, officer: Officer, **guard: Unpack[Guard]) -> Result:
        """Move the open case onto the procedure version in force today, when a transfer of
        power in force allows it, by an officer of the body receiving it
        (`tthc.runtime.transfer`: the rules and what is kept)."""

        def body(moves: Moves) -> Refused | None:
            bundled = self.bundle.in_force(moves.case.procedure, moves.today)
            build = None if bundled is None else self._procedure(bundled)
            memo = self._memos[self.bundle.version]
            return move_to_new_version(moves, self.bundle, memo, officer, self.settings, build)

        return self._run("transfer", body, guard, case_id=case_id, officer=officer)

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

    def _perform_open(
        self,
        moves: Moves,
        kind: ast.StepKind,
        officer: Officer,
        reasons: Sequence[str],
        signature: Signature | None,
    ) -> Refused | None:
        """The open step of `kind`, performed along its first outcome by `officer`."""
        step = self._open_of_kind(moves, kind)
        if isinstance(step, Refused):
            return step
        outcome = outcome_names(moves.workflow, step)[0]
        return self._authorised(moves, step, officer) or steps.perform(
            moves, step, officer, outcome, reasons, None, signature, self.signatures
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
            and moves.today <= due - dt.timedelta(days=self.settings.apology_days_before)
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
        return self.store.indicators(Period(first, last, self.clock().date(), procedure, commune))
