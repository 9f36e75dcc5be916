"""The token game made small before it is played: block-structured parts fused away.

Input: a `Net`. Output: `reduce(net) -> Net`, the same places with fewer, fused moves, whose
game has the same verdicts when no place of it can hold two tokens (`explore` in
`tthc.compiler.analysis.soundness.analysis` plays the whole game when one can). Three rules of
the classical reduction of workflow nets (Murata 1989, Berthelot 1987; van der Aalst's Woflan
and LoLA apply them), until none applies:

- parallel places: places put by the same moves and taken by the same moves always hold the
  same tokens (the branches of one `all(...)` once each has arrived at its join slot), so they
  are handled as one place. Their bits all stay in the markings.
- series: a place whose one taker takes nothing else is skipped: every move that puts a token
  there puts the taker's tokens instead (post-agglomeration). A step in a chain, a branch of
  an `all(...)`, a join whose sources all arrive together: each fused move keeps the moves it
  stands for in order (`Move.steps`), so a witness is still a run of the workflow.
- parallel moves: moves with the same effect are one (the branches of a choice that meet
  again), and a move that gives back what it takes (a loop through fused steps) goes.

Each rule removes a place or a move and looks again only at the places it touched, so a
block-structured flow (sequences, choices, loops, `all(...)` of any width and nesting) becomes
a handful of moves in time linear in its size; the state space is then explored only for what
is left, the irreducible core.

The rules keep every place that can start, end or block the game: `start`, `end`, and steps from
which `end` cannot be reached (their moves are cut by the game) are never fused, nor is a move
that would put a token where one already is.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from tthc.compiler.analysis.soundness.net import Move, Net, mask_of


@dataclass(eq=False, slots=True)
class _Move:
    """A move under reduction: what it takes (a mask), what it puts (bits, in order)."""

    number: int
    consume: int
    produce: dict[int, None]
    parts: list[Move]
    original: Move
    gives: int = 0  # `produce` as a mask, kept up to date (a wide split puts many places)
    changed: bool = False
    doubles: bool = False  # puts one place twice (a doubling at once): never fused


@dataclass
class _Places:
    """The places as groups of parallel places, and the moves that put or take each group."""

    group: dict[int, int] = field(default_factory=dict)  # bit → its group (a bit of it)
    mask: dict[int, int] = field(default_factory=dict)  # group → its bits
    puts: dict[int, set[int]] = field(default_factory=dict)  # group → moves putting it
    takes: dict[int, set[int]] = field(default_factory=dict)  # group → moves taking it

    def groups(self, bits: int) -> set[int]:
        found = set()
        while bits:
            low = bits & -bits
            bits ^= low
            found.add(self.group[low.bit_length() - 1])
        return found


def reduce(net: Net) -> Net:
    """The net with its block-structured parts fused (see the module's docstring)."""
    moves = [
        _Move(n, m.consume, dict.fromkeys(m.produce), [m], m, _bits(m.produce))
        for n, m in enumerate(net.moves())
    ]
    alive = {move.number: move for move in moves}
    places = _Places()
    for bit in range(len(net.places)):
        places.group[bit] = bit
        places.mask[bit] = 1 << bit
        places.puts[bit] = set()
        places.takes[bit] = set()
    fixed = net.start | net.end | net.dead
    for move in moves:
        if len(move.produce) != len(move.original.produce):
            move.doubles = True
            fixed |= move.gives
        for bit in move.produce:
            places.puts[bit].add(move.number)
        for group in places.groups(move.consume):
            places.takes[group].add(move.number)
    same: dict[tuple[int, int], int] = {}  # a move's effect → the first move with it
    for move in moves:
        same.setdefault((move.consume, move.gives), move.number)
    reducer = _Reducer(alive, places, fixed, same)
    for move in moves:
        if not move.doubles:
            reducer.settle(move)  # choices written twice to one place, loops on one step
    reducer.run(deque(places.mask))
    return net.with_moves(*reducer.result(net))


def _bits(places: tuple[int, ...]) -> int:
    mask = 0
    for place in places:
        mask |= 1 << place
    return mask


class _Reducer:
    def __init__(
        self,
        alive: dict[int, _Move],
        places: _Places,
        fixed: int,
        same: dict[tuple[int, int], int],
    ) -> None:
        self.alive, self.places, self.fixed, self.same = alive, places, fixed, same
        self.kinds: dict[tuple[frozenset[int], frozenset[int]], int] = {}

    def run(self, todo: deque[int]) -> None:
        places = self.places
        while todo:
            group = todo.popleft()
            if group not in places.mask or places.mask[group] & self.fixed:
                continue
            puts, takes = places.puts[group], places.takes[group]
            if not puts or not takes:
                continue
            kind = (frozenset(puts), frozenset(takes))
            other = self.kinds.get(kind)
            if (
                other is not None
                and other != group
                and other in places.mask
                and (frozenset(places.puts[other]), frozenset(places.takes[other])) == kind
            ):
                self._merge(other, group)
                todo.append(other)
                continue
            self.kinds[kind] = group
            if len(takes) == 1:
                todo.extend(self._skip(group))

    def _merge(self, keep: int, gone: int) -> None:
        places = self.places
        bits = places.mask.pop(gone)
        places.mask[keep] |= bits
        while bits:
            low = bits & -bits
            bits ^= low
            places.group[low.bit_length() - 1] = keep
        del places.puts[gone], places.takes[gone]

    def _skip(self, group: int) -> list[int]:
        """Fuse the one taker of `group` into each move that puts it; the places touched."""
        places, alive = self.places, self.alive
        (number,) = places.takes[group]
        taker = alive[number]
        bits = places.mask[group]
        if taker.consume != bits or number in places.puts[group] or not taker.produce:
            return []
        gives = taker.gives
        if not gives or gives & self.fixed:
            return []  # a loop on itself, `end`, or a place the game cuts: kept as written
        putters = [alive[n] for n in sorted(places.puts[group])]
        for putter in putters:
            rest = putter.gives & ~bits
            if putter.doubles or rest & gives or putter.gives & self.fixed:
                return []  # would put a token twice, or ends the case: kept as written
        given = places.groups(gives)
        touched = set(given)
        for target in given:
            places.puts[target].discard(number)
        del alive[number]
        del places.mask[group], places.puts[group], places.takes[group]
        for putter in putters:
            rest = bits
            while rest:
                low = rest & -rest
                rest ^= low
                del putter.produce[low.bit_length() - 1]
            putter.produce.update(taker.produce)
            putter.gives = putter.gives & ~bits | gives
            putter.parts.extend(taker.parts)
            putter.changed = True
            for target in given:
                places.puts[target].add(putter.number)
            touched |= self.settle(putter)
        return sorted(touched)

    def settle(self, move: _Move) -> set[int]:
        """Drop a move that changes nothing or does what another does; the places touched."""
        key = (move.consume, move.gives)
        first = self.alive.get(self.same.get(key, move.number))
        twin = first is not None and first is not move and (first.consume, first.gives) == key
        if move.gives != move.consume and not twin:
            self.same[key] = move.number
            return set()
        places = self.places
        touched = places.groups(move.consume) | places.groups(move.gives)
        for group in places.groups(move.consume):
            places.takes[group].discard(move.number)
        for group in places.groups(move.gives):
            places.puts[group].discard(move.number)
        del self.alive[move.number]
        return touched

    def result(self, net: Net) -> tuple[list[Move], dict[int, tuple[int, Move]]]:
        """The moves left, as the game plays them, and each join slot's join move among them."""
        made: dict[int, Move] = {}  # by the `id` of the workflow's move it starts with
        moves = []
        for move in sorted(self.alive.values(), key=lambda m: m.number):
            if move.changed:
                produce = tuple(move.produce)
                first = move.parts[0]
                fused = Move(
                    move.consume,
                    produce,
                    first.node,
                    first.branch,
                    first.join,
                    mask_of(produce),
                    tuple(p for part in move.parts for p in part.parts()),
                )
            else:
                fused = move.original
            made[id(move.original)] = fused
            moves.append(fused)
        slot_join = {
            slot: (bit, made.get(id(join), join)) for slot, (bit, join) in net.slot_join.items()
        }
        return moves, slot_join
