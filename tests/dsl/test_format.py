"""The canonical form: layout, values, comments and golden files of the twins.

`TTHC_UPDATE_GOLDEN=1 pytest tests/dsl/test_format.py` rewrites the golden files under
`tests/dsl/golden/` from the current printers; review the diff before committing it.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from tthc.dsl import SourceFile, ast, parse, read_source
from tthc.dsl.printer.canonical import format_source
from tthc.dsl.printer.dsl import format_dsl
from tthc.dsl.printer.values import decimal, string
from tthc.dsl.printer.yaml import format_yaml, plain_or_quoted
from tthc.dsl.yaml.schema import schema_text

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
TWINS = sorted((HERE / "twins").glob("*.*"))
UPDATE = os.environ.get("TTHC_UPDATE_GOLDEN") == "1"


def fmt(text: str, path: str = "case.tthc", to: str | None = None) -> str:
    outcome = format_source(SourceFile.from_text(path, text), to)  # type: ignore[arg-type]
    assert outcome.value is not None, outcome.diagnostics
    return outcome.value


def check_golden(name: str, actual: str) -> None:
    golden = GOLDEN / name
    if UPDATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == actual


# -- golden files ----------------------------------------------------------------------------


@pytest.mark.parametrize("twin", TWINS, ids=[p.name for p in TWINS])
def test_twin_in_canonical_form_matches_golden(twin: Path) -> None:
    source = read_source(twin).value
    assert source is not None
    check_golden(twin.name, fmt(source.text, source.path))


def test_schema_matches_golden() -> None:
    check_golden("tthc.schema.json", schema_text())


@pytest.mark.parametrize(
    "golden", sorted(GOLDEN.glob("*.*[ml]")), ids=lambda p: p.name
)  # .tthc, .yaml
def test_golden_files_are_canonical(golden: Path) -> None:
    text = golden.read_text(encoding="utf-8")
    assert fmt(text, golden.name) == text


def test_converting_the_golden_dsl_gives_the_yaml_of_the_same_ast() -> None:
    dsl = (GOLDEN / "birth.tthc").read_text(encoding="utf-8")
    yaml_text = fmt(dsl, "birth.tthc", to="yaml")
    back = parse(SourceFile.from_text("birth.yaml", yaml_text)).value
    assert back is not None
    original = parse(SourceFile.from_text("birth.tthc", dsl)).value
    assert ast.without_spans(back) == ast.without_spans(original)
    assert fmt(yaml_text, "birth.yaml", to="tthc") == dsl


# -- layout and values -----------------------------------------------------------------------


def test_declarations_come_in_canonical_order() -> None:
    text = fmt(
        'procedure "1" "P" { level commune }\n'
        'transfer t { power "p" from a to b }\n'
        'authority a "A" { level commune }\n'
        'grant g { power "p" to a mode devolution }\n'
        'instrument i law "1/2025/QH15" { }\n'
    )
    heads = [line.split()[0] for line in text.splitlines() if line and not line[0].isspace()]
    assert [h for h in heads if h != "}"] == [
        "authority", "instrument", "grant", "transfer", "procedure",
    ]  # fmt: skip


def test_steps_that_all_fit_are_a_table_in_aligned_columns() -> None:
    text = fmt(
        'procedure "1" "P" { steps {\n'
        'a reception "Tiếp nhận" by commune.one_stop takes 1 working_days\n'
        'bo_sung supplement "Bổ sung" by x takes 1 working_days notifies applicant\n'
        "} }\n"
    )
    assert text.endswith(
        "  steps {\n"
        '    a        reception   "Tiếp nhận"  by commune.one_stop  takes 1 working_days\n'
        '    bo_sung  supplement  "Bổ sung"    by x                 takes 1 working_days'
        "  notifies applicant\n"
        "  }\n}\n"
    )


LONG_STEPS = """\
procedure "1" "P" { steps {
  tiep_nhan reception "Tiếp nhận, kiểm tra, số hóa hồ sơ" by commune.one_stop
    takes 0.2 working_days reads to_khai, giay_chung_sinh
  ky decision "Cấp Giấy khai sinh" by commune.chairman takes 0.2 working_days
  kiem_tra review "Kiểm tra thông tin khai sinh, ghi Sổ hộ tịch" by commune.civil_status_officer
    takes 0.3 working_days reads to_khai, giay_chung_sinh basis luat-ho-tich-2014 art 16
} }
"""


def test_when_a_step_does_not_fit_every_step_wraps_under_the_kind_column() -> None:
    assert fmt(LONG_STEPS).splitlines()[2:-2] == [
        '    tiep_nhan  reception  "Tiếp nhận, kiểm tra, số hóa hồ sơ"',
        "               by commune.one_stop  takes 0.2 working_days  reads to_khai, giay_chung_sinh",
        '    ky         decision   "Cấp Giấy khai sinh"',
        "               by commune.chairman  takes 0.2 working_days",
        '    kiem_tra   review     "Kiểm tra thông tin khai sinh, ghi Sổ hộ tịch"',
        "               by commune.civil_status_officer  takes 0.3 working_days",
        "               reads to_khai, giay_chung_sinh  basis luat-ho-tich-2014 art 16",
    ]


def test_a_list_too_long_for_a_line_breaks_after_commas_under_its_first_item() -> None:
    reads = ", ".join(f"giay_to_so_{n}" for n in range(1, 13))
    text = fmt(f'procedure "1" "P" {{ steps {{ a review "A" by x.y reads {reads} }} }}\n')
    assert text.splitlines()[3:6] == [
        "       by x.y",
        "       reads giay_to_so_1, giay_to_so_2, giay_to_so_3, giay_to_so_4, giay_to_so_5, giay_to_so_6,",
        "             giay_to_so_7, giay_to_so_8, giay_to_so_9, giay_to_so_10, giay_to_so_11, giay_to_so_12",
    ]


def test_header_values_wrap_under_the_value_column() -> None:
    basis = ", ".join(f"nd-{n}-2025 art {n}" for n in range(101, 111))
    text = fmt(
        f'procedure "1" "P" {{ basis {basis}\n'
        'fee 50000 "Lệ phí đăng ký hộ kinh doanh khi nộp hồ sơ trực tiếp tại cơ quan đăng ký" '
        "basis nd-101-2025 art 1 }\n"
    )
    assert text.splitlines()[1:6] == [
        "  basis        nd-101-2025 art 101, nd-102-2025 art 102, nd-103-2025 art 103, nd-104-2025 art 104,",
        "               nd-105-2025 art 105, nd-106-2025 art 106, nd-107-2025 art 107, nd-108-2025 art 108,",
        "               nd-109-2025 art 109, nd-110-2025 art 110",
        '  fee          50000 "Lệ phí đăng ký hộ kinh doanh khi nộp hồ sơ trực tiếp tại cơ quan đăng ký"',
        "               basis nd-101-2025 art 1",
    ]


def test_the_line_length_is_a_parameter() -> None:
    source = SourceFile.from_text("case.tthc", LONG_STEPS)
    narrow = format_source(source, width=60).value
    assert narrow is not None
    assert "               reads to_khai, giay_chung_sinh\n" in narrow
    # Only a line holding one string that cannot be broken may be longer.
    assert all(len(line) <= 60 or line.count('"') == 2 for line in narrow.splitlines())
    assert fmt(narrow) == fmt(LONG_STEPS)


def test_a_long_dossier_wraps_like_the_steps() -> None:
    text = fmt(
        'procedure "1" "P" { dossier {\n'
        'to_khai "Tờ khai đăng ký khai sinh" form "Mẫu TP/HT-2020-KS.1" copies 1 required\n'
        'giay_chung_sinh "Giấy chứng sinh (hoặc văn bản của người làm chứng)" copies 1 personal\n'
        "} }\n"
    )
    assert text.splitlines()[2:6] == [
        '    to_khai          "Tờ khai đăng ký khai sinh"',
        '                     form "Mẫu TP/HT-2020-KS.1"  copies 1  required',
        '    giay_chung_sinh  "Giấy chứng sinh (hoặc văn bản của người làm chứng)"',
        "                     copies 1  required  personal",
    ]


def test_flow_arrows_align_except_around_a_parallel_split() -> None:
    text = fmt(
        'procedure "1" "P" { flow {\n'
        "start -> kiem_tra\n"
        "kiem_tra -> all(hien_trang, trich_do) when eligible\n"
        "kiem_tra -> tu_choi otherwise\n"
        "all(hien_trang, trich_do) -> thue\n"
        "thue -> ky clock paused\n"
        "ky -> tra -> end\n"
        "} }\n"
    )
    assert text.splitlines()[2:8] == [
        "    start    -> kiem_tra",
        "    kiem_tra -> all(hien_trang, trich_do)  when eligible",
        "    kiem_tra -> tu_choi  otherwise",
        "    all(hien_trang, trich_do) -> thue",
        "    thue     -> ky       clock paused",
        "    ky -> tra -> end",
    ]


def test_an_authority_is_one_line_three_lines_or_one_attribute_a_line() -> None:
    short = 'authority a.b "Bộ Tư pháp" { level central kind unit }\n'
    assert fmt(short) == 'authority a.b "Bộ Tư pháp" { level central  kind unit }\n'
    long = (
        'authority province.department.agriculture_environment "Sở Nông nghiệp và Môi trường" '
        "{ level province kind unit of province.people_committee }\n"
    )
    assert fmt(long) == (
        'authority province.department.agriculture_environment "Sở Nông nghiệp và Môi trường" {\n'
        "  level province  kind unit  of province.people_committee\n"
        "}\n"
    )
    commented = 'authority a.b "A" {\n  # the level\n  level central kind unit\n}\n'
    assert fmt(commented) == (
        'authority a.b "A" {\n  # the level\n  level       central\n  kind        unit\n}\n'
    )


@pytest.mark.parametrize(
    ("written", "printed"),
    [("3", "3"), ("3.0", "3"), ("0.50", "0.5"), ("1E+1", "10"), ("0.000", "0"), ("12.25", "12.25")],
)
def test_decimals_are_printed_in_their_shortest_form(written: str, printed: str) -> None:
    assert decimal(Decimal(written)) == printed


def test_strings_are_escaped_and_normalised_to_nfc() -> None:
    assert string('Mẫu "A" \\ B') == '"Mẫu \\"A\\" \\\\ B"'
    decomposed = "Ho\u0302\u0323 ti\u0323ch"  # "Hộ tịch" with combining marks
    assert string(decomposed) == '"Hộ tịch"'
    text = fmt(f'procedure "1" "{decomposed}" {{ }}\n')
    assert '"Hộ tịch"' in text


@pytest.mark.parametrize(
    ("value", "yaml_text"),
    [
        ("Hộ tịch", "Hộ tịch"),
        ("yes", '"yes"'),
        ("No", '"No"'),
        ("1.001193", '"1.001193"'),
        ("2025-07-01", '"2025-07-01"'),
        ("0o17", '"0o17"'),
        ("a: b", '"a: b"'),
        ("a #b", '"a #b"'),
        ("- a", '"- a"'),
        ("", '""'),
        (" a", '" a"'),
        ('a "b" \\', 'a "b" \\'),
        ('"a"', '"\\"a\\""'),
    ],
)
def test_yaml_quotes_exactly_the_strings_yaml_would_retype(value: str, yaml_text: str) -> None:
    assert plain_or_quoted(value) == yaml_text


def test_yaml_quotes_commas_and_brackets_inside_a_flow_list() -> None:
    assert plain_or_quoted("Từ chối, nêu rõ lý do") == "Từ chối, nêu rõ lý do"
    assert plain_or_quoted("Từ chối, nêu rõ lý do", flow=True) == '"Từ chối, nêu rõ lý do"'
    assert plain_or_quoted("a?", flow=True) == '"a?"'


def test_yaml_puts_one_procedure_under_procedure_and_several_under_procedures() -> None:
    one = parse(SourceFile.from_text("a.tthc", 'procedure "1" "A" { }\n')).value
    two = parse(
        SourceFile.from_text("b.tthc", 'procedure "1" "A" { }\nprocedure "2" "B" { }\n')
    ).value
    assert one is not None and two is not None
    assert "\nprocedure:\n" in format_yaml(one)
    assert '\nprocedures:\n  - code: "1"\n' in format_yaml(two)
    assert format_yaml(one).startswith("# yaml-language-server: $schema=tthc.schema.json\n")


def test_empty_document() -> None:
    assert format_dsl(ast.Document(span=ast.Span.point("x"))) == ""
    assert fmt("# only a comment\n") == "# only a comment\n"


def test_a_file_with_errors_is_not_formatted() -> None:
    outcome = format_source(SourceFile.from_text("bad.tthc", 'procedure "1" "A" { level commune\n'))
    assert outcome.value is None
    assert outcome.diagnostics and outcome.diagnostics[0].severity.value == "error"


def test_a_value_error_also_stops_formatting_so_nothing_is_dropped() -> None:
    outcome = format_source(
        SourceFile.from_text("bad.tthc", 'procedure "1" "A" { effective 2025-02-30 }\n')
    )
    assert outcome.value is None
    assert [d.code for d in outcome.diagnostics] == ["TT003"]


# -- comments --------------------------------------------------------------------------------

COMMENTED = """\
# File header

authority a.b "A" { level commune kind person } # on the one-liner
authority c.d "C" {
  # before level
  level commune   # on level
  # before the brace
}
procedure "1" "P" {  # on the header
  # before the deadlines
  deadline 3 working_days
  deadline immediately # on the second deadline
  steps {
    a reception "A" by x.y  # on step a
    # before step b
    b review "B"
      by x.z   # on the continuation of b
  }
  flow { start -> a  # on a flow line
    a -> b }
  # before the procedure's brace
}
# at the end
"""

COMMENTED_CANONICAL = """\
# File header

authority a.b "A" { level commune  kind person }  # on the one-liner

authority c.d "C" {
  # before level
  level       commune  # on level
  # before the brace
}

procedure "1" "P" {  # on the header
  # before the deadlines
  deadline     3 working_days
  deadline     immediately  # on the second deadline

  steps {
    a  reception  "A"  by x.y  # on step a
    # before step b
    b  review     "B"  by x.z  # on the continuation of b
  }

  flow {
    start -> a  # on a flow line
    a     -> b
  }
  # before the procedure's brace
}
# at the end
"""


def test_comments_stay_with_their_items() -> None:
    assert fmt(COMMENTED) == COMMENTED_CANONICAL
    assert fmt(COMMENTED_CANONICAL) == COMMENTED_CANONICAL


def test_comments_follow_their_items_into_yaml_and_back() -> None:
    # YAML has no closing braces: a comment before one goes above the block it closes.
    yaml_text = fmt(COMMENTED, to="yaml")
    assert "  # before the brace\n  - id: c.d\n" in yaml_text
    # An item written on one line with a comment at its end stays on one line.
    assert (
        "  - {id: a.b, title: A, level: commune, kind: person}  # on the one-liner\n" in yaml_text
    )
    assert "    level: commune  # on level\n" in yaml_text
    assert "    - 3 working_days\n    # " not in yaml_text
    assert "    - immediately  # on the second deadline\n" in yaml_text
    assert "    - start -> a  # on a flow line\n" in yaml_text
    without_braces = COMMENTED_CANONICAL.replace("  # before the brace\n", "").replace(
        "  # before the procedure's brace\n", ""
    )
    back = fmt(yaml_text, "case.yaml", to="tthc")
    assert (
        back.replace("# before the brace\n", "").replace("# before the procedure's brace\n", "")
        == without_braces
    )


def test_a_comment_on_a_yaml_key_stays_on_that_key() -> None:
    text = (
        "procedure:\n"
        "  code: '1'\n"
        "  name: P\n"
        "  result: [A]\n"
        "  dossier:  # tthc: allow TT306 -- reason\n"
        "    - {id: a, title: A}\n"
    )
    assert "  dossier:  # tthc: allow TT306 -- reason\n" in fmt(text, "case.yaml")


def test_yaml_keeps_the_schema_path_of_its_modeline() -> None:
    text = (
        "# yaml-language-server: $schema=../../tthc.schema.json\nprocedure: {code: '1', name: P}\n"
    )
    assert fmt(text, "case.yaml").startswith(
        "# yaml-language-server: $schema=../../tthc.schema.json\n"
    )


def test_text_with_a_hash_is_not_a_comment() -> None:
    text = fmt('procedure "1" "Mẫu # 1" { field "a#b" }  # real\n')
    assert 'procedure "1" "Mẫu # 1" {' in text and text.count("# real") == 1


# -- what a comment at the end of a line speaks about stays on its line ------------------------
# A suppression (`# tthc: allow`) covers the diagnostics that start on its line, and a rule case
# file's `# expect:` marker names them: wrapping must not move an attribute away from it.

PINNED = """\
procedure "1" "P" { steps {
  tiep_nhan reception "Tiếp nhận, kiểm tra, số hóa hồ sơ" by commune.one_stop takes 0.2 working_days reads to_khai  # tthc: allow TT101 -- lý do
  # tthc: allow TT102 -- lý do
  ky decision "Cấp Giấy khai sinh, ghi vào Sổ đăng ký khai sinh" by commune.chairman takes 0.2 working_days
  # an explanation does not pin the step
  tra result "Trả kết quả cho người yêu cầu, hướng dẫn kiểm tra nội dung" by commune.one_stop takes 0.2 working_days
} }
"""


def test_a_step_with_a_comment_at_its_end_or_a_directive_above_stays_on_one_line() -> None:
    assert fmt(PINNED).splitlines()[2:9] == [
        '    tiep_nhan  reception  "Tiếp nhận, kiểm tra, số hóa hồ sơ"  by commune.one_stop'
        "  takes 0.2 working_days  reads to_khai  # tthc: allow TT101 -- lý do",
        "    # tthc: allow TT102 -- lý do",
        '    ky         decision   "Cấp Giấy khai sinh, ghi vào Sổ đăng ký khai sinh"'
        "  by commune.chairman  takes 0.2 working_days",
        "    # an explanation does not pin the step",
        '    tra        result     "Trả kết quả cho người yêu cầu, hướng dẫn kiểm tra nội dung"',
        "               by commune.one_stop  takes 0.2 working_days",
        "  }",
    ]


def test_a_comment_on_a_continuation_line_joins_the_step_into_one_line() -> None:
    text = fmt(
        'procedure "1" "P" { steps {\n'
        '  tiep_nhan reception "Tiếp nhận, kiểm tra, số hóa hồ sơ, chuyển cho công chức hộ tịch"\n'
        "            by commune.one_stop  # expect: TT101\n"
        "} }\n"
    )
    assert (
        '    tiep_nhan  reception  "Tiếp nhận, kiểm tra, số hóa hồ sơ, chuyển cho công chức hộ tịch"'
        "  by commune.one_stop  # expect: TT101\n"
    ) in text


def test_registry_attributes_written_on_the_line_of_a_comment_stay_together() -> None:
    text = fmt(
        "grant g {\n"
        '  power "p"  from a.b  to c.d  # expect: TT201\n'
        "  mode authorization  basis qd-1 }\n"
    )
    assert text == (
        "grant g {\n"
        '  power       "p"  from a.b  to c.d  # expect: TT201\n'
        "  mode        authorization\n"
        "  basis       qd-1\n"
        "}\n"
    )


def test_a_long_header_line_with_a_comment_is_not_wrapped() -> None:
    basis = ", ".join(f"nd-{n}-2025 art {n}" for n in range(101, 111))
    text = fmt(f'procedure "1" "P" {{ basis {basis}  # tthc: allow TT105 -- lý do\n}}\n')
    assert text.splitlines()[1] == f"  basis        {basis}  # tthc: allow TT105 -- lý do"


# -- blank lines ---------------------------------------------------------------------------


def test_blank_lines_between_comments_and_one_line_declarations_are_kept() -> None:
    text = (
        "# The registry of this folder.\n"
        "\n"
        "# ---- Central -----\n"
        "\n"
        'authority a "A" { level central  kind unit }\n'
        'authority b "B" { level central  kind unit }\n'
        "\n"
        "\n"
        "# ---- Commune -----\n"
        "# the people's committee\n"
        'authority c "C" { level commune  kind collective }\n'
        'authority d "D" { level commune  kind person  of c }\n'
        'instrument i law "1/2025/QH15" { confidence verified }\n'
        'instrument j law "2/2025/QH15" { confidence verified }\n'
    )
    assert fmt(text) == (
        "# The registry of this folder.\n"
        "\n"
        "# ---- Central -----\n"
        "\n"
        'authority a "A" { level central  kind unit }\n'
        'authority b "B" { level central  kind unit }\n'
        "\n"
        "# ---- Commune -----\n"
        "# the people's committee\n"
        'authority c "C" { level commune  kind collective }\n'
        'authority d "D" { level commune  kind person  of c }\n'
        "\n"
        'instrument i law "1/2025/QH15" {\n'
        "  confidence  verified\n"
        "}\n"
        "\n"
        'instrument j law "2/2025/QH15" {\n'
        "  confidence  verified\n"
        "}\n"
    )


def test_a_header_comment_right_above_the_first_declaration_stays_there() -> None:
    text = '# About this procedure.\nprocedure "1" "P" { level commune }\n'
    assert fmt(text) == (
        '# About this procedure.\nprocedure "1" "P" {\n  level        commune\n}\n'
    )


# -- YAML ----------------------------------------------------------------------------------


def test_yaml_writes_a_single_deadline_or_result_as_one_value() -> None:
    text = fmt(
        'procedure "1" "P" { deadline 3 working_days  # expect: TT501\n'
        'result "Giấy khai sinh" result "Bản sao" }\n',
        to="yaml",
    )
    assert "  deadline: 3 working_days  # expect: TT501\n" in text
    assert "  result:\n    - Giấy khai sinh\n    - Bản sao\n" in text
    back = fmt(text, "case.yaml", to="tthc")
    assert "  deadline     3 working_days  # expect: TT501\n" in back


def test_a_comment_on_a_yaml_list_key_goes_to_the_first_dsl_line_of_the_list() -> None:
    text = "procedure:\n  code: '1'\n  name: P\n  result:  # the results\n    - A\n    - B\n"
    assert '  result       "A"  # the results\n  result       "B"\n' in fmt(
        text, "case.yaml", to="tthc"
    )


def test_a_yaml_step_written_on_one_line_with_a_comment_stays_a_flow_mapping() -> None:
    text = (
        "procedure:\n"
        "  code: '1'\n"
        "  name: P\n"
        "  steps:\n"
        "    - {id: a, kind: reception, title: 'Tiếp nhận, kiểm tra', by: x.y, reads: [b, c]}  # expect: TT301\n"
        "    - id: d  # a note on a step written in block style: it stays in block style\n"
        "      kind: review\n"
        "      title: D\n"
        "      by: x.z  # expect: TT101\n"
    )
    assert fmt(text, "case.yaml").endswith(
        "  steps:\n"
        '    - {id: a, kind: reception, title: "Tiếp nhận, kiểm tra", by: x.y, reads: [b, c]}'
        "  # expect: TT301\n"
        "    - id: d  # a note on a step written in block style: it stays in block style\n"
        "      kind: review\n"
        "      title: D\n"
        "      by: x.z  # expect: TT101\n"
    )


# -- amounts: one value however they are written --------------------------------------------


@pytest.mark.parametrize("written", ["3", "3.0", "3.00", "03"])
def test_an_amount_gives_the_same_ast_however_it_is_written(written: str) -> None:
    dsl = parse(
        SourceFile.from_text("a.tthc", f'procedure "1" "P" {{ deadline {written} days }}\n')
    ).value
    yaml_doc = parse(
        SourceFile.from_text(
            "a.yaml", f"procedure:\n  code: '1'\n  name: P\n  deadline: {written} days\n"
        )
    ).value
    assert dsl is not None and yaml_doc is not None
    amount = dsl.procedures[0].deadlines[0].duration
    assert amount is not None and str(amount.amount) == "3"
    assert ast.without_spans(dsl) == ast.without_spans(yaml_doc)
    shortest = parse(SourceFile.from_text("b.tthc", 'procedure "1" "P" { deadline 3 days }\n'))
    assert ast.without_spans(dsl) == ast.without_spans(shortest.value)


@pytest.mark.parametrize(("written", "stored"), [("10", "10"), ("0.50", "0.5"), ("100.0", "100")])
def test_an_amount_is_stored_in_plain_notation(written: str, stored: str) -> None:
    document = parse(
        SourceFile.from_text("a.tthc", f'procedure "1" "P" {{ deadline {written} days }}\n')
    ).value
    assert document is not None
    duration = document.procedures[0].deadlines[0].duration
    assert duration is not None and str(duration.amount) == stored
