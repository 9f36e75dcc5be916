"""The corpus site: every procedure's card, an index by field and level, the registry, the rule
catalogue and each procedure's check status, as static pages that fetch nothing.

Input: paths (the corpus folder) and an output folder. Output: the pages written there and a
`Site` (page count, the problems that stopped a file). The procedures are checked by the same
rules and configuration as `tthc check` (`tthc.rules.check_project` on the loaded project), so
the status a page shows is the one CI sees. The index's search box filters the table in the browser; without JavaScript the box
stays hidden and the whole index is shown.

    index.html                 fields → levels → procedures, with their status
    thu-tuc/<file>.html        one card per procedure (instruments link to the registry page)
    so-dang-ky.html            authorities and instruments (validity, what replaces what)
    quy-tac.html               the rule catalogue (codes, names, severities)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tthc.compiler import Model, Workflow
from tthc.dsl import CODES, Diagnostic, Severity, ast
from tthc.outputs import wording
from tthc.outputs.card import Status, card_html
from tthc.outputs.loading import STOPPING, load
from tthc.outputs.render import render_html
from tthc.outputs.view import anchor

CARDS = "thu-tuc"
REGISTRY_PAGE = "so-dang-ky.html"
RULES_PAGE = "quy-tac.html"


@dataclass(frozen=True)
class Entry:
    href: str
    code: str
    name: str
    field: str
    level: str
    applies: str  # the period this version applies: "từ 01/07/2025 đến hết 30/06/2026"
    status: Status


@dataclass(frozen=True)
class Group:
    field: str
    levels: tuple[tuple[str, tuple[Entry, ...]], ...]


@dataclass(frozen=True)
class AuthorityRow:
    id: str
    title: str
    level: str
    part_of: str
    validity: str


@dataclass(frozen=True)
class InstrumentRow:
    anchor: str
    name: str
    title: str
    issuer: str
    validity: str
    replaced_by: str
    confidence: str


@dataclass(frozen=True)
class RuleRow:
    code: str
    name: str
    severity: str
    title: str


@dataclass(frozen=True)
class Site:
    pages: int
    problems: tuple[Diagnostic, ...]


def build_site(paths: Sequence[str | Path], out: Path, registry: Sequence[str | Path] = ()) -> Site:
    from tthc.rules import check_project
    from tthc.rules.engine.config_file import discover_config

    project = load(paths, registry).project
    found = discover_config(paths)
    diagnostics = check_project(project, found.value) if found.value else list(found.diagnostics)
    problems = tuple(d for d in diagnostics if d.code in STOPPING and d.severity is Severity.ERROR)
    model = project.model
    (out / CARDS).mkdir(parents=True, exist_ok=True)
    entries = []
    for workflow in project.workflows:
        status = _status(workflow, diagnostics)
        name = _page_name(workflow, project.workflows)
        page = card_html(
            model,
            workflow,
            href=lambda key: f"../{REGISTRY_PAGE}#{anchor(key)}",
            home="../index.html",
            status=status,
        )
        (out / CARDS / name).write_text(page, encoding="utf-8")
        node = workflow.procedure.node
        level = wording.LEVEL[node.level] if node.level else "Không ghi cấp"
        entries.append(
            Entry(
                href=f"{CARDS}/{name}",
                code=node.code.value,
                name=node.name,
                field=node.field or "Khác",
                level=level,
                applies=_validity(node.effective, node.until),
                status=status,
            )
        )
    index = render_html("index.html.j2", groups=_groups(entries), total=len(entries))
    (out / "index.html").write_text(index, encoding="utf-8")
    (out / REGISTRY_PAGE).write_text(
        render_html(
            "registry.html.j2", authorities=_authorities(model), instruments=_instruments(model)
        ),
        encoding="utf-8",
    )
    (out / RULES_PAGE).write_text(render_html("rules.html.j2", rules=_rules()), encoding="utf-8")
    return Site(len(entries) + 3, problems)


def _status(workflow: Workflow, diagnostics: list[Diagnostic]) -> Status:
    path = workflow.procedure.path
    mine = [d for d in diagnostics if d.span.path == path]
    errors = sum(d.severity is Severity.ERROR for d in mine)
    warnings = sum(d.severity is Severity.WARNING for d in mine)
    if not errors and not warnings:
        return Status(True, "Không có lỗi, không có cảnh báo")
    return Status(errors == 0, f"{errors} lỗi, {warnings} cảnh báo")


def _page_name(workflow: Workflow, workflows: list[Workflow]) -> str:
    path = Path(workflow.procedure.path)
    stem = re.sub(r"[^A-Za-z0-9-]", "-", f"{path.parent.name}--{path.stem}")
    if sum(w.procedure.path == workflow.procedure.path for w in workflows) > 1:
        stem += "--" + re.sub(r"[^0-9]", "-", workflow.procedure.code)
    return stem + ".html"


def _groups(entries: list[Entry]) -> tuple[Group, ...]:
    fields = sorted({e.field for e in entries})
    groups = []
    for field in fields:
        levels = sorted({e.level for e in entries if e.field == field})
        groups.append(
            Group(
                field,
                tuple(
                    (
                        level,
                        tuple(
                            sorted(
                                (e for e in entries if e.field == field and e.level == level),
                                key=lambda e: e.code,
                            )
                        ),
                    )
                    for level in levels
                ),
            )
        )
    return tuple(groups)


def _validity(starts: dt.date | None, until: dt.date | None) -> str:
    said = []
    if starts is not None:
        said.append(f"từ {starts.strftime('%d/%m/%Y')}")
    if until is not None:
        said.append(f"đến hết {until.strftime('%d/%m/%Y')}")
    return " ".join(said)


def _authorities(model: Model) -> tuple[AuthorityRow, ...]:
    rows = []
    for key, authority in sorted(model.authorities.items()):
        part_of = model.authorities.get(authority.of.value) if authority.of else None
        rows.append(
            AuthorityRow(
                id=key,
                title=authority.title,
                level=wording.LEVEL[authority.level] if authority.level else "",
                part_of=part_of.title if part_of else "",
                validity=_validity(authority.starts, authority.until),
            )
        )
    return tuple(rows)


def _instruments(model: Model) -> tuple[InstrumentRow, ...]:
    rows = []
    for key, instrument in sorted(model.instruments.items()):
        rows.append(
            InstrumentRow(
                anchor=anchor(key),
                name=wording.instrument(instrument),
                title=instrument.title or "",
                issuer=instrument.issuer or "",
                validity=_validity(instrument.in_force, instrument.until),
                replaced_by="; ".join(wording.instrument(i) for i in model.replaced_by(key)),
                confidence=wording.CONFIDENCE[instrument.confidence or ast.Confidence.UNVERIFIED],
            )
        )
    return tuple(rows)


SEVERITY = {Severity.ERROR: "lỗi", Severity.WARNING: "cảnh báo"}


def _rules() -> tuple[RuleRow, ...]:
    return tuple(
        RuleRow(c.code, c.name, SEVERITY.get(c.severity, "gợi ý"), c.title.vi)
        for c in sorted(CODES.values(), key=lambda c: c.code)
    )
