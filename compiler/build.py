"""Graph building: a resolved procedure → `Workflow`.

Input: a `ProcedureModel` whose names the resolver has bound. Output: the `Workflow`. Flow
lines are read in order; `a -> b -> c` makes two arrows and a qualifier (`when`, `otherwise`,
`clock paused`) belongs to the last one. Names the resolver reported unknown are skipped.
Only the branches and joins are built here: the `DiGraph` of the arrows is made from them when
an accessor first needs it (`Workflow._graph`), since the checks read the branches alone.
"""

from __future__ import annotations

from tthc.compiler.model import END, START, Model, ProcedureModel
from tthc.compiler.workflow import Branch, Join, Workflow
from tthc.dsl import ast


def build(model: Model, code: str) -> Workflow | None:
    """The workflow of the procedure with this code (the first one, if the code repeats)."""
    procedure = model.procedure(code)
    return None if procedure is None else build_procedure(procedure)


def build_procedure(procedure: ProcedureModel) -> Workflow:
    node = procedure.node
    nodes = list(dict.fromkeys((START, *(step.id.value for step in node.steps), END)))
    known = set(nodes)
    branches: dict[str, list[Branch]] = {}
    joins: dict[str, list[Join]] = {}
    written: list[Branch] = []  # every branch in the order written: the order of the arrows
    for line in node.flow:
        path = line.path
        last = len(path) - 1
        for index in range(last):
            source, target = path[index], path[index + 1]
            sources = _known_names(source, known)
            targets = tuple(_known_names(target, known))
            if not sources or not targets:
                continue
            if index == last - 1:  # the qualifiers of a line belong to its last arrow
                outcome = line.when.value if line.when is not None else None
                default, paused = line.otherwise, line.paused
            else:
                outcome, default, paused = None, False, False
            via = source.span if source.parallel else None  # arrivals wait at the join
            for name in sources:
                branch = Branch(name, targets, outcome, default, paused, line.span, via)
                written.append(branch)
                if name in branches:
                    branches[name].append(branch)
                else:
                    branches[name] = [branch]
            if via is not None:
                for goal in targets:
                    join = Join(tuple(sources), goal, via)
                    if goal in joins:
                        joins[goal].append(join)
                    else:
                        joins[goal] = [join]
    return Workflow(procedure, branches, joins, nodes, written)


def _known_names(endpoint: ast.Endpoint, known: set[str]) -> list[str]:
    """The names of an endpoint that are nodes of the flow, in order (most name one step)."""
    names = endpoint.steps
    if len(names) == 1:
        name = names[0].value
        return [name] if name in known else []
    return [n.value for n in names if n.value in known]
