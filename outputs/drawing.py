"""What every drawing of a flow shows: its nodes and its arrows, labelled in Vietnamese.

Input: a `Workflow`. Output: `Drawing`: the nodes in order (`start`, the steps, `end`) with
their labels, and one `DrawnArrow` per arrow (an arrow into a parallel join is drawn to the
step the join starts). The SVG, Mermaid and DOT renderers read this, so the three diagrams of
one procedure always show the same arrows with the same labels.
"""

from __future__ import annotations

from dataclasses import dataclass

from tthc.compiler import END, START, Model, Workflow
from tthc.outputs import wording

OTHERWISE = "trường hợp khác"


@dataclass(frozen=True)
class DrawnNode:
    id: str
    title: str  # the step's title; "Bắt đầu" / "Kết thúc" for start and end
    actor: str  # who does it (the authority's title), or ""
    kind: str  # the step kind's value, or "start" / "end"
    joins: bool  # a parallel join: it waits for all of its sources


@dataclass(frozen=True)
class DrawnArrow:
    source: str
    target: str
    label: str  # the outcome, "trường hợp khác" for the default of a choice, or ""
    paused: bool  # the clock stops along it
    parallel: bool  # one of the arrows of a parallel split


@dataclass(frozen=True)
class Drawing:
    code: str
    name: str
    nodes: tuple[DrawnNode, ...]
    arrows: tuple[DrawnArrow, ...]


def drawing(workflow: Workflow, model: Model | None = None) -> Drawing:
    nodes = [DrawnNode(START, "Bắt đầu", "", "start", False)]
    for step in workflow.procedure.node.steps:
        actor = ""
        if step.actor is not None:
            found = model.authority(step.actor) if model else None
            actor = found.title if found else step.actor.value
        joins = bool(workflow.joins(step.id.value))
        nodes.append(DrawnNode(step.id.value, step.title, actor, step.kind.value, joins))
    nodes.append(DrawnNode(END, "Kết thúc", "", "end", bool(workflow.joins(END))))
    arrows: dict[tuple[str, str], DrawnArrow] = {}
    for node in [START, *workflow.step_ids(), END]:
        branches = workflow.branches(node)
        for branch in branches:
            label = wording.outcome(branch.outcome) if branch.outcome else ""
            label = label or (OTHERWISE if branch.default and len(branches) > 1 else "")
            for target in branch.targets:
                arrows.setdefault(
                    (node, target),
                    DrawnArrow(node, target, label, branch.paused, branch.parallel),
                )
    known = {n.id for n in nodes}
    kept = tuple(a for a in arrows.values() if a.source in known and a.target in known)
    return Drawing(workflow.procedure.code, workflow.procedure.node.name, tuple(nodes), kept)


def is_step(node: DrawnNode) -> bool:
    return node.kind not in ("start", "end")
