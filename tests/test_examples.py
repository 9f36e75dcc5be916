"""The teaching examples: each procedure is written twice, in the DSL and in YAML, and the two
twins are one procedure (one AST, one graph); together with `examples/registry.tthc` they check
clean on their own, with nothing else on the command line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tthc.compiler import load_project, to_json
from tthc.dsl import ast, parse_path
from tthc.rules import check_paths

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
REGISTRY = EXAMPLES / "registry.tthc"
TWINS = sorted(p for p in EXAMPLES.glob("*.tthc") if p != REGISTRY)
MINE = [*TWINS, *(p.with_suffix(".yaml") for p in TWINS), REGISTRY]


def test_the_three_procedures_of_the_issue_are_there() -> None:
    codes = {parse_path(p).value.procedures[0].code.value for p in TWINS}  # type: ignore[union-attr]
    assert codes == {"1.001193", "1.001612", "1.013225"}


@pytest.mark.parametrize("dsl_file", TWINS, ids=[p.stem for p in TWINS])
def test_every_example_has_a_yaml_twin_with_the_same_ast(dsl_file: Path) -> None:
    yaml_file = dsl_file.with_suffix(".yaml")
    assert yaml_file.is_file(), f"{dsl_file.name} has no YAML twin"
    from_dsl, from_yaml = parse_path(dsl_file), parse_path(yaml_file)
    assert from_dsl.diagnostics == [] and from_yaml.diagnostics == []
    assert ast.without_spans(from_dsl.value) == ast.without_spans(from_yaml.value)


@pytest.mark.parametrize("dsl_file", TWINS, ids=[p.stem for p in TWINS])
def test_every_example_and_its_twin_give_the_same_graph(dsl_file: Path) -> None:
    graphs = [
        [to_json(w) for w in load_project([path], registry=[REGISTRY]).workflows]
        for path in (dsl_file, dsl_file.with_suffix(".yaml"))
    ]
    assert graphs[0] == graphs[1]
    assert len(graphs[0]) == 1


def test_the_examples_check_clean_with_their_own_registry() -> None:
    _, diagnostics = check_paths(MINE)
    assert [f"{d.span}: {d.code} {d.message.en}" for d in diagnostics] == []
