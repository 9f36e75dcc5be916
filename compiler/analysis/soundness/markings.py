"""The token game of a workflow, explored state by state, for TT403 and TT405.

Input: a `Workflow` and its `Graph`. Output: `StateSpace`: every marking one case can reach
(breadth first, so witnesses are shortest), the first improper completion, the first time each
place would hold two tokens, and for each parallel join the first marking from which it can
wait forever. The rules of the game are in `tthc.compiler.workflow`'s docstring.

A marking is an `int` used as a bit set of places (one place per node, one per join slot), so
only markings where no place holds two tokens are stored: the move that would put a second
token on a place is recorded (TT405) and not followed. Nor are moves into a step from which no
arrow path leads to `end` (already TT402/TT404). Such cut moves, and markings left unexplored
when the budget runs out, count as "anything may still happen", so that no finding follows
from what was not explored: every finding reported is exact.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
    # The places of `produce` as a mask (`_mask`), 0 when a place comes twice in it (then each
    # is looked at in turn): one test tells whether the move puts a second token anywhere.
    mask: int = 0


@dataclass
class StateSpace:
    """The markings of one case and what went wrong in them (indices into `markings`)."""

    places: list[str | tuple[Join, str]]
    markings: list[int] = field(default_factory=list)
    parent: list[tuple[int, Move] | None] = field(default_factory=list)
    improper: tuple[int, Move] | None = None  # a move that reaches `end` with work left
    twice: dict[int, tuple[int, Move]] = field(default_factory=dict)  # place → doubling move
    waits: dict[Join, int] = field(default_factory=dict)  # join → marking it can wait from
    complete: bool = True  # False when the budget stopped the exploration (TT407)
    after: list[list[int]] = field(default_factory=list)  # the markings each one leads to

    def moves_to(self, index: int) -> list[Move]:
        moves: list[Move] = []
        step = self.parent[index]
        while step is not None:
            index, move = step
            moves.append(move)
            step = self.parent[index]
        return moves[::-1]

    def marked(self, marking: int) -> list[str | tuple[Join, str]]:
        return [place for bit, place in enumerate(self.places) if marking >> bit & 1]

    def ever_marked(self, index: int) -> int:
        """Every place marked in some marking reachable from `markings[index]`, as a mask."""
        seen, todo, mask = {index}, [index], 0
        while todo:
            state = todo.pop()
            mask |= self.markings[state]
            for target in self.after[state]:
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        return mask


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
                moves.append(Move(1 << bit, produce, node, branch, None, _mask(produce)))
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


def _mask(places: tuple[int, ...]) -> int:
    """`Move.mask` of these places: each as a bit, 0 when one comes twice."""
    mask = 0
    for place in places:
        mask |= 1 << place
    return mask if mask.bit_count() == len(places) else 0


def explore(workflow: Workflow, graph: Graph, budget: int) -> StateSpace:
    """Every marking one case can reach from `start`, breadth first, and what went wrong;
    at most `budget` markings are expanded (`Settings.max_flow_states`)."""
    net = Net(workflow, graph)
    space = StateSpace(net.places, [1 << net.place[START]], [None])
    if net.dead >> net.place[START] & 1:
        space.after.append([])  # no arrow path from start to end: TT402/TT404 say why
        return space
    markings, parent, after, twice = space.markings, space.parent, space.after, space.twice
    starts, end, dead = net.starts, net.end, net.dead
    index = {markings[0]: 0}
    open_ended: list[bool] = []  # a cut move or the budget: anything may still happen
    position = 0
    while position < len(markings):
        marking = markings[position]
        targets: list[int] = []
        after.append(targets)
        if position >= budget:
            space.complete = False
            open_ended.append(True)
            position += 1
            continue
        cut = False
        rest = marking
        while rest:  # each marked place, lowest first, and the moves it may start
            low = rest & -rest
            rest ^= low
            for move in starts[low.bit_length() - 1]:
                consume = move.consume
                if marking & consume != consume:
                    continue  # a join still waiting for some of its slots
                successor, mask = marking & ~consume, move.mask
                if mask and not successor & mask:
                    successor |= mask
                else:
                    doubled = []
                    for place in move.produce:
                        if successor >> place & 1:
                            doubled.append(place)
                        successor |= 1 << place
                    if doubled:
                        for place in doubled:
                            twice.setdefault(place, (position, move))
                        cut = True
                        continue
                if successor & end:
                    if successor != end and space.improper is None:
                        space.improper = (position, move)
                elif successor & dead:
                    cut = True
                else:
                    known = index.get(successor)
                    if known is None:
                        known = index[successor] = len(markings)
                        markings.append(successor)
                        parent.append((position, move))
                    targets.append(known)
        open_ended.append(cut)
        position += 1
    _find_waits(net, space, after, open_ended)
    return space


def _find_waits(
    net: Net, space: StateSpace, after: list[list[int]], open_ended: list[bool]
) -> None:
    """For each join, the first marking holding some of its slots from which it never starts."""
    if not net.joins:
        return
    every = (1 << len(net.joins)) - 1
    # The joins holding a token in some slot of each marking, and the joins that can start from
    # it: those ready in it or in a marking it leads to (all of them past a cut move or the
    # budget), spread back along the moves until nothing changes; each mask only grows.
    partials: list[int] = []
    can_start: list[int] = []
    slots, slot_join = net.slots, net.slot_join
    for state, marking in enumerate(space.markings):
        partial = ready = 0
        rest = marking & slots
        while rest:
            low = rest & -rest
            rest ^= low
            bit, move = slot_join[low.bit_length() - 1]
            partial |= bit
            if marking & move.consume == move.consume:
                ready |= bit
        partials.append(partial)
        can_start.append(every if open_ended[state] else ready)
    # Markings are numbered breadth first, so most moves lead to a higher number: one pass
    # from the last marking back spreads most of it, and is enough when it already shows every
    # held join able to start. (What it finds is never more than the truth.)
    for state in range(len(after) - 1, -1, -1):
        mask = can_start[state]
        for target in after[state]:
            mask |= can_start[target]
        can_start[state] = mask
    if all(partial & ~mask == 0 for partial, mask in zip(partials, can_start, strict=True)):
        return
    before: list[list[int]] = [[] for _ in after]
    for state, targets in enumerate(after):
        for target in targets:
            before[target].append(state)
    todo = [state for state, mask in enumerate(can_start) if mask]
    while todo:
        state = todo.pop()
        mask = can_start[state]
        for source in before[state]:
            if mask & ~can_start[source]:
                can_start[source] |= mask
                todo.append(source)
    pending = every
    for state, partial in enumerate(partials):
        stuck = partial & ~can_start[state] & pending
        if stuck:
            for number, join in enumerate(net.joins):
                if stuck >> number & 1:
                    space.waits[join] = state
            pending &= ~stuck
