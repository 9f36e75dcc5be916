"""The moves of one command on a working copy of a case: the token game and the audit events.

Input: a `Moves` holds the engine's context for one command (the bundle's registry, the
procedure and its workflow, the calendar, the clock's time, the case copy). Output: the case
changed in place, and the events and notifications the command appends, ready for one atomic
`Write`. Nothing here touches the store: a command that is refused part-way leaves its copy
unused, so no case is ever half-written.

The token game is the compiler's (`tthc.compiler.workflow`): performing a step takes one of
its branches (the one whose outcome is named, `otherwise` for the default, none when the step
has one plain branch) and puts a token on each target, or on the join's slot when the arrival
waits at a parallel join; `end` closes the case. A supplement step is performed in two halves:
the request (the token waits, the clock stops) and the applicant's answer (the token moves on
along the `clock paused` arrow, and the limit is counted again from zero, Decree 61/2018
Art. 19, from the day the complete dossier arrives). Any other `clock paused` arrow stops the
clock from the moment it is taken until its target step is done; the dates then move by the
working days the clock stood.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from tthc.compiler import Branch, Model, ProcedureModel, Workflow
from tthc.compiler.analysis.calendar import Calendar
from tthc.compiler.analysis.settings import Settings
from tthc.dsl import ast
from tthc.runtime.audit import GENESIS, chain
from tthc.runtime.case import REFUSED, RESOLVED, Case, Handoff
from tthc.runtime.deadlines import case_due, due_of_duration
from tthc.runtime.values import Event, Notification, Reason, Refused, refuse

Kind = ast.StepKind
OTHERWISE = "otherwise"


def outcome_names(workflow: Workflow, step: str) -> list[str | None]:
    """The outcomes a step may be performed with: each named one, `otherwise` for the
    default branch, `None` for a plain branch."""
    return [OTHERWISE if b.default else b.outcome for b in workflow.branches(step)]


def choose(workflow: Workflow, step: str, outcome: str | None) -> Branch | None:
    for branch in workflow.branches(step):
        name = OTHERWISE if branch.default else branch.outcome
        if name == outcome:
            return branch
    return None


def into_supplement(procedure: ProcedureModel, branch: Branch) -> bool:
    return any(
        (s := procedure.steps.get(t)) is not None and s.kind is Kind.SUPPLEMENT
        for t in branch.targets
    )


def refusal_steps(procedure: ProcedureModel) -> frozenset[str]:
    """The steps of `procedure` that refuse: a case that went through one closes refused."""
    return frozenset(name for name, s in procedure.steps.items() if s.kind is Kind.REFUSAL)


@dataclass
class Moves:
    registry: Model
    procedure: ProcedureModel
    workflow: Workflow
    calendar: Calendar
    settings: Settings
    now: dt.datetime
    case: Case
    # The procedure's refusal steps, found once per procedure (`refusal_steps`), not at every
    # arrival at a result step or at the end.
    refusals: frozenset[str]
    last_hash: str = GENESIS
    next_seq: int = 1
    events: list[Event] = field(default_factory=list)
    notifications: list[Notification] = field(default_factory=list)
    stamp: str = ""  # the command's time as the audit chain hashes it, made at its first event

    @property
    def today(self) -> dt.date:
        return self.now.date()

    # -- the trail --------------------------------------------------------------------------

    def record(self, kind: str, actor: dict[str, Any] | None, data: dict[str, Any]) -> None:
        if not self.stamp:
            self.stamp = self.now.isoformat()
        event = chain(
            self.case.id, self.next_seq, kind, self.now, actor, data, self.last_hash, self.stamp
        )
        self.events.append(event)
        self.last_hash, self.next_seq = event.hash, self.next_seq + 1

    def notify(self, kind: str, data: dict[str, Any] | None = None) -> None:
        seq = self.next_seq - 1  # the event this notification follows
        self.notifications.append(
            Notification(f"{self.case.id}:{seq}:{kind}", self.case.id, kind, self.now, data or {})
        )

    # -- the token game ---------------------------------------------------------------------

    def enter(self, node: str) -> None:
        case = self.case
        if node == self.workflow.end:
            self.close()
            return
        if case.closed:
            return
        case.open_steps.append(node)
        step = self.procedure.steps[node]
        if step.kind is Kind.CONSULTATION and step.counterpart is not None:
            due = due_of_duration(self.calendar, self.today, step.duration, self.settings)
            case.handoff = Handoff(node, step.counterpart.value, self.today, due)
            self.record(
                "handoff_started",
                None,
                {"step": node, "body": step.counterpart.value, "due": due.isoformat()},
            )
        if step.kind is Kind.RESULT and self.refusals.isdisjoint(case.done_steps):
            self.notify("result_ready", {"step": node})

    def take(self, source: str, branch: Branch) -> None:
        stops = (
            branch.paused
            and self.case.due is not None
            and source in self.procedure.steps
            and self.procedure.steps[source].kind is not Kind.SUPPLEMENT
        )
        for target in branch.targets:
            if stops and target != self.workflow.end:
                self.stop_clock(target)
            join = self.workflow.join_of(branch, target)
            if join is None:
                self.enter(target)
                continue
            key = f"{join.target}@{join.span.line}:{join.span.column}"
            arrived = self.case.joins.setdefault(key, [])
            if source not in arrived:
                arrived.append(source)
            if all(s in arrived for s in join.sources):
                del self.case.joins[key]
                self.enter(join.target)

    def stop_clock(self, step: str) -> None:
        """A `clock paused` arrow other than the supplement's: the time until `step` is done
        (the applicant paying, another body's notice) does not count."""
        self.case.stopped, self.case.stopped_since = step, self.today
        self.record("clock_stopped", None, {"step": step})

    def resume_clock(self) -> None:
        """The stopped step is done: the dates move by the working days the clock stood."""
        case = self.case
        assert case.stopped_since is not None
        stood = self.calendar.working_days_between(
            case.stopped_since + dt.timedelta(days=1), self.today
        )
        if stood and case.due is not None:
            case.due = self.calendar.next_working_day(case.due, stood)
        if stood and case.new_due is not None:
            case.new_due = self.calendar.next_working_day(case.new_due, stood)
        case.stopped, case.stopped_since = None, None
        due = None if case.due is None else case.due.isoformat()
        self.record("clock_resumed", None, {"working_days": stood, "due": due})

    def finish(self, step: str, branch: Branch) -> None:
        """The step is done: its token leaves along `branch`."""
        if self.case.stopped == step:
            self.resume_clock()
        self.case.open_steps.remove(step)
        self.case.done_steps.append(step)
        if self.case.handoff is not None and self.case.handoff.step == step:
            self.case.handoff = None
        self.take(step, branch)

    def start_clock(self, received: dt.datetime) -> None:
        """The dossier is complete from `received`: the limit counts from its day of receipt."""
        case = self.case
        case.counts_from = self.calendar.day_of_receipt(received, case.paper)
        case.due = case_due(self.calendar, self.procedure, case.counts_from, self.settings)
        case.new_due = None
        due = None if case.due is None else case.due.isoformat()
        self.record(
            "clock_started", None, {"counts_from": case.counts_from.isoformat(), "due": due}
        )

    def close(self) -> None:
        case = self.case
        refused = not self.refusals.isdisjoint(case.done_steps)
        case.status = REFUSED if refused else RESOLVED
        case.closed_at = self.now
        # On time against the first date: a new date after an apology is still late.
        case.on_time = case.due is None or self.today <= case.due
        case.open_steps.clear()
        case.joins.clear()
        case.handoff, case.stopped, case.stopped_since = None, None, None
        self.record("closed", None, {"status": case.status, "on_time": case.on_time})

    def holder(self) -> str:
        """Who holds the dossier now (kept in the case for the overdue query)."""
        case = self.case
        if case.closed:
            return ""
        if case.waiting is not None:
            return "applicant"
        if case.handoff is not None:
            return case.handoff.body
        steps = self.procedure.steps
        if len(case.open_steps) == 1:  # the usual case: one token, one actor
            actor = steps[case.open_steps[0]].actor
            return "" if actor is None else actor.value
        actors = [steps[s].actor for s in case.open_steps]
        return ",".join(dict.fromkeys(a.value for a in actors if a is not None))


def bad_outcome(workflow: Workflow, step: str, outcome: str | None, case_id: str) -> Refused:
    names = ", ".join(str(n) for n in outcome_names(workflow, step))
    return refuse(
        Reason.BAD_OUTCOME,
        f"Bước '{step}' không có kết quả '{outcome}'; các kết quả: {names}",
        f"Step '{step}' has no outcome '{outcome}'; its outcomes: {names}",
        case_id,
    )
