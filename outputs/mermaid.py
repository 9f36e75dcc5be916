"""The flow as a Mermaid flowchart, for Markdown pages (GitHub, GitLab and wikis draw it).

Input: a `Workflow` (the `Model` for the authorities' titles, `lang` for the fixed words). Output: Mermaid text. Node
ids are generated (`n0`, `n1`, …), so no name written in a procedure can end a statement; every
label is quoted with Mermaid's entity codes for the characters that could break out of it.
"""

from __future__ import annotations

from tthc.compiler import Model, Workflow
from tthc.outputs.drawing import drawing, is_step

# Mermaid's own entity codes (`#quot;`), so that a label can hold any character safely.
_ENTITIES = {"&": "#amp;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "`": "#96;", "#": "#35;"}


def _label(text: str) -> str:
    flat = " ".join(text.split())
    return '"' + "".join(_ENTITIES.get(ch, ch) for ch in flat) + '"'


def to_mermaid(workflow: Workflow, model: Model | None = None, lang: str = "vi") -> str:
    drawn = drawing(workflow, model, lang)
    ids = {node.id: f"n{number}" for number, node in enumerate(drawn.nodes)}
    lines = ["flowchart LR"]
    for node in drawn.nodes:
        label = _label(node.title + (f" ({node.actor})" if node.actor else ""))
        shape = f"[{label}]" if is_step(node) else f"(({label}))"
        lines.append(f"  {ids[node.id]}{shape}")
    for arrow in drawn.arrows:
        link = "-.->" if arrow.paused else ("==>" if arrow.parallel else "-->")
        middle = f"|{_label(arrow.label)}|" if arrow.label else ""
        lines.append(f"  {ids[arrow.source]} {link}{middle} {ids[arrow.target]}")
    return "\n".join(lines) + "\n"
