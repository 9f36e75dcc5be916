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
from tthc.compiler.importer.report import RecordReport
from tthc.compiler.importer.tables import RegistryIndex, Tables


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
    lines.append("}")
    name = _file_name(record)
    report.draft = name
    header, notes, body = _split_comments(lines)
    return Draft(name, "\n".join(body) + "\n", report, header, notes)


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
