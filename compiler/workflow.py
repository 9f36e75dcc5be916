"""`Workflow`: the typed graph of one procedure, over a small `DiGraph` (`tthc.compiler.digraph`).

Input: built by `tthc.compiler.build`. Output: accessors for the checks and the exporters.
Nodes are `start`, `end` and the step ids. Each flow arrow is an edge; the arrows leaving a
node are grouped into *branches*: one branch per flow line, and a case takes exactly one branch
(an exclusive choice on the branch's outcome) and then runs every target of it (a parallel
split when the target was written `all(a, b)`). A node written as the target of `all(a, b) -> x`
is a parallel join: it waits for all of `a` and `b`.

The execution semantics the soundness checks (`tthc.rules.soundness`) rely on, as a token game:
- A case starts with one token at `start`. A node holding a token may run: it takes one of its
  branches (free choice: the flow does not say which outcome will happen) and puts a token on
  every target of that branch. A branch written `all(a, b) -> x` (the branch's `via` is set)
  does not start `x`: it puts a token on the join's slot for its source, and the join starts `x`
  once every source's slot holds a token (it consumes one token from each).
- Several plain arrows into one node are an exclusive merge: any one arrival starts it.
- The case is over when a token reaches `end`; arrows out of `end` are never taken. Work still
  running then is improper completion. A step holding two tokens at once (it would run twice
  for one dossier) is a defect too: parallel branches meet without a join.
- `clock paused` only marks the arrow along which the clock stops; it does not change the order.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from tthc.compiler.digraph import DiGraph
from tthc.compiler.model import END, START, ProcedureModel
from tthc.dsl import ast
from tthc.dsl.span import Span

if TYPE_CHECKING:
    import networkx as nx


# Not frozen, for the speed of building (a frozen dataclass sets each field through
# `object.__setattr__`, five times slower, and a procedure has a branch per arrow); equal and
# hashed by value as a frozen one. Nothing changes a branch once built.
@dataclass(slots=True, unsafe_hash=True)
class Branch:
    """One way out of a node: its targets (several when parallel), outcome and clock mode."""

    source: str
    targets: tuple[str, ...]
    outcome: str | None
    default: bool
    paused: bool
    span: Span
    # The span of the `all(...)` endpoint when this branch leaves a parallel join's source:
    # its arrivals wait at that join (`Workflow.join_of`) instead of starting the target.
    via: Span | None = None

    @property
    def parallel(self) -> bool:
        return len(self.targets) > 1


# Not frozen either, as `Branch` (a `all(...)` line makes one per target); equal and hashed by
# value. Nothing changes a join once built.
@dataclass(slots=True, unsafe_hash=True)
class Join:
    """A parallel join: `target` waits until every source has finished."""

    sources: tuple[str, ...]
    target: str
    span: Span


# Not frozen, for the speed of building (as `Branch`); compared by identity. Nothing changes an
# arrow once built.
@dataclass(eq=False, slots=True)
class Arrow:
    """One arrow: from `source` to `target`, written on `branch`'s flow line; `join` is the
    parallel join the arrival waits at (`None`: it starts `target`)."""

    source: str
    target: str
    branch: Branch
    join: Join | None = None


_NO_ARROWS: list[Arrow] = []


class Workflow:
    """The flow of one procedure. Checks use these accessors, never raw graph attributes."""

    def __init__(
        self,
        procedure: ProcedureModel,
        branches: dict[str, list[Branch]],
        joins: dict[str, list[Join]],
        nodes: list[str],
        written: list[Branch],
        arrows: dict[str, list[Arrow]],
        complete: bool,
    ) -> None:
        """`nodes`: `start`, the step ids, `end`; `written`: every branch in the order its flow
        lines were written (the order of the arrows of `_graph`); `arrows`: the arrows out of
        each node, in the order of its branches; `complete`: whether every name of the flow is
        a node."""
        self.procedure = procedure
        self._branches = branches
        self._joins = joins
        self._nodes = nodes
        self._written = written
        self._arrows = arrows
        self._complete = complete
        # What the checks work out about this workflow (its arrows as a graph, its soundness,
        # its timed paths), kept with it under a key of the check's choosing and gone with it.
        # A value must not refer back to the workflow: `tthc check` runs with the cycle
        # collector off, and a cycle would keep both.
        self.facts: dict[Hashable, Any] = {}

    @cached_property
    def _graph(self) -> DiGraph:
        """The arrows as a `DiGraph`, made when an accessor first needs it: the checks read the
        branches, so most runs never make it."""
        graph = DiGraph()
        for node in self._nodes:
            graph.add_node(node)
        for branch in self._written:
            data = {"outcome": branch.outcome, "default": branch.default, "paused": branch.paused}
            for target in branch.targets:
                graph.add_edge(branch.source, target, **data)
        return graph

    def to_networkx(self) -> nx.DiGraph[str]:
        """The flow as a new `networkx.DiGraph` (edge data: `outcome`, `default`, `paused`), for
        an analyst's or an export's use of networkx's algorithms; the caller may change it. The
        checks never call this, so a check never imports networkx (about 100 ms idle)."""
        return self._graph.to_networkx()

    # -- nodes -----------------------------------------------------------------------------

    @property
    def start(self) -> str:
        return START

    @property
    def end(self) -> str:
        return END

    def step_ids(self) -> list[str]:
        """Steps in declaration order."""
        return list(self.procedure.steps)

    def step(self, node: str) -> ast.Step | None:
        return self.procedure.steps.get(node)

    def steps_of_kind(self, *kinds: ast.StepKind) -> list[ast.Step]:
        """The steps of these kinds, in declaration order (a new list)."""
        if len(kinds) == 1:  # most questions: the rules ask ~17 a procedure
            return list(self._by_kind.get(kinds[0], ()))
        return [s for s in self.procedure.steps.values() if s.kind in kinds]

    @cached_property
    def _by_kind(self) -> dict[ast.StepKind, list[ast.Step]]:
        """The steps of each kind, in declaration order."""
        by_kind: dict[ast.StepKind, list[ast.Step]] = {}
        for step in self.procedure.steps.values():
            by_kind.setdefault(step.kind, []).append(step)
        return by_kind

    def kind(self, node: str) -> ast.StepKind | None:
        step = self.step(node)
        return None if step is None else step.kind

    def span_of(self, node: str) -> Span:
        step = self.step(node)
        return step.id.span if step is not None else self.procedure.node.code.span

    # -- edges -----------------------------------------------------------------------------

    def branches(self, node: str) -> list[Branch]:
        return self._branches.get(node, [])

    def joins(self, node: str) -> list[Join]:
        """The parallel joins that end at `node`."""
        return self._joins.get(node, [])

    def all_joins(self) -> list[Join]:
        return [join for joins in self._joins.values() for join in joins]

    def join_of(self, branch: Branch, target: str) -> Join | None:
        """The join at which this branch's arrival at `target` waits (`None`: it starts it)."""
        if branch.via is None:
            return None
        # `build` gives the branch and its join the same span object: identity first, for speed.
        joins = self.joins(target)
        found = next((j for j in joins if j.span is branch.via), None)
        return found or next((j for j in joins if j.span == branch.via), None)

    def arrows_from(self, node: str) -> list[Arrow]:
        """The arrows out of `node`, in the order of its branches and their targets, each with
        the join its arrival waits at (what `join_of` says). The list is the workflow's own:
        read it, do not change it."""
        return self._arrows.get(node, _NO_ARROWS)

    def complete(self) -> bool:
        """Whether every name written in the flow is `start`, `end` or a step: an arrow naming
        an unknown step (TT005) is left out of the branches."""
        return self._complete

    def successors(self, node: str) -> list[str]:
        return list(self._graph.successors(node))

    def predecessors(self, node: str) -> list[str]:
        return list(self._graph.predecessors(node))

    def is_choice(self, node: str) -> bool:
        return len(self.branches(node)) > 1

    def arrows(self) -> list[tuple[str, str, Branch]]:
        """Every arrow as (source, target, the branch it belongs to), in flow order."""
        return [
            (branch.source, target, branch)
            for branches in self._branches.values()
            for branch in branches
            for target in branch.targets
        ]

    def paused_edges(self) -> list[tuple[str, str]]:
        """Arrows along which the clock stops (waiting for the applicant)."""
        return [(u, v) for u, v, data in self._graph.edges(data=True) if data.get("paused")]

    def reachable_from_start(self) -> set[str]:
        graph = self._graph
        return {START, *graph.descendants(START)} if START in graph else set()

    def reachable_from(self, node: str) -> set[str]:
        """The nodes some path of one or more arrows leads to from `node` (never `node` itself)."""
        return self._graph.descendants(node) if node in self._graph else set()

    def can_reach_end(self) -> set[str]:
        graph = self._graph
        return {END, *graph.ancestors(END)} if END in graph else set()
