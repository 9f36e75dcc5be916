"""The constructs real published records need (issue 11), each in both forms: a `.tthc` file
under `record_constructs/` reads with no problem, `tthc fmt` gives a canonical text that it keeps,
`tthc convert` gives YAML of the same tree, comments included, and back the same canonical
DSL."""

from __future__ import annotations

from pathlib import Path

import pytest

from tthc.dsl import SourceFile, ast, parse
from tthc.dsl.printer.canonical import format_source

HERE = Path(__file__).resolve().parent / "record_constructs"
FILES = sorted(HERE.glob("*.tthc"))


def _fmt(text: str, path: str, to: str | None = None) -> str:
    outcome = format_source(SourceFile.from_text(path, text), to)  # type: ignore[arg-type]
    assert outcome.value is not None, outcome.diagnostics
    return outcome.value


def _tree(text: str, path: str) -> ast.Document:
    outcome = parse(SourceFile.from_text(path, text))
    assert outcome.diagnostics == [] and outcome.value is not None, outcome.diagnostics
    return outcome.value


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_the_construct_prints_canonically_and_converts_both_ways(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    canonical = _fmt(text, path.name)
    assert _fmt(canonical, path.name) == canonical
    yaml_text = _fmt(canonical, path.name, to="yaml")
    assert ast.without_spans(_tree(yaml_text, "twin.yaml")) == ast.without_spans(
        _tree(text, path.name)
    )
    assert _fmt(yaml_text, "twin.yaml") == yaml_text
    assert _fmt(yaml_text, "twin.yaml", to="tthc") == canonical
    comments = [line.strip() for line in text.splitlines() if line.strip().startswith("#")]
    assert all(comment in yaml_text for comment in comments)


def test_a_phase_names_declared_steps_and_is_declared_once(tmp_path: Path) -> None:
    from tthc.rules import Config, check_paths

    registry = HERE.parent.parent / "rules" / "registry"
    path = tmp_path / "p.tthc"
    path.write_text(
        'procedure "1.001193" "P" {\n'
        '  steps { a reception "A" by commune.one_stop takes 1 working_days }\n'
        "  phases {\n"
        '    x "X" budget 1 working_days steps a, b\n'
        '    x "X again" steps a\n'
        "  }\n"
        "  flow { start -> a -> end }\n"
        "}\n",
        encoding="utf-8",
    )
    _, diagnostics = check_paths([path], Config(), registry=[registry])
    found = {(d.code, d.span.line) for d in diagnostics}
    assert {("TT005", 4), ("TT004", 5)} <= found


def test_the_registry_finds_a_unit_by_any_of_its_spellings() -> None:
    from tthc.compiler import resolve

    text = (HERE / "units.tthc").read_text(encoding="utf-8")
    model = resolve([_tree(text, "units.tthc")]).value
    assert model is not None
    for spelling in ("Chi nhánh VPĐKĐĐ", "cn  vpđk ĐẤT ĐAI", "Chi nhánh Văn phòng đăng ký đất đai"):
        found = model.named(spelling)
        assert found is not None and found.id.value == "province.land_registry_branch"
    assert model.named("Văn phòng đăng ký đất đai") is None
