"""How a procedure's values are said in Vietnamese on a card, a guide or a diagram.

Input: values of the AST (levels, step kinds, channels, durations, deadlines, fees, instruments).
Output: plain Vietnamese strings, as the national procedure database (CSDL quốc gia về TTHC)
writes its fields: "Cấp Xã", "Trực tuyến (một phần)", "15 ngày làm việc", "50.000 đồng".
Nothing here escapes: the templates do, once, when they render.
"""

from __future__ import annotations

from decimal import Decimal

from tthc.dsl import ast

LEVEL = {
    ast.Level.CENTRAL: "Trung ương",
    ast.Level.PROVINCE: "Cấp Tỉnh",
    ast.Level.DISTRICT: "Cấp Huyện",
    ast.Level.COMMUNE: "Cấp Xã",
}

STEP_KIND = {
    ast.StepKind.RECEPTION: "Tiếp nhận",
    ast.StepKind.SUPPLEMENT: "Yêu cầu bổ sung",
    ast.StepKind.TRANSFER: "Chuyển hồ sơ",
    ast.StepKind.REVIEW: "Thẩm định, xử lý",
    ast.StepKind.VERIFICATION: "Xác minh",
    ast.StepKind.CONSULTATION: "Lấy ý kiến, phối hợp",
    ast.StepKind.DECISION: "Quyết định",
    ast.StepKind.SIGNATURE: "Ký",
    ast.StepKind.FEE: "Thu phí, lệ phí",
    ast.StepKind.REFUSAL: "Từ chối",
    ast.StepKind.APOLOGY: "Xin lỗi, hẹn lại",
    ast.StepKind.RESULT: "Trả kết quả",
    ast.StepKind.POSTING: "Niêm yết công khai",
    ast.StepKind.WAITING: "Chờ theo thời hạn luật định",
    ast.StepKind.PAYMENT: "Thực hiện nghĩa vụ tài chính",
}

CHANNEL = {
    ast.ChannelKind.DIRECT: "Nộp trực tiếp",
    ast.ChannelKind.POSTAL: "Nộp qua dịch vụ bưu chính công ích",
    ast.ChannelKind.ONLINE: "Nộp trực tuyến",
}

ONLINE = {ast.OnlineLevel.FULL: "toàn trình", ast.OnlineLevel.PARTIAL: "một phần"}

UNIT = {
    ast.DurationUnit.WORKING_DAYS: "ngày làm việc",
    ast.DurationUnit.DAYS: "ngày",
    ast.DurationUnit.WORKING_HOURS: "giờ làm việc",
    ast.DurationUnit.HOURS: "giờ",
}

INSTRUMENT_KIND = {
    ast.InstrumentKind.LAW: "Luật",
    ast.InstrumentKind.RESOLUTION: "Nghị quyết",
    ast.InstrumentKind.DECREE: "Nghị định",
    ast.InstrumentKind.CIRCULAR: "Thông tư",
    ast.InstrumentKind.DECISION: "Quyết định",
    ast.InstrumentKind.LOCAL_RESOLUTION: "Nghị quyết HĐND",
    ast.InstrumentKind.DISPATCH: "Công văn",
    ast.InstrumentKind.ACT: "Văn bản",
}

CONFIDENCE = {
    ast.Confidence.VERIFIED: "đã kiểm chứng",
    ast.Confidence.PARTIAL: "kiểm chứng một phần",
    ast.Confidence.UNVERIFIED: "chưa kiểm chứng",
}


def number(amount: Decimal | int) -> str:
    """A number as Vietnamese writes it: `0,5`, `15`, `1.250.000`."""
    value = Decimal(amount).normalize()
    sign = "-" if value < 0 else ""
    whole, _, fraction = f"{abs(value):f}".partition(".")
    groups = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{groups},{fraction}" if fraction else f"{sign}{groups}"


def duration(value: ast.Duration) -> str:
    return f"{number(value.amount)} {UNIT[value.unit]}"


def deadline(value: ast.Deadline) -> str:
    """One deadline line: "15 ngày", "25 ngày đối với trường hợp …", "Ngay sau khi …"."""
    if value.immediate or value.duration is None:
        said = "Ngay sau khi nhận đủ giấy tờ theo quy định"
    elif value.extension:
        said = f"Thêm {duration(value.duration)}"
    elif value.least is not None:
        said = f"Từ {number(value.least)} đến {duration(value.duration)}"
    else:
        said = f"Không quá {duration(value.duration)}"
    return f"{said} đối với trường hợp {value.condition}" if value.condition else said


def channel(value: ast.Channel) -> str:
    said = CHANNEL[value.kind]
    return f"{said} ({ONLINE[value.online]})" if value.online else said


def money(amount: int) -> str:
    return "Không thu" if amount == 0 else f"{number(amount)} đồng"


def instrument(value: ast.Instrument) -> str:
    """`Nghị định 120/2025/NĐ-CP`, the way a legal basis cites it."""
    return f"{INSTRUMENT_KIND[value.kind]} số {value.number}"


def citation_place(value: ast.Citation) -> str:
    """The article and clause of a citation: `Điều 16`, `khoản 1 Điều 4`, or empty."""
    if value.article and value.clause:
        return f"khoản {value.clause} Điều {value.article}"
    return f"Điều {value.article}" if value.article else ""


# The outcomes the corpus names, as a reader says them; any other name is shown as written.
OUTCOME = {
    "complete": "hồ sơ đầy đủ",
    "eligible": "đủ điều kiện",
    "late": "trễ hạn",
    "needs_more_time": "cần thêm thời gian",
    "needs_verification": "cần xác minh",
}


def outcome(name: str) -> str:
    return OUTCOME.get(name, name)
