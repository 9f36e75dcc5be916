"""What project-scope rules see of a procedure: its summary.

Input: a resolved `ProcedureModel`. Output: the same procedure reduced to what the
project-scope rules read: its header (code, name, level, period, power, move, links) and its
deciding steps (decision and signature, whose competence the TT2xx rules trace through the
registry). The flow, the dossier, the other steps, the fees, deadlines and channels are left
out. Encoded, a summary of a 20-step procedure is ~1.5 kB where the whole one is ~19 kB: it is what a
worker of a parallel check sends back, and what the cache keeps of an unchanged file.
"""

from __future__ import annotations

from tthc.compiler import ProcedureModel
from tthc.dsl import ast
from tthc.rules.authority.decisions import DECIDING

# Fields of `ast.Procedure` no project-scope rule reads, emptied in a summary.
DROPPED = ("applicants", "basis", "channels", "deadlines", "dossier", "fees", "flow", "results")


def summarize(procedure: ProcedureModel) -> ProcedureModel:
    """The procedure with its header and deciding steps only."""
    steps = {key: step for key, step in procedure.steps.items() if step.kind in DECIDING}
    update: dict[str, object] = {name: () for name in DROPPED}
    update["steps"] = tuple(steps.values())
    return ProcedureModel(node=procedure.node.model_copy(update=update), steps=steps, components={})


def from_node(node: ast.Procedure) -> ProcedureModel:
    """A summary again from its node, as it travels and is cached (the node alone: its steps
    are the deciding ones, the first of a duplicated name kept, as resolving keeps it)."""
    steps: dict[str, ast.Step] = {}
    for step in node.steps:
        steps.setdefault(step.id.value, step)
    return ProcedureModel(node=node, steps=steps, components={})
