"""The soundness verdicts of one workflow, computed once and shared by the TT4xx rules.

Input: a `Workflow` and the `Settings` that bound the token game. Output:
`analyse(workflow, settings) -> Soundness`: the unreachable groups of steps with the steps
behind them (TT401), the reached dead ends (TT402), the reached loops with no exit (TT404),
read from the arrows (`tthc.compiler.analysis.flow`), and the state space of the token game
(TT403, TT405, and TT407 when a bound stops it). Kept per workflow and bounds, so each rule
asks for it freely.

A flow whose shape shows a clean game (`structure.py`: sequences, choices and parallel blocks
of single steps, the commonest shape) is not played at all. Else the token game is played on
the reduced net (`reduction.py`: block-structured parts fused, in
time linear in their size) and only what is left is explored (`markings.py`); a small net whose
whole game is short and clean is played whole, which is cheaper than reducing it. The reduction
preserves soundness and safeness, and a run of the reduced game is a run of the workflow: a
flow it finds clean is clean. When it finds a fault, the whole game is played as well, within a
small bound, for the shortest witnesses (within the full bounds when a step can run twice, to
name each); a flow too wide for that keeps the reduced game's findings, which are then the same
verdicts, unless a step can run twice (then TT407 says the whole game was cut short).
"""

from __future__ import annotations

from dataclasses import dataclass

from tthc.compiler import END, Workflow
from tthc.compiler.analysis.flow.graph import Graph, graph_of
from tthc.compiler.analysis.settings import Settings
from tthc.compiler.analysis.soundness.markings import Bounds, Deadline, StateSpace, explore
from tthc.compiler.analysis.soundness.net import Net
from tthc.compiler.analysis.soundness.reduction import reduce
from tthc.compiler.analysis.soundness.structure import decided


@dataclass(frozen=True)
class Soundness:
    """The verdicts of TT401-TT405 for one workflow (what the findings are made from)."""

    unreachable: list[tuple[list[str], list[str]]]  # an entry component, the steps behind it
    dead_ends: list[str]  # reached nodes with no arrow out (`start` when the flow is empty)
    loops: list[list[str]]  # reached closed loops, the step the case enters by first
    space: StateSpace


# How far the whole game is played to give a fault found in the reduced game its shortest
# witness: a small part of the default bounds, since the reduced game already decided the flow.
# Stored states decide it (the seconds are only a safety net), so the witness a file gets does
# not depend on how busy the machine is.
_WHOLE = Bounds(states=5_000, megabytes=16, seconds=2.0)


def bounds_of(settings: Settings) -> Bounds:
    """The bounds of the token game that the settings give (the same object for the same
    settings as last time: six rules ask for each procedure, with the one settings of a check)."""
    last = _LAST_BOUNDS[0]
    if last is not None and last[0] is settings:
        return last[1]
    bounds = Bounds(
        settings.max_flow_states, settings.max_flow_megabytes, settings.max_flow_seconds
    )
    _LAST_BOUNDS[0] = (settings, bounds)
    return bounds


_LAST_BOUNDS: list[tuple[Settings, Bounds] | None] = [None]


def analyse(workflow: Workflow, settings: Settings | None = None) -> Soundness:
    """The soundness verdicts of a workflow, computed once for all the TT4xx rules; the token
    game stops at the bounds of `settings` (`max-flow-states`, `-megabytes`, `-seconds`)."""
    bounds = bounds_of(settings or Settings())
    # The last answer kept under `analyse` with its bounds: six rules ask with the very same
    # bounds object (`bounds_of`), and hashing the key was a good part of their asking.
    last: tuple[Bounds, Soundness] | None = workflow.facts.get(analyse)
    if last is not None and last[0] is bounds:
        return last[1]
    # Per workflow and bounds, in `Workflow.facts`: a workflow's analyses go with it.
    found: Soundness | None = workflow.facts.get((analyse, bounds))
    if found is None:
        graph = graph_of(workflow)
        if not graph.complete:  # an arrow names an unknown step: TT005 comes first
            found = Soundness([], [], [], StateSpace([]))
        else:
            space = decided(workflow, graph, _smaller(bounds, _FIRST), _FIRST_PLACES)
            if space is None:  # the shape does not decide it: the game is played
                space = play(Net(workflow, graph), bounds)
            found = Soundness(_unreachable(graph), _dead_ends(graph), _loops(graph), space)
        workflow.facts[(analyse, bounds)] = found
    workflow.facts[analyse] = (bounds, found)
    return found


# A net this small is played whole first, within `_FIRST` stored markings: a 20-step procedure
# with a parallel consultation has ~25 markings, and its whole game costs a quarter of reducing
# it (~1.3 M instructions) and playing what is left. Past this many places, a wide `all(...)`
# would make each marking costly to expand: the reduction comes first.
_FIRST_PLACES = 128
_FIRST = Bounds(states=256, megabytes=16, seconds=2.0)


def play(net: Net, bounds: Bounds) -> StateSpace:
    """The token game of a net: reduced first; when that finds a fault, the whole game too if
    it fits in `_WHOLE` (its breadth-first witnesses are the shortest runs of the workflow,
    and it names every step that runs twice).

    A small net is played whole first: when that game ends within `_FIRST` with no fault, the
    reduced one has none either (its runs are runs of the whole game, and it finds the same
    faults: `tests/rules/test_soundness_differential.py`), so the verdicts are the same, and
    no finding is made of a clean game. Any other outcome takes the way above."""
    if len(net.places) <= _FIRST_PLACES:
        first = explore(net, _smaller(bounds, _FIRST))
        if first.complete and not (first.improper or first.twice or first.waits):
            return first
    deadline = Deadline(bounds.seconds)
    reduced = explore(reduce(net), bounds, deadline)
    if not (reduced.improper or reduced.twice or reduced.waits or not reduced.complete):
        return reduced
    # Steps that run twice are named exactly by the whole game only: it gets the full bounds.
    limit = bounds if reduced.twice else _smaller(bounds, _WHOLE)
    whole = explore(net, limit, Deadline(limit.seconds, outer=deadline))
    if whole.complete or not reduced.complete or reduced.twice:
        # Past the bounds with a doubled step, the whole game's findings, partial (TT407),
        # are the exact ones: the reduced game may show a doubling further down the flow.
        whole.core = reduced.core
        return whole
    return reduced  # decided only once reduced: the same verdicts (no place holds two tokens)


def _smaller(one: Bounds, other: Bounds) -> Bounds:
    return Bounds(
        min(one.states, other.states),
        min(one.megabytes, other.megabytes),
        min(one.seconds, other.seconds),
    )


def _unreachable(graph: Graph) -> list[tuple[list[str], list[str]]]:
    """Components of unreached steps that no other step leads to, and the steps behind them."""
    lost = [n for n in graph.nodes if n not in graph.from_start and n != END]
    if not lost:  # most flows
        return []
    lost_set = set(lost)
    order = {node: number for number, node in enumerate(graph.nodes)}
    found = []
    for component in graph.components(lost):
        members = set(component)
        if any(a.source not in members for n in component for a in graph.into[n]):
            continue  # another unreached step leads here: reported with that one
        behind = [n for n in graph.search(component) if n in lost_set and n not in members]
        found.append(
            (sorted(component, key=order.__getitem__), sorted(behind, key=order.__getitem__))
        )
    return sorted(found, key=lambda item: order[item[0][0]])


def _dead_ends(graph: Graph) -> list[str]:
    return [n for n in graph.from_start if n != END and not graph.out[n]]


def _loops(graph: Graph) -> list[list[str]]:
    stuck = [n for n in graph.from_start if n not in graph.to_end]
    if not stuck:  # most flows
        return []
    # Breadth-first order from start: a loop is named by the step the case enters it by.
    order = {node: number for number, node in enumerate(graph.from_start)}
    loops = []
    for component in graph.components(stuck):
        members = set(component)
        leaves = any(a.target not in members for n in component for a in graph.out[n])
        if graph.cyclic(component) and not leaves:
            loops.append(sorted(component, key=order.__getitem__))
    return sorted(loops, key=lambda loop: order[loop[0]])
