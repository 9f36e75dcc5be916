"""The catalogue of common mistakes drafters make, each with a small file that shows it.

Input: nothing. Output: `CATALOGUE`, label → `Mistake`. `syntax_errors` asks Lark which
example fails in the same parser state as the file being read, and uses that entry's words.
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


_P = 'procedure "1.000001" "Thủ tục" {\n'

CATALOGUE: dict[str, Mistake] = {
    "missing-closing-brace": Mistake(
        "Thiếu dấu } đóng khối",
        "A block is not closed with '}'",
        "Thêm dấu } ở cuối khối; mỗi dấu { cần một dấu } tương ứng",
        "Add '}' at the end of the block; every '{' needs a matching '}'",
        (_P + '  field "Hộ tịch"\n', _P + '  steps {\n    a reception "A"\n'),
    ),
    "unquoted-text": Mistake(
        "Văn bản tiếng Việt phải đặt trong ngoặc kép",
        "Vietnamese text must be in double quotes",
        'Đặt văn bản trong dấu ngoặc kép, ví dụ: field "Hộ tịch"',
        'Put the text in double quotes, for example: field "Hộ tịch"',
        (_P + "  field Hộ tịch\n}", _P + "  result Giấy khai sinh\n}"),
    ),
    "duration-without-unit": Mistake(
        "Thời hạn thiếu đơn vị",
        "A duration has no unit",
        "Ghi đơn vị sau con số, ví dụ: 3 working_days",
        "Write the unit after the number, for example: 3 working_days",
        (_P + "  deadline 3\n}", _P + '  steps {\n    a review "A" takes 2\n  }\n}'),
    ),
}
