"""One published record → one `.tthc` draft, and the registry entries it needs.

Input: a `Record`, the `Tables`, the `RegistryIndex`, and the `Declarations` shared by the
records of one import (an authority or instrument missing from the registry is declared once).
Output: a `Draft`: the file name, the draft text (canonical form is applied by the caller) and
the `RecordReport` saying what happened to every field.

The draft says what the record says, no more: a time the reader cannot read gives a step with
no `takes`; a unit no table knows gives a step with no `by`; a field with no construct is kept
as a comment. Each step opens with a provenance comment quoting the record's line (step, task,
unit, time), so that a person reviewing the draft sees the source beside what was made of it.
The internal process becomes a sequence in the published order (the records publish no
branches). Module over 200 lines: the header and the steps are one walk over one record, and
splitting it would pass the report and the declarations through every piece.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from tthc.compiler.importer.durations import Limit, Reading, read_duration
from tthc.compiler.importer.mapping import (
    Citation,
    UnitMatch,
    channel_of,
    fee_of,
    level_of,
    match_citation,
    match_kind,
    match_unit,
)
from tthc.compiler.importer.records import InternalStep, Record
from tthc.compiler.importer.report import RecordReport, Status
from tthc.compiler.importer.tables import RegistryIndex, Tables, UnitRow

_CODE = re.compile(r"^(\d\.\d{6})(?:\.[A-Z0-9]+)?$")
_FORM = re.compile(r"(Mẫu số\s+[0-9A-Za-zđĐ/.-]+?)(?=[\s),.;]|$)")
_PHASE = re.compile(r"^\s*(?:GĐ|giai đoạn)\s*(\d+)", re.I)
_PHASE_TIME = re.compile(r"\(([^()]*)\)\s*$")
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
}
_KEPT = {
    "trinh_tu_thuc_hien": "Trình tự thực hiện",
    "co_quan_thuc_hien": "Cơ quan thực hiện",
    "co_quan_phoi_hop": "Cơ quan phối hợp",
    "yeu_cau_dieu_kien": "Yêu cầu, điều kiện",
}


@dataclass
class Declarations:
    authorities: dict[str, UnitRow] = field(default_factory=dict)
    instruments: dict[str, tuple[Citation, str]] = field(default_factory=dict)


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
    level = _level(record, report)
    lines = [f"# {_one_line(line)}" for line in _banner(record, source)]
    lines.append(f"procedure {_q(_code(record, report))} {_q(_name(record, report))} {{")
    lines += _header(record, level, tables, registry, declared, report)
    components = _dossier(record, lines, report)
    lines += _unstated(report)
    _steps(record, level, components, tables, registry, declared, lines, report)
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


def _code(record: Record, report: RecordReport) -> str:
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
    report.note(
        Status.NOT_STATED,
        "ma_thu_tuc",
        "",
        f"bản ghi không có mã thủ tục; ghi tạm '{stand_in}'",
        f"the record gives no code; '{stand_in}' written in its place",
    )
    return stand_in


def _name(record: Record, report: RecordReport) -> str:
    name = record.text("ten_thu_tuc")
    if not name:
        report.note(
            Status.NOT_STATED,
            "ten_thu_tuc",
            "",
            "bản ghi không có tên thủ tục",
            "the record gives no name",
        )
    return _one_line(name)


def _level(record: Record, report: RecordReport) -> str | None:
    text = record.text("cap_thuc_hien")
    if not text:
        report.note(
            Status.NOT_STATED,
            "cap_thuc_hien",
            "",
            "nguồn không nêu cấp thực hiện",
            "no level in the source",
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


def _header(
    record: Record,
    level: str | None,
    tables: Tables,
    registry: RegistryIndex,
    declared: Declarations,
    report: RecordReport,
) -> list[str]:
    out: list[str] = []
    if record.text("linh_vuc"):
        out.append(f"  field {_q(record.text('linh_vuc'))}")
    else:
        report.note(
            Status.NOT_STATED,
            "linh_vuc",
            "",
            "nguồn không nêu lĩnh vực",
            "no field in the source",
        )
    if level:
        out.append(f"  level {level}")
    basis = _basis(record, tables, registry, declared, report)
    if basis:
        out.append(f"  basis {', '.join(basis)}")
    if record.text("doi_tuong_thuc_hien"):
        out.append(f"  applicants {_q(record.text('doi_tuong_thuc_hien'))}")
    else:
        report.note(
            Status.NOT_STATED,
            "doi_tuong_thuc_hien",
            "",
            "nguồn không nêu đối tượng thực hiện",
            "no applicants in the source",
        )
    channels = _channels(record, report)
    if channels:
        out.append(f"  channels {', '.join(channels)}")
    out += _deadlines(record, report)
    for result in record.items("ket_qua"):
        out.append(f"  result {_q(result)}")
    if not record.items("ket_qua"):
        report.note(
            Status.NOT_STATED,
            "ket_qua",
            "",
            "nguồn không nêu kết quả thực hiện",
            "no result in the source",
        )
    out += _fee(record, report)
    out += _kept(record, report)
    return out


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
        report.note(
            Status.NOT_STATED,
            "can_cu_phap_ly",
            "",
            "nguồn không nêu căn cứ pháp lý",
            "no legal basis in the source",
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
        report.note(
            Status.NOT_STATED,
            "cach_thuc_thuc_hien",
            "",
            "nguồn không nêu cách thức thực hiện",
            "no channels in the source",
        )
    return found


def _deadlines(record: Record, report: RecordReport) -> list[str]:
    text = record.text("thoi_han_giai_quyet")
    if not text:
        report.note(
            Status.NOT_STATED,
            "thoi_han_giai_quyet",
            "",
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
        return [f"  # Thời hạn giải quyết (chưa đọc được): {_one_line(text)}"]
    out = []
    for limit in reading.limits:
        out.append(
            f"  deadline {limit.text()}"
            + (f" when {_q(limit.condition)}" if limit.condition else "")
        )
        _range_note(limit, "thoi_han_giai_quyet", text, report)
    return out


def _range_note(limit: Limit, where: str, text: str, report: RecordReport) -> None:
    if limit.low is not None:
        report.note(
            Status.MAPPED,
            where,
            text,
            f"khoảng '{text}': ghi cận trên {limit.text()}",
            f"range '{text}': the upper end {limit.text()} written",
        )


def _fee(record: Record, report: RecordReport) -> list[str]:
    text = record.text("phi_le_phi")
    if not text:
        report.note(
            Status.NOT_STATED,
            "phi_le_phi",
            "",
            "nguồn không nêu phí, lệ phí",
            "no fee in the source",
        )
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
        return [f"  # Phí, lệ phí: {_one_line(text)}"]
    report.note(Status.MAPPED, "phi_le_phi", text, f"fee {amount}", f"fee {amount}")
    return [f"  fee {amount} {_q(text)}"]


def _kept(record: Record, report: RecordReport) -> list[str]:
    out = []
    for key, label in _KEPT.items():
        texts = record.items(key) or ((record.text(key),) if record.text(key) else ())
        for text in texts:
            out.append(f"  # {label}: {_one_line(text)}")
            report.note(Status.KEPT, key, text, "giữ làm chú thích", "kept as a comment")
    for name, value in record.extra.items():
        out.append(f"  # {name}: {_one_line(value)}")
        report.note(
            Status.KEPT,
            name,
            value,
            "trường không thuộc bố cục CSDL: giữ làm chú thích",
            "field outside the database layout: kept as a comment",
        )
    return out


def _dossier(record: Record, lines: list[str], report: RecordReport) -> list[str]:
    items = record.items("thanh_phan_ho_so")
    if not items:
        report.note(
            Status.NOT_STATED,
            "thanh_phan_ho_so",
            "",
            "nguồn không nêu thành phần hồ sơ",
            "no dossier in the source",
        )
        return []
    lines.append("  dossier {")
    names = []
    for number, title in enumerate(items, 1):
        name = f"hs{number}"
        form = _FORM.search(title)
        lines.append(f"    {name} {_q(title)}" + (f" form {_q(form.group(1))}" if form else ""))
        names.append(name)
    lines.append("  }")
    return names


def _steps(
    record: Record,
    level: str | None,
    components: list[str],
    tables: Tables,
    registry: RegistryIndex,
    declared: Declarations,
    lines: list[str],
    report: RecordReport,
) -> None:
    if not record.internal:
        report.note(
            Status.NOT_STATED,
            "quy_trinh_noi_bo",
            "",
            "nguồn không có quy trình nội bộ: chưa có bước, chưa có luồng",
            "no internal process in the source: no steps, no flow",
        )
        return
    lines.append("  steps {")
    names: list[str] = []
    read = False
    for number, step in enumerate(record.internal, 1):
        name = _step_name(step, number, names)
        names.append(name)
        where = f"quy_trinh_noi_bo[{number}]"
        lines.append(f"    # {_one_line(' | '.join((step.step, step.task, step.unit, step.time)))}")
        words, reads_all = _step_line(step, level or "", where, tables, registry, declared, report)
        if reads_all and not read and components:
            words.append("reads " + ", ".join(components))
            read = True
        lines.append(f"    {name} " + "  ".join(words))
    lines.append("  }")
    _phases(record, report)
    lines.append("  flow {")
    for before, after in zip(["start", *names], [*names, "end"], strict=True):
        lines.append(f"    {before} -> {after}")
    lines.append("  }")


def _step_line(
    step: InternalStep,
    level: str,
    where: str,
    tables: Tables,
    registry: RegistryIndex,
    declared: Declarations,
    report: RecordReport,
) -> tuple[list[str], bool]:
    title = step.task or step.step
    kind_row = match_kind(step.task, tables)
    if kind_row is None:
        report.note(
            Status.NEEDS_PERSON,
            f"{where}.noi_dung",
            step.task,
            f"không xác định được loại bước từ '{step.task}': ghi tạm review",
            f"no step kind for '{step.task}': review written as a stand-in",
        )
    kind = kind_row.kind if kind_row else "review"
    words = [f"{kind} {_q(title)}"]
    unit = match_unit(step.unit, level, tables)
    if unit.row is None:
        report.note(
            Status.NEEDS_PERSON,
            f"{where}.don_vi",
            step.unit,
            f"không có đơn vị nào trong bảng units.csv khớp '{step.unit}'",
            f"no row of units.csv matches '{step.unit}'",
        )
    else:
        words.append(f"by {unit.row.authority}")
        _declare(unit.row, registry, declared)
        _unit_notes(unit, f"{where}.don_vi", step.unit, report)
    counterpart = (
        unit.counterpart.authority if unit.counterpart else kind_row.counterpart if kind_row else ""
    )
    if unit.counterpart:
        _declare(unit.counterpart, registry, declared)
    elif unit.counterpart_text:
        report.note(
            Status.NEEDS_PERSON,
            f"{where}.don_vi",
            unit.counterpart_text,
            f"đơn vị phối hợp không có trong bảng: '{unit.counterpart_text}'",
            f"coordinating unit not in the table: '{unit.counterpart_text}'",
        )
    words += _takes(step.time, f"{where}.thoi_gian", report)
    if counterpart:
        words.append(f"with {counterpart}")
    if kind in ("refusal", "supplement"):
        words.append("notifies applicant")
    return words, kind == "reception"


def _unit_notes(unit: UnitMatch, where: str, text: str, report: RecordReport) -> None:
    if unit.head:
        report.note(
            Status.MAPPED,
            where,
            text,
            "'Lãnh đạo' đơn vị: người đứng đầu hoặc cấp phó được giao, thay mặt đơn vị",
            "'Lãnh đạo' of a unit: its head, or a deputy acting for it",
        )
    if unit.others:
        report.note(
            Status.MAPPED,
            where,
            text,
            f"đơn vị nêu đầu tiên là người thực hiện; các nơi khác cũng được nêu: {', '.join(unit.others)}",
            f"the first unit named acts; also named: {', '.join(unit.others)}",
        )
    if unit.postal:
        report.note(
            Status.MAPPED,
            where,
            text,
            "bưu chính là cách thức trả kết quả, không phải người thực hiện",
            "the postal service is a channel, not an actor",
        )


def _takes(text: str, where: str, report: RecordReport) -> list[str]:
    reading: Reading = read_duration(text)
    if reading.same_day:
        report.note(
            Status.MAPPED,
            where,
            text,
            "'trong ngày' ghi là 1 ngày làm việc",
            "'trong ngày' written as 1 working day",
        )
        return ["takes 1 working_days"]
    plain = [limit for limit in reading.limits if limit.condition is None]
    if reading.problem is not None or reading.immediate or len(plain) != 1:
        report.unreadable_time(
            where,
            text,
            f"không đọc được thời gian của bước: '{text}'",
            f"step time not read: '{text}'",
        )
        return []
    _range_note(plain[0], where, text, report)
    return [f"takes {plain[0].text()}"]


def _phases(record: Record, report: RecordReport) -> None:
    """A phase whose steps add up to more than its stated time is a finding of the record."""
    for text in record.items("giai_doan"):
        number = _PHASE.match(text)
        stated = _PHASE_TIME.search(text)
        if not number or not stated:
            report.note(Status.KEPT, "giai_doan", text, "giữ làm chú thích", "kept as a comment")
            continue
        reading = read_duration(stated.group(1))
        steps = [
            s
            for s in record.internal
            if (_PHASE.match(s.phase or s.step) or [None, None])[1] == number.group(1)
        ]
        times = [read_duration(s.time) for s in steps]
        if reading.problem or len(reading.limits) != 1 or any(len(t.limits) != 1 for t in times):
            report.note(
                Status.KEPT,
                "giai_doan",
                text,
                "không cộng được thời gian giai đoạn: giữ làm chú thích",
                "phase time not summed: kept as a comment",
            )
            continue
        total = sum((t.limits[0].amount for t in times), start=reading.limits[0].amount * 0)
        budget = reading.limits[0].amount
        if total > budget:
            report.note(
                Status.FINDING,
                "giai_doan",
                text,
                f"các bước của giai đoạn {number.group(1)} cộng lại {total} ngày, vượt {budget} ngày đã nêu",
                f"the steps of phase {number.group(1)} add up to {total} days, over the stated {budget}",
            )
        else:
            report.note(
                Status.MAPPED,
                "giai_doan",
                text,
                f"giai đoạn {number.group(1)}: các bước cộng lại {total} ≤ {budget} ngày",
                f"phase {number.group(1)}: steps add up to {total} ≤ {budget} days",
            )


def _declare(row: UnitRow, registry: RegistryIndex, declared: Declarations) -> None:
    if row.authority not in registry.authorities and row.title:
        declared.authorities.setdefault(row.authority, row)


def _step_name(step: InternalStep, number: int, taken: list[str]) -> str:
    phase = _PHASE.match(step.phase or step.step)
    order = re.search(r"bước\s*(\d+)", step.step, re.I)
    name = (
        f"gd{phase.group(1)}_b{order.group(1)}"
        if phase and order
        else f"b{order.group(1)}"
        if order
        else f"b{number}"
    )
    return name if name not in taken else f"{name}_{number}"


def _file_name(record: Record) -> str:
    base = record.text("ma_thu_tuc") or record.text("id") or record.origin
    plain = unicodedata.normalize("NFD", base.lower()).replace("đ", "d")
    slug = re.sub(r"[^a-z0-9.]+", "-", "".join(c for c in plain if c.isascii())).strip("-.")
    return f"{slug[:100].strip('-.') or 'ban-ghi'}.tthc"  # a file name has at most 255 bytes


def _q(text: str) -> str:
    return '"' + _one_line(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
