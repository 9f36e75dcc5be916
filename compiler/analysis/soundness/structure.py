"""A token game decided by the shape of the flow, without playing it.

Input: a `Workflow`, its `Graph`, the bounds of the game and the most places it may have.
Output: `decided(...)`: a clean, complete `StateSpace` when the flow's shape alone shows that
the token game (`markings.explore` on the whole net, as `analysis.play` plays a small net
first) would end within those bounds with no fault; `None` otherwise: the game is played.

The shape: every step the arrows reach from `start` leads on to `end` (so no move is cut),
and the only parallel work is a *block*: a branch `s -> all(a, b, ...)` whose targets each
have that one arrow in and one arrow out, into the join `all(a, b, ...) -> x` of exactly
those steps. Fold each block into one arrow `s -> x` and one token remains, always: no place
ever holds two (TT405), the end is reached with nothing left running (TT405), and a block's
join starts once each of its steps has run, which nothing can prevent (TT403). The game
stores the start, each reached step, and 2^k markings per block of k steps (each step before
or after it ran); when that many fit the bounds, the game would have finished (no TT407).
Most procedures have this shape (sequences, choices, parallel consultations): for a 20-step
one the game costs ~0.55 M instructions (its net and markings), this test a tenth of that.

What it gives: `markings` holds the start marking alone, leading nowhere (the game was not
played; the rules read only the flags of a clean space). The differential test against the
brute-force oracle (`tests/rules/test_soundness_differential.py`) covers both ways.
"""

from __future__ import annotations

from tthc.compiler import END, START, Join, Workflow
from tthc.compiler.analysis.flow.graph import Graph
from tthc.compiler.analysis.soundness.markings import Bounds, StateSpace, room_for


def decided(workflow: Workflow, graph: Graph, bounds: Bounds, places: int) -> StateSpace | None:
    """A clean, complete state space when the shape decides the game on at most `places`
    places within `bounds`; None when the game must be played."""
    steps = workflow.procedure.steps
    if START in steps or END in steps:  # a step named like a reserved node (TT003)
        return None
    to_end, out = graph.to_end, graph.out
    stored = 0  # at least as many markings as the game would store
    inside: set[str] = set()  # the steps of the blocks met so far
    for node in graph.from_start:  # breadth first: a block's split before its steps
        if node not in to_end:
            return None  # a move would be cut there (TT402, TT404): the game tells the rest
        if node in inside or node == END:
            continue
        stored += 1
        last = None  # a branch's arrows come together, one per target
        for arrow in out[node]:
            if arrow.join is not None:  # it waits at a join outside any block
                return None
            branch = arrow.branch
            if branch is last:
                continue
            last = branch
            targets = branch.targets
            if len(targets) > 1:
                if not _block(graph, node, targets):
                    return None
                inside.update(targets)
                stored += 1 << len(targets)
    joins = workflow.all_joins()
    count = len(graph.nodes)  # the places of `Net`: the nodes, and each join's slots
    for join in joins:
        count += len(set(join.sources))
    if count > places or stored > room_for(bounds, count):
        return None
    listed: list[str | tuple[Join, str]] = list(graph.nodes)
    for join in joins:
        listed.extend((join, source) for source in dict.fromkeys(join.sources))
    return StateSpace(listed, [1], [None], after=[[]])  # `start` is the first place


def _block(graph: Graph, split: str, targets: tuple[str, ...]) -> bool:
    """Whether `split`'s branch to `targets` opens a block: each target entered by that
    branch alone and leaving by one arrow (so one branch) into one join, the join of exactly
    these steps."""
    if len(set(targets)) != len(targets):
        return False
    into, out = graph.into, graph.out
    join: Join | None = None
    for target in targets:
        if target in (START, END, split) or len(into[target]) != 1:
            return False
        arrows = out[target]
        if len(arrows) != 1:
            return False
        waits = arrows[0].join
        if waits is None or (join is not None and waits is not join):
            return False
        join = waits
    if join is None:
        return False
    sources = join.sources
    return len(sources) == len(targets) and set(sources) == set(targets)
