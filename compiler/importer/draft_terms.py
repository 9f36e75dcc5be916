"""The terms a record states in words: its time limit, fee, the fields with no construct (kept as
comments) and the dossier. Input: a `Record`; output: DSL lines, with a note in the
`RecordReport` for every field.
"""

from __future__ import annotations

import re

from tthc.compiler.importer.draft_common import one_line, quoted, range_note
from tthc.compiler.importer.durations import read_duration
from tthc.compiler.importer.mapping import (
    fee_of,
)
from tthc.compiler.importer.records import Record
from tthc.compiler.importer.report import RecordReport, Status

_KEPT = {
    "trinh_tu_thuc_hien": "Trình tự thực hiện",
    "co_quan_thuc_hien": "Cơ quan thực hiện",
    "co_quan_phoi_hop": "Cơ quan phối hợp",
    "yeu_cau_dieu_kien": "Yêu cầu, điều kiện",
}
_FORM = re.compile(r"(Mẫu số\s+[0-9A-Za-zđĐ/.-]+?)(?=[\s),.;]|$)")


def deadline_lines(record: Record, report: RecordReport) -> list[str]:
    text = record.text("thoi_han_giai_quyet")
    if not text:
        report.not_stated(
            "thoi_han_giai_quyet",
            "nguồn không nêu thời hạn giải quyết",
            "no time limit in the source",
        )
        return []
    reading = read_duration(text)
    if reading.read:
        report.note(
            Status.MAPPED, "thoi_han_giai_quyet", text, "thời hạn đã đọc", "time limit read"
        )
    if reading.immediate:
        return ["  deadline immediately"]
    if reading.same_day:
        report.note(
            Status.MAPPED,
            "thoi_han_giai_quyet",
            text,
            "'trong ngày' ghi là 1 ngày làm việc",
            "'trong ngày' written as 1 working day",
        )
        return ["  deadline 1 working_days"]
    if reading.problem is not None:
        report.unreadable_time(
            "thoi_han_giai_quyet",
            text,
            f"không đọc được thời hạn: '{text}'",
            f"time limit not read: '{text}'",
        )
        return [f"  # Thời hạn giải quyết (chưa đọc được): {one_line(text)}"]
    out = []
    for limit in reading.limits:
        out.append(
            f"  deadline {limit.text()}"
            + (f" when {quoted(limit.condition)}" if limit.condition else "")
        )
        range_note(limit, "thoi_han_giai_quyet", text, report)
    return out


def fee_lines(record: Record, report: RecordReport) -> list[str]:
    text = record.text("phi_le_phi")
    if not text:
        report.not_stated("phi_le_phi", "nguồn không nêu phí, lệ phí", "no fee in the source")
        return []
    amount = fee_of(text)
    if amount is None:
        report.note(
            Status.NEEDS_PERSON,
            "phi_le_phi",
            text,
            "biểu phí có nhiều mức hoặc không có số tiền: giữ làm chú thích",
            "several amounts or none: kept as a comment",
        )
        return [f"  # Phí, lệ phí: {one_line(text)}"]
    report.note(Status.MAPPED, "phi_le_phi", text, f"fee {amount}", f"fee {amount}")
    return [f"  fee {amount} {quoted(text)}"]


def kept_lines(record: Record, report: RecordReport) -> list[str]:
    out = []
    for key, label in _KEPT.items():
        texts = record.items(key) or ((record.text(key),) if record.text(key) else ())
        for text in texts:
            out.append(f"  # {label}: {one_line(text)}")
            report.note(Status.KEPT, key, text, "giữ làm chú thích", "kept as a comment")
    for name, value in record.extra.items():
        out.append(f"  # {name}: {one_line(value)}")
        report.note(
            Status.KEPT,
            name,
            value,
            "trường không thuộc bố cục CSDL: giữ làm chú thích",
            "field outside the database layout: kept as a comment",
        )
    return out


def dossier_lines(record: Record, lines: list[str], report: RecordReport) -> list[str]:
    items = record.items("thanh_phan_ho_so")
    if not items:
        report.not_stated(
            "thanh_phan_ho_so", "nguồn không nêu thành phần hồ sơ", "no dossier in the source"
        )
        return []
    lines.append("  dossier {")
    names = []
    for number, title in enumerate(items, 1):
        name = f"hs{number}"
        form = _FORM.search(title)
        lines.append(
            f"    {name} {quoted(title)}" + (f" form {quoted(form.group(1))}" if form else "")
        )
        names.append(name)
    lines.append("  }")
    return names
