"""The head of a draft: a record's code, name and level, then its header lines (field, level,
basis, applicants, channels, deadlines, results, fee and the fields kept as comments). Input: a
`Record`, the `Tables`, the `RegistryIndex`, the import's `Declarations`; output: the fields of
an `ast.Procedure` and comment lines, with a note in the `RecordReport` for every field.
"""

from __future__ import annotations

import re
from typing import Any

from tthc.compiler.importer.draft_common import Declarations
from tthc.compiler.importer.draft_terms import deadlines, fees, kept
from tthc.compiler.importer.mapping import (
    channel_of,
    level_of,
    match_citation,
)
from tthc.compiler.importer.nodes import citation, literal, node
from tthc.compiler.importer.records import Record
from tthc.compiler.importer.report import RecordReport, Status
from tthc.compiler.importer.tables import RegistryIndex, Tables
from tthc.dsl import ast

_CODE = re.compile(r"^(\d\.\d{6})(?:\.[A-Z0-9]+)?$")


def read_code(record: Record, report: RecordReport) -> str:
    code = record.text("ma_thu_tuc")
    found = _CODE.match(code)
    if found:
        if found.group(1) != code:
            report.note(
                Status.MAPPED,
                "ma_thu_tuc",
                code,
                f"mã quốc gia {found.group(1)} (bỏ hậu tố địa phương)",
                f"national code {found.group(1)} (local suffix dropped)",
            )
        return found.group(1)
    if code:
        report.note(
            Status.NEEDS_PERSON,
            "ma_thu_tuc",
            code,
            f"mã thủ tục không đúng dạng d.dddddd: '{code}'",
            f"code not of the form d.dddddd: '{code}'",
        )
        return code
    stand_in = record.text("id") or record.origin
    report.not_stated(
        "ma_thu_tuc",
        f"bản ghi không có mã thủ tục; ghi tạm '{stand_in}'",
        f"the record gives no code; '{stand_in}' written in its place",
    )
    return stand_in


def read_name(record: Record, report: RecordReport) -> str:
    name = record.text("ten_thu_tuc")
    if not name:
        report.not_stated("ten_thu_tuc", "bản ghi không có tên thủ tục", "the record gives no name")
    return literal(name)


def read_level(record: Record, report: RecordReport) -> str | None:
    text = record.text("cap_thuc_hien")
    if not text:
        report.not_stated(
            "cap_thuc_hien", "nguồn không nêu cấp thực hiện", "no level in the source"
        )
        return None
    level = level_of(text)
    if level is not None:
        report.note(Status.MAPPED, "cap_thuc_hien", text, f"level {level}", f"level {level}")
    if level is None:
        report.note(
            Status.NEEDS_PERSON,
            "cap_thuc_hien",
            text,
            f"không xác định được một cấp từ '{text}'",
            f"no single level in '{text}'",
        )
    return level


def header_fields(
    record: Record,
    level: str | None,
    tables: Tables,
    registry: RegistryIndex,
    declared: Declarations,
    report: RecordReport,
    comments: list[str],
) -> dict[str, Any]:
    """The procedure's header fields (`ast.Procedure` field names), the comments for the top
    of the draft appended to `comments`."""
    out: dict[str, Any] = {}
    if record.text("linh_vuc"):
        out["field"] = literal(record.text("linh_vuc"))
    else:
        report.note(
            Status.NOT_STATED, "linh_vuc", "", "nguồn không nêu lĩnh vực", "no field in the source"
        )
    if level:
        out["level"] = ast.Level(level)
    basis = _basis(record, tables, registry, declared, report)
    if basis:
        out["basis"] = tuple(citation(instrument) for instrument in basis)
    if record.text("doi_tuong_thuc_hien"):
        out["applicants"] = (literal(record.text("doi_tuong_thuc_hien")),)
    else:
        report.not_stated(
            "doi_tuong_thuc_hien",
            "nguồn không nêu đối tượng thực hiện",
            "no applicants in the source",
        )
    channels = _channels(record, report)
    if channels:
        out["channels"] = tuple(_channel(channel) for channel in channels)
    out["deadlines"] = tuple(deadlines(record, report, comments))
    out["results"] = tuple(literal(result) for result in record.items("ket_qua"))
    if not record.items("ket_qua"):
        report.not_stated("ket_qua", "nguồn không nêu kết quả thực hiện", "no result in the source")
    out["fees"] = tuple(fees(record, report, comments))
    kept(record, report, comments)
    return out


def _channel(written: str) -> ast.Channel:
    kind, _, online = written.partition(" ")
    if online:
        return node(ast.Channel, kind=ast.ChannelKind(kind), online=ast.OnlineLevel(online))
    return node(ast.Channel, kind=ast.ChannelKind(kind))


def _basis(
    record: Record,
    tables: Tables,
    registry: RegistryIndex,
    declared: Declarations,
    report: RecordReport,
) -> list[str]:
    found: list[str] = []
    for text in record.items("can_cu_phap_ly"):
        citation = match_citation(text, tables, registry)
        if citation.instrument is None:
            report.note(
                Status.NEEDS_PERSON,
                "can_cu_phap_ly",
                text,
                f"không nhận ra văn bản: '{text}' (thêm vào bảng citations.csv)",
                f"instrument not recognised: '{text}' (add it to citations.csv)",
            )
            continue
        if citation.kind and citation.instrument not in registry.identifiers:
            declared.instruments.setdefault(citation.instrument, (citation, record.text("nguon")))
            report.note(
                Status.MAPPED,
                "can_cu_phap_ly",
                text,
                f"văn bản {citation.number} chưa có trong sổ đăng ký: khai báo '{citation.instrument}' (chưa kiểm chứng)",
                f"{citation.number} is not in the registry: declared as '{citation.instrument}' (unverified)",
            )
        report.note(Status.MAPPED, "can_cu_phap_ly", text, citation.instrument, citation.instrument)
        if citation.instrument not in found:
            found.append(citation.instrument)
    if not record.items("can_cu_phap_ly"):
        report.not_stated(
            "can_cu_phap_ly", "nguồn không nêu căn cứ pháp lý", "no legal basis in the source"
        )
    return found


def _channels(record: Record, report: RecordReport) -> list[str]:
    found: list[str] = []
    for text in record.items("cach_thuc_thuc_hien"):
        channel = channel_of(text)
        if channel is None:
            report.note(
                Status.NEEDS_PERSON,
                "cach_thuc_thuc_hien",
                text,
                f"không nhận ra cách thức: '{text}'",
                f"channel not recognised: '{text}'",
            )
        else:
            report.note(Status.MAPPED, "cach_thuc_thuc_hien", text, channel, channel)
            if channel not in found:
                found.append(channel)
    if not record.items("cach_thuc_thuc_hien"):
        report.not_stated(
            "cach_thuc_thuc_hien",
            "nguồn không nêu cách thức thực hiện",
            "no channels in the source",
        )
    return found
