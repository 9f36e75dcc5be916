"""The benchmark corpus (`benchmarks/generate.py`) is what the benchmarks claim: deterministic,
of the size asked, the same procedure in DSL and YAML, and clean under every check."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tthc.compiler import load_project
from tthc.dsl import SourceFile, ast, parse
from tthc.rules import check_paths

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(scope="module")
def generate() -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))  # the benchmarks are scripts, not a package
    try:
        return importlib.import_module("generate")
    finally:
        sys.path.remove(str(BENCHMARKS))


def parsed(path: str, text: str) -> ast.Document:
    outcome = parse(SourceFile.from_text(path, text))
    assert outcome.diagnostics == [] and outcome.value is not None
    return outcome.value


@pytest.mark.parametrize("steps", [8, 20, 37])
def test_a_procedure_has_the_steps_asked_and_the_same_seed_gives_the_same_text(
    generate: ModuleType, steps: int
) -> None:
    for index in range(5):
        text = generate.procedure(index, steps, 7).dsl()
        assert text == generate.procedure(index, steps, 7).dsl()
        [procedure] = parsed("p.tthc", text).procedures
        assert len(procedure.steps) == steps


def test_the_yaml_twin_gives_the_same_ast(generate: ModuleType) -> None:
    for index in range(5):
        procedure = generate.procedure(index, 20, 7)
        dsl, yaml = parsed("p.tthc", procedure.dsl()), parsed("p.yaml", procedure.yaml())
        assert ast.without_spans(dsl) == ast.without_spans(yaml)


def test_the_corpus_is_clean_under_every_check(generate: ModuleType, tmp_path: Path) -> None:
    files = generate.write_corpus(tmp_path, 12, 20, 7)
    assert len(files) == 12
    result, diagnostics = check_paths(
        [tmp_path / "procedures"], registry=[tmp_path / "registry.tthc"]
    )
    assert len(result.files) == 13  # the registry and the twelve procedures
    assert len(load_project(result.files).workflows) == 12
    assert [f"{d.code} {d.span}" for d in diagnostics] == []


def test_a_one_file_check_reads_the_registry_and_the_procedure(
    generate: ModuleType, tmp_path: Path
) -> None:
    single = tmp_path / "single.tthc"
    single.write_text(generate.standalone(0, 20, 7), encoding="utf-8")
    project = load_project([single])
    assert project.diagnostics == [] and len(project.workflows) == 1
