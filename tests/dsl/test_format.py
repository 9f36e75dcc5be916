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
from tthc.dsl.canonical import format_source
from tthc.dsl.format_dsl import format_dsl
from tthc.dsl.format_values import decimal, string
from tthc.dsl.format_yaml import format_yaml, plain_or_quoted
from tthc.dsl.schema import schema_text

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


def test_steps_align_in_columns() -> None:
    text = fmt(
        'procedure "1" "P" { steps {\n'
        'a reception "Tiếp nhận" by commune.one_stop takes 1 working_days\n'
        'bo_sung supplement "Bổ sung" by x takes 0.5 working_days notifies applicant\n'
        "} }\n"
    )
    assert (
        '    a        reception   "Tiếp nhận"  by commune.one_stop  takes 1 working_days\n' in text
    )
    assert (
        '    bo_sung  supplement  "Bổ sung"    by x                 takes 0.5 working_days  notifies applicant\n'
        in text
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
    assert "  - id: a.b  # on the one-liner\n" in yaml_text
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
