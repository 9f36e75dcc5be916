"""Differential run of the BPMN export against the runtime: for every procedure version of the
corpus and a set of outcome choices (all goes well, refused, late with an apology, a supplement
first), SpiffWorkflow executing `tthc export`'s BPMN performs the
same steps in the same order as the tthc runtime (`Engine`) does. When several steps are open
at once (a parallel split), both take the one with the smallest id first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from SpiffWorkflow.bpmn.parser.BpmnParser import BpmnValidator
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.spiff.parser.process import SpiffBpmnParser
from SpiffWorkflow.util.task import TaskState

from tthc.compiler import Workflow, build_procedure
from tthc.dsl import ast
from tthc.outputs.bpmn import build_process, to_bpmn
from tthc.outputs.bpmn.process import safe_id
from tthc.runtime import Done, Dossier, Engine

OTHERWISE = "otherwise"
Choose = Callable[[str, list[str | None]], str | None]
LIMIT = 40


def _happy(step: str, outcomes: list[str | None]) -> str | None:
    for wanted in ("complete", "eligible"):
        if wanted in outcomes:
            return wanted
    return OTHERWISE if OTHERWISE in outcomes else outcomes[0]


def _refused(step: str, outcomes: list[str | None]) -> str | None:
    return OTHERWISE if "eligible" in outcomes else _happy(step, outcomes)


def _late(step: str, outcomes: list[str | None]) -> str | None:
    for wanted in ("late", "needs_more_time"):
        if wanted in outcomes:
            return wanted
    return _happy(step, outcomes)


def _supplement_first(step: str, outcomes: list[str | None]) -> str | None:
    return OTHERWISE if "complete" in outcomes else _happy(step, outcomes)


CHOICES: dict[str, Choose] = {
    "happy": _happy,
    "refused": _refused,
    "late": _late,
    "supplement": _supplement_first,
}


def _outcomes(workflow: Workflow, step: str) -> list[str | None]:
    return [OTHERWISE if b.default else b.outcome for b in workflow.branches(step)]


def _by_runtime(
    engine: Engine, desk: Any, code: str, workflow: Workflow, choose: Choose
) -> list[str]:
    bundled = engine.bundle.in_force(code, engine.clock().date())
    assert bundled is not None
    dossier = Dossier(
        procedure=code,
        applicant={"name": "Nguyễn Thị Lan", "id": "001190000001"},
        channel="direct",
        province="01",
        received_commune="00004",
        competent_commune="00004",
        documents=tuple(bundled.model().components),
    )
    submitted = engine.submit(dossier)
    assert isinstance(submitted, Done), submitted
    case_id = submitted.case.id
    done: list[str] = []
    for _ in range(LIMIT):
        case = engine.case(case_id)
        assert case is not None
        if case.closed:
            break
        if case.waiting:
            officer = desk.officer_for(case_id, case.waiting)
            components = list(bundled.model().components)
            result = engine.receive_supplement(case_id, case.missing or components[:1], officer)
            assert result.ok, result
            continue
        assert case.open_steps, (code, done)
        step = min(case.open_steps, key=safe_id)
        if workflow.kind(step) is ast.StepKind.SUPPLEMENT:
            officer = desk.officer_for(case_id, step)
            first = next(iter(bundled.model().components))
            result = engine.request_supplement(case_id, officer, [first])
        else:
            outcomes = _outcomes(workflow, step)
            result = desk.perform(
                case_id, step, choose(step, outcomes) if len(outcomes) > 1 else None
            )
        assert result.ok, (code, step, result)
        done.append(step)
    final = engine.case(case_id)
    assert final is not None and final.closed, (code, done)
    return done


def _by_spiff(xml: str, workflow: Workflow, choose: Choose) -> list[str]:
    parser = SpiffBpmnParser(validator=BpmnValidator())
    parser.add_bpmn_str(xml.encode("utf-8"))
    process_id = build_process(workflow).id
    case = BpmnWorkflow(parser.get_spec(process_id), parser.get_subprocess_specs(process_id))
    case.do_engine_steps()
    steps = {f"task_{safe_id(s)}": s for s in workflow.step_ids()}
    done: list[str] = []
    for _ in range(LIMIT):
        ready = case.get_tasks(state=TaskState.READY, manual=True)
        if not ready:
            break
        task = min(ready, key=lambda t: t.task_spec.bpmn_id)
        step = steps[task.task_spec.bpmn_id]
        outcomes = _outcomes(workflow, step)
        if len(outcomes) > 1:
            chosen = choose(step, outcomes)
            task.data["outcome"] = None if chosen == OTHERWISE else chosen
        task.run()
        case.do_engine_steps()
        done.append(step)
    assert case.is_completed()
    return done


def _filing_day(effective: dt.date | None, until: dt.date | None) -> dt.date:
    """A working day on which the version is in force (as the runtime scenarios choose it)."""
    last = until or dt.date.max
    day = min(max(dt.date(min(last.year, 2026), 3, 4), effective or dt.date.min), last)
    while day.weekday() >= 5 and day < last:
        day += dt.timedelta(days=1)
    return day


@pytest.mark.parametrize("choice", sorted(CHOICES))
def test_spiffworkflow_and_the_runtime_take_the_same_steps(
    engine: Engine, desk: Any, clock: Any, choice: str
) -> None:
    choose = CHOICES[choice]
    for version in engine.bundle.procedures:
        filed = _filing_day(version.effective, version.until)
        clock.now = dt.datetime.combine(filed, dt.time(9, 0))
        procedure = version.model()
        workflow = build_procedure(procedure)
        xml = to_bpmn(workflow, engine.bundle.registry)
        runtime = _by_runtime(engine, desk, version.code, workflow, choose)
        assert _by_spiff(xml, workflow, choose) == runtime, (version.code, choice)
