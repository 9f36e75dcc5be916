"""The flow's small directed graph answers as networkx does; `Workflow.to_networkx()` is the flow as a
networkx graph (`tests/test_startup.py`: a check never imports networkx otherwise)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from tthc.compiler import build_procedure, load_project, resolve
from tthc.compiler.digraph import DiGraph
from tthc.dsl import SourceFile, parse

NODES = st.sampled_from(["start", "a", "b", "c", "d", "end"])
EDGES = st.lists(st.tuples(NODES, NODES, st.booleans()), max_size=20)
TWIN = Path(__file__).resolve().parents[1] / "dsl" / "twins" / "birth.tthc"


def both(edges: list[tuple[str, str, bool]]) -> tuple[DiGraph, nx.DiGraph[str]]:
    ours, theirs = DiGraph(), nx.DiGraph()
    for graph in (ours, theirs):
        graph.add_node("start")
        for source, target, paused in edges:
            graph.add_edge(source, target, paused=paused)
    return ours, theirs


@given(EDGES)
def test_the_graph_answers_as_networkx_does(edges: list[tuple[str, str, bool]]) -> None:
    ours, theirs = both(edges)
    assert ours.nodes == list(theirs.nodes)
    assert ours.edges(data=True) == list(theirs.edges(data=True))
    assert ours.edges() == list(theirs.edges())
    for node in theirs.nodes:
        assert node in ours
        assert list(ours.successors(node)) == list(theirs.successors(node))
        assert list(ours.predecessors(node)) == list(theirs.predecessors(node))
        assert ours.descendants(node) == nx.descendants(theirs, node)
        assert ours.ancestors(node) == nx.ancestors(theirs, node)
    assert "nowhere" not in ours
    converted = ours.to_networkx()
    assert list(converted.edges(data=True)) == list(theirs.edges(data=True))


def test_to_networkx_is_the_flow_as_a_networkx_graph() -> None:
    [workflow] = load_project([TWIN]).workflows
    graph = workflow.to_networkx()
    assert isinstance(graph, nx.DiGraph)
    assert set(graph.edges) == {(u, v) for u, v, _ in workflow.arrows()}
    assert workflow.reachable_from_start() == {"start", *nx.descendants(graph, "start")}
    assert workflow.can_reach_end() == {"end", *nx.ancestors(graph, "end")}
    # An analyst's graph is theirs: changing it leaves the workflow as it was.
    graph.remove_node("end")
    assert "end" in workflow.to_networkx()
    assert workflow.can_reach_end() == {"end", *nx.ancestors(workflow.to_networkx(), "end")}


def test_the_workflow_graph_keeps_the_arrows_in_the_order_written() -> None:
    """Arrows into a node are listed in the order their flow lines were written, whichever
    node they leave; an arrow written twice keeps the qualifiers written last."""
    text = """procedure "1.000001" "Thủ tục thử" {
      steps { a review "A"  b review "B"  x review "X"  y review "Y" }
      flow {
        start -> a
        a -> y when one
        a -> b otherwise
        b -> x
        a -> x when two
        x -> y clock paused
        x -> y
        y -> end
      }
    }
    """
    document = parse(SourceFile.from_text("case.tthc", text)).value
    assert document is not None
    model = resolve([document]).value
    assert model is not None
    workflow = build_procedure(model.procedures[0])
    assert workflow.predecessors("x") == ["b", "a"]
    assert workflow.successors("a") == ["y", "b", "x"]
    assert workflow.predecessors("y") == ["a", "x"]
    assert workflow.paused_edges() == []  # `x -> y`, written last, does not pause
    assert workflow.reachable_from("b") == {"x", "y", "end"}
