"""One depth-first search over arrows, cutting the arrows that close a loop: what the timed path
(`tthc.compiler.analysis.longest_path`) and the drawings' layout (`tthc.outputs.layout`) both
need, so that both cut the same loops at the same arrows.

Input: the roots, in order, and the arrows by source (targets in order; a node with no entry has
none). Output: `Search`: the nodes reached in the order the search finished them (reversed, a
topological order of the graph without its loop arrows), the arrows back into the current path
(those that close a loop), and each node's predecessors along the other arrows, in search order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Search:
    finished: list[str]  # reversed: a topological order once the loop arrows are cut
    back: set[tuple[str, str]]  # (source, target) arrows into the current depth-first path
    preds: dict[str, list[str]]  # each node's predecessors along the arrows kept


def depth_first(roots: Iterable[str], arrows: Mapping[str, Sequence[str]]) -> Search:
    """The search from each root not yet reached, in order, following arrows in their order."""
    finished: list[str] = []
    back: set[tuple[str, str]] = set()
    preds: dict[str, list[str]] = {}
    state: dict[str, bool] = {}  # True while on the current path, False once finished
    for root in roots:
        if root in state:
            continue
        state[root] = True
        stack = [(root, iter(arrows.get(root, ())))]
        while stack:
            node, targets = stack[-1]
            target = next(targets, None)
            if target is None:
                stack.pop()
                state[node] = False
                finished.append(node)
            elif state.get(target) is True:
                back.add((node, target))
            else:
                preds.setdefault(target, []).append(node)
                if target not in state:
                    state[target] = True
                    stack.append((target, iter(arrows.get(target, ()))))
    return Search(finished, back, preds)
