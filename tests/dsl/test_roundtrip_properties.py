"""Round-trip properties of the printers, on generated documents (hypothesis).

AST → DSL → AST (at several line lengths, so that wrapping is exercised) and AST → YAML → AST
are the identity (spans aside); printing is idempotent on canonical text in both forms; DSL ↔ YAML conversion keeps the AST; comments put anywhere
a person may write them survive `fmt` and `convert`. `HYPOTHESIS_PROFILE=large` runs
10,000 examples each (`make fuzz`).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc.dsl import SourceFile, ast, parse
from tthc.dsl.printer.canonical import format_source
from tthc.dsl.printer.dsl import format_dsl
from tthc.dsl.printer.yaml import format_yaml


def load_strategies() -> ModuleType:
    name = "tthc_tests_dsl_strategies"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, Path(__file__).with_name("strategies.py")
        )
        assert spec is not None and spec.loader is not None
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]


strategies = load_strategies()
pytestmark = pytest.mark.property


def parsed(path: str, text: str) -> ast.Document:
    outcome = parse(SourceFile.from_text(path, text))
    assert outcome.diagnostics == [], (text, outcome.diagnostics)
    assert outcome.value is not None
    return outcome.value


def plain(document: ast.Document) -> Any:
    return ast.without_spans(document)


@given(strategies.documents(), st.sampled_from([100, 60, 30]))
def test_dsl_gives_back_the_ast_at_any_line_length(document: ast.Document, width: int) -> None:
    text = format_dsl(document, width=width)
    again = parsed("generated.tthc", text)
    assert plain(again) == plain(document)
    assert format_dsl(again, width=width) == text


@given(strategies.documents())
def test_yaml_gives_back_the_ast_and_conversion_keeps_it(document: ast.Document) -> None:
    text = format_yaml(document)
    from_yaml = parsed("generated.yaml", text)
    assert plain(from_yaml) == plain(document)
    assert format_yaml(from_yaml) == text
    # YAML → DSL → AST, from the AST the YAML loader built (with its own spans).
    assert plain(parsed("generated.tthc", format_dsl(from_yaml))) == plain(document)


def with_comments(text: str, places: list[tuple[int, bool, str]]) -> str:
    """Inserts comments: before line n (own line) or at the end of line n (trailing)."""
    lines = text.split("\n")
    for number, trailing, words in sorted(places, reverse=True):
        index = number % max(len(lines), 1)
        if trailing and lines[index].strip():
            lines[index] += f"  # {words}"
        elif not trailing:
            lines.insert(index, f"# {words}")
    return "\n".join(lines)


comment_places = st.lists(
    st.tuples(st.integers(0, 400), st.booleans(), strategies.texts(12)), max_size=6
)


# Each example parses and prints eight times: fewer of them in the everyday profile.
few = settings(max_examples=20) if settings().max_examples < 1000 else settings()


@pytest.mark.parametrize("form", ["tthc", "yaml"])
@few
@given(document=strategies.documents(), places=comment_places)
def test_fmt_keeps_comments_and_is_idempotent(
    form: str, document: ast.Document, places: list[tuple[int, bool, str]]
) -> None:
    canonical = format_dsl(document) if form == "tthc" else format_yaml(document)
    source = SourceFile.from_text(f"generated.{form}", with_comments(canonical, places))
    # format_source itself checks that the AST and the number of comments are unchanged.
    once = format_source(source)
    assert once.value is not None, once.diagnostics
    twice = format_source(SourceFile.from_text(source.path, once.value))
    assert twice.value == once.value
    other = "yaml" if form == "tthc" else "tthc"
    converted = format_source(source, other)
    assert converted.value is not None
    back = format_source(SourceFile.from_text(f"converted.{other}", converted.value), form)
    assert back.value is not None
    assert plain(parsed(source.path, back.value)) == plain(document)
