"""The citizen guide: one procedure in plain words for the person who applies.

Input: the resolved `Model` and the procedure's `Workflow`. Output: `GuideView`, then a page:
what to bring, where and how to file (filing anywhere in the province included), how long it
takes in working days, what it costs, what happens when a paper is missing, what you receive.
The HTML page is self-contained (its small style inline, no script, no image, no font), so a
cheap phone on a slow connection opens it in one request; a test holds it under 60 KB.
"""

from __future__ import annotations

from dataclasses import dataclass

from tthc.compiler import Model, Workflow
from tthc.dsl import ast
from tthc.outputs import wording
from tthc.outputs.render import render_html, render_markdown
from tthc.outputs.view import card_view


@dataclass(frozen=True)
class Paper:
    title: str
    copies: int
    optional: bool
    form: str


@dataclass(frozen=True)
class GuideView:
    code: str
    name: str
    papers: tuple[Paper, ...]
    where: tuple[str, ...]  # the offices that receive the dossier
    channels: tuple[str, ...]
    anywhere: bool
    online: bool
    durations: tuple[str, ...]
    working_days: bool  # some duration counts working days: say what one is
    costs: tuple[str, ...]
    supplement: bool  # a missing paper is asked for once, and the wait does not count
    refusal: bool  # a refusal comes in writing, with the reason
    apology: bool  # a late result comes with an apology and one new date
    results: tuple[str, ...]
    steps: tuple[str, ...]
    basis: tuple[str, ...]


def guide_view(model: Model, workflow: Workflow) -> GuideView:
    card = card_view(model, workflow)
    node = workflow.procedure.node
    kinds = {step.kind for step in node.steps}
    return GuideView(
        code=card.code,
        name=card.name,
        papers=tuple(Paper(c.title, c.copies, not c.required, c.form or "") for c in node.dossier),
        where=card.receiving,
        channels=card.channels,
        anywhere=card.anywhere,
        online=any(c.kind is ast.ChannelKind.ONLINE for c in node.channels),
        durations=tuple(_duration(d) for d in node.deadlines),
        working_days=any(
            d.duration is not None and d.duration.unit.is_working for d in node.deadlines
        ),
        costs=tuple(
            f"{wording.money(f.amount)}: {f.description}" if f.amount else f.description
            for f in node.fees
        ),
        supplement=ast.StepKind.SUPPLEMENT in kinds,
        refusal=ast.StepKind.REFUSAL in kinds,
        apology=ast.StepKind.APOLOGY in kinds,
        results=card.results,
        steps=tuple(step.title for step in node.steps),
        basis=tuple(c.instrument.name for c in card.basis),
    )


def _duration(deadline: ast.Deadline) -> str:
    if deadline.immediate or deadline.duration is None:
        said = "Nhận kết quả ngay khi nộp đủ giấy tờ"
    else:
        said = f"Không quá {wording.duration(deadline.duration)} kể từ khi nộp đủ giấy tờ"
    return f"{said}, nếu {deadline.condition}" if deadline.condition else said


def guide_html(model: Model, workflow: Workflow) -> str:
    return render_html("guide.html.j2", guide=guide_view(model, workflow))


def guide_markdown(model: Model, workflow: Workflow) -> str:
    return render_markdown("guide.md.j2", guide=guide_view(model, workflow))
