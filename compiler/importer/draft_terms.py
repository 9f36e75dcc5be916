"""The terms a record states in words: its time limit, fee, the fields with no construct (kept as
comments) and the dossier. Input: a `Record`; output: AST nodes and comment lines, with a note
in the `RecordReport` for every field.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from tthc.compiler.importer.draft_common import one_line
from tthc.compiler.importer.durations import read_duration
from tthc.compiler.importer.mapping import fee_of
from tthc.compiler.importer.nodes import duration, literal, name, node, plain
from tthc.compiler.importer.records import Record
from tthc.compiler.importer.report import RecordReport, Status
from tthc.dsl import ast
from tthc.dsl.printer.values import deadline_amount

_KEPT = {
    "trinh_tu_thuc_hien": "Trình tự thực hiện",
    "co_quan_thuc_hien": "Cơ quan thực hiện",
    "co_quan_phoi_hop": "Cơ quan phối hợp",
    "yeu_cau_dieu_kien": "Yêu cầu, điều kiện",
}
_FORM = re.compile(r"(Mẫu số\s+[0-9A-Za-zđĐ/.-]+?)(?=[\s),.;]|$)")


def deadlines(record: Record, report: RecordReport, comments: list[str]) -> list[ast.Deadline]:
    source = record.text("thoi_han_giai_quyet")
    if not source:
        report.not_stated(
            "thoi_han_giai_quyet",
            "nguồn không nêu thời hạn giải quyết",
            "no time limit in the source",
        )
        return []
    reading = read_duration(source)
    if reading.read:
        report.note(
            Status.MAPPED, "thoi_han_giai_quyet", source, "thời hạn đã đọc", "time limit read"
        )
    if reading.immediate:
        return [node(ast.Deadline, immediate=True)]
    if reading.same_day:
        report.note(
            Status.MAPPED,
            "thoi_han_giai_quyet",
            source,
            "'trong ngày' ghi là 1 ngày làm việc",
            "'trong ngày' written as 1 working day",
        )
        return [node(ast.Deadline, duration=duration(Decimal(1), "working_days"))]
    if reading.problem is not None:
        report.unreadable_time(
            "thoi_han_giai_quyet",
            source,
            f"không đọc được thời hạn: '{source}'",
            f"time limit not read: '{source}'",
        )
        comments.append(f"# Thời hạn giải quyết (chưa đọc được): {one_line(source)}")
        return []
    out = []
    for limit in reading.limits:
        fields: dict[str, Any] = {"duration": duration(limit.amount, limit.unit.value)}
        if limit.condition:
            fields["condition"] = literal(limit.condition)
        if limit.low is not None:
            # `17 to 20 days`: the language's range (docs/language.md §4.4), both ends kept;
            # its fields given as the parser gives them.
            fields = {"condition": None, **fields, "least": plain(limit.low)}
        made = node(ast.Deadline, **fields)
        if limit.low is not None:
            written = deadline_amount(made)
            report.note(
                Status.MAPPED,
                "thoi_han_giai_quyet",
                source,
                f"khoảng '{one_line(source)}': ghi là khoảng {written}",
                f"range '{one_line(source)}': written as the range {written}",
            )
        out.append(made)
    return out


def fees(record: Record, report: RecordReport, comments: list[str]) -> list[ast.Fee]:
    source = record.text("phi_le_phi")
    if not source:
        report.not_stated("phi_le_phi", "nguồn không nêu phí, lệ phí", "no fee in the source")
        return []
    amount = fee_of(source)
    if amount is None:
        report.note(
            Status.NEEDS_PERSON,
            "phi_le_phi",
            source,
            "biểu phí có nhiều mức hoặc không có số tiền: giữ làm chú thích",
            "several amounts or none: kept as a comment",
        )
        comments.append(f"# Phí, lệ phí: {one_line(source)}")
        return []
    report.note(Status.MAPPED, "phi_le_phi", source, f"fee {amount}", f"fee {amount}")
    return [node(ast.Fee, amount=amount, description=literal(source))]


def kept(record: Record, report: RecordReport, comments: list[str]) -> None:
    for key, label in _KEPT.items():
        texts = record.items(key) or ((record.text(key),) if record.text(key) else ())
        for source in texts:
            comments.append(f"# {label}: {one_line(source)}")
            report.note(Status.KEPT, key, source, "giữ làm chú thích", "kept as a comment")
    for field, value in record.extra.items():
        comments.append(f"# {field}: {one_line(value)}")
        report.note(
            Status.KEPT,
            field,
            value,
            "trường không thuộc bố cục CSDL: giữ làm chú thích",
            "field outside the database layout: kept as a comment",
        )


def dossier(record: Record, report: RecordReport) -> list[ast.Component]:
    items = record.items("thanh_phan_ho_so")
    if not items:
        report.not_stated(
            "thanh_phan_ho_so", "nguồn không nêu thành phần hồ sơ", "no dossier in the source"
        )
        return []
    out = []
    for number, title in enumerate(items, 1):
        form = _FORM.search(title)
        fields: dict[str, Any] = {"id": name(f"hs{number}"), "title": literal(title)}
        if form:
            fields["form"] = literal(form.group(1))
        out.append(node(ast.Component, **fields))
    return out
