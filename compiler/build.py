"""Graph building: a resolved procedure → `Workflow`.

Input: a `ProcedureModel` whose names the resolver has bound. Output: the `Workflow`. Flow
lines are read in order; `a -> b -> c` makes two arrows and a qualifier (`when`, `otherwise`,
`clock paused`) belongs to the last one. Names the resolver reported unknown are skipped.
Only the branches and joins are built here: the `DiGraph` of the arrows is made from them when
an accessor first needs it (`Workflow._graph`), since the checks read the branches alone.
"""

from __future__ import annotations

from tthc.compiler.model import END, START, Model, ProcedureModel
from tthc.compiler.workflow import Arrow, Branch, Join, Workflow


def build(model: Model, code: str) -> Workflow | None:
    """The workflow of the procedure with this code (the first one, if the code repeats)."""
    procedure = model.procedure(code)
    return None if procedure is None else build_procedure(procedure)


def build_procedure(procedure: ProcedureModel) -> Workflow:
    node = procedure.node
    # `start`, the step ids (the resolver's table keeps the first of a repeated id), `end`.
    declared = procedure.steps
    if START in declared or END in declared:  # a step named like them (TT003): each node once
        nodes = list(dict.fromkeys((START, *declared, END)))
    else:
        nodes = [START, *declared, END]
    known = set(nodes)
    complete = True  # every name of the flow is a node
    branches: dict[str, list[Branch]] = {}
    joins: dict[str, list[Join]] = {}
    arrows: dict[str, list[Arrow]] = {}
    written: list[Branch] = []  # every branch in the order written: the order of the arrows
    for line in node.flow:
        path = line.path
        if len(path) == 2:  # most lines: `a -> b`, one plain step on each side
            first, second = path
            if len(first.steps) == 1 == len(second.steps) and not first.parallel:
                name, goal = first.steps[0].value, second.steps[0].value
                if name in known and goal in known:
                    when = line.when
                    branch = Branch(
                        name,
                        (goal,),
                        None if when is None else when.value,
                        line.otherwise,
                        line.paused,
                        line.span,
                    )
                    written.append(branch)
                    arrow = Arrow(name, goal, branch)
                    if name in branches:
                        branches[name].append(branch)
                        arrows[name].append(arrow)
                    else:
                        branches[name] = [branch]
                        arrows[name] = [arrow]
                    continue
        names: list[tuple[str, ...]] = []  # the known names of each endpoint
        for endpoint in path:
            steps = endpoint.steps
            if len(steps) == 1:  # most endpoints name one step
                value = steps[0].value
                if value in known:
                    names.append((value,))
                else:
                    names.append(())
                    complete = False
            else:
                found = tuple(n.value for n in steps if n.value in known)
                complete = complete and len(found) == len(steps)
                names.append(found)
        last = len(path) - 1
        for index in range(last):
            sources, targets = names[index], names[index + 1]
            if not sources or not targets:
                continue
            if index == last - 1:  # the qualifiers of a line belong to its last arrow
                outcome = line.when.value if line.when is not None else None
                default, paused = line.otherwise, line.paused
            else:
                outcome, default, paused = None, False, False
            source = path[index]
            via = source.span if source.parallel else None  # arrivals wait at the join
            waits: dict[str, Join] = {}  # the join each target's arrivals wait at
            if via is not None:
                for goal in targets:
                    join = Join(sources, goal, via)
                    waits.setdefault(goal, join)
                    joins.setdefault(goal, []).append(join)
            for name in sources:
                branch = Branch(name, targets, outcome, default, paused, line.span, via)
                written.append(branch)
                made = [Arrow(name, goal, branch, waits.get(goal)) for goal in targets]
                if name in branches:
                    branches[name].append(branch)
                    arrows[name].extend(made)
                else:
                    branches[name] = [branch]
                    arrows[name] = made
    return Workflow(procedure, branches, joins, nodes, written, arrows, complete)
