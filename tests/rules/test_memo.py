"""What the checks work out once and keep: answers shared by the rules of one run (`Memo`), and
the analyses kept per workflow, which go away with their workflow."""

from __future__ import annotations

import weakref
from dataclasses import replace
from pathlib import Path

from tthc.compiler import Workflow, build_procedure, load_project
from tthc.compiler.analysis.competence import competence
from tthc.compiler.analysis.flow.graph import graph_of
from tthc.compiler.analysis.flow.repeats import repeats
from tthc.compiler.analysis.memo import Memo
from tthc.compiler.analysis.settings import Settings
from tthc.dsl import ast
from tthc.rules import RULES, ProcedureContext
from tthc.rules.authority.decisions import deciding, decisions
from tthc.rules.deadlines import longest_path, timed_steps
from tthc.rules.engine.runner import run_rules
from tthc.rules.engine.summary import summarize
from tthc.rules.soundness import analyse

HERE = Path(__file__).resolve().parent
REGISTRY = HERE / "registry"
CLEAN = HERE / "cases" / "clean_birth_registration.tthc"


def test_a_memo_works_an_answer_out_once() -> None:
    memo, asked = Memo(), []

    def answer() -> int:
        asked.append(1)
        return 42

    assert memo.get(("question", 1), answer) == 42
    assert memo.get(("question", 1), answer) == 42
    assert memo.get(("question", 2), answer) == 42
    assert len(asked) == 2


def test_procedure_and_project_rules_share_the_answers_of_one_memo() -> None:
    project = load_project([CLEAN], [REGISTRY])
    (workflow,) = project.workflows
    registry, memo, settings = replace(project.model, procedures=()), Memo(), Settings()
    procedure = ProcedureContext(registry, workflow, settings, memo)
    first = [answer for _, _, answer in decisions(procedure)]
    again = [answer for _, _, answer in decisions(procedure)]
    summary = summarize(workflow.procedure)
    seen = [answer for _, _, answer in deciding(registry, summary, settings, memo)]
    assert first and all(a is b is c for a, b, c in zip(first, again, seen, strict=True))


def test_a_competence_answer_is_the_answer_asked_alone() -> None:
    project = load_project([CLEAN], [REGISTRY])
    (workflow,) = project.workflows
    procedure = ProcedureContext(replace(project.model, procedures=()), workflow)
    first = [answer for _, _, answer in decisions(procedure)]
    (step,) = [s for s in workflow.procedure.node.steps if s.kind is ast.StepKind.DECISION]
    assert step.actor is not None and procedure.procedure.node.power is not None
    alone = competence(
        project.model, step.actor.value, procedure.procedure.node.power.value, procedure.on
    )
    assert (alone.competent, alone.chain, alone.reason) == (
        first[0].competent,
        first[0].chain,
        first[0].reason,
    )
    assert alone.explanation == first[0].explanation


def test_the_findings_are_the_same_whatever_the_order_the_rules_run_in() -> None:
    cases = sorted((HERE / "cases").glob("TT2*_fail*.tthc"))
    project = load_project(cases, [REGISTRY])
    forward = run_rules(project, RULES)
    backward = run_rules(project, tuple(reversed(RULES)))
    assert sorted(map(repr, forward)) == sorted(map(repr, backward))


def test_what_is_kept_per_workflow_goes_with_the_workflow() -> None:
    project = load_project([CLEAN], [REGISTRY])
    (kept,) = project.workflows
    workflow: Workflow | None = build_procedure(kept.procedure)
    assert workflow is not None
    analyse(workflow)
    assert graph_of(workflow).reached_components
    repeats(workflow, ast.StepKind.SUPPLEMENT, 1)
    longest_path(workflow)
    timed_steps(workflow)
    gone = weakref.ref(workflow)
    del workflow
    assert gone() is None  # no cycle: `tthc check` runs with the collector off


def test_a_fresh_workflow_gets_fresh_analyses() -> None:
    project = load_project([CLEAN], [REGISTRY])
    (workflow,) = project.workflows
    fresh = build_procedure(workflow.procedure)
    assert graph_of(fresh) is not graph_of(workflow)
    assert analyse(fresh) is not analyse(workflow)
    assert analyse(fresh) is analyse(fresh)
    assert analyse(fresh).dead_ends == []
