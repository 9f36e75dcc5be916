"""The view model of a procedure card: what a template may show, already worded.

Input: the resolved `Model`, one `Workflow` and where instrument links point. Output:
`CardView`, small frozen dataclasses of strings (and the drawn flow, already escaped SVG).
Templates receive this and nothing else, never the AST or the graph, so a template cannot reach
into data it was not meant to show, and every value it prints passes its autoescape.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from tthc.compiler import END, Model, Workflow
from tthc.compiler.analysis import competence, longest_path
from tthc.dsl import ast
from tthc.outputs import wording

# Where a legal instrument links to: its registry entry. A standalone card links to the
# registry table at its own foot; the corpus site links to the registry page.
InstrumentHref = Callable[[str], str]


def anchor(instrument: str) -> str:
    """The fragment id of an instrument's registry entry: letters, digits and hyphens only."""
    return "vb-" + re.sub(r"[^A-Za-z0-9-]", "-", instrument)


def own_registry(instrument: str) -> str:
    return f"#{anchor(instrument)}"


@dataclass(frozen=True)
class InstrumentView:
    id: str
    anchor: str
    name: str  # "Nghị định số 120/2025/NĐ-CP", or the id when not in the registry
    title: str
    issuer: str
    in_force: str
    until: str
    confidence: str
    href: str


@dataclass(frozen=True)
class CitationView:
    instrument: InstrumentView
    place: str  # "Điều 16", "khoản 1 Điều 4", or ""


@dataclass(frozen=True)
class ComponentView:
    id: str
    title: str
    form: str
    copies: int
    required: bool
    personal: bool


@dataclass(frozen=True)
class FeeView:
    amount: str
    description: str
    basis: tuple[CitationView, ...]


@dataclass(frozen=True)
class NextView:
    when: str  # "complete", "trường hợp khác", or "" for the only way on
    to: str  # "Bước 3: Kiểm tra …" or "Kết thúc"
    paused: bool  # the clock stops while the applicant acts


@dataclass(frozen=True)
class StepView:
    number: int
    id: str
    kind: str
    title: str
    actor: str
    duration: str
    reads: tuple[str, ...]
    basis: tuple[CitationView, ...]
    next: tuple[NextView, ...]


@dataclass(frozen=True)
class CompetenceView:
    """Who decides, and by which grants of the registry (`tthc.compiler.analysis.competence`),
    on the day the procedure takes effect."""

    authority: str
    competent: bool
    explanation: str
    basis: tuple[CitationView, ...]


@dataclass(frozen=True)
class CardView:
    code: str
    name: str
    field: str
    level: str
    effective: str
    until: str
    moved_from: str
    channels: tuple[str, ...]
    anywhere: bool
    dossier: tuple[ComponentView, ...]
    deadlines: tuple[str, ...]
    timed_total: str  # the longest timed path through the steps, or ""
    applicants: tuple[str, ...]
    receiving: tuple[str, ...]
    competent: tuple[str, ...]
    competence: tuple[CompetenceView, ...]
    coordinating: tuple[str, ...]
    results: tuple[str, ...]
    fees: tuple[FeeView, ...]
    requirements: tuple[str, ...]
    basis: tuple[CitationView, ...]
    instruments: tuple[InstrumentView, ...]  # every instrument the card cites, once
    steps: tuple[StepView, ...]
    diagram: Markup  # the flow drawn as inline SVG (`tthc.outputs.svg`)
    links: tuple[str, ...]


def card_view(model: Model, workflow: Workflow, href: InstrumentHref = own_registry) -> CardView:
    from tthc.outputs.svg import flow_svg

    node = workflow.procedure.node
    cited: dict[str, InstrumentView] = {}

    def cite(citations: tuple[ast.Citation, ...]) -> tuple[CitationView, ...]:
        views = []
        for citation in citations:
            key = citation.instrument.value
            if key not in cited:
                cited[key] = _instrument(model, key, href)
            views.append(CitationView(cited[key], wording.citation_place(citation)))
        return tuple(views)

    basis = cite(node.basis)
    moved_from = ""
    if node.moved is not None:
        moved_from = wording.LEVEL[node.moved.level]
        cite(node.moved.basis)
    fees = tuple(FeeView(wording.money(f.amount), f.description, cite(f.basis)) for f in node.fees)
    steps = _steps(model, workflow, cite)
    return CardView(
        code=node.code.value,
        name=node.name,
        field=node.field or "",
        level=wording.LEVEL[node.level] if node.level else "",
        effective=_date(node.effective),
        until=_date(node.until),
        moved_from=moved_from,
        channels=tuple(wording.channel(c) for c in node.channels),
        anywhere=bool(node.anywhere),
        dossier=tuple(
            ComponentView(c.id.value, c.title, c.form or "", c.copies, c.required, c.personal)
            for c in node.dossier
        ),
        deadlines=tuple(wording.deadline(d) for d in node.deadlines),
        timed_total=_timed_total(workflow),
        applicants=node.applicants,
        receiving=_actors(model, workflow, {ast.StepKind.RECEPTION}),
        competent=_actors(model, workflow, {ast.StepKind.DECISION, ast.StepKind.SIGNATURE}),
        competence=_competence(model, workflow, cite),
        coordinating=_coordinating(model, workflow),
        results=node.results,
        fees=fees,
        requirements=_requirements(node),
        basis=basis,
        instruments=tuple(sorted(cited.values(), key=lambda i: i.name)),
        steps=steps,
        diagram=flow_svg(workflow, model),
        links=tuple(link.value for link in node.links),
    )


def _instrument(model: Model, key: str, href: InstrumentHref) -> InstrumentView:
    found = model.instruments.get(key)
    if found is None:
        unknown = wording.CONFIDENCE[ast.Confidence.UNVERIFIED]
        return InstrumentView(key, anchor(key), key, "", "", "", "", unknown, href(key))
    return InstrumentView(
        id=key,
        anchor=anchor(key),
        name=wording.instrument(found),
        title=found.title or "",
        issuer=found.issuer or "",
        in_force=_date(found.in_force),
        until=_date(found.until),
        confidence=wording.CONFIDENCE[found.confidence or ast.Confidence.UNVERIFIED],
        href=href(key),
    )


def _steps(
    model: Model,
    workflow: Workflow,
    cite: Callable[[tuple[ast.Citation, ...]], tuple[CitationView, ...]],
) -> tuple[StepView, ...]:
    numbers = {step_id: n for n, step_id in enumerate(workflow.step_ids(), start=1)}
    steps = workflow.procedure.node.steps
    components = workflow.procedure.components

    def where(target: str) -> str:
        if target == END:
            return "Kết thúc"
        step = workflow.step(target)
        return f"Bước {numbers[target]}: {step.title}" if step else target

    views = []
    for step in steps:
        branches = workflow.branches(step.id.value)
        following = tuple(
            NextView(
                when=wording.outcome(b.outcome)
                if b.outcome
                else ("trường hợp khác" if b.default and len(branches) > 1 else ""),
                to=" và ".join(where(t) for t in b.targets),
                paused=b.paused,
            )
            for b in branches
        )
        views.append(
            StepView(
                number=numbers[step.id.value],
                id=step.id.value,
                kind=wording.STEP_KIND[step.kind],
                title=step.title,
                actor=_who(model, step.actor),
                duration=wording.duration(step.duration) if step.duration else "",
                reads=tuple(
                    components[r.value].title if r.value in components else r.value
                    for r in step.reads
                ),
                basis=cite(step.basis),
                next=following,
            )
        )
    return tuple(views)


def _who(model: Model, name: ast.Name | None) -> str:
    if name is None:
        return ""
    authority = model.authority(name)
    return authority.title if authority else name.value


def _actors(model: Model, workflow: Workflow, kinds: set[ast.StepKind]) -> tuple[str, ...]:
    found = [_who(model, s.actor) for s in workflow.procedure.node.steps if s.kind in kinds]
    return tuple(dict.fromkeys(a for a in found if a))


def _competence(
    model: Model,
    workflow: Workflow,
    cite: Callable[[tuple[ast.Citation, ...]], tuple[CitationView, ...]],
) -> tuple[CompetenceView, ...]:
    node = workflow.procedure.node
    if node.power is None:
        return ()
    kinds = {ast.StepKind.DECISION, ast.StepKind.SIGNATURE}
    deciders = [s.actor.value for s in node.steps if s.kind in kinds and s.actor is not None]
    views = []
    for authority in dict.fromkeys(deciders):
        answer = competence(model, authority, node.power.value, node.effective)
        basis = tuple(c for link in answer.chain for c in cite(link.basis))
        found = model.authorities.get(authority)
        title = found.title if found else authority
        views.append(CompetenceView(title, answer.competent, answer.explanation.vi, basis))
    return tuple(views)


def _coordinating(model: Model, workflow: Workflow) -> tuple[str, ...]:
    """The bodies a step works with (`with`), and those consulted."""
    found = []
    for step in workflow.procedure.node.steps:
        if step.counterpart is not None:
            found.append(_who(model, step.counterpart))
        if step.kind is ast.StepKind.CONSULTATION:
            found.append(_who(model, step.actor))
    return tuple(dict.fromkeys(a for a in found if a))


def _requirements(node: ast.Procedure) -> tuple[str, ...]:
    found = []
    required = [c.title for c in node.dossier if c.required]
    if required:
        found.append(f"Hồ sơ có đủ {len(required)} thành phần bắt buộc.")
    if node.anywhere:
        found.append(
            "Được nộp hồ sơ và nhận kết quả không phụ thuộc vào địa giới hành chính trong tỉnh."
        )
    if node.two_persons:
        found.append("Người lập hồ sơ xử lý và người phê duyệt phải là hai người khác nhau.")
    return tuple(found)


def _timed_total(workflow: Workflow) -> str:
    path = longest_path(workflow)
    if path is None or path.total == 0:
        return ""
    unit = "ngày làm việc" if path.scale.value == "working_days" else "ngày"
    return f"{wording.number(path.total)} {unit}"


def _date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""
