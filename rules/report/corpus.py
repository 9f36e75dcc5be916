"""The corpus report (`tthc report procedures/`): what the corpus holds and how sure it is.

Input: the checked `Project` and its diagnostics (from `check_paths`), the folder of the corpus
(for its registry records and the table of moved procedures). Output: `CorpusReport`, with
counts by field and level, the district procedures and their successors (TT605), the findings
and the warnings silenced with a written reason, the registry entries not verified and the notes
marked unverified per file, citations that do not hold through a procedure's window, and the
status of each district procedure the June-2025 decrees moved (`chuyen-cap-2025.toml`).
`render_text`, `render_markdown` and `to_json` present it.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tthc.compiler.legal_records import citation_gaps, load_records
from tthc.compiler.model import Model
from tthc.compiler.project import Project
from tthc.dsl import Diagnostic, ast, read_source
from tthc.rules.engine.suppressions.directives import scan_directives

MOVED_TABLE = "chuyen-cap-2025.toml"
UNVERIFIED_NOTE = "chưa kiểm chứng"
SUCCESSOR_LEVELS = (ast.Level.COMMUNE, ast.Level.PROVINCE)


@dataclass(frozen=True)
class Moved:
    """A district procedure the 2025 decrees moved, and where the corpus stands on it."""

    code: str
    name: str
    field: str
    decree: str
    status: str  # encoded | imported | not yet
    path: str | None


@dataclass(frozen=True)
class CorpusReport:
    files: int
    by_field_level: dict[str, dict[str, int]]
    district: list[tuple[str, str, str, str | None]]  # code, name, path, successor path
    findings: list[Diagnostic]
    allowed: list[tuple[str, int, str, str]]  # path, line, codes, reason
    registry_marks: dict[str, int]
    not_verified: list[tuple[str, str]]  # registry id, mark
    unverified_notes: dict[str, int]  # path → lines marked "chưa kiểm chứng"
    gaps: list[tuple[str, str, str]]  # path, citation, reason
    moved: list[Moved] = field(default_factory=list)


def _successor(model: Model, node: ast.Procedure) -> str | None:
    for p in model.procedures:
        later = p.node
        if later.level not in SUCCESSOR_LEVELS:
            continue
        moved_here = (
            later.moved is not None
            and later.power is not None
            and node.power is not None
            and later.power.value == node.power.value
        )
        if later.code.value == node.code.value or moved_here:
            return p.path
    return None


def _marks(model: Model) -> tuple[dict[str, int], list[tuple[str, str]]]:
    # A declaration that states no confidence counts as unverified: nobody claimed more.
    unstated = ast.Confidence.UNVERIFIED
    entries = [(i.id.value, i.confidence or unstated) for i in model.instruments.values()]
    entries += [(g.id.value, g.confidence or unstated) for g in model.grants.values()]
    entries += [(t.id.value, t.confidence or unstated) for t in model.transfers.values()]
    counts = Counter(c.value for _, c in entries)
    not_verified = sorted((n, c.value) for n, c in entries if c is not ast.Confidence.VERIFIED)
    return dict(sorted(counts.items())), not_verified


def _moved(model: Model, folder: Path) -> list[Moved]:
    table = folder / MOVED_TABLE
    if not table.is_file():
        return []
    rows = tomllib.loads(table.read_text(encoding="utf-8")).get("procedures", [])
    found: list[Moved] = []
    for row in rows if isinstance(rows, list) else []:
        code = str(row.get("code", ""))
        later = [
            p
            for p in model.procedures
            if code and p.code == code and p.node.level in SUCCESSOR_LEVELS
        ]
        path = later[0].path if later else None
        status = "not yet"
        if path is not None:
            status = "imported" if "imported" in Path(path).parts else "encoded"
        found.append(
            Moved(
                code,
                str(row.get("name", "")),
                str(row.get("field", "")),
                str(row.get("decree", "")),
                status,
                path,
            )
        )
    return found


def corpus_report(
    project: Project, diagnostics: list[Diagnostic], folder: str | Path
) -> CorpusReport:
    """The report of a checked corpus whose registry and tables sit under `folder`."""
    folder = Path(folder)
    model = project.model
    records = load_records(folder / "registry")
    table: dict[str, Counter[str]] = {}
    for p in model.procedures:
        level = p.node.level.value if p.node.level is not None else "?"
        table.setdefault(p.node.field or "?", Counter())[level] += 1
    district = [
        (p.code, p.node.name, p.path, _successor(model, p.node))
        for p in model.procedures
        if p.node.level is ast.Level.DISTRICT
    ]
    files = sorted({p.path for p in model.procedures} | {d.span.path for d in diagnostics})
    sources = sorted(set(files) | {str(f) for f in folder.rglob("*.tthc")})
    allowed: list[tuple[str, int, str, str]] = []
    notes: dict[str, int] = {}
    for path in sources:
        text = read_source(path).value
        if text is None:
            continue
        for directive in scan_directives(path, text.text):
            codes = ", ".join(m.code for m in directive.mentions)
            allowed.append((path, directive.span.line, codes, directive.reason))
        count = sum(UNVERIFIED_NOTE in line for line in text.text.splitlines())
        if count:
            notes[path] = count
    marks, not_verified = _marks(model)
    gaps = [
        (
            p.path,
            g.citation.instrument.value
            + (f" art {g.citation.article}" if g.citation.article else ""),
            g.reason,
        )
        for p in model.procedures
        for g in citation_gaps(model, records, p.node)
    ]
    return CorpusReport(
        files=len(sources),
        by_field_level={f: dict(sorted(c.items())) for f, c in sorted(table.items())},
        district=district,
        findings=sorted(diagnostics, key=Diagnostic.sort_key),
        allowed=allowed,
        registry_marks=marks,
        not_verified=not_verified,
        unverified_notes=notes,
        gaps=gaps,
        moved=_moved(model, folder),
    )
