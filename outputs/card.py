"""The procedure card: one procedure in the layout of the national procedure database.

Input: the resolved `Model` and the procedure's `Workflow`. Output: an HTML page (self-contained:
the style and the drawn flow are inline, nothing is fetched) or a Markdown page (the flow as a
Mermaid block). Both are rendered from `CardView` (`tthc.outputs.view`).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from tthc.compiler import Model, Workflow
from tthc.outputs.mermaid import to_mermaid
from tthc.outputs.render import render_html, render_markdown
from tthc.outputs.view import InstrumentHref, card_view, own_registry


@dataclass(frozen=True)
class Status:
    """A procedure's check result, as the corpus site shows it."""

    clean: bool
    summary: str  # "Không có lỗi", "2 lỗi, 1 cảnh báo"


def card_html(
    model: Model,
    workflow: Workflow,
    *,
    href: InstrumentHref = own_registry,
    home: str = "",
    status: Status | None = None,
) -> str:
    """`href` points an instrument to its registry entry; the default is the table of cited
    instruments at the card's foot. `home` links back to a corpus index."""
    view = card_view(model, workflow, href)
    return render_html(
        "card.html.j2", card=view, home=home, status=status, own_registry=href is own_registry
    )


def card_markdown(model: Model, workflow: Workflow, *, href: InstrumentHref = own_registry) -> str:
    view = card_view(model, workflow, href)
    return render_markdown(
        "card.md.j2",
        card=view,
        mermaid=Markup(to_mermaid(workflow, model).rstrip("\n")),
        own_registry=href is own_registry,
    )
