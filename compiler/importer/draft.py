"""One published record → one `.tthc` draft, and the registry entries it needs.

Input: a `Record`, the `Tables`, the `RegistryIndex`, and the `Declarations` shared by the
records of one import (an authority or instrument missing from the registry is declared once).
Output: a `Drafted`: the file name, the `ast.Procedure` (printed in canonical form by the caller,
with no parse: the importer decides every value, so the AST is what the printed file says), the
comments, and the `RecordReport` saying what happened to every field.

The draft says what the record says, no more: a time the reader cannot read gives a step with
no `takes`; a unit no table knows gives a step with no `by`; a field with no construct is kept
as a comment. The pieces: `draft_header` (code, name, level, header lines), `draft_terms` (time
limit, fee, kept fields, dossier), `draft_steps` (steps, provenance comments, flow, phases),
`draft_common` (what they share), `nodes` (the AST nodes).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from tthc.compiler.importer.draft_common import Declarations, one_line
from tthc.compiler.importer.draft_header import header_fields, read_code, read_level, read_name
from tthc.compiler.importer.draft_steps import process
from tthc.compiler.importer.draft_terms import dossier
from tthc.compiler.importer.nodes import literal, node
from tthc.compiler.importer.records import Record
from tthc.compiler.importer.report import RecordReport, Status
from tthc.compiler.importer.tables import RegistryIndex, Tables
from tthc.dsl import ast

# The record's fields whose absence the draft states as `unstated <part>` (TT607 reports them
# once, as incomplete data, instead of TT601/TT603/TT105 each reporting a missing value).
_UNSTATED = {
    "ma_thu_tuc": "code",
    "linh_vuc": "field",
    "cap_thuc_hien": "level",
    "can_cu_phap_ly": "basis",
    "doi_tuong_thuc_hien": "applicants",
    "cach_thuc_thuc_hien": "channels",
    "thoi_han_giai_quyet": "deadline",
    "ket_qua": "result",
    "phi_le_phi": "fee",
    "thanh_phan_ho_so": "dossier",
    "quy_trinh_noi_bo": "steps",
}


@dataclass(frozen=True)
class Draft:
    """A draft as written: its file name, its canonical text, the report of its record, and
    the procedure the text was printed from (for `located`, which gives it the spans of the
    text; None when the importer has none to give)."""

    name: str
    text: str
    report: RecordReport
    procedure: ast.Procedure | None = None


@dataclass(frozen=True)
class Drafted:
    """A draft before it is printed: the procedure, the comments at the top of the file, and
    each step's provenance comment, in the order of the steps."""

    name: str
    procedure: ast.Procedure
    report: RecordReport
    header: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def draft_record(
    record: Record, tables: Tables, registry: RegistryIndex, declared: Declarations
) -> Drafted:
    source = record.text("nguon")
    report = RecordReport(record.key, record.origin, source)
    level = read_level(record, report)
    header = [f"# {one_line(line)}" for line in _banner(record, source)]
    code = literal(read_code(record, report))
    title = read_name(record, report)
    fields = header_fields(record, level, tables, registry, declared, report, header)
    components = dossier(record, report)
    steps = process(
        record, level, [c.id.value for c in components], tables, registry, declared, report
    )
    procedure = node(
        ast.Procedure,
        code=node(ast.Text, value=code),
        name=title,
        **fields,
        unstated=_unstated(report),  # after the steps, which note a process not stated
        dossier=tuple(components),
        steps=tuple(steps.steps),
        phases=tuple(steps.phases),
        flow=tuple(steps.flow),
    )
    name = _file_name(record)
    report.draft = name
    return Drafted(name, procedure, report, tuple(header), tuple(steps.notes))


def _unstated(report: RecordReport) -> tuple[ast.Unstated, ...]:
    """What the source does not state, in the order of the record's fields."""
    missing = {i.field for i in report.items if i.status is Status.NOT_STATED}
    return tuple(ast.Unstated(part) for key, part in _UNSTATED.items() if key in missing)


def _banner(record: Record, source: str) -> list[str]:
    return [
        "Bản nháp do tthc import tạo từ một bản ghi đã công bố; người soạn rà soát trước khi dùng.",
        f"Nguồn: {source or '(bản ghi không ghi nguồn)'}",
        f"Bản ghi: {record.origin}",
    ]


def _file_name(record: Record) -> str:
    base = record.text("ma_thu_tuc") or record.text("id") or record.origin
    plain = unicodedata.normalize("NFD", base.lower()).replace("đ", "d")
    slug = re.sub(r"[^a-z0-9.]+", "-", "".join(c for c in plain if c.isascii())).strip("-.")
    return f"{slug[:100].strip('-.') or 'ban-ghi'}.tthc"  # a file name has at most 255 bytes
