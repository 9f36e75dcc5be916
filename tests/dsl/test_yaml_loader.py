"""The YAML front end points into the YAML text: spans of nodes and of DSL pieces inside
values, and every problem (duplicate, unknown or missing key, wrong value, malformed YAML) is a
diagnostic at the key or value concerned."""

from __future__ import annotations

from pathlib import Path

from tthc.dsl import Diagnostic, ast
from tthc.dsl.yaml.loader import parse_yaml

TWIN = Path(__file__).resolve().parent / "twins" / "birth.yaml"
HEAD = "procedure:\n  code: '1.000656'\n  name: Đăng ký khai tử\n"


def _column(line: str, fragment: str) -> int:
    return line.index(fragment) + 1


def _where(diagnostics: list[Diagnostic]) -> list[tuple[str, int, int]]:
    return [(d.code, d.span.line, d.span.column) for d in diagnostics]


def _only(text: str) -> Diagnostic:
    outcome = parse_yaml("p.yaml", text)
    assert len(outcome.diagnostics) == 1, outcome.diagnostics
    return outcome.diagnostics[0]


def test_spans_point_into_the_yaml_text() -> None:
    lines = TWIN.read_text(encoding="utf-8").splitlines()
    outcome = parse_yaml(str(TWIN), TWIN.read_text(encoding="utf-8"))
    assert outcome.value is not None and outcome.diagnostics == []
    procedure = outcome.value.procedures[0]
    step = procedure.steps[0]
    step_line = next(n for n, line in enumerate(lines, 1) if "id: tiep_nhan" in line)
    assert (step.id.span.line, step.id.span.column) == (
        step_line,
        _column(lines[step_line - 1], "tiep_nhan"),
    )
    assert step.duration is not None
    assert (step.duration.span.line, step.duration.span.column) == (
        step_line,
        _column(lines[step_line - 1], "0.5 working_days"),
    )
    assert step.duration.span.end_column == _column(lines[step_line - 1], ", reads")
    flow = procedure.flow[1]
    flow_line = next(n for n, line in enumerate(lines, 1) if "when complete" in line)
    assert flow.when is not None
    assert (flow.when.span.line, flow.when.span.column) == (
        flow_line,
        _column(lines[flow_line - 1], "complete"),
    )
    citation = procedure.basis[1]
    basis_line = next(n for n, line in enumerate(lines, 1) if line.startswith("  basis:"))
    assert (citation.span.line, citation.span.column) == (
        basis_line,
        _column(lines[basis_line - 1], "nd-120-2025 art 4"),
    )


def test_duplicate_key_points_at_the_first_one_too() -> None:
    diagnostic = _only(HEAD + "  field: Hộ tịch\n  level: commune\n  field: Chứng thực\n")
    assert _where([diagnostic]) == [("TT004", 6, 3)]
    assert diagnostic.message.en == "Duplicate key 'field'"
    assert [(r.span.line, r.span.column) for r in diagnostic.related] == [(4, 3)]


def test_unknown_key_suggests_the_closest() -> None:
    diagnostic = _only(HEAD + "  steps:\n    - {id: a, kind: reception, titel: Tiếp nhận}\n")
    assert _where([diagnostic]) == [("TT002", 5, 32)]
    assert diagnostic.message.en == "Unknown key 'titel'"
    assert diagnostic.help is not None and diagnostic.help.en == "Did you mean 'title'?"


def test_unknown_top_level_key() -> None:
    diagnostic = _only("procedures_list: []\n")
    assert diagnostic.code == "TT002" and diagnostic.help is not None
    assert "procedure" in diagnostic.help.en


def test_wrong_enum_value_lists_the_values() -> None:
    diagnostic = _only(HEAD + "  level: comune\n")
    assert _where([diagnostic]) == [("TT003", 4, 10)]
    assert diagnostic.help is not None
    assert diagnostic.help.en.startswith("Did you mean 'commune'? Valid values: central")


def test_wrong_type_is_reported_at_the_value() -> None:
    line = "    - {id: to_khai, title: Tờ khai, copies: hai}"
    diagnostic = _only(HEAD + "  dossier:\n" + line + "\n")
    assert _where([diagnostic]) == [("TT003", 5, _column(line, "hai}"))]
    assert diagnostic.message.en == "Expected a whole number"


def test_impossible_date_is_reported_at_the_value() -> None:
    diagnostic = _only(HEAD + "  effective: 2025-02-30\n")
    assert _where([diagnostic]) == [("TT003", 4, 14)]


def test_missing_required_key_points_at_its_mapping() -> None:
    diagnostic = _only(HEAD + "  steps:\n    - {id: tiep_nhan, title: Tiếp nhận hồ sơ}\n")
    assert _where([diagnostic]) == [("TT003", 5, 7)]
    assert diagnostic.message.en == "Required key 'kind' is missing"
    assert diagnostic.message.vi == "Thiếu khóa bắt buộc 'kind'"


def test_missing_aliased_key_is_named_as_written_in_yaml() -> None:
    diagnostic = _only(HEAD + "  moved:\n    basis: nd-120-2025 art 4\n")
    assert _where([diagnostic]) == [("TT003", 5, 5)]
    assert diagnostic.message.en == "Required key 'from' is missing"


def test_dsl_piece_inside_a_value_is_worded_like_the_dsl() -> None:
    line = "    - {id: a, kind: review, title: Kiểm tra, takes: 3}"
    diagnostic = _only(HEAD + "  steps:\n" + line + "\n")
    assert diagnostic.code == "TT001"
    assert diagnostic.message.en.startswith("A duration has no unit")
    assert (diagnostic.span.line, diagnostic.span.column) == (5, _column(line, "3}") + 1)


def test_flow_line_with_a_wrong_arrow() -> None:
    diagnostic = _only(HEAD + "  flow:\n    - start => tiep_nhan\n")
    assert _where([diagnostic]) == [("TT001", 5, 13)]
    assert diagnostic.message.en.startswith("Arrows are written '->'")


def test_tab_indentation() -> None:
    diagnostic = _only("procedure:\n\tcode: '1.000656'\n")
    assert _where([diagnostic]) == [("TT001", 2, 1)]
    assert diagnostic.help is not None and diagnostic.help.en == "Indent with spaces, not tabs"
    assert "tab" in diagnostic.message.vi


def test_unclosed_quote() -> None:
    diagnostic = _only(HEAD + "  field: 'Hộ tịch\n")
    assert diagnostic.code == "TT001"
    assert "inside a quoted text" in diagnostic.message.en


def test_colon_inside_unquoted_text() -> None:
    line = "  result: Giấy khai sinh: bản chính"
    diagnostic = _only(HEAD + line + "\n")
    assert _where([diagnostic]) == [("TT001", 4, _column(line, ": bản"))]
    assert "must be in quotes" in diagnostic.message.en


def test_python_tags_are_refused() -> None:
    diagnostic = _only("procedure: !!python/object/apply:os.system ['echo']\n")
    assert _where([diagnostic]) == [("TT003", 1, 12)]
    assert "'!!python/object/apply:os.system'" in diagnostic.message.en


def test_top_level_list_and_scalar() -> None:
    assert _where([_only("- procedure\n- authorities\n")]) == [("TT003", 1, 1)]
    assert _where([_only("Đăng ký khai tử\n")]) == [("TT003", 1, 1)]


def test_empty_and_comment_only_files_are_empty_documents() -> None:
    for text in ("", "\n\n", "# yaml-language-server: $schema=tthc.schema.json\n"):
        outcome = parse_yaml("empty.yaml", text)
        assert outcome.diagnostics == []
        assert isinstance(outcome.value, ast.Document) and outcome.value.procedures == ()


def test_several_problems_are_all_reported() -> None:
    text = (
        HEAD + "  level: comune\n  titel: x\n  steps:\n    - {id: A, kind: reception, title: A}\n"
    )
    outcome = parse_yaml("p.yaml", text)
    assert _where(outcome.diagnostics) == [("TT003", 4, 10), ("TT002", 5, 3), ("TT003", 7, 12)]


def test_a_bad_item_in_a_top_level_list_is_reported_not_raised() -> None:
    text = "authorities:\n  - {id: commune.a, titel: A, level: commune, kind: person}\n"
    outcome = parse_yaml("p.yaml", text)
    assert _where(outcome.diagnostics) == [("TT002", 2, 21)]
    assert outcome.value is not None and outcome.value.authorities == ()
