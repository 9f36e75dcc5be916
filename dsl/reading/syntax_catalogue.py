"""The catalogue of common mistakes drafters make, each with small files that show it.

Input: nothing. Output: `CATALOGUE` (label → `Mistake`, matched by parser state) and `LEXICAL`
(label → `Mistake`, recognised from the characters themselves). `syntax_errors` asks Lark's
`match_examples` which example fails in the same parser state, with the same acceptable
tokens, as the file being read, and uses that entry's words.

How entries are matched (order matters): an example whose offending token is identical wins at
once; else the first example whose token has the same type; else the first entry, in the order
below, with an example in the same state. So, for one parser state, the entry listed first is
the general reading of an error there and later entries are refinements keyed by token type.
A message may hold `{found}` (the text that could not be read) and `{previous}` (the word
before it).

Why over 400 lines: it is data (each entry's example files and its message and help in both
languages); the code is the `Mistake` record.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mistake:
    vi: str
    en: str
    help_vi: str
    help_en: str
    examples: tuple[str, ...]
    code: str = "TT001"
    # (start rule, text): DSL pieces inside YAML values, read by the grammar from that rule.
    fragments: tuple[tuple[str, str], ...] = ()
    # Whether the help ends with what the grammar accepts here ("Cần: …"); not where the
    # help already shows the one thing to write.
    lists_expected: bool = True


_P = 'procedure "1.000001" "Thủ tục" {\n'


def _proc(body: str, close: str = "}\n") -> str:
    return _P + body + close


def _steps(lines: str, close: str = "  }\n}\n") -> str:
    return _P + "  steps {\n" + lines + close


def _flow(lines: str) -> str:
    return _P + "  flow {\n" + lines + "  }\n}\n"


_STEP = '    a reception "Tiếp nhận"'
_DECLARATIONS = (
    'procedure "1.000002" "Thủ tục khác" {\n}\n',
    'authority a "A" { level commune }\n',
    'instrument b decree "1/2025/NĐ-CP" { title "T" }\n',
    'grant c { power "p" to a mode devolution }\n',
    'transfer d { power "p" from a to a }\n',
)

CATALOGUE: dict[str, Mistake] = {
    "missing-closing-brace": Mistake(
        "Thiếu dấu } để đóng khối",
        "A block is not closed with '}'",
        "Thêm dấu } ở cuối khối; mỗi dấu { cần một dấu } tương ứng",
        "Add '}' at the end of the block; every '{' needs a matching '}'",
        (
            _proc('  field "Hộ tịch"\n', close=""),
            _proc("  flow {\n    a -> b\n  }\n", close=""),
            _proc("  steps {\n" + _STEP + "\n  }\n", close=""),
            _proc('  dossier {\n    a "A"\n  }\n', close=""),
            _steps(_STEP + "\n", close=""),
            _steps(_STEP + " by x\n", close=""),
            _proc("  flow {\n    a -> b\n", close=""),
            *(_proc("  flow {\n    a -> b\n  }\n", close="\n" + d) for d in _DECLARATIONS),
            *(_proc('  field "Hộ tịch"\n', close="\n" + d) for d in _DECLARATIONS),
            'authority a "A" { level commune\n' + _DECLARATIONS[1],
            'authority a "A" { level commune kind person\n' + _DECLARATIONS[1],
        ),
    ),
    "missing-opening-brace": Mistake(
        "Thiếu dấu { để mở khối",
        "A block does not open with '{'",
        "Thêm dấu { sau phần đầu của khối, ví dụ: steps {",
        "Add '{' after the head of the block, for example: steps {",
        (
            'procedure "1.000001" "Thủ tục"\n  field "Hộ tịch"\n}\n',
            'procedure "1.000001" "Thủ tục"\n  level commune\n}\n',
            _proc("  steps\n" + _STEP + "\n  }\n"),
            _proc("  flow\n    a -> b\n  }\n"),
            _proc('  dossier\n    a "A"\n  }\n'),
            _proc("  moved\n    from district\n  }\n"),
            'authority a "A"\n  level commune\n}\n',
            'instrument a decree "1/2025/NĐ-CP"\n  title "T"\n}\n',
            'grant g\n  power "p"\n}\n',
            'transfer t\n  power "p"\n}\n',
        ),
    ),
    "outside-declaration": Mistake(
        "Dòng này nằm ngoài mọi khối procedure, authority, instrument, grant, transfer",
        "This line is outside any procedure, authority, instrument, grant or transfer block",
        "Đưa dòng này vào trong khối; có thể một dấu } đã đóng khối quá sớm",
        "Move the line inside the block; a '}' may have closed the block too early",
        (
            _proc("") + '  field "Hộ tịch"\n',
            _proc("") + "  steps {\n" + _STEP + "\n  }\n",
            _proc("") + "  level commune\n",
            _proc('  field "Hộ tịch"\n') + "  level commune\n",
            _proc('  field "Hộ tịch"\n') + "  steps {\n" + _STEP + "\n  }\n",
            'field "Hộ tịch"\n',
            "steps {\n" + _STEP + "\n}\n",
            '"1.000001" "Thủ tục" {\n}\n',
        ),
    ),
    "extra-closing-brace": Mistake(
        "Thừa dấu }",
        "An extra '}'",
        "Xóa dấu } thừa; mỗi dấu } phải đóng một dấu { đã mở",
        "Remove the extra '}'; every '}' must close a '{' opened before it",
        (_proc("") + "}\n", _proc("  flow {\n    a -> b\n  }\n") + "  }\n"),
    ),
    "unknown-keyword": Mistake(
        "'{found}' không phải là từ khóa dùng được ở đây",
        "'{found}' is not a keyword that can be used here",
        "Dùng một trong các từ khóa liệt kê dưới đây",
        "Use one of the keywords listed below",
        (
            _proc('  linh_vuc "Hộ tịch"\n'),
            _proc('  field "Hộ tịch"\n  linh_vuc "Hộ tịch"\n'),
            _proc("  level commune\n  cap commune\n"),
            _proc("  flow {\n    a -> b\n  }\n  ghi_chu x\n"),
            _proc("  steps {\n" + _STEP + "\n  }\n  ghi_chu x\n"),
            'authority a "A" { cap commune }\n',
            'instrument a decree "1/2025/NĐ-CP" { tieu_de "T" }\n',
        ),
        code="TT002",
    ),
    "by-without-authority": Mistake(
        "Sau 'by' cần định danh của cơ quan, chức danh thực hiện",
        "'by' must be followed by the identifier of an authority",
        "Ghi định danh đã khai báo trong sổ đăng ký, ví dụ: by commune.one_stop (không ghi tên đầy đủ trong ngoặc kép)",
        "Write an identifier declared in the registry, for example: by commune.one_stop (not the full title in quotes)",
        (
            _steps(_STEP + " by\n"),
            _steps(_STEP + ' by "Bộ phận một cửa"\n'),
            _steps(_STEP + " by takes 1 working_days\n"),
        ),
    ),
    "missing-value": Mistake(
        "Thiếu giá trị sau '{previous}'",
        "'{previous}' has no value after it",
        "Ghi giá trị ngay sau từ khóa, trên cùng một dòng",
        "Write the value right after the keyword, on the same line",
        (
            _proc("  field\n  level commune\n"),
            _proc("  result\n"),
            _proc("  power\n  level commune\n"),
            _proc('  level\n  field "Hộ tịch"\n'),
            _proc("  effective\n  level commune\n"),
            _proc("  channels\n  level commune\n"),
            _proc("  deadline\n  level commune\n"),
            _proc("  basis\n"),
            _steps(_STEP + " takes\n"),
            'instrument a decree "1/2025/NĐ-CP" { title }\n',
        ),
    ),
    "unquoted-text": Mistake(
        "Văn bản phải đặt trong dấu ngoặc kép",
        "Text must be in double quotes",
        'Đặt văn bản trong dấu ngoặc kép, ví dụ: field "Hộ tịch"',
        'Put the text in double quotes, for example: field "Hộ tịch"',
        (
            _proc("  field ho_tich\n"),
            _proc("  result giay_khai_sinh\n"),
            _proc("  power ho-tich\n"),
            _proc("  applicants ca_nhan\n"),
            _proc("  deadline 3 working_days when vung_kho_khan\n"),
            _proc('  dossier {\n    a "A" form mau_01\n  }\n'),
            _steps("    a reception tiep_nhan\n"),
            'procedure "1.000001" dang_ky {\n}\n',
            "authority a chu_tich { level commune }\n",
            'instrument a decree "1/2025/NĐ-CP" { title luat }\n',
        ),
    ),
    "unquoted-code": Mistake(
        "Mã thủ tục phải đặt trong dấu ngoặc kép",
        "The procedure code must be in double quotes",
        'Viết mã trong dấu ngoặc kép, ví dụ: procedure "1.001193" "Đăng ký khai sinh" {',
        'Write the code in double quotes, for example: procedure "1.001193" "Đăng ký khai sinh" {',
        ('procedure 1.000001 "Thủ tục" {\n}\n', 'procedure 1000001 "Thủ tục" {\n}\n'),
    ),
    "date-format": Mistake(
        "Ngày phải viết theo dạng năm-tháng-ngày",
        "Dates are written year-month-day",
        "Viết ngày theo dạng 2025-07-01 (năm-tháng-ngày, đủ hai chữ số cho tháng và ngày)",
        "Write the date as 2025-07-01 (year-month-day, two digits for month and day)",
        (
            _proc("  effective 01/07/2025\n"),
            _proc("  until 31/12/2026\n"),
            _proc("  effective 1.7.2025\n"),
            _proc("  effective 2025-7-1\n"),
            'authority a "A" { starts 01/07/2025 }\n',
            'instrument a decree "1/2025/NĐ-CP" { signed 11/06/2025 }\n',
            'instrument a decree "1/2025/NĐ-CP" { in_force 01/07/2025 }\n',
            'instrument a decree "1/2025/NĐ-CP" { until 01/03/2027 }\n',
        ),
        code="TT003",
    ),
    "duration-without-unit": Mistake(
        "Thời hạn thiếu đơn vị",
        "A duration has no unit",
        "Ghi đơn vị sau con số, ví dụ: 3 working_days (ngày làm việc) hoặc 5 days (ngày)",
        "Write the unit after the number, for example: 3 working_days or 5 days",
        (
            _proc("  deadline 3\n"),
            _proc('  deadline 3\n  result "Giấy khai sinh"\n'),
            _steps('    a review "A" takes 2\n'),
            _steps('    a review "A" takes 2 by x\n'),
            _proc("  moved {\n    from district\n    deadline 5\n  }\n"),
        ),
        fragments=(("duration", "3"),),
    ),
    "decimal-comma": Mistake(
        "Số thập phân dùng dấu chấm, không dùng dấu phẩy",
        "Decimals are written with a dot, not a comma",
        "Viết 0.5 thay cho 0,5",
        "Write 0.5 instead of 0,5",
        (
            _steps('    a review "A" takes 0,5 working_days\n'),
            _proc("  deadline 1,5 working_days\n"),
        ),
        fragments=(("duration", "0,5 working_days"),),
    ),
    "unit-without-number": Mistake(
        "Thời hạn thiếu con số",
        "A duration has no number",
        "Ghi con số trước đơn vị, ví dụ: 3 working_days",
        "Write the number before the unit, for example: 3 working_days",
        (
            _proc("  deadline working_days\n"),
            _steps('    a review "A" takes working_days\n'),
            _proc("  moved {\n    from district\n    deadline days\n  }\n"),
        ),
        fragments=(("duration", "working_days"),),
    ),
    "missing-comma": Mistake(
        "Thiếu dấu phẩy giữa các mục của danh sách",
        "A comma is missing between list items",
        "Ngăn cách các mục bằng dấu phẩy, ví dụ: basis nd-120-2025 art 4, nd-118-2025",
        "Separate the items with commas, for example: basis nd-120-2025 art 4, nd-118-2025",
        (
            _proc("  basis luat-a nd-b\n"),
            _proc("  basis luat-a art 16 nd-b\n"),
            _proc("  basis luat-a art 16 clause 2 nd-b\n"),
            _proc('  applicants "Cá nhân" "Tổ chức"\n'),
            _proc("  channels direct postal\n"),
            _proc("  channels online full direct\n"),
            _flow("    a -> all(b c)\n"),
            _flow("    all(b c) -> d\n"),
            _proc("  deadline 5 working_days through a b\n"),
        ),
        fragments=(("flow_line", "a -> all(b c)"),),
    ),
    "arrow-without-target": Mistake(
        "Mũi tên -> không dẫn tới bước nào",
        "An arrow '->' leads nowhere",
        "Ghi bước tiếp theo sau dấu ->, ví dụ: tiep_nhan -> kiem_tra (hoặc -> end)",
        "Write the next step after '->', for example: tiep_nhan -> kiem_tra (or -> end)",
        (
            _flow("    a ->\n"),
            _flow("    a -> b ->\n"),
        ),
        fragments=(("flow_line", "a ->"), ("flow_line", "a -> b ->")),
    ),
    "flow-without-arrow": Mistake(
        "Dòng luồng xử lý thiếu mũi tên ->",
        "A flow line has no arrow '->'",
        "Nối hai bước bằng dấu ->, ví dụ: tiep_nhan -> kiem_tra",
        "Join two steps with '->', for example: tiep_nhan -> kiem_tra",
        (_flow("    a\n"), _flow("    a b\n"), _flow("    a when ok\n")),
        fragments=(("flow_line", "a"), ("flow_line", "a b")),
    ),
    "when-without-outcome": Mistake(
        "Sau 'when' cần tên kết quả (một định danh)",
        "'when' must be followed by the name of an outcome",
        "Ghi tên kết quả không dấu, không ngoặc kép, ví dụ: when complete",
        "Write the outcome as an identifier, without quotes, for example: when complete",
        (_flow("    a -> b when\n"), _flow('    a -> b when "đủ hồ sơ"\n')),
        fragments=(("flow_line", "a -> b when"), ("flow_line", 'a -> b when "đủ"')),
    ),
    "all-not-closed": Mistake(
        "Nhóm all( chưa được đóng bằng dấu )",
        "An 'all(' group is not closed with ')'",
        "Đóng nhóm bằng dấu ), ví dụ: all(y_kien_a, y_kien_b)",
        "Close the group with ')', for example: all(y_kien_a, y_kien_b)",
        (
            _flow("    a -> all(b, c\n"),
            _flow("    a -> all(b, c -> d\n"),
            _flow("    a -> all(b, c when ok\n"),
            _flow("    a -> all(\n"),
            _flow("    a -> all(b,\n"),
        ),
        fragments=(("flow_line", "a -> all(b, c"), ("flow_line", "a -> all(b")),
    ),
    "step-without-kind": Mistake(
        "Bước '{previous}' thiếu loại bước",
        "The step '{previous}' has no kind",
        'Ghi loại bước sau định danh, ví dụ: tiep_nhan reception "Tiếp nhận hồ sơ"',
        'Write the kind after the identifier, for example: tiep_nhan reception "Tiếp nhận hồ sơ"',
        (
            _steps('    a "Tiếp nhận"\n'),
            _steps('    a "Tiếp nhận" by x\n'),
            _steps(_STEP + "\n" + '    b "Kiểm tra"\n'),
        ),
    ),
    "step-kind-misspelled": Mistake(
        "'{found}' không phải là loại bước",
        "'{found}' is not a kind of step",
        "Dùng một trong các loại bước liệt kê dưới đây",
        "Use one of the kinds of step listed below",
        (_steps('    a reciept "Tiếp nhận"\n'), _steps(_STEP + "\n" + '    b reveiw "B"\n')),
        code="TT003",
    ),
    "step-without-title": Mistake(
        "Bước thiếu tên bước trong dấu ngoặc kép",
        "The step has no title in double quotes",
        'Ghi tên bước sau loại bước, ví dụ: tiep_nhan reception "Tiếp nhận hồ sơ"',
        'Write the title after the kind, for example: tiep_nhan reception "Tiếp nhận hồ sơ"',
        (_steps("    a reception by x\n"), _steps("    a reception\n")),
    ),
    "art-without-number": Mistake(
        "Sau 'art' cần số điều",
        "'art' must be followed by an article number",
        "Ghi số điều (và số khoản nếu có), ví dụ: luat-ho-tich-2014 art 16 clause 1",
        "Write the article number (and clause if any), for example: luat-ho-tich-2014 art 16 clause 1",
        (
            _proc("  basis luat-a art\n"),
            _proc("  basis luat-a art, nd-b\n"),
            _proc("  basis luat-a art\n  level commune\n"),
            _proc("  basis luat-a art 4 clause\n"),
            _steps(_STEP + " basis luat-a art\n"),
            _proc("  basis luat-a art điều 16\n"),
        ),
        fragments=(("citation", "luat-a art"), ("citation", "luat-a art 4 clause")),
    ),
    "quoted-citation": Mistake(
        "Căn cứ pháp lý ghi bằng định danh của văn bản trong sổ đăng ký, không ghi tên văn bản"
        " trong ngoặc kép",
        "A legal basis is the identifier of an instrument of the registry, not its title in quotes",
        "Viết định danh đã khai báo ở dòng `instrument` của văn bản, có thể thêm Điều và khoản,"
        " ví dụ: basis {suggestion} art 16 clause 1 (nếu sổ đăng ký chưa có văn bản này,"
        ' khai báo: instrument {suggestion} law "số, ký hiệu" { title "…" })',
        "Write the identifier the instrument is declared with (its `instrument` line),"
        " optionally with an article and clause, for example: basis {suggestion} art 16 clause 1"
        " (if the registry lacks the instrument, declare it:"
        ' instrument {suggestion} law "number" { title "…" })',
        (
            _proc('  basis "Luật Hộ tịch 2014"\n'),
            _proc('  basis luat-a, "Luật Hộ tịch 2014"\n'),
            _proc('  moved {\n    basis "Nghị định 120/2025"\n  }\n'),
            _proc('  fee 0 "Miễn" basis "Nghị định 120/2025"\n'),
            _steps(_STEP + ' basis "Luật Hộ tịch 2014"\n'),
            'grant g { basis "Nghị định 120/2025" }\n',
            'transfer t { basis "Nghị định 120/2025" }\n',
        ),
        fragments=(("citation", '"Luật Hộ tịch 2014"'),),
        lists_expected=False,
    ),
    "fee-amount-format": Mistake(
        "Số tiền phí, lệ phí chỉ gồm chữ số",
        "A fee amount is digits only",
        'Viết số tiền không có dấu phân cách hàng nghìn, ví dụ: fee 50000 "Lệ phí"',
        'Write the amount without thousands separators, for example: fee 50000 "Lệ phí"',
        (_proc('  fee 50.000 "Lệ phí"\n'), _proc('  fee 50,000 "Lệ phí"\n')),
    ),
    "block-not-closed-before-next": Mistake(
        "Khối trước chưa được đóng bằng dấu } nên '{previous}' bị đọc như một mục của khối đó",
        "The block before is not closed with '}', so '{previous}' is read as an item of it",
        "Thêm dấu } để đóng khối trước, trước dòng này",
        "Add '}' to close the block before, ahead of this line",
        (
            _steps(_STEP + "\n", close="  flow {\n    a -> b\n  }\n}\n"),
            _steps(_STEP + " by x\n", close="  flow {\n    a -> b\n  }\n}\n"),
            _proc('  dossier {\n    a "A"\n  steps {\n' + _STEP + "\n  }\n"),
        ),
    ),
    "tie-order": Mistake(
        "Sau thời hạn, 'through', 'via' và 'avoiding' đứng theo thứ tự này, mỗi từ một lần",
        "After a deadline, 'through', 'via' and 'avoiding' come in this order, each once",
        'Viết, ví dụ: deadline 8 working_days when "phải xác minh" through xac_minh'
        " via can_xac_minh avoiding tu_choi (nhiều tên cách nhau bằng dấu phẩy)",
        'Write, for example: deadline 8 working_days when "phải xác minh" through xac_minh'
        " via can_xac_minh avoiding tu_choi (several names separated by commas)",
        (
            _proc("  deadline 5 working_days avoiding a through b\n"),
            _proc("  deadline 5 working_days via x through a\n"),
            _proc("  deadline 5 working_days avoiding a via x\n"),
            _proc("  deadline 5 working_days through a through b\n"),
            _proc("  deadline 5 working_days via x via y\n"),
        ),
        fragments=(("deadline_value", "5 working_days avoiding a through b"),),
        lists_expected=False,
    ),
}

# Mistakes recognised from the characters at the error (Lark's lexer stops on them before any
# parser state can tell them apart). `syntax_errors` decides which applies; the examples are
# files that show each one and are tested like the catalogue.
LEXICAL: dict[str, Mistake] = {
    "smart-quotes": Mistake(
        "Dấu ngoặc kép cong (“ ”) không dùng được, thường do sao chép từ Word",
        "Curly quotes (“ ”) cannot be used; they usually come from pasting from Word",
        'Thay bằng dấu ngoặc kép thẳng: "Hộ tịch"',
        'Replace them with straight double quotes: "Hộ tịch"',
        (_proc("  field “Hộ tịch”\n"), _proc("  result „Giấy khai sinh“\n")),
    ),
    "single-quotes": Mistake(
        "Văn bản phải đặt trong dấu ngoặc kép \", không dùng dấu nháy đơn '",
        "Text goes in double quotes \", not single quotes '",
        'Thay dấu nháy đơn bằng dấu ngoặc kép: "Hộ tịch"',
        'Replace the single quotes with double quotes: "Hộ tịch"',
        (_proc("  field 'Hộ tịch'\n"), _proc("  result ‘Giấy khai sinh’\n")),
    ),
    "unterminated-string": Mistake(
        "Chuỗi chưa được đóng bằng dấu ngoặc kép",
        "A text is not closed with a double quote",
        'Thêm dấu " ở cuối văn bản, trên cùng một dòng',
        'Add the closing " at the end of the text, on the same line',
        (_proc('  field "Hộ tịch\n'), _proc('  result "Giấy khai sinh\n  level commune\n')),
    ),
    "wrong-arrow": Mistake(
        "Mũi tên phải viết là ->",
        "Arrows are written '->'",
        "Thay '{found}' bằng -> (dấu gạch ngang và dấu lớn hơn)",
        "Replace '{found}' with '->' (a hyphen and a greater-than sign)",
        (_flow("    a => b\n"), _flow("    a → b\n"), _flow("    a —> b\n")),
    ),
    "identifier-not-ascii": Mistake(
        "Định danh '{found}' chỉ được gồm chữ thường không dấu, chữ số, '_', '-' và '.'",
        "The identifier '{found}' may hold only lower-case letters without accents, digits, '_', '-' and '.'",
        "Viết định danh không dấu, chữ thường, ví dụ: {suggestion}",
        "Write the identifier in lower case without accents, for example: {suggestion}",
        (_steps('    Tiep_nhan reception "Tiếp nhận"\n'), _steps('    tiếp_nhận reception "A"\n')),
    ),
    "unquoted-words": Mistake(
        "Văn bản phải đặt trong dấu ngoặc kép",
        "Text must be in double quotes",
        'Đặt văn bản trong dấu ngoặc kép, ví dụ: "{suggestion}"',
        'Put the text in double quotes, for example: "{suggestion}"',
        (_proc("  field Hộ tịch\n"), _proc("  result Giấy khai sinh\n")),
    ),
    "keyword-case": Mistake(
        "Từ khóa '{found}' phải viết thường",
        "The keyword '{found}' is written in lower case",
        "Viết '{suggestion}'",
        "Write '{suggestion}'",
        ('Procedure "1.000001" "Thủ tục" {\n}\n', _proc("  Level commune\n")),
        code="TT002",
    ),
    "value-case": Mistake(
        "Giá trị '{found}' phải viết thường",
        "The value '{found}' is written in lower case",
        "Viết '{suggestion}'",
        "Write '{suggestion}'",
        (_proc("  level Commune\n"), _steps('    a Reception "A"\n')),
        code="TT003",
    ),
    "colon-after-keyword": Mistake(
        "Trong tệp .tthc không dùng dấu ':' sau từ khóa (đó là cách viết của YAML)",
        "In a .tthc file no ':' follows a keyword (that is the YAML form)",
        "Xóa dấu ':', ví dụ: field \"Hộ tịch\"",
        "Remove the ':', for example: field \"Hộ tịch\"",
        (_proc('  field: "Hộ tịch"\n'), _proc("  level: commune\n")),
    ),
    "slash-comment": Mistake(
        "Ghi chú bắt đầu bằng dấu #, không dùng //",
        "Comments start with '#', not '//'",
        "Thay // bằng #",
        "Replace // with #",
        (_proc("  // ghi chú\n"),),
    ),
    "citation-order": Mistake(
        "Trích dẫn ghi định danh văn bản trước, sau đó mới đến Điều, khoản",
        "A citation names the instrument first, then the article and clause",
        "Viết: {suggestion} (tthc fmt viết Điều thành art, khoản thành clause)",
        "Write: {suggestion} (tthc fmt writes Điều as art, khoản as clause)",
        (_proc("  basis Điều 16 luat-ho-tich-2014\n"), _proc("  basis khoản 1 Điều 16\n")),
        lists_expected=False,
    ),
    "citation-not-identifier": Mistake(
        "Căn cứ pháp lý ghi bằng định danh của văn bản trong sổ đăng ký, không ghi tên văn bản",
        "A legal basis is the identifier of an instrument of the registry, not its title",
        "Viết định danh đã khai báo ở dòng `instrument` của văn bản, ví dụ: {suggestion} art 16",
        "Write the identifier the instrument is declared with (its `instrument` line), for"
        " example: {suggestion} art 16",
        (_proc("  basis Luật Hộ tịch 2014\n"), _proc("  basis Nghị định 120\n")),
        lists_expected=False,
    ),
    "stray-character": Mistake(
        "Ký tự không dùng được ở đây: '{found}'",
        "A character that cannot be used here: '{found}'",
        "Xóa ký tự này, hoặc đặt văn bản trong dấu ngoặc kép",
        "Remove this character, or put the text in double quotes",
        (_proc("  level commune;\n"), _proc('  field "A" @\n')),
    ),
}
