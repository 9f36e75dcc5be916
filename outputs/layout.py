"""A layered layout of a flow: each node a cell of a grid, flows left to right, lanes as bands.

Input: the nodes (the first is where the flow starts), the arrows between them, and optionally
the lane of each node. Output: `Layout`: the column and row of every node, the lanes as bands of
rows, and the arrows that go back (loops). The drawings (`tthc.outputs.svg`) and the BPMN
diagram interchange (`tthc.outputs.bpmn`) turn cells into coordinates; since no two nodes share
a cell, no two shapes overlap, whatever the sizes the renderer picks inside a cell.

How: arrows that close a loop (found depth first from the start, in arrow order) are set aside;
a node's column is the longest path to it over the others; inside its lane, a node takes the row
of its first predecessor when that row is free in its column, else the nearest free row below,
so the main path of a procedure stays on one straight line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tthc.compiler.analysis.flow.depth_first import depth_first


@dataclass(frozen=True)
class Lane:
    name: str
    first_row: int
    rows: int


@dataclass(frozen=True)
class Layout:
    cells: dict[str, tuple[int, int]]  # node -> (column, row)
    columns: int
    rows: int
    lanes: tuple[Lane, ...]
    back: frozenset[tuple[str, str]]  # arrows that close a loop

    def column(self, node: str) -> int:
        return self.cells[node][0]

    def row(self, node: str) -> int:
        return self.cells[node][1]


def layered(
    nodes: Sequence[str],
    arrows: Sequence[tuple[str, str]],
    lane_of: Mapping[str, str] | None = None,
) -> Layout:
    """The layout of `nodes` (unknown names in `arrows` are ignored)."""
    known = set(nodes)
    out: dict[str, list[str]] = {node: [] for node in nodes}
    for source, target in arrows:
        if source in known and target in known and target not in out[source]:
            out[source].append(target)
    back = depth_first(nodes, out).back
    columns = _columns(nodes, out, back)
    rows, lanes = _rows(nodes, out, back, columns, lane_of or {})
    cells = {node: (columns[node], rows[node]) for node in nodes}
    return Layout(
        cells=cells,
        columns=max(columns.values(), default=-1) + 1,
        rows=sum(lane.rows for lane in lanes),
        lanes=lanes,
        back=frozenset(back),
    )


def _columns(
    nodes: Sequence[str], out: dict[str, list[str]], back: set[tuple[str, str]]
) -> dict[str, int]:
    incoming = {node: 0 for node in nodes}
    for source in nodes:
        for target in out[source]:
            if (source, target) not in back:
                incoming[target] += 1
    column = {node: 0 for node in nodes}
    ready = [node for node in nodes if incoming[node] == 0]
    while ready:
        node = ready.pop(0)
        for target in out[node]:
            if (node, target) in back:
                continue
            column[target] = max(column[target], column[node] + 1)
            incoming[target] -= 1
            if incoming[target] == 0:
                ready.append(target)
    return column


def _rows(
    nodes: Sequence[str],
    out: dict[str, list[str]],
    back: set[tuple[str, str]],
    columns: dict[str, int],
    lane_of: Mapping[str, str],
) -> tuple[dict[str, int], tuple[Lane, ...]]:
    first_predecessor: dict[str, str] = {}
    for source in nodes:
        for target in out[source]:
            if (source, target) not in back:
                first_predecessor.setdefault(target, source)
    lane_names = list(dict.fromkeys(lane_of.get(node, "") for node in nodes))
    local: dict[str, int] = {}  # row inside the node's lane
    taken: set[tuple[str, int, int]] = set()  # (lane, column, local row)
    position = {node: index for index, node in enumerate(nodes)}
    for node in sorted(nodes, key=lambda n: (columns[n], position[n])):
        lane = lane_of.get(node, "")
        predecessor = first_predecessor.get(node)
        wanted = 0
        if predecessor is not None and lane_of.get(predecessor, "") == lane:
            wanted = local[predecessor]
        row = wanted
        while (lane, columns[node], row) in taken:
            row += 1
        taken.add((lane, columns[node], row))
        local[node] = row
    lanes: list[Lane] = []
    first = 0
    for name in lane_names:
        count = 1 + max(local[n] for n in nodes if lane_of.get(n, "") == name)
        lanes.append(Lane(name, first, count))
        first += count
    offset = {lane.name: lane.first_row for lane in lanes}
    return {node: offset[lane_of.get(node, "")] + local[node] for node in nodes}, tuple(lanes)
