"""The `.tthc` and `.yaml` twin of a file give the identical AST (spans aside) and graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from tthc.compiler import load_project, to_json
from tthc.dsl import ast, parse_path

HERE = Path(__file__).resolve().parent
TWINS = sorted((HERE / "twins").glob("*.tthc"))


@pytest.mark.parametrize("dsl_file", TWINS, ids=[p.stem for p in TWINS])
def test_twins_give_one_ast(dsl_file: Path) -> None:
    from_dsl = parse_path(dsl_file)
    from_yaml = parse_path(dsl_file.with_suffix(".yaml"))
    assert from_dsl.diagnostics == [] and from_yaml.diagnostics == []
    assert ast.without_spans(from_dsl.value) == ast.without_spans(from_yaml.value)


@pytest.mark.parametrize("dsl_file", TWINS, ids=[p.stem for p in TWINS])
def test_twins_give_one_graph(dsl_file: Path) -> None:
    graphs = [
        [to_json(w) for w in load_project([path]).workflows]
        for path in (dsl_file, dsl_file.with_suffix(".yaml"))
    ]
    assert graphs[0] == graphs[1] and graphs[0]
