"""The arrows of one procedure's flow: a small directed graph, nodes and edges in the order given.

Input: nodes and edges (with their attributes), made from a `Workflow`'s branches when one of
its accessors first needs them. Output: what the `Workflow` accessors ask of a graph:
successors, predecessors, edges with their data, the nodes reachable from a node or leading to
it, and the same graph as a `networkx.DiGraph` for whoever wants networkx's algorithms.
Importing networkx takes about 100 ms, a third of a cold `tthc check`, and a flow of a few
dozen steps needs none of it; the methods here mean what networkx's methods of the same names
mean."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

EdgeData = dict[str, Any]


class DiGraph:
    def __init__(self) -> None:
        self._succ: dict[str, dict[str, EdgeData]] = {}
        self._pred: dict[str, dict[str, EdgeData]] = {}

    def add_node(self, node: str) -> None:
        if node not in self._succ:
            self._succ[node] = {}
            self._pred[node] = {}

    def add_edge(self, source: str, target: str, **data: Any) -> None:
        """Adds the edge (and its nodes); data given again for an edge updates it."""
        self.add_node(source)
        self.add_node(target)
        edge = self._succ[source].get(target)
        if edge is None:
            edge = self._succ[source][target] = self._pred[target][source] = {}
        edge.update(data)

    def __contains__(self, node: object) -> bool:
        return node in self._succ

    @property
    def nodes(self) -> list[str]:
        return list(self._succ)

    def successors(self, node: str) -> Iterator[str]:
        return iter(self._succ[node])

    def predecessors(self, node: str) -> Iterator[str]:
        return iter(self._pred[node])

    def edges(self, data: bool = False) -> list[Any]:
        """(source, target) for every edge, or (source, target, data) with `data=True`."""
        if data:
            return [(u, v, d) for u, targets in self._succ.items() for v, d in targets.items()]
        return [(u, v) for u, targets in self._succ.items() for v in targets]

    def descendants(self, node: str) -> set[str]:
        """The nodes a path of one or more edges leads to from `node`, `node` itself excluded
        (as `networkx.descendants`)."""
        return _reach(self._succ, node)

    def ancestors(self, node: str) -> set[str]:
        """The nodes with a path to `node`, `node` itself excluded (as `networkx.ancestors`)."""
        return _reach(self._pred, node)

    def to_networkx(self) -> nx.DiGraph[str]:
        import networkx as nx

        graph: nx.DiGraph[str] = nx.DiGraph()
        graph.add_nodes_from(self._succ)
        graph.add_edges_from(self.edges(data=True))
        return graph


def _reach(adjacency: dict[str, dict[str, EdgeData]], start: str) -> set[str]:
    seen = {start}
    todo = [start]
    while todo:
        for other in adjacency[todo.pop()]:
            if other not in seen:
                seen.add(other)
                todo.append(other)
    seen.discard(start)
    return seen
