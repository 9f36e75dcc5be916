"""What every drawing of a flow shows: its nodes and its arrows, labelled in the reader's language.

Input: a `Workflow` (the `Model` for the authorities' titles, and `lang`, "vi" or "en"). Output: `Drawing`: the nodes in order (`start`, the steps, `end`) with
their labels, and one `DrawnArrow` per arrow (an arrow into a parallel join is drawn to the
step the join starts). The SVG, Mermaid and DOT renderers read this, so the three diagrams of
one procedure always show the same arrows with the same labels.
"""

from __future__ import annotations

from dataclasses import dataclass

from tthc.compiler import END, START, Model, Workflow
from tthc.outputs import wording

OTHERWISE = "trường hợp khác"

# The fixed words of a drawing, per language; titles of steps and authorities are shown as written.
WORDS = {
    "vi": {
        "start": "Bắt đầu",
        "end": "Kết thúc",
        "otherwise": OTHERWISE,
        "paused": "dừng tính thời gian",
        "title": "Sơ đồ quy trình thủ tục {code}: {name}",
    },
    "en": {
        "start": "Start",
        "end": "End",
        "otherwise": "otherwise",
        "paused": "clock paused",
        "title": "Flow of procedure {code}: {name}",
    },
}
# The outcomes the corpus names, in English; any other name is shown with spaces for underscores.
OUTCOME_EN = {"late": "overdue", "needs_more_time": "needs more time"}


@dataclass(frozen=True)
class DrawnNode:
    id: str
    title: str  # the step's title; "Bắt đầu" / "Kết thúc" (Start / End) for start and end
    actor: str  # who does it (the authority's title), or ""
    kind: str  # the step kind's value, or "start" / "end"
    joins: bool  # a parallel join: it waits for all of its sources


@dataclass(frozen=True)
class DrawnArrow:
    source: str
    target: str
    label: str  # the outcome ("trường hợp khác" for a choice's default) and "(dừng tính thời gian)"
    paused: bool  # the clock stops along it
    parallel: bool  # one of the arrows of a parallel split


@dataclass(frozen=True)
class Drawing:
    code: str
    name: str
    nodes: tuple[DrawnNode, ...]
    arrows: tuple[DrawnArrow, ...]


def outcome_label(name: str, lang: str = "vi") -> str:
    if lang == "en":
        return OUTCOME_EN.get(name, name.replace("_", " "))
    return wording.outcome(name)


def _label(outcome: str, paused: bool, lang: str) -> str:
    pause = f"({WORDS[lang]['paused']})" if paused else ""
    return " ".join(part for part in (outcome, pause) if part)


def drawing(workflow: Workflow, model: Model | None = None, lang: str = "vi") -> Drawing:
    lang = "en" if lang == "en" else "vi"
    words = WORDS[lang]
    nodes = [DrawnNode(START, words["start"], "", "start", False)]
    for step in workflow.procedure.node.steps:
        actor = ""
        if step.actor is not None:
            found = model.authority(step.actor) if model else None
            actor = found.title if found else step.actor.value
        joins = bool(workflow.joins(step.id.value))
        nodes.append(DrawnNode(step.id.value, step.title, actor, step.kind.value, joins))
    nodes.append(DrawnNode(END, words["end"], "", "end", bool(workflow.joins(END))))
    arrows: dict[tuple[str, str], DrawnArrow] = {}
    for node in [START, *workflow.step_ids(), END]:
        branches = workflow.branches(node)
        for branch in branches:
            label = outcome_label(branch.outcome, lang) if branch.outcome else ""
            label = label or (words["otherwise"] if branch.default and len(branches) > 1 else "")
            label = _label(label, branch.paused, lang)
            for target in branch.targets:
                arrows.setdefault(
                    (node, target),
                    DrawnArrow(node, target, label, branch.paused, branch.parallel),
                )
    known = {n.id for n in nodes}
    kept = tuple(a for a in arrows.values() if a.source in known and a.target in known)
    return Drawing(workflow.procedure.code, workflow.procedure.node.name, tuple(nodes), kept)


def diagram_title(drawn: Drawing, lang: str = "vi") -> str:
    template = WORDS["en" if lang == "en" else "vi"]["title"]
    return template.format(code=drawn.code, name=drawn.name)


def is_step(node: DrawnNode) -> bool:
    return node.kind not in ("start", "end")
