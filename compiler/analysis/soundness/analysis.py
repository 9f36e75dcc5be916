"""The soundness verdicts of one workflow, computed once and shared by the TT4xx rules.

Input: a `Workflow`. Output: `analyse(workflow) -> Soundness`: the unreachable groups of steps
with the steps behind them (TT401), the reached dead ends (TT402), the reached loops with no
exit (TT404), read from the arrows (`tthc.compiler.analysis.flow`), and the state space of the token game
(`tthc.compiler.analysis.soundness.markings`: TT403, TT405, and TT407 when it stops at its budget). Kept
per workflow and budget, so each rule asks for it freely.
"""

from __future__ import annotations

from dataclasses import dataclass

from tthc.compiler import END, Workflow
from tthc.compiler.analysis.flow.graph import Graph, graph_of
from tthc.compiler.analysis.settings import Settings
from tthc.compiler.analysis.soundness.markings import StateSpace, explore


@dataclass(frozen=True)
class Soundness:
    """The verdicts of TT401-TT405 for one workflow (what the findings are made from)."""

    unreachable: list[tuple[list[str], list[str]]]  # an entry component, the steps behind it
    dead_ends: list[str]  # reached nodes with no arrow out (`start` when the flow is empty)
    loops: list[list[str]]  # reached closed loops, the step the case enters by first
    space: StateSpace


def analyse(workflow: Workflow, budget: int | None = None) -> Soundness:
    """The soundness verdicts of a workflow, computed once for all the TT4xx rules; the token
    game expands at most `budget` states (default `Settings.max_flow_states`; TT407 beyond)."""
    budget = Settings().max_flow_states if budget is None else budget
    # Per workflow and budget, in `Workflow.facts`: a workflow's analyses go with it.
    found: Soundness | None = workflow.facts.get((analyse, budget))
    if found is None:
        graph = graph_of(workflow)
        if not graph.complete:  # an arrow names an unknown step: TT005 comes first
            found = Soundness([], [], [], StateSpace([]))
        else:
            space = explore(workflow, graph, budget)
            found = Soundness(_unreachable(graph), _dead_ends(graph), _loops(graph), space)
        workflow.facts[(analyse, budget)] = found
    return found


def _unreachable(graph: Graph) -> list[tuple[list[str], list[str]]]:
    """Components of unreached steps that no other step leads to, and the steps behind them."""
    lost = [n for n in graph.nodes if n not in graph.from_start and n != END]
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
    # Breadth-first order from start: a loop is named by the step the case enters it by.
    order = {node: number for number, node in enumerate(graph.from_start)}
    loops = []
    for component in graph.components(stuck):
        members = set(component)
        leaves = any(a.target not in members for n in component for a in graph.out[n])
        if graph.cyclic(component) and not leaves:
            loops.append(sorted(component, key=order.__getitem__))
    return sorted(loops, key=lambda loop: order[loop[0]])
