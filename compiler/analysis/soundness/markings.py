"""The token game of a workflow, explored state by state, for TT403 and TT405.

Input: a `Net` (`tthc.compiler.analysis.soundness.net`, usually reduced first) and the bounds
of the exploration. Output: `StateSpace`: every marking one case can reach (breadth first, so
witnesses are short), the first improper completion, the first time each place would hold two
tokens, and for each parallel join the first marking from which it can wait forever. The rules
of the game are in `tthc.compiler.workflow`'s docstring.

A marking is an `int` used as a bit set of places (one place per node, one per join slot), so
only markings where no place holds two tokens are stored: the move that would put a second
token on a place is recorded (TT405) and not followed. Nor are moves into a step from which no
arrow path leads to `end` (already TT402/TT404). Such cut moves, and markings left unexplored
when a bound stops the exploration, count as "anything may still happen", so that no finding
follows from what was not explored: every finding reported is exact.

The exploration stops at the first of three bounds (`Bounds`): stored markings, an estimate of
the memory they take, and time. It then says which (`StateSpace.limit`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from tthc.compiler import Join
from tthc.compiler.analysis.soundness.net import Move, Net

# What one stored marking costs: the int, its entry in the index, its parent tuple, its list
# of successors and what `_find_waits` keeps for it. Measured with `tracemalloc` on CPython
# 3.11 over 20,000 markings: 282 bytes each with 56 places, 291 with 408 (the bits grow).
_BYTES_PER_STATE = 280
_CLOCK_EVERY = 512  # markings expanded between two looks at the clock


@dataclass(frozen=True)
class Bounds:
    """How far the token game may go: stored markings, megabytes (estimated) and CPU seconds
    (of this process: what the game itself costs, whatever else the machine runs)."""

    states: int = 10_000
    megabytes: int = 64
    seconds: float = 2.0


class Deadline:
    """The time bound of a game: `seconds` of this process's CPU time, counted from the first
    look at the clock, and never later than an `outer` deadline. The clock is read only when
    asked (every `_CLOCK_EVERY` markings), so most games, shorter than that, never read it:
    a read is a system call that cost ~5 ms of waiting per procedure on a loaded machine
    (benchmarks/import.py, cProfile). What the first `_CLOCK_EVERY` markings cost (well under
    a millisecond) is thus not counted: the bound is never reached sooner than it was."""

    __slots__ = ("_at", "outer", "seconds")

    def __init__(self, seconds: float, outer: Deadline | None = None) -> None:
        self.seconds, self.outer = seconds, outer
        self._at: float | None = None

    def passed(self, now: float | None = None) -> bool:
        now = time.process_time() if now is None else now
        if self._at is None:
            self._at = now + self.seconds
        return now > self._at or (self.outer is not None and self.outer.passed(now))


@dataclass
class StateSpace:
    """The markings of one case and what went wrong in them (indices into `markings`)."""

    places: list[str | tuple[Join, str]]
    markings: list[int] = field(default_factory=list)
    parent: list[tuple[int, Move] | None] = field(default_factory=list)
    improper: tuple[int, Move] | None = None  # a move that reaches `end` with work left
    twice: dict[int, tuple[int, Move]] = field(default_factory=dict)  # place → doubling move
    waits: dict[Join, int] = field(default_factory=dict)  # join → marking it can wait from
    complete: bool = True  # False when a bound stopped the exploration (TT407)
    after: list[list[int]] = field(default_factory=list)  # the markings each one leads to
    limit: str | None = None  # the bound that stopped it: "states", "memory" or "time"
    # The places still played after the reduction (the flow's irreducible core), as a mask;
    # when a bound stopped the game, those of them that held tokens together.
    core: int = 0

    def moves_to(self, index: int) -> list[Move]:
        """The workflow's own moves of the run to a marking (fused moves taken apart)."""
        moves: list[Move] = []
        step = self.parent[index]
        while step is not None:
            index, move = step
            moves.extend(reversed(move.parts()))
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


def room_for(bounds: Bounds, places: int) -> int:
    """The markings a game on this many places may store: the states bound, or fewer when
    the memory bound comes first (each marking costs its bits and a fixed part)."""
    per_state = _BYTES_PER_STATE + places // 16
    return min(bounds.states, bounds.megabytes * 1_048_576 // per_state)


def explore(net: Net, bounds: Bounds, deadline: Deadline | None = None) -> StateSpace:
    """Every marking one case can reach from `start`, breadth first, and what went wrong, until
    a bound stops it (`deadline` defaults to `bounds.seconds` of CPU time)."""
    deadline = Deadline(bounds.seconds) if deadline is None else deadline
    space = StateSpace(net.places, [net.start], [None])
    for moves in net.starts:
        for move in moves:
            space.core |= move.consume
    if net.dead & net.start:
        space.after.append([])  # no arrow path from start to end: TT402/TT404 say why
        return space
    markings, parent, after, twice = space.markings, space.parent, space.after, space.twice
    starts, end, dead = net.starts, net.end, net.dead
    room = room_for(bounds, len(net.places))
    index = {markings[0]: 0}
    open_ended: list[bool] = []  # a cut move or a bound: anything may still happen
    position = 0
    while position < len(markings):
        if position % _CLOCK_EVERY == 0 and position and deadline.passed():
            space.limit = "time"
        if space.limit is not None:
            after.extend([] for _ in range(len(markings) - position))
            open_ended.extend(True for _ in range(len(markings) - position))
            break
        marking = markings[position]
        targets: list[int] = []
        after.append(targets)
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
                        if len(markings) >= room:
                            space.limit = "states" if room == bounds.states else "memory"
                            cut = True
                            continue
                        known = index[successor] = len(markings)
                        markings.append(successor)
                        parent.append((position, move))
                    targets.append(known)
        open_ended.append(cut)
        position += 1
    space.complete = space.limit is None
    if not space.complete:
        # The region left undecided: the places that hold tokens together in some marking
        # (where the orders multiply), not the steps the game only passed through.
        busy = 0
        for marking in markings:
            if marking & (marking - 1):
                busy |= marking
        space.core = busy or space.core
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
