"""What project-scope rules see of a procedure: its summary.

Input: a resolved `ProcedureModel`. Output: the same procedure reduced to what the
project-scope rules read: its header (code, name, level, period, power, move, links) and its
deciding steps (decision and signature, whose competence the TT2xx rules trace through the
registry), its deadlines, and a digest of its internal process (`process`: the kind, actor and
time of every step in order, which TT606 compares across procedures). The flow, the dossier,
the other steps, the fees and channels are left out. Encoded, a summary of a 20-step procedure is ~1.5 kB where the whole one is ~19 kB: it is what a
worker of a parallel check sends back, and what the cache keeps of an unchanged file.
"""

from __future__ import annotations

import hashlib

from tthc.compiler import ProcedureModel
from tthc.dsl import ast
from tthc.rules.authority.decisions import DECIDING

# Fields of `ast.Procedure` no project-scope rule reads, emptied in a summary.
DROPPED = ("applicants", "basis", "channels", "dossier", "fees", "flow", "results")
# A process of fewer timed steps is too common to say that one procedure copied another's.
PROCESS_MIN_TIMED = 3


def summarize(procedure: ProcedureModel) -> ProcedureModel:
    """The procedure with its header and deciding steps only."""
    steps = {key: step for key, step in procedure.steps.items() if step.kind in DECIDING}
    node = procedure.node
    # Made by its `__init__` from its fields, the dropped ones emptied: `model_copy` sets each
    # of the 24 fields by a call (5.3 µs a procedure against 2.4).
    values = dict(zip(node._fields, node._values(node), strict=True))
    values.update(_EMPTIED)
    values["steps"] = tuple(steps.values())
    summary = ast.Procedure(**values)
    return ProcedureModel(
        node=summary, steps=steps, components={}, process=process_digest(procedure)
    )


_EMPTIED: dict[str, object] = {name: () for name in DROPPED}


def process_digest(procedure: ProcedureModel) -> str:
    """The internal process as a short digest: the kind, actor and time of each step in the
    order written (titles aside: a copied process keeps its units and times, and its wording
    may be touched up). Empty for a process of fewer than `PROCESS_MIN_TIMED` timed steps."""
    # `_value_`, not `value`: the same text, without the enum property's Python-level getter
    # (~0.4 µs each, 40 times a 20-step procedure); one pass that counts the timed steps too.
    lines: list[str] = []
    timed = 0
    for step in procedure.node.steps:
        actor, duration = step.actor, step.duration
        who = "-" if actor is None else actor.value
        if duration is None:
            lines.append(f"{step.kind._value_} {who} -")
        else:
            timed += 1
            # `str` of the amount, not `format` (what an f-string field calls): the same text
            # (`test_summary`), without parsing an empty format spec 20 times a procedure.
            amount = str(duration.amount)
            lines.append(f"{step.kind._value_} {who} {amount} {duration.unit._value_}")
    if timed < PROCESS_MIN_TIMED:
        return ""
    text = "\n".join(lines)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def from_node(node: ast.Procedure, process: str = "") -> ProcedureModel:
    """A summary again from its node, as it travels and is cached (the node alone: its steps
    are the deciding ones, the first of a duplicated name kept, as resolving keeps it)."""
    steps: dict[str, ast.Step] = {}
    for step in node.steps:
        steps.setdefault(step.id.value, step)
    return ProcedureModel(node=node, steps=steps, components={}, process=process)
