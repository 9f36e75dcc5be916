"""The table of diagnostic codes: public API, never reused (RULES.md).

Input: nothing. Output: `CODES`, mapping a code such as ``TT201`` to its stable name, its
default severity and a one-line title in Vietnamese and English. Stages and rules look codes
up here; `make_diagnostic` attaches the name and default severity so that no finder has to.
"""

from __future__ import annotations

from dataclasses import dataclass

from tthc.dsl.diagnostics import Diagnostic, Message, Related, Severity
from tthc.dsl.span import Span

E, W = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    severity: Severity
    title: Message

    @property
    def family(self) -> str:
        return self.code[:3] + "xx"


def _code(code: str, name: str, severity: Severity, vi: str, en: str) -> Code:
    return Code(code, name, severity, Message(vi, en))


_TABLE = [
    _code("TT001", "syntax-error", E, "Lỗi cú pháp", "Syntax error"),
    _code("TT002", "unknown-key", E, "Khóa hoặc từ khóa không hợp lệ", "Unknown key or keyword"),
    _code("TT003", "invalid-value", E, "Giá trị sai kiểu hoặc không hợp lệ", "Wrong type or value"),
    _code("TT004", "duplicate-identifier", E, "Định danh bị trùng", "Duplicate identifier"),
    _code("TT005", "unresolved-reference", E, "Tham chiếu không tồn tại", "Unresolved reference"),
    _code("TT006", "safety-limit", E, "Vượt giới hạn an toàn", "Input over a safety limit"),
    _code("TT007", "not-nfc", W, "Văn bản không ở dạng Unicode NFC", "Text not in Unicode NFC"),
    _code("TT008", "bad-encoding", E, "Tệp không phải UTF-8 hợp lệ", "File is not valid UTF-8"),
    _code(
        "TT101",
        "actor-not-competent",
        E,
        "Chủ thể quyết định không có thẩm quyền",
        "Deciding actor holds no competence",
    ),
    _code(
        "TT102",
        "district-actor-after-reform",
        E,
        "Chủ thể cấp huyện sau ngày 01/7/2025",
        "District-level actor after 2025-07-01",
    ),
    _code(
        "TT103",
        "decision-at-wrong-level",
        E,
        "Quyết định ở cấp khác cấp thực hiện",
        "Decision taken at another level",
    ),
    _code(
        "TT104",
        "instrument-not-in-force",
        E,
        "Văn bản căn cứ không còn hoặc chưa có hiệu lực",
        "Cited instrument not in force",
    ),
    _code("TT105", "missing-legal-basis", E, "Thiếu căn cứ pháp lý", "No legal basis cited"),
    _code(
        "TT106",
        "reception-outside-one-stop",
        W,
        "Tiếp nhận hồ sơ ngoài Bộ phận Một cửa",
        "Dossier received outside the one-stop unit",
    ),
    _code(
        "TT107",
        "collective-individual-mismatch",
        E,
        "Nhầm giữa tập thể và cá nhân có thẩm quyền",
        "Collective body and individual confused",
    ),
    _code(
        "TT201",
        "re-decentralization",
        E,
        "Phân cấp tiếp quyền đã được phân cấp",
        "Re-delegation of a phân cấp power",
    ),
    _code(
        "TT202",
        "invalid-authorization",
        E,
        "Ủy quyền không có văn bản, không có thời hạn hoặc đã hết hạn",
        "Authorization without instrument, without term, or expired",
    ),
    _code(
        "TT203",
        "re-authorization",
        E,
        "Người được ủy quyền lại ủy quyền tiếp",
        "Recipient of ủy quyền authorizes again",
    ),
    _code(
        "TT204",
        "delegation-not-downward",
        E,
        "Giao quyền không theo hướng xuống cấp dưới",
        "Delegation does not go downward",
    ),
    _code(
        "TT205",
        "instrument-cannot-delegate",
        E,
        "Loại văn bản không đủ để giao quyền này",
        "Instrument kind cannot carry this delegation",
    ),
    _code(
        "TT206",
        "move-without-instrument",
        E,
        "Thủ tục chuyển từ cấp huyện không nêu văn bản chuyển",
        "Moved procedure cites no moving instrument",
    ),
    _code(
        "TT207", "delegation-cycle", E, "Chuỗi giao quyền khép vòng", "Cycle in delegation chain"
    ),
    _code(
        "TT208",
        "delegation-without-resources",
        W,
        "Bên nhận giao quyền không có điều kiện thực hiện",
        "Delegation recipient has no declared resources",
    ),
    _code("TT301", "missing-reception", E, "Thiếu bước tiếp nhận hồ sơ", "No reception step"),
    _code(
        "TT302",
        "missing-decision",
        E,
        "Thiếu bước quyết định trên đường trả kết quả",
        "No decision step on a result path",
    ),
    _code(
        "TT303",
        "missing-result-return",
        E,
        "Có đường không trả kết quả cho người nộp",
        "A path returns no result",
    ),
    _code(
        "TT304",
        "refusal-without-notice",
        E,
        "Từ chối không thông báo bằng văn bản",
        "Refusal without written notice",
    ),
    _code(
        "TT305",
        "repeated-supplement-request",
        E,
        "Yêu cầu bổ sung hồ sơ nhiều lần",
        "Supplement request can repeat",
    ),
    _code(
        "TT306",
        "unused-dossier-component",
        W,
        "Thành phần hồ sơ không được bước nào sử dụng",
        "Dossier component no step uses",
    ),
    _code(
        "TT307",
        "online-without-digital-signature",
        E,
        "Dịch vụ toàn trình không ký số kết quả",
        "Fully online procedure without digital signature",
    ),
    _code(
        "TT308",
        "fee-not-collected",
        E,
        "Có phí, lệ phí nhưng không có bước thu",
        "Fee with no collecting step",
    ),
    _code(
        "TT309",
        "consultation-incomplete",
        E,
        "Lấy ý kiến không có cơ quan phối hợp hoặc thời hạn",
        "Consultation without counterpart or time limit",
    ),
    _code(
        "TT310",
        "late-path-without-apology",
        W,
        "Trễ hạn không có phiếu xin lỗi và hẹn lại",
        "Late path without apology letter",
    ),
    _code(
        "TT311",
        "period-without-duration",
        E,
        "Bước niêm yết hoặc chờ không ghi thời gian",
        "Posting or waiting step without its period",
    ),
    _code(
        "TT312",
        "head-of-person",
        E,
        "Giao bước cho lãnh đạo của một chức danh",
        "Step given to the head of a person",
    ),
    _code("TT401", "unreachable-step", E, "Bước không thể đến được", "Unreachable step"),
    _code(
        "TT402",
        "dead-end-step",
        E,
        "Bước không dẫn tới kết thúc",
        "Step from which no end is reached",
    ),
    _code(
        "TT403",
        "join-may-wait-forever",
        E,
        "Điểm hợp song song có thể chờ mãi",
        "Parallel join that can wait forever",
    ),
    _code("TT404", "loop-without-exit", E, "Vòng lặp không có lối ra", "Loop with no exit"),
    _code(
        "TT405",
        "improper-completion",
        E,
        "Kết thúc khi nhánh song song còn chạy",
        "End reached while parallel work is active",
    ),
    _code(
        "TT406",
        "choice-not-exclusive",
        E,
        "Lựa chọn có kết quả trùng hoặc thiếu nhánh mặc định",
        "Exclusive choice overlaps or has no default",
    ),
    _code(
        "TT407",
        "flow-too-large-to-check",
        W,
        "Quy trình có quá nhiều trạng thái để kiểm tra hết",
        "Flow has more states than the checker explores",
    ),
    _code(
        "TT501",
        "deadline-exceeded",
        E,
        "Đường dài nhất vượt thời hạn giải quyết",
        "Longest path exceeds the legal deadline",
    ),
    _code(
        "TT502",
        "step-without-duration",
        E,
        "Bước trên đường tính thời hạn không có thời gian",
        "Timed step without duration",
    ),
    _code(
        "TT503",
        "deadline-longer-after-move",
        W,
        "Thời hạn dài hơn trước khi chuyển cấp",
        "Deadline longer than before the move",
    ),
    _code(
        "TT504",
        "mixed-day-units",
        W,
        "Trộn ngày làm việc và ngày lịch",
        "Working days mixed with calendar days",
    ),
    _code(
        "TT505",
        "phase-over-budget",
        E,
        "Các bước của giai đoạn vượt thời hạn giai đoạn",
        "Steps of a phase exceed its budget",
    ),
    _code(
        "TT506",
        "coordination-longer-than-step",
        E,
        "Cơ quan phối hợp có thời gian dài hơn bước",
        "Coordination longer than its step",
    ),
    _code(
        "TT507",
        "extension-without-base",
        E,
        "Thời hạn kéo dài không gắn với thời hạn hoặc trường hợp nào",
        "Deadline extension without a deadline or a case",
    ),
    _code(
        "TT508",
        "deadline-tie-governs-nothing",
        W,
        "Thời hạn gắn với những đường xử lý không có trong luồng",
        "Deadline tied to paths the flow never takes",
    ),
    _code("TT601", "bad-procedure-code", E, "Mã thủ tục sai định dạng", "Procedure code format"),
    _code("TT602", "duplicate-procedure-code", E, "Trùng mã thủ tục", "Duplicate procedure code"),
    _code("TT603", "missing-metadata", E, "Thiếu thông tin bắt buộc", "Required metadata missing"),
    _code(
        "TT604",
        "linked-procedure-missing",
        W,
        "Thủ tục liên thông không có trong kho",
        "Linked procedure not in the corpus",
    ),
    _code(
        "TT605",
        "district-procedure-without-successor",
        W,
        "Thủ tục cấp huyện chưa có thủ tục kế thừa",
        "District procedure with no successor",
    ),
    _code(
        "TT606",
        "copied-internal-process",
        W,
        "Một quy trình nội bộ cho các thời hạn khác nhau",
        "One internal process under different deadlines",
    ),
    _code(
        "TT607",
        "not-stated-in-source",
        W,
        "Nguồn công bố không nêu đủ thông tin",
        "Parts not stated in the published source",
    ),
    _code(
        "TT701",
        "same-officer-prepares-and-approves",
        E,
        "Một người vừa thẩm định vừa phê duyệt",
        "One officer prepares and approves",
    ),
    _code(
        "TT702",
        "needless-personal-data",
        W,
        "Bước đọc giấy tờ không cần thiết",
        "Step reads a component it has no use for",
    ),
    _code("TT901", "unused-suppression", W, "Dòng bỏ qua không có tác dụng", "Unused suppression"),
    _code(
        "TT902",
        "suppression-without-reason",
        E,
        "Dòng bỏ qua không ghi lý do",
        "Suppression without reason",
    ),
    _code("TT999", "check-crashed", E, "Một kiểm tra bị lỗi", "A check crashed"),
]

CODES: dict[str, Code] = {entry.code: entry for entry in _TABLE}


def make_diagnostic(
    code: str,
    span: Span,
    message: Message,
    help: Message | None = None,
    related: tuple[Related, ...] = (),
) -> Diagnostic:
    """A diagnostic with the code's stable name and default severity attached."""
    entry = CODES[code]
    return Diagnostic(
        code=code,
        name=entry.name,
        severity=entry.severity,
        message=message,
        span=span,
        help=help,
        related=related,
    )
