"""Strongly connected components (Tarjan, iterative): one implementation for the flow graph of
a procedure (`flow.graph`) and the graph of its reachable states (`analysis.soundness.markings`).

Input: the roots in the order to visit them and a function giving a node's successors in
order. Output: the components, sinks first (Tarjan's order), so loops and dead ends can be
judged without recursion limits on long procedures.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

Node = TypeVar("Node", bound=Hashable)


def strongly_connected(
    roots: Iterable[Node], successors: Callable[[Node], Iterable[Node]]
) -> list[list[Node]]:
    index: dict[Node, int] = {}
    low: dict[Node, int] = {}
    stack: list[Node] = []
    on_stack: set[Node] = set()
    found: list[list[Node]] = []
    for root in roots:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(successors(root)))]
        while work:
            node, pending = work[-1]
            target = next(pending, None)
            if target is None:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    found.append(_pop_component(stack, on_stack, node))
                continue
            if target not in index:
                index[target] = low[target] = len(index)
                stack.append(target)
                on_stack.add(target)
                work.append((target, iter(successors(target))))
            elif target in on_stack:
                low[node] = min(low[node], index[target])
    return found


def _pop_component(stack: list[Node], on_stack: set[Node], head: Node) -> list[Node]:
    component = []
    while True:
        member = stack.pop()
        on_stack.discard(member)
        component.append(member)
        if member == head:
            return component
