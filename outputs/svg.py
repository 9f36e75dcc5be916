"""The flow drawn as SVG, from our own layered layout: no Graphviz, no script, no font fetched.

Input: a `Workflow` (and the `Model` for the authorities' titles). Output: `flow_svg(...)`, an
`<svg>` element as `Markup`, every text escaped here, ready to be put inline in a page or
written as a file (`svg_document`). Steps are boxes coloured by kind, start and end are
circles; an arrow that closes a loop runs below the drawing; dashed arrows stop the clock.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

from markupsafe import Markup, escape

from tthc.compiler import Model, Workflow
from tthc.outputs.drawing import DrawnArrow, DrawnNode, diagram_title, drawing, is_step
from tthc.outputs.layout import Layout, layered

RADIUS = 18
MARGIN = 16
LOOP_GAP = 16
LINE = 13  # title line height in pixels (12 px text)


@dataclass(frozen=True)
class Geometry:
    """Sizes along the flow (`p`: from one column of the layout to the next) and across it
    (`s`: from one row to the next); `vertical` draws the flow top to bottom."""

    vertical: bool
    cell_p: int
    cell_s: int
    box_p: int
    box_s: int

    def point(self, p: int, s: int) -> tuple[int, int]:
        return (s, p) if self.vertical else (p, s)


ACROSS = Geometry(vertical=False, cell_p=220, cell_s=104, box_p=160, box_s=76)
DOWN = Geometry(vertical=True, cell_p=112, cell_s=200, box_p=76, box_s=160)
FILL = {
    "reception": "#dbeafe",
    "result": "#dbeafe",
    "decision": "#dcfce7",
    "signature": "#dcfce7",
    "refusal": "#fee2e2",
    "supplement": "#ffedd5",
    "apology": "#ffedd5",
    "fee": "#fef9c3",
}
FILL_OTHER = "#f3f4f6"


def flow_svg(
    workflow: Workflow, model: Model | None = None, *, vertical: bool = True, lang: str = "vi"
) -> Markup:
    """The flow top to bottom (`vertical`, for pages) or left to right."""
    geometry = DOWN if vertical else ACROSS
    drawn = drawing(workflow, model, lang)
    layout = layered([n.id for n in drawn.nodes], [(a.source, a.target) for a in drawn.arrows])
    back = sorted(layout.back)
    extent_p = 2 * MARGIN + max(layout.columns, 1) * geometry.cell_p
    extent_s = 2 * MARGIN + max(layout.rows, 1) * geometry.cell_s + LOOP_GAP * (len(back) + 1)
    width, height = geometry.point(extent_p, extent_s)
    marker = "arrow-" + re.sub(r"[^A-Za-z0-9]", "-", drawn.code)
    title = diagram_title(drawn, lang)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="flow" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'style="max-width:100%;height:auto" font-family="system-ui, Arial, sans-serif" '
        f'aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<defs><marker id="{marker}" viewBox="0 0 10 10" refX="10" refY="5" '
        'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#374151"/></marker></defs>',
    ]
    nodes = {n.id: n for n in drawn.nodes}
    for arrow in drawn.arrows:
        parts.append(_arrow(geometry, arrow, layout, nodes, marker, back))
    for node in drawn.nodes:
        parts.append(_node(geometry, node, layout))
    parts.append("</svg>")
    return Markup("".join(parts))


def svg_document(workflow: Workflow, model: Model | None = None, lang: str = "vi") -> str:
    """A standalone SVG file, the flow left to right."""
    drawn = flow_svg(workflow, model, vertical=False, lang=lang)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + str(drawn) + "\n"


def _centre(geometry: Geometry, layout: Layout, node: str) -> tuple[int, int]:
    """The centre of a node's cell as (p, s)."""
    column, row = layout.cells[node]
    return (
        MARGIN + column * geometry.cell_p + geometry.cell_p // 2,
        MARGIN + row * geometry.cell_s + geometry.cell_s // 2,
    )


def _half(geometry: Geometry, node: DrawnNode) -> tuple[int, int]:
    """Half the extent of a node's shape as (p, s)."""
    if not is_step(node):
        return RADIUS, RADIUS
    return geometry.box_p // 2, geometry.box_s // 2


def _arrow(
    geometry: Geometry,
    arrow: DrawnArrow,
    layout: Layout,
    nodes: dict[str, DrawnNode],
    marker: str,
    back: list[tuple[str, str]],
) -> str:
    source, target = nodes[arrow.source], nodes[arrow.target]
    sp, ss = _centre(geometry, layout, arrow.source)
    tp, ts = _centre(geometry, layout, arrow.target)
    gap = (geometry.cell_p - geometry.box_p) // 2
    if (arrow.source, arrow.target) in back:
        # A loop runs beyond the last row, each in its own track.
        track = back.index((arrow.source, arrow.target)) + 1
        beyond = MARGIN + layout.rows * geometry.cell_s + LOOP_GAP * track
        points = [
            (sp, ss + _half(geometry, source)[1]),
            (sp, beyond),
            (tp, beyond),
            (tp, ts + _half(geometry, target)[1]),
        ]
        label_at = (min(sp, tp) + 6, beyond - 3)
    else:
        start_p, end_p = sp + _half(geometry, source)[0], tp - _half(geometry, target)[0]
        if layout.column(arrow.target) - layout.column(arrow.source) > 1:
            # Past other columns: run in the free band before the nearer of the two rows, so
            # the arrow never crosses a box on its way.
            band = min(ss, ts) - geometry.cell_s // 2 + 6
            before = tp - geometry.box_p // 2 - gap
            points = [
                (start_p, ss),
                (start_p + gap, ss),
                (start_p + gap, band),
                (before, band),
                (before, ts),
                (end_p, ts),
            ]
            label_at = (start_p + gap + 4, band - 2)
        elif ss == ts:
            points = [(start_p, ss), (end_p, ts)]
            label_at = (start_p + 4, ss - 5)
        else:
            bend = start_p + gap
            points = [(start_p, ss), (bend, ss), (bend, ts), (end_p, ts)]
            label_at = (bend + 4, ts - 5)
    xy = [geometry.point(p, s) for p, s in points]
    path = "M" + " L".join(f"{x},{y}" for x, y in xy)
    dash = ' stroke-dasharray="6 4"' if arrow.paused else ""
    width = "2.5" if arrow.parallel else "1.5"
    drawn = (
        f'<path d="{path}" fill="none" stroke="#374151" stroke-width="{width}"{dash} '
        f'marker-end="url(#{marker})"/>'
    )
    label = arrow.label
    if label:
        x, y = geometry.point(*label_at)
        if geometry.vertical:
            x, y = x + 4, y + 12
        drawn += f'<text x="{x}" y="{y}" font-size="10" fill="#1f2937">{escape(label)}</text>'
    return drawn


def _node(geometry: Geometry, node: DrawnNode, layout: Layout) -> str:
    x, y = geometry.point(*_centre(geometry, layout, node.id))
    if not is_step(node):
        width = "3" if node.kind == "end" else "1.5"
        return (
            f'<g><circle cx="{x}" cy="{y}" r="{RADIUS}" fill="#ffffff" stroke="#111827" '
            f'stroke-width="{width}"/><text x="{x + RADIUS + 6}" y="{y + 4}" font-size="10" '
            f'fill="#111827">{escape(node.title)}</text></g>'
        )
    box_w, box_h = geometry.point(geometry.box_p, geometry.box_s)
    left, top = x - box_w // 2, y - box_h // 2
    fill = FILL.get(node.kind, FILL_OTHER)
    border = ' stroke-width="3"' if node.joins else ' stroke-width="1"'
    lines = textwrap.wrap(node.title, 26, max_lines=3, placeholder="…") or [""]
    texts = "".join(
        f'<tspan x="{x}" y="{top + 16 + i * LINE}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    actor = textwrap.shorten(node.actor, 30, placeholder="…") if node.actor else ""
    hint = escape(node.title) + escape(" — " + node.actor if node.actor else "")
    return (
        f"<g><title>{hint}</title>"
        f'<rect x="{left}" y="{top}" width="{box_w}" height="{box_h}" rx="8" fill="{fill}" '
        f'stroke="#111827"{border}/>'
        f'<text font-size="11" text-anchor="middle" fill="#111827">{texts}</text>'
        f'<text x="{x}" y="{top + box_h - 7}" font-size="9" text-anchor="middle" '
        f'fill="#374151">{escape(actor)}</text></g>'
    )
