"""Docstring examples are fragments of one base procedure (`tthc.rules.report.fragments`): the
base is a clean procedure, a fragment replaces, adds and removes items by key, and the rendered
documentation shows each fragment with the base once."""

from __future__ import annotations

from pathlib import Path

from tthc.dsl import CODES
from tthc.rules import RULES, Config, check_paths
from tthc.rules.report.catalogue import explain, parse_doc
from tthc.rules.report.fragments import BASE, apply_fragment
from tthc.rules.report.reference import markdown_reference

REGISTRY = Path(__file__).resolve().parent / "registry"


def _lines(fragment: str) -> list[str]:
    return apply_fragment(fragment).rstrip("\n").split("\n")


def test_the_base_procedure_has_no_error_and_only_the_apology_warning(tmp_path: Path) -> None:
    """The base has no apology step (TT310, a warning), so that the examples of the other codes
    need not carry one; TT310's own example adds it."""
    path = tmp_path / "base.tthc"
    path.write_text(BASE, encoding="utf-8")
    _, diagnostics = check_paths([path], Config(), registry=[REGISTRY])
    assert [d.code for d in diagnostics] == ["TT310"]


def test_an_attribute_replaces_the_base_line_with_its_keyword() -> None:
    lines = _lines("  deadline 3 working_days\n")
    assert "  deadline 3 working_days" in lines
    assert "  deadline 5 working_days" not in lines
    assert len(lines) == len(BASE.rstrip("\n").split("\n"))


def test_a_new_attribute_goes_before_the_steps() -> None:
    lines = _lines('  fee 8000 "Lệ phí"\n')
    assert lines.index('  fee 8000 "Lệ phí"') == lines.index("  steps {") - 1


def test_a_step_replaces_the_base_step_of_its_name_with_its_continuation_lines() -> None:
    lines = _lines('  steps {\n    ky decision "Ký" by commune.chairman\n  }\n')
    assert '    ky decision "Ký" by commune.chairman' in lines
    assert "      basis luat-ho-tich-2014 art 16" not in lines
    assert lines[lines.index("  steps {") + 1].startswith("    tiep_nhan reception")


def test_a_new_step_goes_after_the_step_written_before_it() -> None:
    fragment = '  steps {\n    tiep_nhan reception "Nhận" by commune.one_stop\n'
    fragment += '    kiem_tra review "Kiểm tra" by commune.civil_status_officer\n  }\n'
    lines = _lines(fragment)
    assert lines.index('    kiem_tra review "Kiểm tra" by commune.civil_status_officer') == (
        lines.index('    tiep_nhan reception "Nhận" by commune.one_stop') + 1
    )


def test_without_removes_an_attribute_or_a_step() -> None:
    lines = _lines("  without basis\n  steps {\n    without tiep_nhan\n  }\n")
    assert "  basis luat-ho-tich-2014 art 16" not in lines
    assert not any("tiep_nhan reception" in line for line in lines)
    assert "      basis luat-ho-tich-2014 art 16" in lines  # the step's own basis stays


def test_the_flow_is_replaced_whole_and_declarations_go_before_the_procedure() -> None:
    fragment = '# tthc: allow-file TT306 -- lý do\ngrant g {\n  power "p"\n}\n'
    fragment += "  flow { start -> ky -> end }\n"
    lines = _lines(fragment)
    assert lines[:4] == ["# tthc: allow-file TT306 -- lý do", "grant g {", '  power "p"', "}"]
    assert "  flow { start -> ky -> end }" in lines
    assert "    start -> tiep_nhan -> ky -> tra -> end" not in lines


def test_a_new_procedure_line_replaces_the_base_one() -> None:
    assert _lines('procedure "1.1193" "Đăng ký khai sinh" {\n')[0] == (
        'procedure "1.1193" "Đăng ký khai sinh" {'
    )


def test_most_rule_examples_are_fragments_and_the_docs_show_the_base_once() -> None:
    fragments = [rule for rule in RULES if parse_doc(rule.doc).has_fragment]
    assert len(fragments) >= len(RULES) // 2
    reference = markdown_reference()
    assert reference.count(BASE) == 1
    assert "*Applied to the [base procedure](#base-procedure).*" in reference
    text = explain(CODES[fragments[0].code], "vi")
    assert "```tthc fragment" in text and text.count('procedure "1.001193"') == 1
    assert "Thủ tục mẫu" in text


def test_lines_at_four_spaces_first_are_steps() -> None:
    bare = '    ky decision "Ký" by commune.vice_chairman\n  deadline 3 working_days\n'
    wrapped = (
        '  steps {\n    ky decision "Ký" by commune.vice_chairman\n  }\n  deadline 3 working_days\n'
    )
    assert apply_fragment(bare) == apply_fragment(wrapped)
    assert '    ky decision "Ký" by commune.vice_chairman' in _lines(bare)


def test_each_procedure_line_makes_one_more_procedure_from_the_base() -> None:
    """A corpus rule's example needs two procedures (TT606): each `procedure` line starts one,
    the base with the lines after it applied; declarations before the first go before it."""
    fragment = "# tthc: allow-file TT306 -- lý do\n"
    fragment += 'procedure "1.001193" "Đăng ký khai sinh" {\n'
    fragment += 'procedure "1.001194" "Đăng ký lại khai sinh" {\n  deadline 7 working_days\n'
    lines = _lines(fragment)
    openings = [index for index, line in enumerate(lines) if line.startswith("procedure ")]
    assert lines[0] == "# tthc: allow-file TT306 -- lý do"
    assert [lines[index] for index in openings] == [
        'procedure "1.001193" "Đăng ký khai sinh" {',
        'procedure "1.001194" "Đăng ký lại khai sinh" {',
    ]
    first, second = lines[openings[0] : openings[1]], lines[openings[1] :]
    assert "  deadline 5 working_days" in first and "  deadline 7 working_days" not in first
    assert "  deadline 7 working_days" in second and "  deadline 5 working_days" not in second
    assert len(second) == len(BASE.rstrip("\n").split("\n"))


def test_a_key_written_twice_keeps_both_lines_where_the_base_line_stood() -> None:
    lines = _lines('  deadline 1 working_days\n  deadline +2 working_days when "cần xác minh"\n')
    assert "  deadline 5 working_days" not in lines
    first = lines.index("  deadline 1 working_days")
    assert lines[first + 1] == '  deadline +2 working_days when "cần xác minh"'
    assert len(lines) == len(BASE.rstrip("\n").split("\n")) + 1
