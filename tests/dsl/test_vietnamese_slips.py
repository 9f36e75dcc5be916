"""What an official types in Vietnamese is understood: a value written as its Vietnamese word is
accepted (and `tthc fmt` writes the English value back), and a Vietnamese word where a keyword
goes is answered with the exact keyword to write, glossed in Vietnamese. Both front ends behave
the same. The YAML key slips of `test_vietnamese_yaml_keys.py` count towards the issue's 30.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tthc.dsl.printer.dsl import format_dsl as format_document
from tthc.dsl.reading.aliases import ALIASES, canonical, grammar_terminals, plain
from tthc.dsl.reading.grammar import grammar_text
from tthc.dsl.reading.parser import parse_dsl
from tthc.dsl.yaml.loader import parse_yaml

_HEAD = 'procedure "1.000656" "Đăng ký khai tử" {\n  field "Hộ tịch"\n'
_STEPS = '  steps {\n    tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop\n'

# (written by the official, the canonical line `tthc fmt` writes)
ACCEPTED = [
    ("  level xã\n", "level        commune"),
    ("  level cấp xã\n", "level        commune"),
    ("  level Cấp tỉnh\n", "level        province"),
    ("  level cap xa\n", "level        commune"),
    ("  deadline 5 ngày làm việc\n", "deadline     5 working_days"),
    ("  deadline 15 ngày\n", "deadline     15 days"),
    ("  deadline 8 giờ làm việc\n", "deadline     8 working_hours"),
    (
        "  basis luat-ho-tich-2014 art 33 khoản 1\n",
        "basis        luat-ho-tich-2014 art 33 clause 1",
    ),
    ("  basis luat-ho-tich-2014 Điều 33\n", "basis        luat-ho-tich-2014 art 33"),
    (
        "  basis luat-ho-tich-2014 điều 33 Khoản 1\n",
        "basis        luat-ho-tich-2014 art 33 clause 1",
    ),
    ("  channels trực tiếp, bưu chính\n", "channels     direct, postal"),
    ("  channels trực tuyến toàn trình\n", "channels     online full"),
    ("  channels trực tuyến một phần\n", "channels     online partial"),
    ("  anywhere có\n", "anywhere     yes"),
    ("  two_persons có\n", "two_persons  yes"),
    ("  anywhere không\n", "procedure"),
    (_STEPS + '    tham_dinh thẩm định "Thẩm định"\n  }\n', 'tham_dinh  review     "Thẩm định"'),
    (
        _STEPS + '    ky ký "Ký" signs ký số\n  }\n',
        'ky         signature  "Ký"               signs digital',
    ),
    (_STEPS + '    tra trả kết quả "Trả"\n  }\n', 'tra        result     "Trả"'),
    (_STEPS + '    xm xác minh "Xác minh" takes 2 ngày\n  }\n', "takes 2 days"),
]


@pytest.mark.parametrize(("written", "canonical_line"), ACCEPTED)
def test_a_vietnamese_value_is_accepted_and_fmt_writes_the_english_value(
    written: str, canonical_line: str
) -> None:
    outcome = parse_dsl("vi.tthc", _HEAD + written + "}\n")
    assert outcome.diagnostics == []
    assert outcome.value is not None
    assert canonical_line in format_document(outcome.value)


# (written where a keyword goes, the keyword to write, its Vietnamese term)
ANSWERED = [
    ('  lĩnh_vực "Hộ tịch"\n', "field", "lĩnh vực"),
    ('  linh_vuc "Hộ tịch"\n', "field", "lĩnh vực"),
    ("  cấp commune\n", "level", "cấp thực hiện"),
    ("  thời hạn 5 working_days\n", "deadline", "thời hạn giải quyết"),
    ("  căn cứ luat-ho-tich-2014\n", "basis", "căn cứ pháp lý"),
    ("  cách thức direct\n", "channels", "cách thức thực hiện"),
    ('  kết quả "Trích lục khai tử"\n', "result", "kết quả thực hiện"),
    ('  phí 0 "Miễn lệ phí"\n', "fee", "phí, lệ phí"),
    ("  hồ sơ {\n  }\n", "dossier", "thành phần hồ sơ"),
    ("  hiệu lực 2025-07-01\n", "effective", "ngày áp dụng"),
    ('  thẩm quyền "ho-tich.khai-tu"\n', "power", "thẩm quyền"),
    (_STEPS + '    ky decision "Ký" ký số\n  }\n', "signs digital", "ký số"),
    (_STEPS + "    thời gian 1 working_days\n  }\n", "takes", "thời gian thực hiện"),
    (_STEPS + "    người thực hiện commune.chairman\n  }\n", "by", "người thực hiện"),
    (_STEPS + "  }\n  trình tự {\n  }\n", "flow", "trình tự thực hiện"),
    ("  flow {\n    a -> b tạm dừng\n  }\n", "clock paused", "tạm dừng tính thời hạn"),
]


@pytest.mark.parametrize(("written", "keyword", "term"), ANSWERED)
def test_a_vietnamese_keyword_is_answered_with_the_keyword_to_write(
    written: str, keyword: str, term: str
) -> None:
    [diagnostic] = parse_dsl("vi.tthc", _HEAD + written + "}\n").diagnostics
    assert diagnostic.code == "TT002"
    assert diagnostic.help is not None
    assert diagnostic.help.vi == f"Từ khóa viết bằng tiếng Anh: viết `{keyword}` ({term})"
    assert diagnostic.help.en == f"Keywords are English: write `{keyword}` ({term})"


# (written, what the answer shows, in Vietnamese)
WORDED = [
    ("  level thành phố\n", "'thành phố' không phải là cấp", "commune = cấp xã"),
    (
        "  deadline 5 tuần\n",
        "'tuần' không phải là đơn vị thời gian",
        "working_days = ngày làm việc",
    ),
    ("  channels qua cổng\n", "'qua cổng' không phải là cách nộp hồ sơ", "postal = bưu chính"),
    ('  basis "Luật Hộ tịch 2014"\n', "không ghi tên văn bản", "basis luat-ho-tich-2014 art 16"),
    ("  basis Luật Hộ tịch 2014\n", "không ghi tên văn bản", "luat-ho-tich-2014 art 16"),
    ("  basis Điều 33 luat-ho-tich-2014\n", "Điều, khoản", "luat-ho-tich-2014 art 33"),
    (_STEPS + '    td thẩm tra "Thẩm tra"\n  }\n', "loại bước", "review = thẩm định"),
]


@pytest.mark.parametrize(("written", "message", "help"), WORDED)
def test_other_vietnamese_words_are_answered_with_the_words_to_write(
    written: str, message: str, help: str
) -> None:
    [diagnostic] = parse_dsl("vi.tthc", _HEAD + written + "}\n").diagnostics
    assert message in diagnostic.message.vi
    assert diagnostic.help is not None and help in diagnostic.help.vi
    assert "Cần: " not in diagnostic.help.vi or "=" in diagnostic.help.vi  # glossed values


def test_lists_of_what_is_expected_gloss_every_keyword_in_vietnamese() -> None:
    [diagnostic] = parse_dsl("vi.tthc", _HEAD + "  ghi_chu x\n}\n").diagnostics
    assert diagnostic.help is not None
    assert "'field' = lĩnh vực" in diagnostic.help.vi
    assert "'deadline' = thời hạn giải quyết" in diagnostic.help.vi
    assert "'field'," in diagnostic.help.en  # the English list stays bare


YAML = """procedure:
  code: "1.000656"
  name: Đăng ký khai tử
  field: Hộ tịch
  level: cấp xã
  basis: [luat-ho-tich-2014 Điều 33 khoản 1]
  channels: [trực tiếp, bưu chính, trực tuyến toàn trình]
  anywhere: có
  deadline: 5 ngày làm việc
  steps:
    - id: tiep_nhan
      kind: tiếp nhận
      title: Tiếp nhận hồ sơ
      takes: 0.5 ngày làm việc
    - id: ky
      kind: ký
      title: Ký trích lục
      signs: ký số
  flow:
    - tiep_nhan -> ky
"""
DSL = """procedure "1.000656" "Đăng ký khai tử" {
  field "Hộ tịch"
  level cấp xã
  basis luat-ho-tich-2014 Điều 33 khoản 1
  channels trực tiếp, bưu chính, trực tuyến toàn trình
  anywhere có
  deadline 5 ngày làm việc
  steps {
    tiep_nhan tiếp nhận "Tiếp nhận hồ sơ" takes 0.5 ngày làm việc
    ky ký "Ký trích lục" signs ký số
  }
  flow {
    tiep_nhan -> ky
  }
}
"""


def test_both_front_ends_read_the_vietnamese_values_alike() -> None:
    from_yaml, from_dsl = parse_yaml("vi.yaml", YAML), parse_dsl("vi.tthc", DSL)
    assert from_yaml.diagnostics == [] and from_dsl.diagnostics == []
    assert from_yaml.value is not None and from_dsl.value is not None
    printed = format_document(from_dsl.value)
    assert format_document(from_yaml.value) == printed
    for english in ("level        commune", "art 33 clause 1", "direct, postal, online full"):
        assert english in printed
    assert "anywhere     yes" in printed and "signs digital" in printed


def test_the_grammar_holds_the_terminals_the_alias_table_makes() -> None:
    assert grammar_terminals() in grammar_text()


def test_every_alias_reads_back_as_its_value_with_or_without_marks() -> None:
    for terminal, table in ALIASES.items():
        seen: dict[str, str] = {}
        for value, words in table.items():
            for word in words:
                assert canonical(terminal, word) == value
                assert canonical(terminal, plain(word)) == value
                assert canonical(terminal, word.upper()) == value
                assert seen.setdefault(plain(word), value) == value, (terminal, word)


def test_the_slips_tested_are_at_least_thirty() -> None:
    yaml_slips = (
        len(Path(__file__).with_name("test_vietnamese_yaml_keys.py").read_text().split('\n    ("'))
        - 1
    )
    assert len(ACCEPTED) + len(ANSWERED) + len(WORDED) + yaml_slips >= 30
