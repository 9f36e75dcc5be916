"""What project-scope rules see of a procedure: its header and deciding steps, small enough to
travel between processes and to be cached, and the same after the trip."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path
from random import Random

from tthc.compiler import ProcedureModel, load_project
from tthc.dsl import ast
from tthc.rules.engine.file_check import FileResult
from tthc.rules.engine.pickling import dumps, loads
from tthc.rules.engine.summary import process_digest, summarize

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


def test_the_process_digest_writes_each_amount_as_a_format_field_would() -> None:
    """The digest (TT606 compares it across procedures and the cache keeps it) writes amounts
    with `str`; any amount, in any exponent, reads the same as `format(amount, "")`, so the
    digest is the one first defined with an f-string field."""
    project = load_project([CLEAN], [HERE / "registry"])
    (procedure,) = project.model.procedures
    random = Random(2025)
    for _ in range(300):
        steps = []
        for step in procedure.node.steps:
            digits = tuple(random.randint(0, 9) for _ in range(random.randint(1, 8)))
            amount = Decimal((random.randint(0, 1), digits, random.randint(-9, 4)))
            duration = ast.Duration(span=step.span, amount=amount, unit=random.choice(UNITS))
            steps.append(replace_step(step, duration))
        changed = ProcedureModel(
            node=replace_node(procedure.node, tuple(steps)), steps={}, components={}
        )
        assert process_digest(changed) != ""
        assert process_digest(changed) == formatted_digest(changed)


UNITS = list(ast.DurationUnit)


def replace_step(step: ast.Step, duration: ast.Duration) -> ast.Step:
    values = dict(zip(step._fields, step._values(step), strict=True))
    values["duration"] = duration
    return ast.Step(**values)


def replace_node(node: ast.Procedure, steps: tuple[ast.Step, ...]) -> ast.Procedure:
    values = dict(zip(node._fields, node._values(node), strict=True))
    values["steps"] = steps
    return ast.Procedure(**values)


def formatted_digest(procedure: ProcedureModel) -> str:
    """The digest as first written: each amount as an f-string field."""
    lines = []
    for step in procedure.node.steps:
        who = "-" if step.actor is None else step.actor.value
        time = step.duration
        if time is None:
            lines.append(f"{step.kind.value} {who} -")
        else:
            lines.append(f"{step.kind.value} {who} {time.amount} {time.unit.value}")
    text = "\n".join(lines)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()
