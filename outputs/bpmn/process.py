"""A procedure's flow as BPMN elements: tasks, gateways, events and sequence flows, no XML yet.

Input: a `Workflow` and the `Model` (for the lanes' names). Output: `Process`: its elements and
flows in a stable order, each flow with its condition (an outcome) or marked default.

The translation, one rule per BPMN demand (bpmnlint `recommended`, SpiffWorkflow, Zeebe):
- each step is a user task; `start` is a start event; each arrow into `end` gets an end event
  of its own, named by what happened ("Đã trả kết quả", "Đã từ chối"), so no end event joins;
- a step with several branches forks at a named exclusive gateway after the task (a task never
  splits by itself: `no-implicit-split`, and Spiff rejects conditional flows out of a task);
  each branch's flow carries its outcome as the condition; the `otherwise` branch is the
  gateway's default, and when none is written the last branch is (`conditional-flows`);
- a branch to `all(a, b)` forks at a named parallel gateway; `all(a, b) -> x` joins at a
  parallel gateway before `x`;
- a node reached by more than one flow gets an exclusive merge gateway before it, so a loop
  re-enters through an explicit merge (`fake-join`) and no gateway both joins and forks;
- a step with a duration gets a non-interrupting boundary timer, leading to an end event that
  marks the step late: the case goes on, the lateness is recorded.
Ids are derived from step ids with a prefix (`task_`, `gw_`, …), so none can be `Start`, `End`
or `<process>.EndJoin`, which SpiffWorkflow reserves (PEERS.md §8.6).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from tthc.compiler import END, START, Branch, Model, Workflow
from tthc.dsl import ast
from tthc.outputs import wording
from tthc.outputs.drawing import OTHERWISE


@dataclass(frozen=True)
class Element:
    id: str
    kind: str  # startEvent, endEvent, userTask, exclusiveGateway, parallelGateway, boundaryEvent
    name: str
    lane: str  # the authority id whose lane holds it ("" when no actor)
    step: str = ""  # the step id of a task
    attached_to: str = ""  # the task a boundary timer is attached to
    duration: str = ""  # ISO 8601 duration of a timer
    default: str = ""  # the default flow of an exclusive gateway
    forks: bool = False  # a forking gateway (named); a merging one is not


@dataclass(frozen=True)
class Flow:
    id: str
    source: str
    target: str
    name: str = ""
    outcome: str | None = None  # the condition: the step's outcome equals this


@dataclass
class Process:
    id: str
    name: str
    elements: list[Element] = field(default_factory=list)
    flows: list[Flow] = field(default_factory=list)
    lanes: dict[str, str] = field(default_factory=dict)  # authority id -> lane name

    def element(self, element_id: str) -> Element:
        return next(e for e in self.elements if e.id == element_id)


def safe_id(text: str) -> str:
    """An XML NCName from a step id (letters, digits, `_`)."""
    return re.sub(r"[^A-Za-z0-9_]", "_", text)


END_NAMES = {
    ast.StepKind.RESULT: "Đã trả kết quả",
    ast.StepKind.REFUSAL: "Đã từ chối",
    ast.StepKind.APOLOGY: "Đã xin lỗi, hẹn lại",
}


def iso_duration(duration: ast.Duration) -> str:
    """A step duration as an ISO 8601 duration in whole minutes (`PT4H48M`). A working day is
    counted as a calendar day and a working hour as an hour: BPMN timers know no calendar; the
    runtime's working-day calendar is what counts legally."""
    hours = {
        ast.DurationUnit.DAYS: Decimal(24),
        ast.DurationUnit.WORKING_DAYS: Decimal(24),
        ast.DurationUnit.HOURS: Decimal(1),
        ast.DurationUnit.WORKING_HOURS: Decimal(1),
    }[duration.unit]
    minutes = int((duration.amount * hours * 60).to_integral_value())
    days, rest = divmod(minutes, 24 * 60)
    hour, minute = divmod(rest, 60)
    text = "P" + (f"{days}D" if days else "")
    if hour or minute or not days:
        text += "T" + (f"{hour}H" if hour else "") + (f"{minute}M" if minute or not hour else "")
    return text


def build_process(workflow: Workflow, model: Model | None = None) -> Process:
    return _Builder(workflow, model).build()


class _Builder:
    """Builds one `Process`; each method adds the elements and flows of one rule above."""

    def __init__(self, workflow: Workflow, model: Model | None) -> None:
        self.workflow = workflow
        procedure = workflow.procedure
        self.steps = procedure.steps
        self.process = Process(id="tthc_" + safe_id(procedure.code), name=procedure.node.name)
        self.lane = {s: (step.actor.value if step.actor else "") for s, step in self.steps.items()}
        first = workflow.step_ids()[0] if self.steps else ""
        self.lane[START] = self.lane.get(first, "")
        for authority in dict.fromkeys(self.lane.values()):
            found = model.authorities.get(authority) if model else None
            title = found.title if found else (authority or "Không xác định")
            self.process.lanes[authority] = title
        self.arrivals = self._arrivals()
        self.flows = 0

    def build(self) -> Process:
        self.add(Element("ev_start", "startEvent", "Nộp hồ sơ", self.lane[START]))
        for node in self.workflow.step_ids():
            self._step(node)
        for target in [*self.workflow.step_ids(), END]:
            self._joins(target)
        for node in [START, *self.workflow.step_ids()]:
            self._branches(node)
        return self.process

    def add(self, element: Element) -> None:
        self.process.elements.append(element)

    def flow(self, source: str, target: str, name: str = "", outcome: str | None = None) -> str:
        self.flows += 1
        flow_id = f"flow_{self.flows}"
        self.process.flows.append(Flow(flow_id, source, target, name, outcome))
        return flow_id

    def _arrivals(self) -> dict[str, int]:
        """How many flows arrive at each step: plain arrows, and one per parallel join."""
        arrivals: dict[str, int] = {}
        for node in [START, *self.workflow.step_ids()]:
            for branch in self.workflow.branches(node):
                for target in branch.targets:
                    if target != END and self.workflow.join_of(branch, target) is None:
                        arrivals[target] = arrivals.get(target, 0) + 1
        for target in self.workflow.step_ids():
            arrivals[target] = arrivals.get(target, 0) + len(self.workflow.joins(target))
        return arrivals

    def _entry(self, target: str) -> str:
        """Where flows into a step arrive: its merge gateway when several do."""
        if self.arrivals.get(target, 0) > 1:
            return "merge_" + safe_id(target)
        return "task_" + safe_id(target)

    def _step(self, node: str) -> None:
        step, lane, task = self.steps[node], self.lane[node], "task_" + safe_id(node)
        self.add(Element(task, "userTask", step.title, lane, node))
        if self.arrivals.get(node, 0) > 1:
            merge = "merge_" + safe_id(node)
            self.add(Element(merge, "exclusiveGateway", "", lane))
            self.flow(merge, task)
        if step.duration is not None:
            timer, late = "timer_" + safe_id(node), "ev_late_" + safe_id(node)
            said = wording.duration(step.duration)
            duration = iso_duration(step.duration)
            self.add(
                Element(
                    timer, "boundaryEvent", f"Quá {said}", lane, attached_to=task, duration=duration
                )
            )
            self.add(Element(late, "endEvent", "Bước bị trễ hạn", lane))
            self.flow(timer, late)

    def _joins(self, target: str) -> None:
        for number, join in enumerate(self.workflow.joins(target), start=1):
            join_id = f"join_{safe_id(target)}_{number}"
            owner = self.lane.get(target, self.lane[join.sources[0]] if join.sources else "")
            self.add(Element(join_id, "parallelGateway", "", owner))
            if target == END:
                end_id = f"ev_end_{join_id}"
                self.add(Element(end_id, "endEvent", "Kết thúc", owner))
                self.flow(join_id, end_id)
            else:
                self.flow(join_id, self._entry(target))

    def _arrival(self, source: str, index: int, branch: Branch, target: str) -> str:
        """The element an arrow of `branch` arrives at: a join, an end event of its own, or the
        target's entry."""
        join = self.workflow.join_of(branch, target)
        if join is not None:
            return f"join_{safe_id(target)}_{self.workflow.joins(target).index(join) + 1}"
        if target != END:
            return self._entry(target)
        end_id = f"ev_end_{safe_id(source)}_{index}"
        kind = self.workflow.kind(source)
        name = END_NAMES.get(kind, "Kết thúc") if kind else "Kết thúc"
        self.add(Element(end_id, "endEvent", name, self.lane[source]))
        return end_id

    def _branches(self, node: str) -> None:
        branches = self.workflow.branches(node)
        source = "ev_start" if node == START else "task_" + safe_id(node)
        choice = len(branches) > 1
        default = next((i for i, b in enumerate(branches) if b.default), len(branches) - 1)
        gateway = "gw_" + safe_id(node)
        if choice:
            title = self.steps[node].title if node in self.steps else "Bắt đầu"
            name = f"{title}: kết quả?"
            self.add(Element(gateway, "exclusiveGateway", name, self.lane[node], forks=True))
            self.flow(source, gateway)
            source = gateway
        for index, branch in enumerate(branches):
            outcome = None
            if choice and index != default:
                outcome = branch.outcome or f"nhanh_{index + 1}"
            name = wording.outcome(outcome) if outcome else (OTHERWISE if choice else "")
            targets = [self._arrival(node, index, branch, t) for t in branch.targets]
            if branch.parallel:
                fork = f"fork_{safe_id(node)}_{index + 1}"
                self.add(
                    Element(fork, "parallelGateway", "Làm song song", self.lane[node], forks=True)
                )
                flow_id = self.flow(source, fork, name, outcome)
                for target in targets:
                    self.flow(fork, target)
            else:
                flow_id = self.flow(source, targets[0], name, outcome)
            if choice and index == default:
                elements = self.process.elements
                position = elements.index(self.process.element(gateway))
                elements[position] = replace(elements[position], default=flow_id)
