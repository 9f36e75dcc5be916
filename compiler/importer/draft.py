"""One published record → one `.tthc` draft, and the registry entries it needs.

Input: a `Record`, the `Tables`, the `RegistryIndex`, and the `Declarations` shared by the
records of one import (an authority or instrument missing from the registry is declared once).
Output: a `Draft`: the file name, the draft text (canonical form is applied by the caller) and
the `RecordReport` saying what happened to every field.

The draft says what the record says, no more: a time the reader cannot read gives a step with
no `takes`; a unit no table knows gives a step with no `by`; a field with no construct is kept
as a comment. The pieces: `draft_header` (code, name, level, header lines), `draft_terms` (time
limit, fee, kept fields, dossier), `draft_steps` (steps, provenance comments, flow, phases),
`draft_common` (what they share).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from tthc.compiler.importer.draft_common import Declarations, one_line, quoted
from tthc.compiler.importer.draft_header import header_lines, read_code, read_level, read_name
from tthc.compiler.importer.draft_steps import step_lines
from tthc.compiler.importer.draft_terms import dossier_lines
from tthc.compiler.importer.records import Record
from tthc.compiler.importer.report import RecordReport, Status
from tthc.compiler.importer.tables import RegistryIndex, Tables

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
    """`text` is the draft without comments when `header` or `notes` are given: the comments
    at the top of the file, and each step's provenance comment, in the order of the steps
    (`tthc.compiler.importer.run` prints them back in canonical form)."""

    name: str
    text: str
    report: RecordReport
    header: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def draft_record(
    record: Record, tables: Tables, registry: RegistryIndex, declared: Declarations
) -> Draft:
    source = record.text("nguon")
    report = RecordReport(record.key, record.origin, source)
    level = read_level(record, report)
    lines = [f"# {one_line(line)}" for line in _banner(record, source)]
    lines.append(
        f"procedure {quoted(read_code(record, report))} {quoted(read_name(record, report))} {{"
    )
    lines += header_lines(record, level, tables, registry, declared, report)
    components = dossier_lines(record, lines, report)
    step_lines(record, level, components, tables, registry, declared, lines, report)
    lines += _unstated(report)  # after the steps, which note a process not stated
    lines.append("}")
    name = _file_name(record)
    report.draft = name
    header, notes, body = _split_comments(lines)
    return Draft(name, "\n".join(body) + "\n", report, header, notes)


def _unstated(report: RecordReport) -> list[str]:
    """The line naming what the source does not state, in the order of the record's fields."""
    missing = {i.field for i in report.items if i.status is Status.NOT_STATED}
    parts = [part for key, part in _UNSTATED.items() if key in missing]
    return [f"  unstated {', '.join(parts)}"] if parts else []


def _split_comments(lines: list[str]) -> tuple[tuple[str, ...], tuple[str, ...], list[str]]:
    """Comments of the file and the header go to the top of the file; each step's provenance
    comment is the line just before the step."""
    header: list[str] = []
    notes: list[str] = []
    body: list[str] = []
    for line in lines:
        if line.startswith(("# ", "  # ")):
            header.append(line.strip())
        elif line.startswith("    # "):
            notes.append(line.strip())
        else:
            body.append(line)
    return tuple(header), tuple(notes), body


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
