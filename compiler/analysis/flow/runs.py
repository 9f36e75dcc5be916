"""One case through choices and parallel joins (TT301-TT303).

Input: a `Workflow`, the steps the case may not run and the steps it marks. Output:
`run_reach(...)`: every state (a node, and whether a marked step was passed) one case can reach
from `start`, with the state and arrow it was first reached from; `may_reach`, a quick test
that it cannot reach some nodes at all; and `run_path`, the arrows of the run to one state
(the witness).
"""

from __future__ import annotations

from collections.abc import Collection

from tthc.compiler import START, Arrow, Workflow
from tthc.compiler.analysis.flow.graph import graph_of

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
    stops = blocked if isinstance(blocked, set | frozenset) else set(blocked)
    root: State = (START, START in marks)
    found: dict[State, tuple[State, Arrow] | None] = {root: None}
    # The sources arrived at each join, with the flags they came with; by the join's identity
    # (an arrival's join is the one object `build` made for it).
    arrived: dict[int, dict[str, set[bool]]] = {}
    needed: dict[int, int] = {}  # how many sources each join waits for
    skipped: dict[int, bool] = {}  # whether a branch starts a blocked step
    queue = [root]  # breadth first: states in the order found
    for state in queue:
        node, flag = state
        for arrow in graph.out[node]:
            if whole_branches:
                # Per branch, not per arrow: a split of many targets has as many arrows.
                skip = skipped.get(id(arrow.branch))
                if skip is None:
                    skip = skipped[id(arrow.branch)] = not stops.isdisjoint(arrow.branch.targets)
                if skip:
                    continue
            join = arrow.join
            if join is None:
                target = arrow.target
                reached = (target, flag or target in marks)
                if target not in stops and reached not in found:
                    found[reached] = (state, arrow)
                    queue.append(reached)
                continue
            slots = arrived.setdefault(id(join), {})
            slots.setdefault(node, set()).add(flag)
            # Only the join's sources arrive at it: counting them is enough (and linear in the
            # width of an `all(...)`, where testing each source at every arrival is not).
            count = needed.get(id(join))
            if count is None:
                count = needed[id(join)] = len(set(join.sources))
            if len(slots) == count:
                target = arrow.target
                passes = []
                if all(False in slots[source] for source in join.sources):
                    passes.append(False)
                if any(True in flags for flags in slots.values()):
                    passes.append(True)
                for passed in passes:
                    reached = (target, passed or target in marks)
                    if target not in stops and reached not in found:
                        found[reached] = (state, arrow)
                        queue.append(reached)
    return found


def may_reach(workflow: Workflow, blocked: Collection[str], goals: Collection[str]) -> bool:
    """Whether the arrows lead from `start` to one of `goals` without entering a `blocked`
    step, joins aside (any source arriving starts its target). `run_reach` follows the same
    arrows and starts a join only once its sources have arrived, so a state it reaches is on
    such a path: when this says no, it reaches none of them, and a rule may stop here. It
    costs a fifth of `run_reach` (no flags, no joins, no witness tree), and a sound procedure
    almost always stops here."""
    if START in goals:
        return True
    graph = graph_of(workflow)
    into = graph.into
    if all(
        arrow.source in blocked and arrow.source != START
        for goal in goals
        for arrow in into.get(goal, ())
    ):
        return False  # only blocked steps lead to them (the end, after a result): no search
    out = graph.out
    seen = {START}
    todo = [START]
    while todo:
        for arrow in out[todo.pop()]:
            target = arrow.target
            if target not in seen and target not in blocked:
                if target in goals:
                    return True
                seen.add(target)
                todo.append(target)
    return False


def run_path(found: dict[State, tuple[State, Arrow] | None], state: State) -> list[Arrow]:
    """The arrows from `start` to a state of `run_reach`."""
    arrows: list[Arrow] = []
    step = found.get(state)
    while step is not None:
        state, arrow = step
        arrows.append(arrow)
        step = found.get(state)
    return arrows[::-1]
