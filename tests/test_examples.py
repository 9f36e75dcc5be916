"""The teaching examples: each procedure is written twice, in the DSL and in YAML, and the two
twins are one procedure (one AST, one graph); together with `examples/registry.tthc` they check
clean on their own, with nothing else on the command line.
"""

from __future__ import annotations

import re
from itertools import pairwise
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


# -- the language reference: its examples come in pairs, the DSL form then the YAML form ----

DOCS = EXAMPLES.parent / "docs"
BLOCK = re.compile(r"```(tthc|yaml)\n(.*?)```", re.S)
WRAP_DSL = 'procedure "1.000000" "Ví dụ" {{\n{}}}\n'
WRAP_YAML = 'procedure:\n  code: "1.000000"\n  name: Ví dụ\n{}'


def _pairs(page: str) -> list[tuple[str, str]]:
    blocks = BLOCK.findall((DOCS / page).read_text(encoding="utf-8"))
    pairs = []
    for (first_kind, first), (second_kind, second) in pairwise(blocks):
        if (first_kind, second_kind) == ("tthc", "yaml") and "tthc: allow" not in first:
            indented = first.startswith(" ")
            pairs.append(
                (
                    WRAP_DSL.format(first) if indented else first,
                    WRAP_YAML.format(second) if indented else second,
                )
            )
    return pairs


@pytest.mark.parametrize("page", ["language.md", "ngon-ngu.md"])
def test_the_reference_examples_are_twins(page: str, tmp_path: Path) -> None:
    pairs = _pairs(page)
    assert len(pairs) >= 8
    for number, (dsl, yaml) in enumerate(pairs):
        (tmp_path / f"{number}.tthc").write_text(dsl, encoding="utf-8")
        (tmp_path / f"{number}.yaml").write_text(yaml, encoding="utf-8")
        from_dsl = parse_path(tmp_path / f"{number}.tthc")
        from_yaml = parse_path(tmp_path / f"{number}.yaml")
        assert from_dsl.diagnostics == [] and from_yaml.diagnostics == [], dsl
        assert ast.without_spans(from_dsl.value) == ast.without_spans(from_yaml.value), dsl


# -- the tutorial: its draft has exactly the three mistakes it explains, and its fix is clean --

CORPUS_REGISTRY = EXAMPLES.parent / "procedures" / "registry"
TUTORIAL_FIXES = (
    ("by commune.chairmen  takes 1 working_days\n", "by commune.chairman  takes 1 working_days\n"),
    (
        '  power      "ho-tich.dang-ky-ket-hon"\n',
        '  power      "ho-tich.dang-ky-ket-hon"\n  basis      luat-ho-tich-2014 art 18, nd-118-2025\n',
    ),
    ("takes 3 working_days  reads to_khai", "takes 2 working_days  reads to_khai"),
)


@pytest.mark.parametrize("page", ["tutorial.md", "huong-dan.md"])
def test_the_tutorial_draft_has_its_three_mistakes_and_the_fix_is_clean(
    page: str, tmp_path: Path
) -> None:
    draft = BLOCK.findall((DOCS / page).read_text(encoding="utf-8"))[0][1]
    draft_file = tmp_path / "ket-hon.tthc"
    draft_file.write_text(draft, encoding="utf-8")
    _, diagnostics = check_paths([draft_file], registry=[CORPUS_REGISTRY])
    assert sorted(d.code for d in diagnostics) == ["TT005", "TT105", "TT501"]
    fixed = draft
    for wrong, right in TUTORIAL_FIXES:
        assert wrong in fixed
        fixed = fixed.replace(wrong, right)
    draft_file.write_text(fixed, encoding="utf-8")
    _, diagnostics = check_paths([draft_file], registry=[CORPUS_REGISTRY])
    assert [f"{d.span}: {d.code} {d.message.en}" for d in diagnostics] == []
