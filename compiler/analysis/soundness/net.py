"""The token game of a workflow as a Petri net: places as bits, moves as masks.

Input: a `Workflow` and its `Graph`. Output: `Net`: one place per node and one per join slot
(a marking is an `int` used as a bit set of places), and the moves each marked place may
start (`Net.starts`). The rules of the game are in `tthc.compiler.workflow`'s docstring.
`tthc.compiler.analysis.soundness.reduction` fuses its block-structured parts;
`tthc.compiler.analysis.soundness.markings` plays it.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from tthc.compiler import END, START, Branch, Join, Workflow
from tthc.compiler.analysis.flow.graph import Graph


# Not frozen, for the speed of building the net (as `tthc.compiler.Arrow`); compared by
# identity. Nothing changes a move once built.
@dataclass(eq=False, slots=True)
class Move:
    """A step running and taking one branch, or a join starting its target."""

    consume: int
    produce: tuple[int, ...]
    node: str
    branch: Branch | None = None
    join: Join | None = None
    # The places of `produce` as a mask (`mask_of`), 0 when a place comes twice in it (then each
    # is looked at in turn): one test tells whether the move puts a second token anywhere.
    mask: int = 0
    # The moves of the workflow this one stands for, in the order they run, when the reduction
    # fused several (`tthc.compiler.analysis.soundness.reduction`); empty for a move of its own.
    steps: tuple[Move, ...] = ()

    def parts(self) -> tuple[Move, ...]:
        """The workflow's own moves this move makes, in order (itself when it was not fused)."""
        return self.steps or (self,)


class Net:
    """Places and moves of a workflow's token game."""

    def __init__(self, workflow: Workflow, graph: Graph) -> None:
        nodes = graph.nodes  # start, the steps, end (last)
        place = self.place = {node: bit for bit, node in enumerate(nodes)}
        self.places: list[str | tuple[Join, str]] = list(nodes)
        # The place of each join's slot for each source, by the join's number: equal joins
        # share one (a join is hashed once here, not at every look-up: hashing one hashes its
        # span); `number` gives the number of each join object.
        self.slot: dict[tuple[int, str], int] = {}
        self.number: dict[int, int] = {}
        self.joins: list[Join] = workflow.all_joins()
        numbers: dict[Join, int] = {}
        for join in self.joins:
            number = self.number[id(join)] = numbers.setdefault(join, len(numbers))
            for source in dict.fromkeys(join.sources):
                self.slot[(number, source)] = len(self.places)
                self.places.append((join, source))
        self.start = 1 << place[START]
        self.end = 1 << place[END]
        to_end = graph.to_end
        self.dead = 0
        for node in nodes:
            if node not in to_end:
                self.dead |= 1 << place[node]
        # The moves a marked place may start; a join is listed under its first slot only.
        self.starts: list[list[Move]] = [[] for _ in self.places]
        slot_of = self.slot
        for node in nodes[:-1]:
            arrows = graph.out[node]
            if not arrows:
                continue  # no branch either
            bit = place[node]
            moves = self.starts[bit]
            branches = workflow.branches(node)
            if len(arrows) == len(branches):  # one arrow each (a branch has one at least)
                for arrow in arrows:
                    waits = arrow.join
                    to = (
                        place[arrow.target]
                        if waits is None
                        else slot_of[(self.number[id(waits)], node)]
                    )
                    moves.append(Move(1 << bit, (to,), node, arrow.branch, None, 1 << to))
                continue
            arrivals: dict[int, list[int]] = {}  # by branch (its id: branches are told apart)
            for arrow in arrows:
                waits = arrow.join
                to = (
                    place[arrow.target]
                    if waits is None
                    else slot_of[(self.number[id(waits)], arrow.source)]
                )
                arrivals.setdefault(id(arrow.branch), []).append(to)
            for branch in branches:
                produce = tuple(arrivals.get(id(branch), ()))
                moves.append(Move(1 << bit, produce, node, branch, None, mask_of(produce)))
        self.slots = 0  # every slot place, as a mask
        self.slot_join: dict[int, tuple[int, Move]] = {}  # slot → its join's bit and move
        for number, join in enumerate(self.joins):
            own = self.number[id(join)]
            slots = [self.slot[(own, s)] for s in dict.fromkeys(join.sources)]
            consume = sum(1 << s for s in slots)
            target = place[join.target]
            move = Move(consume, (target,), join.target, None, join, 1 << target)
            self.starts[min(slots)].append(move)
            for slot in slots:
                self.slots |= 1 << slot
                self.slot_join[slot] = (1 << number, move)

    def moves(self) -> list[Move]:
        """Every move once, in the order of the places that start them."""
        return [move for moves in self.starts for move in moves]

    def with_moves(self, moves: list[Move], slot_join: dict[int, tuple[int, Move]]) -> Net:
        """The same places with other moves (each listed under the lowest place it consumes)."""
        other = copy.copy(self)
        other.starts = [[] for _ in self.places]
        for move in moves:
            other.starts[(move.consume & -move.consume).bit_length() - 1].append(move)
        other.slot_join = slot_join
        return other


def mask_of(places: tuple[int, ...]) -> int:
    """`Move.mask` of these places: each as a bit, 0 when one comes twice."""
    mask = 0
    for place in places:
        mask |= 1 << place
    return mask if mask.bit_count() == len(places) else 0
