"""What every key of the YAML form means, in Vietnamese and English, with examples: the one
source of the hover text and completions an editor shows (`tthc.dsl.yaml.schema` puts them in
the JSON Schema) and of the key reference `docs/keys.md` (`tthc schema --format markdown`).

Input: nothing. Output: `KEYS` (construct → key → `Key`), `TOP_LEVEL_KEYS` (the keys of a file)
and `keys_markdown()`. The keys are the DSL's keywords, so the table describes both forms;
`tests/dsl/test_schema.py` holds it to the AST (a key for every field, a field for every key,
every example valid against its key's schema), so the schema and the page cannot drift.

Why over 400 lines: it is a table of text (one entry per key of every construct, in two languages,
with examples), read as a whole beside the AST it mirrors; the code is the two functions at the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Key:
    vi: str
    en: str
    examples: tuple[Any, ...]


_ID = Key(
    "Mã định danh: chữ thường không dấu, chữ số, `_` và `-`, các đoạn nối bằng dấu chấm",
    "Identifier: lower-case ASCII letters, digits, `_` and `-`, segments joined by dots",
    ("tiep_nhan", "commune.one_stop", "nd-120-2025"),
)
_BASIS = Key(
    "Căn cứ pháp lý: văn bản trong sổ đăng ký, có thể kèm `art N` (điều) và `clause M` (khoản)",
    "Legal basis: instruments of the registry, optionally with `art N` (article) and `clause M`",
    (["luat-ho-tich-2014 art 16"], ["nd-120-2025 art 4 clause 2", "nd-118-2025"]),
)
_STARTS = Key(
    "Ngày bắt đầu có hiệu lực (YYYY-MM-DD)", "First day in force (YYYY-MM-DD)", ("2025-07-01",)
)
_UNTIL = Key(
    "Ngày cuối cùng còn hiệu lực (YYYY-MM-DD)", "Last day in force (YYYY-MM-DD)", ("2027-02-28",)
)
_CONFIDENCE = Key(
    "Mức tin cậy: verified (đã đọc văn bản chính thức), partial (nguồn thứ cấp), unverified",
    "Confidence: verified (read in the official text), partial (secondary source), unverified",
    ("verified", "partial", "unverified"),
)
_POWER = Key(
    "Thẩm quyền (tên có dấu chấm), đối chiếu với giao quyền và chuyển giao trong sổ đăng ký",
    "The power, a dotted name matched against the registry's grants and transfers",
    ("ho-tich.dang-ky", "xay-dung.cap-phep"),
)
_LEVEL = Key(
    "Cấp: central (trung ương), province (tỉnh), commune (xã); district (huyện) chỉ để ghi lịch sử, đã chấm dứt 30/6/2025",
    "Level: central, province, commune; district only for history (it ended on 2025-06-30)",
    ("commune", "province"),
)

KEYS: dict[str, dict[str, Key]] = {
    "Procedure": {
        "code": Key(
            "Mã thủ tục trên Cơ sở dữ liệu quốc gia về TTHC, dạng 1.001193",
            "Procedure code in the national database, of the form 1.001193",
            ("1.001193", "1.012756"),
        ),
        "name": Key("Tên thủ tục", "Name of the procedure", ("Đăng ký khai sinh",)),
        "field": Key("Lĩnh vực", "Field (lĩnh vực)", ("Hộ tịch", "Đất đai", "Xây dựng")),
        "level": Key(
            "Cấp thực hiện: cấp giải quyết thủ tục",
            "Implementing level (cấp thực hiện): the level that settles the procedure",
            ("commune", "province"),
        ),
        "effective": Key(
            "Ngày đầu áp dụng phiên bản này; mọi kiểm tra xét pháp luật có hiệu lực vào ngày này",
            "First day this version applies; every check evaluates the law in force on that day",
            ("2025-07-01",),
        ),
        "until": Key(
            "Ngày cuối áp dụng phiên bản này; hai phiên bản của một mã không được chồng nhau (TT602)",
            "Last day this version applies; two versions of one code must not overlap (TT602)",
            ("2026-06-30",),
        ),
        "power": _POWER,
        "moved": Key(
            "Thủ tục được chuyển cấp trong cải cách 2025: from (cấp cũ), basis (văn bản chuyển), deadline (thời hạn cũ)",
            "The procedure moved in the 2025 reform: from (old level), basis (the instrument), deadline (old time limit)",
            ({"from": "district", "basis": ["nd-120-2025 art 4"], "deadline": "5 working_days"},),
        ),
        "basis": Key(
            "Căn cứ pháp lý của thủ tục; mỗi văn bản phải có trong sổ đăng ký và còn hiệu lực (TT104)",
            "Legal basis of the procedure; each instrument must be in the registry and in force (TT104)",
            (["luat-ho-tich-2014 art 16", "nd-120-2025 art 4"],),
        ),
        "applicants": Key(
            "Đối tượng thực hiện",
            "Applicants (đối tượng thực hiện)",
            (["Cá nhân"], ["Hộ gia đình"]),
        ),
        "channels": Key(
            "Cách thức thực hiện: direct (trực tiếp), postal (bưu chính), online full (toàn trình) / online partial (một phần)",
            "Channels: direct, postal, online full (fully online) or online partial",
            (["direct", "postal", "online full"],),
        ),
        "anywhere": Key(
            "Phi địa giới hành chính: nộp tại bất kỳ bộ phận một cửa nào trong tỉnh",
            "Filing regardless of residence: at any one-stop unit of the province",
            (True, False),
        ),
        "deadline": Key(
            'Thời hạn giải quyết: immediately (ngay sau khi nhận đủ giấy tờ) hoặc một khoảng thời gian, có thể kèm when "điều kiện" và các đường xử lý thời hạn đó áp dụng (through các bước, via kết quả rẽ nhánh, avoiding các bước không qua)',
            'Time limit: immediately, or a duration, optionally with when "condition" and the paths the variant governs (through steps, via outcomes, avoiding steps)',
            (
                "immediately",
                "3 working_days",
                ["10 working_days", '20 working_days when "cần xác minh"'],
                [
                    '5 working_days when "không phải xác minh" avoiding xac_minh',
                    '8 working_days when "phải xác minh" through xac_minh',
                ],
            ),
        ),
        "day_rule": Key(
            "Cách so ngày lịch với ngày làm việc khi thủ tục dùng cả hai (TT504)",
            "How calendar days compare with working days when a procedure mixes them (TT504)",
            ("calendar_as_working",),
        ),
        "result": Key(
            "Kết quả thực hiện",
            "Result of the procedure (kết quả)",
            ("Giấy khai sinh", ["Giấy phép xây dựng"]),
        ),
        "fee": Key(
            "Phí, lệ phí (đồng); 0 khi miễn; phí lớn hơn 0 cần một bước fee (TT308)",
            "Fees in VND; 0 for an exemption; a fee above zero needs a fee step (TT308)",
            ({"amount": 0, "description": "Miễn lệ phí"},),
        ),
        "links": Key(
            "Mã các thủ tục liên thông với thủ tục này (TT604)",
            "Codes of the procedures linked with this one (liên thông, TT604)",
            (["1.001193", "1.004227"],),
        ),
        "two_persons": Key(
            "Người chuẩn bị và người phê duyệt phải khác nhau (TT701)",
            "The person who prepares and the person who approves must differ (TT701)",
            (True,),
        ),
        "unstated": Key(
            "Những phần nguồn công bố không nêu (mã thủ tục ghi tạm, kết quả, cách thức…): báo một lần là dữ liệu chưa đầy đủ (TT607), không báo thiếu (TT601, TT603, TT105)",
            "Parts the published source does not state (a stand-in code, the result, the channels…): reported once as incomplete data (TT607), not as missing (TT601, TT603, TT105)",
            (["code", "result", "channels"],),
        ),
        "dossier": Key(
            "Thành phần hồ sơ",
            "Dossier components (thành phần hồ sơ)",
            ([{"id": "to_khai", "title": "Tờ khai đăng ký khai sinh", "form": "Mẫu 01"}],),
        ),
        "steps": Key(
            "Các bước của quy trình nội bộ",
            "Steps of the internal process",
            (
                [
                    {
                        "id": "tiep_nhan",
                        "kind": "reception",
                        "title": "Tiếp nhận hồ sơ",
                        "by": "commune.one_stop",
                    }
                ],
            ),
        ),
        "phases": Key(
            "Các giai đoạn của quy trình nội bộ: mỗi giai đoạn gom một số bước và có thời hạn riêng (TT505)",
            "Phases of the internal process: each groups steps under its own time budget (TT505)",
            (
                [
                    {
                        "id": "tham_dinh",
                        "title": "Giai đoạn thẩm định",
                        "budget": "10 working_days",
                        "steps": ["kiem_tra", "xac_minh"],
                    }
                ],
            ),
        ),
        "flow": Key(
            "Luồng: các mũi tên giữa các bước, từ start đến end",
            "Flow: the arrows between steps, from start to end",
            (["start -> tiep_nhan -> quyet_dinh -> end"],),
        ),
    },
    "Moved": {
        "from": Key(
            "Cấp giải quyết trước khi chuyển",
            "The level that settled it before the move",
            ("district",),
        ),
        "basis": Key(
            "Văn bản chuyển thủ tục sang cấp mới (TT206)",
            "The instrument that moved the procedure (TT206)",
            (["nd-120-2025 art 4"],),
        ),
        "deadline": Key(
            "Thời hạn cũ, để so với thời hạn mới (TT503)",
            "The old time limit, compared with the new one (TT503)",
            ("15 working_days",),
        ),
    },
    "Fee": {
        "amount": Key(
            "Số tiền (đồng); 0 khi miễn", "Amount in VND; 0 for an exemption", (0, 50000)
        ),
        "description": Key(
            "Mô tả khoản phí", "What the fee is for", ("Lệ phí cấp giấy phép xây dựng",)
        ),
        "basis": Key("Căn cứ thu phí", "Legal basis of the fee", (["tt-85-2019 art 5"],)),
    },
    "Component": {
        "id": _ID,
        "title": Key("Tên giấy tờ", "Name of the paper", ("Tờ khai đăng ký khai sinh",)),
        "form": Key("Số hiệu mẫu đơn, tờ khai", "Form number (mẫu đơn, tờ khai)", ("Mẫu 01",)),
        "copies": Key("Số lượng bản (mặc định 1)", "Number of copies (default 1)", (1, 2)),
        "required": Key(
            "Bắt buộc nộp (mặc định có)", "Whether it must be filed (default yes)", (True, False)
        ),
        "personal": Key(
            "Chứa dữ liệu cá nhân: chỉ các bước cần mới được đọc (TT702)",
            "Holds personal data: only the steps that need it should read it (TT702)",
            (True,),
        ),
    },
    "Step": {
        "id": _ID,
        "kind": Key(
            "Loại bước: reception (tiếp nhận), supplement (bổ sung), transfer, review (thẩm định), verification, consultation (lấy ý kiến), decision, signature, fee, refusal (từ chối), apology (xin lỗi, hẹn lại), result (trả kết quả), posting (niêm yết công khai), waiting (chờ theo thời hạn luật định), payment (thực hiện nghĩa vụ tài chính)",
            "Kind of step: reception, supplement, transfer, review, verification, consultation, decision, signature, fee, refusal, apology, result, posting (public notice), waiting (a statutory waiting period), payment (the applicant pays)",
            ("reception", "decision", "result"),
        ),
        "title": Key("Tên bước", "Title of the step", ("Tiếp nhận hồ sơ",)),
        "by": Key(
            "Cơ quan, chức danh thực hiện bước (trong sổ đăng ký)",
            "Who carries out the step: an authority of the registry",
            ("commune.one_stop", "commune.chairman"),
        ),
        "head": Key(
            'Bước do lãnh đạo của đơn vị `by` thực hiện (người đứng đầu hoặc cấp phó được giao): "Lãnh đạo X"; DSL: `by head of x`',
            'The step is carried out by the head of the `by` unit, or a deputy acting for it ("Lãnh đạo X"); DSL: `by head of x`',
            (True,),
        ),
        "or": Key(
            "Các đơn vị khác cũng có thể thực hiện bước (nhiều nơi tiếp nhận hồ sơ); DSL: `by a or b or c`",
            "Other units that may carry out the step instead (several receiving units); DSL: `by a or b or c`",
            (["province.one_stop", "province.land_registry_branch"],),
        ),
        "takes": Key(
            "Thời gian quy trình nội bộ dành cho bước; đường dài nhất phải vừa thời hạn (TT501)",
            "Time the internal process allots to the step; the longest path must fit the deadline (TT501)",
            ("0.5 working_days", "2 working_days"),
        ),
        "reads": Key(
            "Các thành phần hồ sơ bước này dùng",
            "The dossier components the step uses",
            (["to_khai", "giay_chung_sinh"],),
        ),
        "signs": Key(
            "Cách ký: digital (chữ ký số) hoặc handwritten (ký tay)",
            "How the step signs its output: digital or handwritten",
            ("digital", "handwritten"),
        ),
        "notifies": Key(
            "Bước thông báo bằng văn bản cho người nộp",
            "The step informs the applicant in writing",
            (True,),
        ),
        "with": Key(
            "Bên được lấy ý kiến (bước consultation)",
            "The body consulted (a consultation step)",
            ("province.construction_department",),
        ),
        "basis": Key(
            "Căn cứ thẩm quyền của bước",
            "The article that gives this step's power",
            (["luat-ho-tich-2014 art 16"],),
        ),
        "day_rule": Key(
            "Cách so thời gian của bước này với thời hạn khi khác quy ước của thủ tục (TT504, TT501)",
            "How this step's time compares with the deadline when it differs from the procedure's rule (TT504, TT501)",
            ("strict", "calendar_as_working"),
        ),
        "counted": Key(
            'Thời gian của bước có tính vào thời hạn giải quyết không (mặc định có); `not counted` khi bản ghi nói "không tính vào thời gian giải quyết"',
            "Whether the step's time counts toward the deadline (default yes); `not counted` when the record says it is outside the time limit",
            (False,),
        ),
        "coordinates": Key(
            'Cơ quan phối hợp thực hiện bước ("X phối hợp Y"), có thể kèm thời gian riêng `for N ngày`; thời gian đó nằm trong thời gian của bước (TT506)',
            'Bodies that work on the step with its actor ("X phối hợp Y"), optionally with their own time `for` a duration, which runs inside the step\'s time (TT506)',
            (["province.tax_office for 3 working_days", "commune.police"],),
        ),
    },
    "Phase": {
        "id": _ID,
        "title": Key("Tên giai đoạn", "Title of the phase", ("Giai đoạn thẩm định",)),
        "budget": Key(
            "Thời hạn của giai đoạn; đường dài nhất qua các bước của nó phải vừa thời hạn này (TT505)",
            "The phase's time budget; the longest timed path through its steps must fit it (TT505)",
            ("10 working_days", "15 days"),
        ),
        "steps": Key(
            "Các bước thuộc giai đoạn", "The steps the phase groups", (["kiem_tra", "xac_minh"],)
        ),
    },
    "Authority": {
        "id": _ID,
        "title": Key(
            "Tên cơ quan, chức danh",
            "Name of the body or title",
            ("Chủ tịch Ủy ban nhân dân cấp xã",),
        ),
        "level": _LEVEL,
        "kind": Key(
            "Loại: person (chức danh), collective (tập thể: UBND, HĐND), unit (đơn vị)",
            "Kind: person (a title), collective (a People's Committee or Council), unit (an office)",
            ("person", "collective", "unit"),
        ),
        "of": Key(
            "Cơ quan tập thể mà chức danh đứng đầu hoặc đơn vị trực thuộc",
            "The collective body a person heads or a unit belongs to",
            ("commune.people_committee",),
        ),
        "one_stop": Key(
            "Là bộ phận một cửa (Trung tâm Phục vụ hành chính công)",
            "Is a one-stop unit (Public Administration Service Centre)",
            (True,),
        ),
        "staff": Key(
            "Số biên chế cho nhiệm vụ được nhận; chỉ ghi khi có nguồn (TT208)",
            "Staff for the tasks it receives; only when a source gives the figure (TT208)",
            (3,),
        ),
        "starts": _STARTS,
        "until": _UNTIL,
        "aliases": Key(
            "Các cách viết khác của tên cơ quan trong bản ghi đã công bố; mỗi tên chỉ một cơ quan (TT004)",
            "Other spellings of the name in published records; one spelling names one authority (TT004)",
            (["Chi nhánh VPĐKĐĐ", "CN Văn phòng đăng ký đất đai"],),
        ),
    },
    "Instrument": {
        "id": _ID,
        "kind": Key(
            "Loại văn bản: law, resolution (Quốc hội), decree, circular, decision, local_resolution (HĐND), dispatch (công văn, công điện), act (văn bản cá biệt)",
            "Kind: law, resolution (National Assembly), decree, circular, decision, local_resolution (People's Council), dispatch, act",
            ("decree", "law"),
        ),
        "number": Key("Số hiệu chính thức", "Official number", ("118/2025/NĐ-CP", "72/2025/QH15")),
        "title": Key(
            "Trích yếu",
            "Title",
            ("Về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông",),
        ),
        "issuer": Key("Cơ quan ban hành", "Issuer", ("Chính phủ", "Quốc hội")),
        "signed": Key("Ngày ký", "Date signed", ("2025-06-09",)),
        "in_force": Key("Ngày có hiệu lực", "Date in force", ("2025-07-01",)),
        "until": _UNTIL,
        "replaces": Key(
            "Các văn bản bị văn bản này thay thế (TT104)",
            "The instruments this one replaces (TT104)",
            (["nd-61-2018"],),
        ),
        "confidence": _CONFIDENCE,
        "source": Key(
            "Nguồn của các thông tin trên",
            "Where the facts come from",
            ("Công báo; vanban.chinhphu.vn",),
        ),
    },
    "Grant": {
        "id": _ID,
        "power": _POWER,
        "from": Key("Bên giao quyền", "The giver", ("district.people_committee",)),
        "to": Key("Bên nhận quyền", "The receiver", ("commune.people_committee",)),
        "mode": Key(
            "Hình thức: devolution (phân quyền), decentralization (phân cấp), authorization (ủy quyền)",
            "Mode: devolution (phân quyền), decentralization (phân cấp), authorization (ủy quyền)",
            ("decentralization", "authorization"),
        ),
        "basis": Key(
            "Văn bản giao quyền", "The instrument that gives the power", (["nd-120-2025 art 4"],)
        ),
        "starts": _STARTS,
        "until": Key(
            "Ngày cuối của giao quyền; ủy quyền phải có thời hạn (TT202)",
            "Last day of the grant; an authorization needs a term (TT202)",
            ("2027-02-28",),
        ),
        "conditions": Key(
            "Điều kiện kèm theo", "Conditions attached", ("Báo cáo kết quả hằng quý",)
        ),
        "resources": Key(
            "Nguồn lực bên giao bảo đảm (TT208)",
            "Resources the giver ensures (TT208)",
            ("Kinh phí và 2 biên chế",),
        ),
        "confidence": _CONFIDENCE,
    },
    "Transfer": {
        "id": _ID,
        "power": _POWER,
        "from": Key(
            "Cơ quan có thẩm quyền trước",
            "The body that held the power",
            ("district.people_committee",),
        ),
        "to": Key(
            "Cơ quan nhận thẩm quyền", "The body that holds it now", ("commune.people_committee",)
        ),
        "basis": Key(
            "Văn bản chuyển giao", "The instrument of the transfer", (["nd-120-2025 art 4"],)
        ),
        "confidence": _CONFIDENCE,
    },
}

_PROCEDURE = {"code": "1.001193", "name": "Đăng ký khai sinh", "level": "commune"}
TOP_LEVEL_KEYS: dict[str, Key] = {
    "procedure": Key("Một thủ tục hành chính", "One administrative procedure", (_PROCEDURE,)),
    "procedures": Key(
        "Nhiều thủ tục trong một tệp", "Several procedures in one file", ([_PROCEDURE],)
    ),
    "authorities": Key(
        "Cơ quan, chức danh, đơn vị của sổ đăng ký",
        "Authorities of the registry: bodies, titles, units",
        ([{"id": "commune.one_stop", "title": "Bộ phận Một cửa cấp xã", "level": "commune"}],),
    ),
    "instruments": Key(
        "Văn bản pháp luật của sổ đăng ký",
        "Legal instruments of the registry",
        ([{"id": "nd-118-2025", "kind": "decree", "number": "118/2025/NĐ-CP"}],),
    ),
    "grants": Key(
        "Giao quyền: phân quyền, phân cấp, ủy quyền",
        "Grants of power: devolution, decentralization, authorization",
        (
            [
                {
                    "id": "ho_tich_xa",
                    "power": "ho-tich.dang-ky",
                    "to": "commune.people_committee",
                    "mode": "decentralization",
                }
            ],
        ),
    ),
    "transfers": Key(
        "Chuyển giao thẩm quyền giữa các cấp (cải cách 2025)",
        "Transfers of competence between levels (the 2025 reform)",
        (
            [
                {
                    "id": "ho_tich_nn",
                    "power": "ho-tich.dang-ky",
                    "from": "district.people_committee",
                    "to": "commune.people_committee",
                }
            ],
        ),
    ),
}


def description(key: Key) -> str:
    """The hover text: English, then Vietnamese."""
    return f"{key.en}\n\n{key.vi}"


def keys_markdown() -> str:
    """The key reference, `docs/keys.md`."""
    import json

    out = [
        "# Keys of the YAML form — Các khóa của dạng YAML",
        "",
        "Generated by `tthc schema --format markdown` from the table the JSON Schema is made",
        "from (`tthc.dsl.yaml.keys`): what an editor shows on hover is what this page says.",
        "The keys are the DSL keywords (docs/language.md, docs/ngon-ngu.md).",
        "",
        "Sinh bằng `tthc schema --format markdown` từ cùng bảng tạo JSON Schema: nội dung trình",
        "soạn thảo hiển thị khi di chuột chính là nội dung trang này.",
        "",
        "## File — Tệp",
        "",
        "| key | meaning | ý nghĩa |",
        "|---|---|---|",
    ]
    out += [f"| `{name}` | {k.en} | {k.vi} |" for name, k in TOP_LEVEL_KEYS.items()]
    for construct, keys in KEYS.items():
        out += [
            "",
            f"## {construct}",
            "",
            "| key | meaning | ý nghĩa | examples |",
            "|---|---|---|---|",
        ]
        for name, k in keys.items():
            shown = ", ".join(
                f"`{json.dumps(e, ensure_ascii=False)}`".replace("|", "\\|") for e in k.examples
            )
            out.append(f"| `{name}` | {k.en} | {k.vi} | {shown} |".replace("\n", " "))
    return "\n".join(out) + "\n"
