"""Paths through a workflow's arrows, for the step (TT3xx) and soundness (TT4xx) checks.

Input: a `Workflow`. Output: `Graph` (the arrows as a case can take them, with breadth-first
witnesses and strongly connected components), `run_reach` (which steps one case can reach while
avoiding some kinds of step, parallel joins waiting for all their branches) and `repeats` (steps
of a kind that one case can pass more often than a threshold). Arrows out of `end` are left out:
the case is over there. Everything is computed in time linear in the number of arrows.
"""

from __future__ import annotations

import weakref
from collections import deque
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cached_property

from tthc.compiler import END, START, Branch, Join, Workflow
from tthc.dsl import Message, Related, ast


# Not frozen: a frozen dataclass sets each field through `object.__setattr__`, four times slower,
# and every check of a procedure starts by building its arrows. Nothing changes one once built.
@dataclass(eq=False, slots=True)
class Arrow:
    """One arrow: from `source` to `target`, written on `branch`'s flow line; `join` is the
    parallel join the arrival waits at (`None`: it starts `target`)."""

    source: str
    target: str
    branch: Branch
    join: Join | None = None


class Graph:
    """The arrows of a workflow as adjacency lists in flow order (arrows out of `end` ignored)."""

    def __init__(self, workflow: Workflow) -> None:
        self.nodes: list[str] = [START, *workflow.step_ids(), END]
        self.order = {node: number for number, node in enumerate(self.nodes)}
        self.out: dict[str, list[Arrow]] = {node: [] for node in self.nodes}
        self.into: dict[str, list[Arrow]] = {node: [] for node in self.nodes}
        for node in self.nodes[:-1]:
            for branch in workflow.branches(node):
                for target in branch.targets:
                    arrow = Arrow(node, target, branch, workflow.join_of(branch, target))
                    self.out[node].append(arrow)
                    self.into.setdefault(target, []).append(arrow)
        self.from_start = self.search([START])
        self.to_end = self.search([END], backward=True)
        # An arrow naming an unknown step (TT005) was left out of the graph: checks that follow
        # the arrows would report its consequences, so they wait until the name is fixed.
        known = {START, END, *workflow.step_ids()}
        self.complete = all(
            name.value in known
            for line in workflow.procedure.node.flow
            for endpoint in line.path
            for name in endpoint.steps
        )

    def search(self, roots: Iterable[str], backward: bool = False) -> dict[str, Arrow | None]:
        """Breadth first from `roots`: every node found, with the arrow that found it first."""
        found: dict[str, Arrow | None] = {root: None for root in roots}
        queue = deque(found)
        while queue:
            node = queue.popleft()
            for arrow in self.into[node] if backward else self.out[node]:
                other = arrow.source if backward else arrow.target
                if other not in found:
                    found[other] = arrow
                    queue.append(other)
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
        index: dict[str, int] = {}
        low: dict[str, int] = {}
        stack: list[str] = []
        on_stack: set[str] = set()
        found: list[list[str]] = []
        for root in (n for n in self.nodes if n in inside):
            if root in index:
                continue
            work = [(root, iter(self.out[root]))]
            index[root] = low[root] = len(index)
            stack.append(root)
            on_stack.add(root)
            while work:
                node, arrows = work[-1]
                arrow = next(arrows, None)
                if arrow is None:
                    work.pop()
                    if work:
                        parent = work[-1][0]
                        low[parent] = min(low[parent], low[node])
                    if low[node] == index[node]:
                        component = []
                        while True:
                            member = stack.pop()
                            on_stack.discard(member)
                            component.append(member)
                            if member == node:
                                break
                        found.append(component)
                    continue
                target = arrow.target
                if target not in inside:
                    continue
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(self.out[target])))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
        return found

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


_GRAPHS: weakref.WeakKeyDictionary[Workflow, Graph] = weakref.WeakKeyDictionary()


def graph_of(workflow: Workflow) -> Graph:
    """The `Graph` of a workflow, built once and shared by every check of the procedure."""
    graph = _GRAPHS.get(workflow)
    if graph is None:
        graph = _GRAPHS[workflow] = Graph(workflow)
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


# --- one case through choices and joins -----------------------------------------------------

State = tuple[str, bool]  # a node, and whether the case has passed a `marks` step on the way


def run_reach(
    workflow: Workflow,
    blocked: Collection[str],
    marks: Collection[str] = (),
    whole_branches: bool = False,
) -> dict[State, tuple[State, Arrow] | None]:
    """The nodes one case can reach from `start` without running a `blocked` step.

    A join starts its target once every source has arrived (in some case: the check is exact
    when joins only join parallel branches, which TT403 checks). The flag of a state says
    whether the case passed one of the `marks` steps; a join passes it on when any source did.
    With `whole_branches`, a branch that starts a blocked step in parallel is not taken at all:
    the case runs that step too (for "the case never runs X"; without it, for "the case can
    reach Y before X runs"). The value is the state and arrow the state was first reached
    from (a witness tree).
    """
    graph = graph_of(workflow)
    root: State = (START, START in marks)
    found: dict[State, tuple[State, Arrow] | None] = {root: None}
    arrived: dict[Join, dict[str, set[bool]]] = {}
    queue = deque([root])

    def enter(node: str, flag: bool, parent: State, arrow: Arrow) -> None:
        state = (node, flag or node in marks)
        if node not in blocked and state not in found:
            found[state] = (parent, arrow)
            queue.append(state)

    while queue:
        state = queue.popleft()
        node, flag = state
        for arrow in graph.out[node]:
            if whole_branches and any(t in blocked for t in arrow.branch.targets):
                continue
            join = arrow.join
            if join is None:
                enter(arrow.target, flag, state, arrow)
                continue
            slots = arrived.setdefault(join, {})
            slots.setdefault(node, set()).add(flag)
            if all(source in slots for source in join.sources):
                if all(False in slots[source] for source in join.sources):
                    enter(arrow.target, False, state, arrow)
                if any(True in flags for flags in slots.values()):
                    enter(arrow.target, True, state, arrow)
    return found


def run_path(found: dict[State, tuple[State, Arrow] | None], state: State) -> list[Arrow]:
    """The arrows from `start` to a state of `run_reach`."""
    arrows: list[Arrow] = []
    step = found.get(state)
    while step is not None:
        state, arrow = step
        arrows.append(arrow)
        step = found.get(state)
    return arrows[::-1]


# --- repeated steps -------------------------------------------------------------------------


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
    if not counted:
        return []
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


# --- witnesses, as the person reads them ----------------------------------------------------


def route(arrows: list[Arrow], first: str = START) -> str:
    """`start → a → b`: the nodes a witness passes, long routes shortened in the middle."""
    nodes = [arrows[0].source if arrows else first, *(a.target for a in arrows)]
    if len(nodes) > 14:
        nodes = [*nodes[:6], "…", *nodes[-6:]]
    return " → ".join(nodes)


def witness(arrows: list[Arrow], limit: int = 12) -> tuple[Related, ...]:
    """The flow lines a witness takes, in order, as related locations (the last `limit`)."""
    shown = arrows[-limit:]
    offset = len(arrows) - len(shown)
    related = []
    for number, arrow in enumerate(shown, start=offset + 1):
        how = _qualifier(arrow.branch)
        related.append(
            Related(
                span=arrow.branch.span,
                message=Message(
                    vi=f"Đường đi, mũi tên {number}: {arrow.source} → {arrow.target}{how.vi}",
                    en=f"Path, arrow {number}: {arrow.source} → {arrow.target}{how.en}",
                ),
            )
        )
    return tuple(related)


def _qualifier(branch: Branch) -> Message:
    if branch.outcome is not None:
        return Message(vi=f" (khi {branch.outcome})", en=f" (when {branch.outcome})")
    if branch.default:
        return Message(vi=" (trường hợp còn lại)", en=" (otherwise)")
    return Message(vi="", en="")


def names(nodes: Iterable[str]) -> str:
    """`'a', 'b' and 'c'`-style list for both languages (ids are not translated)."""
    return ", ".join(f"'{node}'" for node in nodes)
