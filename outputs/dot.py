"""The flow as Graphviz DOT, labelled for people: step titles, authorities' titles and the fixed
words (start, end, otherwise, clock paused) in the reader's language.

Input: a `Workflow` (the `Model` for the authorities' titles, `lang` "vi" or "en"). Output: DOT
text. Node ids stay the steps' ids (so a tool can address them); only the labels are worded. The
unlabelled DOT of the compiler (`tthc.compiler.to_dot`) stays the machine's export.
"""

from __future__ import annotations

from tthc.compiler import Model, Workflow
from tthc.outputs.drawing import diagram_title, drawing, is_step


def _quoted(text: str) -> str:
    flat = " ".join(text.split())
    return '"' + flat.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_labelled_dot(workflow: Workflow, model: Model | None = None, lang: str = "vi") -> str:
    drawn = drawing(workflow, model, lang)
    lines = [
        f"digraph {_quoted(drawn.code)} {{",
        f"  label={_quoted(diagram_title(drawn, lang))};",
        "  rankdir=LR;",
        '  node [shape=box, style=rounded, fontname="Arial"];',
    ]
    for node in drawn.nodes:
        if not is_step(node):
            lines.append(f"  {_quoted(node.id)} [shape=circle, label={_quoted(node.title)}];")
            continue
        # The title and the actor on two lines: DOT's own `\n` escape, added after quoting.
        label = _quoted(node.title)[:-1] + (
            "\\n(" + _quoted(node.actor)[1:-1] + ")" if node.actor else ""
        )
        shape = ", shape=box3d" if node.joins else ""
        lines.append(f'  {_quoted(node.id)} [label={label}"{shape}];')
    for arrow in drawn.arrows:
        attributes = [f"label={_quoted(arrow.label)}"] if arrow.label else []
        if arrow.paused:
            attributes.append("style=dashed")
        if arrow.parallel:
            attributes.append("arrowhead=diamond")
        suffix = f" [{', '.join(attributes)}]" if attributes else ""
        lines.append(f"  {_quoted(arrow.source)} -> {_quoted(arrow.target)}{suffix};")
    lines.append("}")
    return "\n".join(lines) + "\n"
