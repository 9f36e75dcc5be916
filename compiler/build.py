"""Graph building: a resolved procedure → `Workflow`.

Input: a `ProcedureModel` whose names the resolver has bound. Output: the `Workflow`. Flow
lines are read in order; `a -> b -> c` makes two arrows and a qualifier (`when`, `otherwise`,
`clock paused`) belongs to the last one. Names the resolver reported unknown are skipped.
"""

from __future__ import annotations

from tthc.compiler.digraph import DiGraph
from tthc.compiler.model import END, START, Model, ProcedureModel
from tthc.compiler.workflow import Branch, Join, Workflow
from tthc.dsl import ast


def build(model: Model, code: str) -> Workflow | None:
    """The workflow of the procedure with this code (the first one, if the code repeats)."""
    procedure = model.procedure(code)
    return None if procedure is None else build_procedure(procedure)


def build_procedure(procedure: ProcedureModel) -> Workflow:
    graph = DiGraph()
    graph.add_node(START)
    for step in procedure.node.steps:
        if step.id.value not in graph:
            graph.add_node(step.id.value)
    graph.add_node(END)
    known = set(graph.nodes)
    branches: dict[str, list[Branch]] = {}
    joins: dict[str, list[Join]] = {}
    for line in procedure.node.flow:
        arrows = list(zip(line.path, line.path[1:], strict=False))
        for index, (source, target) in enumerate(arrows):
            last = index == len(arrows) - 1
            _add_arrow(graph, branches, joins, known, source, target, line if last else None, line)
    return Workflow(procedure, graph, branches, joins)


def _add_arrow(
    graph: DiGraph,
    branches: dict[str, list[Branch]],
    joins: dict[str, list[Join]],
    known: set[str],
    source: ast.Endpoint,
    target: ast.Endpoint,
    qualified: ast.FlowLine | None,
    line: ast.FlowLine,
) -> None:
    sources = [n.value for n in source.steps if n.value in known]
    targets = tuple(n.value for n in target.steps if n.value in known)
    if not sources or not targets:
        return
    outcome = qualified.when.value if qualified is not None and qualified.when is not None else None
    default = qualified is not None and qualified.otherwise
    paused = qualified is not None and qualified.paused
    span = line.span
    via = source.span if source.parallel else None  # arrivals wait at the join (Workflow.join_of)
    for node in sources:
        branch = Branch(node, targets, outcome, default, paused, span, via)
        branches.setdefault(node, []).append(branch)
        for goal in targets:
            graph.add_edge(node, goal, outcome=outcome, default=default, paused=paused)
    if source.parallel:
        for goal in targets:
            joins.setdefault(goal, []).append(Join(tuple(sources), goal, source.span))
