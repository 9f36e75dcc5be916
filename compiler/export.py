"""Graph exports for people and tools: JSON (stable, no source positions) and Graphviz DOT.

Input: a `Workflow`. Output: text. The JSON holds no spans or paths, so the `.tthc` and
`.yaml` twins of one procedure export byte-identical graphs.
"""

from __future__ import annotations

from typing import Any

from tthc.compiler.model import END, START
from tthc.compiler.workflow import Workflow


def graph_data(workflow: Workflow) -> dict[str, Any]:
    procedure = workflow.procedure
    nodes: list[dict[str, Any]] = [{"id": START, "kind": "start"}]
    for step in procedure.node.steps:
        nodes.append(
            {
                "id": step.id.value,
                "kind": step.kind.value,
                "title": step.title,
                "actor": step.actor.value if step.actor else None,
                "duration": _duration(step.duration),
                "parallel_join": bool(workflow.joins(step.id.value)),
            }
        )
    nodes.append({"id": END, "kind": "end", "parallel_join": bool(workflow.joins(END))})
    edges = []
    for node in [START, *workflow.step_ids(), END]:
        for number, branch in enumerate(workflow.branches(node)):
            for target in branch.targets:
                edges.append(
                    {
                        "source": node,
                        "target": target,
                        "branch": number,
                        "outcome": branch.outcome,
                        "default": branch.default,
                        "parallel": branch.parallel,
                        "clock_paused": branch.paused,
                    }
                )
    return {
        "procedure": procedure.code,
        "name": procedure.node.name,
        "nodes": nodes,
        "edges": edges,
    }


def _duration(duration: Any) -> str | None:
    if duration is None:
        return None
    return f"{duration.amount} {duration.unit.value}"


def to_json(workflow: Workflow) -> str:
    import json  # here: a check never exports (cold start)

    return json.dumps(graph_data(workflow), ensure_ascii=False, indent=2) + "\n"


def to_dot(workflow: Workflow) -> str:
    data = graph_data(workflow)
    lines = [
        f'digraph "{data["procedure"]}" {{',
        "  rankdir=LR;",
        '  node [shape=box, style=rounded, fontname="Arial"];',
    ]
    for node in data["nodes"]:
        if node["kind"] in ("start", "end"):
            lines.append(f'  "{node["id"]}" [shape=circle, label="{node["id"]}"];')
        else:
            label = _escape(f"{node['title']}\\n({node['actor'] or '?'})")
            shape = ", shape=box3d" if node["parallel_join"] else ""
            lines.append(f'  "{node["id"]}" [label="{label}"{shape}];')
    for edge in data["edges"]:
        attributes = []
        label = edge["outcome"] or ("otherwise" if edge["default"] else "")
        if label:
            attributes.append(f'label="{_escape(label)}"')
        if edge["clock_paused"]:
            attributes.append("style=dashed")
        if edge["parallel"]:
            attributes.append("arrowhead=diamond")
        suffix = f" [{', '.join(attributes)}]" if attributes else ""
        lines.append(f'  "{edge["source"]}" -> "{edge["target"]}"{suffix};')
    lines.append("}")
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return text.replace('"', '\\"')
