"""Steps of a kind one case can run more often than allowed (TT305, TT310).

Input: a `Workflow`, a kind of step and the number allowed. Output: `repeats(...)`: each such
step, with the loop that brings the case back to it or the earlier steps of the kind on the
longest line of the flow.
"""

from __future__ import annotations

from dataclasses import dataclass

from tthc.compiler import Arrow, Workflow
from tthc.compiler.analysis.flow.graph import graph_of
from tthc.dsl import ast


@dataclass(frozen=True)
class Repeat:
    """A step of the counted kind that one case can run more often than allowed.

    `loop` is the cycle that brings the case back to it (unbounded), else `earlier` are the
    counted steps the case passed before it on the longest line of the flow.
    """

    step: str
    loop: tuple[Arrow, ...] = ()
    earlier: tuple[str, ...] = ()


def repeats(workflow: Workflow, kind: ast.StepKind, allowed: int) -> list[Repeat]:
    """Steps of `kind` that a case can reach after `allowed` of them, or on a loop.

    Counted along one line of the flow (choices and loops; steps in parallel branches are not
    added up). A step on a loop is reported once for its loop; the steps after it are not.
    """
    graph = graph_of(workflow)
    counted = {s.id.value for s in workflow.steps_of_kind(kind)}
    if len(counted) <= allowed and not any(graph.on_loop(node) for node in counted):
        return []  # no line of the flow passes more of them than there are, each once
    found: list[Repeat] = []
    best: dict[str, int] = {}
    chain: dict[str, tuple[str, ...]] = {}  # the counted steps on the best line to a node
    for component in reversed(graph.reached_components):  # sources first
        # The entry with the best line, the first of equals (a node has a count once its whole
        # component is done, so a counted source is always outside this component).
        before: str | None = None
        for node in component:
            for arrow in graph.into[node]:
                source = arrow.source
                if source in best and (before is None or best[source] > best[before]):
                    before = source
        count = 0 if before is None else best[before]
        line = () if before is None else chain[before]
        hits = [n for n in component if n in counted]
        if len(hits) > 1:
            hits.sort(key=graph.order.__getitem__)
        if hits and graph.cyclic(component):
            members = set(component)
            found.extend(Repeat(n, tuple(graph.cycle_through(n, members))) for n in hits)
            count, line = allowed + 1, (*line, *hits)  # already reported: not again downstream
        elif hits:
            count, line = count + 1, (*line, hits[0])
            if count == allowed + 1:
                found.append(Repeat(hits[0], earlier=line[:-1]))
        for node in component:
            best[node], chain[node] = count, line
    return found
