"""`tthc import` as a library: record files → canonical `.tthc` drafts, the registry entries
they need, and the import report.

Input: record files (JSON or CSV, `tthc.compiler.importer.records`), an optional folder of
mapping tables, and the project's registry files. Output: `ImportResult`: one `Draft` per
record in canonical form (what `tthc fmt` would print, so that a formatted import is unchanged),
the text of `registry/imported.tthc` (authorities and instruments the registry lacked, every
instrument marked `confidence unverified`), the report, and the input problems. Checking the
drafts is the rules layer's part: `tthc.rules.engine.importing.check_import`.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tthc.compiler.importer.draft import Draft, Drafted, draft_record
from tthc.compiler.importer.draft_common import Declarations
from tthc.compiler.importer.nodes import node
from tthc.compiler.importer.records import InputProblem, Record, read_files
from tthc.compiler.importer.report import ImportSummary
from tthc.compiler.importer.tables import (
    RegistryIndex,
    Tables,
    UnitRow,
    load_registry,
    load_tables,
    spelling_key,
)
from tthc.dsl import ast, decode_source, parse
from tthc.dsl.printer.dsl import format_dsl
from tthc.dsl.printer.lines import Comment, Comments

REGISTRY_FILE = "registry/imported.tthc"
_SETTLE_EVERY = 16  # drafts: the young objects a collection scans stay few


@dataclass
class ImportResult:
    drafts: list[Draft] = field(default_factory=list)
    registry: str = ""
    problems: list[InputProblem] = field(default_factory=list)

    @property
    def summary(self) -> ImportSummary:
        return ImportSummary([d.report for d in self.drafts])


def import_files(
    paths: list[Path], tables_folder: Path | None = None, registry: list[Path] | None = None
) -> ImportResult:
    records, problems = read_files(paths)
    tables = load_tables(tables_folder)
    result = import_records(records, tables, load_registry(registry or []))
    result.problems[:0] = [*problems, *tables.problems]
    return result


def import_records(records: list[Record], tables: Tables, registry: RegistryIndex) -> ImportResult:
    with fewer_collections():
        return _import_records(records, tables, registry)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Fewer cyclic garbage collections while drafts are made and checked: each keeps its
    syntax tree (~150 objects) until it is checked, and the default thresholds scan the
    growing heap again and again (a quarter of the import's time on 1,000 records). Restored
    afterwards; the check does the same (`tthc.rules.engine.repository`). Within it, `settle`
    puts what is alive out of the collector's reach (`gc.freeze`) until the end, where it is
    handed back (`gc.unfreeze`): a collection then scans only what was made since, not every
    draft made before (a tenth of an import and check of 1,000 records). Only when nobody
    froze objects before: a caller's frozen heap is never thawed here."""
    before = gc.get_threshold()
    owner = gc.get_freeze_count() == 0
    _FREEZING.append(owner)
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        _FREEZING.pop()
        if owner and not _FREEZING:
            gc.unfreeze()  # to the oldest generation, collected with it as usual
        gc.set_threshold(*before)


_FREEZING: list[bool] = []  # whether each `fewer_collections` open may freeze


def settle() -> None:
    """Within `fewer_collections`, what is alive now is kept out of later collections."""
    if _FREEZING and _FREEZING[0]:
        gc.freeze()


def _import_records(records: list[Record], tables: Tables, registry: RegistryIndex) -> ImportResult:
    declared = Declarations()
    result = ImportResult()
    taken: set[str] = set()
    for record in records:
        draft = draft_record(record, tables, registry, declared)
        name = draft.name
        if name in taken:
            name = f"{name.removesuffix('.tthc')}-{len(taken)}.tthc"
            draft.report.draft = name
        taken.add(name)
        result.drafts.append(Draft(name, _canonical(draft), draft.report, draft.procedure))
        if len(result.drafts) % _SETTLE_EVERY == 0:
            settle()
    result.registry = _registry_text(declared, registry)
    return result


def write_result(result: ImportResult, out: Path) -> list[Path]:
    """Writes the drafts and the registry entries under `out`; the paths written."""
    written = []
    out.mkdir(parents=True, exist_ok=True)
    folder = str(out)
    for draft in result.drafts:
        _write(os.path.join(folder, draft.name), draft.text)
        written.append(out / draft.name)
    if result.registry:
        path = out / REGISTRY_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        _write(str(path), result.registry)
        written.append(path)
    return written


_WRITE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0)


def _write(path: str, text: str) -> None:
    """`Path.write_text(text, "utf-8")` without a text stream: the bytes in one system call,
    in half its time (a draft is a file of its own, ~4 kB; 1,000 of them)."""
    data = text.encode("utf-8")
    descriptor = os.open(path, _WRITE, 0o666)
    try:
        view = memoryview(data)
        while view:  # a regular file takes it whole; a short write is finished, not lost
            view = view[os.write(descriptor, view) :]
    finally:
        os.close(descriptor)


def _canonical(draft: Drafted) -> str:
    """The draft as `tthc fmt` prints it, comments included: the importer's AST printed once,
    with no parse (the check parses the written file once, for the positions its findings point
    to); the tests check that `tthc fmt` leaves every draft unchanged and that parsing it gives
    back the importer's AST."""
    steps = ("procedures", 0, "steps")
    comments = Comments(
        header=draft.header,
        attached=tuple(
            Comment(note, (*steps, number), trailing=False, whole=True)
            for number, note in enumerate(draft.notes)
        ),
    )
    return format_dsl(node(ast.Document, procedures=(draft.procedure,)), comments)


def _registry_text(declared: Declarations, registry: RegistryIndex) -> str:
    """The registry entries in canonical form, printed with their header comment as `tthc fmt`
    would (the formatter's own comment pass would build a second, slower parser for two
    comment lines); the tests check that `tthc fmt` leaves the file unchanged."""
    if not declared.authorities and not declared.instruments:
        return ""
    header = (
        "# Mục sổ đăng ký do tthc import khai báo: các cơ quan và văn bản bản ghi nêu mà sổ",
        "# đăng ký chưa có. Văn bản ghi 'unverified' cho tới khi người soạn đọc văn bản gốc.",
    )
    lines = []
    titles = registry.names | {spelling_key(row.title) for row in declared.authorities.values()}
    for name, row in sorted(declared.authorities.items()):
        attributes = "  ".join(
            part
            for part in (
                f"level {row.level}" if row.level else "",
                f"kind {row.kind}" if row.kind else "",
                f"of {row.of}" if row.of else "",
                "one_stop yes" if row.one_stop else "",
                _aliases(row, declared.spellings.get(name, []), titles),
            )
            if part
        )
        lines.append(f"authority {name} {_q(row.title)} {{ {attributes} }}")
    for name, (citation, source) in sorted(declared.instruments.items()):
        lines.append(f"instrument {name} {citation.kind} {_q(citation.number)} {{")
        lines.append(f"  title {_q(citation.text)}")
        if citation.signed:
            lines.append(f"  signed {citation.signed.isoformat()}")
        lines.append("  confidence unverified")
        if source:
            lines.append(f"  source {_q(source)}")
        lines.append("}")
    text = "\n".join(lines) + "\n"
    source_text = decode_source(REGISTRY_FILE, text.encode("utf-8")).value
    parsed = parse(source_text) if source_text is not None else None
    if parsed is None or parsed.value is None or parsed.diagnostics:
        return "\n".join([*header, "", text])
    return format_dsl(parsed.value, Comments(header=header))


def _aliases(row: UnitRow, spellings: list[str], titles: set[str]) -> str:
    """The other spellings the records gave the authority, as `aliases`: none that is its
    title, case and spacing aside, or that names another authority of the registry or of
    this import (one spelling names one authority, TT004)."""
    taken = {spelling_key(row.title)} | titles
    written = []
    for spelling in spellings:
        key = spelling_key(spelling)
        if key not in taken:
            taken.add(key)
            written.append(_q(spelling))
    return f"aliases {', '.join(written)}" if written else ""


def _q(text: str) -> str:
    return '"' + " ".join(text.split()).replace("\\", "\\\\").replace('"', '\\"') + '"'
