"""The arrows of a workflow as a case can take them, for the step and soundness checks.

Input: a `Workflow`. Output: `graph_of(workflow) -> Graph`, built once per workflow: the arrows
out of and into each node in flow order (arrows out of `end` are left out: the case is over
there), what `start` reaches and what reaches `end` with the arrow that found each first (the
breadth-first witnesses), strongly connected components, the shortest loop through a node.
Everything is computed in time linear in the number of arrows.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Iterable
from functools import cached_property

from tthc.compiler import END, START, Arrow, Workflow
from tthc.compiler.analysis.flow.components import strongly_connected


class Graph:
    """The arrows of a workflow as adjacency lists in flow order (arrows out of `end` ignored)."""

    def __init__(self, workflow: Workflow) -> None:
        self.nodes: list[str] = [START, *workflow.step_ids(), END]
        out: dict[str, list[Arrow]] = {}
        into: dict[str, list[Arrow]] = {node: [] for node in self.nodes}
        self.out, self.into = out, into
        arrows_from = workflow.arrows_from
        for node in self.nodes[:-1]:
            arrows = arrows_from(node)
            if node in out:  # a step named `start` (TT003): its arrows come twice
                out[node] = [*out[node], *arrows]
            else:
                out[node] = arrows  # the workflow's own list, never changed here
            for arrow in arrows:
                into[arrow.target].append(arrow)
        if self.nodes[-1] not in out:
            out[self.nodes[-1]] = []
        self.from_start = self.search([START])
        self.to_end = self.search([END], backward=True)
        # An arrow naming an unknown step (TT005) was left out of the graph: checks that follow
        # the arrows would report its consequences, so they wait until the name is fixed.
        self.complete = workflow.complete()

    @cached_property
    def order(self) -> dict[str, int]:
        """Each node's position in `nodes`."""
        return {node: number for number, node in enumerate(self.nodes)}

    def search(self, roots: Iterable[str], backward: bool = False) -> dict[str, Arrow | None]:
        """Breadth first from `roots`: every node found, with the arrow that found it first."""
        found: dict[str, Arrow | None] = {root: None for root in roots}
        queue = list(found)  # read in order as it grows: first in, first out
        # One loop for each direction, an attribute read per arrow: a getter chosen by the
        # direction would be a call per arrow, and the searches run for every procedure.
        if backward:
            into = self.into
            for node in queue:
                for arrow in into[node]:
                    if arrow.source not in found:
                        found[arrow.source] = arrow
                        queue.append(arrow.source)
        else:
            out = self.out
            for node in queue:
                for arrow in out[node]:
                    if arrow.target not in found:
                        found[arrow.target] = arrow
                        queue.append(arrow.target)
        return found

    @cached_property
    def reached_components(self) -> list[list[str]]:
        """The strongly connected components of the nodes `start` reaches, sinks first."""
        return self.components([n for n in self.nodes if n in self.from_start])

    def path_to(self, node: str) -> list[Arrow]:
        """The shortest arrows from `start` to `node` (which `start` reaches)."""
        return walk_back(self.from_start, node)

    def cyclic(self, component: Collection[str]) -> bool:
        """Whether a strongly connected component holds a loop (two nodes, or an arrow to itself)."""
        if len(component) > 1:
            return True
        (node,) = component
        return any(arrow.target == node for arrow in self.out[node])

    def components(self, nodes: Collection[str]) -> list[list[str]]:
        """Strongly connected components of the arrows among `nodes`, sinks first (Tarjan)."""
        inside = set(nodes)
        return strongly_connected(
            (n for n in self.nodes if n in inside),
            lambda node: (a.target for a in self.out[node] if a.target in inside),
        )

    def on_loop(self, node: str) -> bool:
        """Whether some arrows lead from `node` back to it."""
        seen: set[str] = set()
        todo = [node]
        while todo:
            for arrow in self.out[todo.pop()]:
                target = arrow.target
                if target == node:
                    return True
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        return False

    def cycle_through(self, node: str, within: Collection[str]) -> list[Arrow]:
        """The shortest loop of arrows from `node` back to itself, staying `within` a component."""
        found: dict[str, Arrow | None] = {}
        queue = deque([node])
        while queue:
            current = queue.popleft()
            for arrow in self.out[current]:
                if arrow.target == node:
                    return [*walk_back(found, current, stop=node), arrow]
                if arrow.target in within and arrow.target not in found:
                    found[arrow.target] = arrow
                    queue.append(arrow.target)
        return []


def graph_of(workflow: Workflow) -> Graph:
    """The `Graph` of a workflow, built once and shared by every check of the procedure (kept
    in `Workflow.facts`: a graph holds no reference to its workflow, so it goes with it)."""
    graph: Graph | None = workflow.facts.get(graph_of)
    if graph is None:
        graph = workflow.facts[graph_of] = Graph(workflow)
    return graph


def walk_back(found: dict[str, Arrow | None], node: str, stop: str | None = None) -> list[Arrow]:
    """The arrows of a breadth-first tree from its root (or `stop`) down to `node`."""
    arrows: list[Arrow] = []
    while node != stop:
        arrow = found.get(node)
        if arrow is None:
            break
        arrows.append(arrow)
        node = arrow.source
    return arrows[::-1]
