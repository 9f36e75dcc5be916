"""What project-scope rules see of a procedure: its header and deciding steps, small enough to
travel between processes and to be cached, and the same after the trip."""

from __future__ import annotations

from pathlib import Path

from tthc.compiler import load_project
from tthc.dsl import ast
from tthc.rules.engine.file_check import FileResult
from tthc.rules.engine.pickling import dumps, loads
from tthc.rules.engine.summary import summarize

HERE = Path(__file__).resolve().parent
CLEAN = HERE / "cases" / "clean_birth_registration.tthc"
DECIDING = {ast.StepKind.DECISION, ast.StepKind.SIGNATURE}


def test_a_summary_keeps_the_header_and_the_deciding_steps_only() -> None:
    project = load_project([CLEAN], [HERE / "registry"])
    (procedure,) = project.model.procedures
    summary = summarize(procedure)
    node = summary.node
    for name in ("code", "name", "level", "effective", "until", "power", "moved", "links"):
        assert getattr(node, name) == getattr(procedure.node, name), name
    assert node.flow == () and node.dossier == () and node.fees == ()
    kept = [s for s in procedure.node.steps if s.kind in DECIDING]
    assert kept and list(node.steps) == kept and list(summary.steps.values()) == kept
    assert len(dumps(node)) * 3 < len(dumps(procedure.node))


def test_a_file_result_comes_back_equal_after_the_trip() -> None:
    project = load_project([CLEAN], [HERE / "registry"])
    summaries = tuple(summarize(p) for p in project.model.procedures)
    result = FileResult(tuple(project.diagnostics), summaries)
    again = FileResult.from_wire(loads(dumps(result.to_wire())))
    assert again == result


def test_anything_else_is_not_a_file_result() -> None:
    for value in (None, (), ((), (), "yes"), (("x",), (), False), 42):
        assert FileResult.from_wire(value) is None
