"""The fast parsing path (`tthc.dsl.reading.lalr_driver`) gives exactly what Lark's own parser gives.

The driver runs Lark's tables with one regex match per token and calls the transformer itself;
a text it cannot parse goes back to Lark, so that syntax errors keep Lark's wording. Here the
two are held to the same result, spans and problems included: on every construct, on layouts
that move positions around (CRLF, tabs, comments, blank lines), on YAML fragments, on texts
with bad values, on generated documents, and on broken texts (both refuse them).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from lark.exceptions import UnexpectedInput

from tthc.dsl import ast
from tthc.dsl.frozen import Frozen
from tthc.dsl.printer.dsl import format_dsl
from tthc.dsl.reading.grammar import STARTS
from tthc.dsl.reading.lalr_driver import LalrDriver
from tthc.dsl.reading.parser import _bound, _lark, _tables, parse_dsl
from tthc.dsl.reading.syntax_errors import describe_syntax_error

HERE = Path(__file__).resolve().parent
FILES = sorted([*(HERE / "constructs").glob("*.tthc"), *(HERE / "twins").glob("*.tthc")])
MISTAKES = sorted((HERE / "mistakes").glob("*.tthc"))


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


def dump(value: Any) -> Any:
    """Everything a parse gives, spans included (an `Item` is what a fragment may give)."""
    if isinstance(value, Frozen):
        return value.model_dump(mode="json")
    if isinstance(value, tuple):
        return [dump(v) for v in value]
    if value is None:
        return None
    return [value.key, dump(value.value), dump(value.span)]


def both(text: str, start: str = "start", driver: LalrDriver | None = None) -> tuple[Any, Any]:
    """(ok, value, problems) from the driver, then from Lark, with one transformer."""
    transformer, bound = _bound()
    driver = driver or bound
    assert driver is not None
    lark = _lark(transformer)
    results = []
    for use_driver in (True, False):
        transformer.path, transformer.problems = "f.tthc", []
        if use_driver:
            ok, value = driver.parse(text, start, "f.tthc")
        else:
            try:
                ok, value = True, lark.parse(text, start=start)
            except Exception:
                ok, value = False, None
        results.append((ok, dump(value), [p.model_dump() for p in transformer.problems]))
    return results[0], results[1]


def layouts(text: str) -> list[str]:
    """The same text laid out differently: positions move, the meaning does not."""
    lines = text.split("\n")
    return [
        text,
        text.replace("\n", "\r\n"),
        "\n".join("\t" + line.lstrip(" ") for line in lines),
        "\n".join(line + ("  # note" if line.strip() else "") for line in lines),
        "\n\n# a comment line\n".join(lines),
    ]


def test_the_fast_path_is_on() -> None:
    assert _bound()[1] is not None


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_driver_and_lark_agree_on_every_layout(path: Path) -> None:
    for text in layouts(path.read_text(encoding="utf-8")):
        fast, lark = both(text)
        assert fast[0] is True
        assert fast == lark


@pytest.mark.parametrize("promote_after", [0, 10**9], ids=["one-regex", "in-turn"])
def test_a_lexer_reads_alike_tried_in_turn_or_as_one_regex(promote_after: int) -> None:
    """A lexer first tries its terminals one by one and compiles its one regex after
    `promote_after` tokens (a cold check compiles few regexes, a large run matches once per
    token): each way alone gives Lark's result, refusals included."""
    transformer, _ = _bound()
    driver = LalrDriver.create(_tables(), transformer)
    assert driver is not None
    driver.promote_after = promote_after
    for path in [*FILES, *MISTAKES]:
        for text in layouts(path.read_text(encoding="utf-8")):
            fast, lark = both(text, driver=driver)
            assert fast == lark, path.name


def test_a_lexers_scanner_matches_what_its_alternatives_match() -> None:
    """`Tables.scanner` (a plain string's first character before its group, the ignored text
    as group 1) finds the terminal and the token's place that the alternatives as Lark lists
    them find, for every lexer, wherever a token may start in the constructs: `re` takes the
    first alternative that matches either way."""
    import re

    tables = _tables()
    assert tables is not None
    text = "\n".join(path.read_text(encoding="utf-8") for path in FILES)
    starts = sorted({m.start() for m in re.finditer(r"(?<=[\s{(,])\S|\S(?=\S)", text)})[::2]
    assert len(starts) > 1000
    for number, (terminals, _, _) in enumerate(tables.lexers):
        if not terminals:  # an end state's, where the driver never reads a token
            continue
        scanner = re.compile(tables.scanner(number))
        listed = re.compile(f"{tables.skip}(?:{tables.alternatives(number)})")
        for start in starts:
            found, expected = scanner.match(text, start), listed.match(text, start)
            if expected is None:
                assert found is None
                continue
            assert found is not None and expected.lastgroup is not None
            assert found.lastgroup == expected.lastgroup
            assert (found.end(1), found.end()) == expected.span(expected.lastgroup)


def lark_only(path: str, text: str) -> list[Any]:
    """The diagnostics of a parse by Lark alone, with the transformer (as before the driver)."""
    transformer, _ = _bound()
    transformer.path, transformer.problems = path, []
    try:
        _lark(transformer).parse(text, start="start")
    except UnexpectedInput as error:
        return [*transformer.problems, describe_syntax_error(error, path, text)]
    return list(transformer.problems)


@pytest.mark.parametrize("path", MISTAKES, ids=[p.stem for p in MISTAKES])
def test_both_refuse_a_broken_text_and_the_error_comes_from_lark(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast, lark = both(text)
    assert fast[0] is False and lark[0] is False
    outcome = parse_dsl(path.name, text)
    assert outcome.value is None
    assert outcome.diagnostics == lark_only(path.name, text)


def test_problems_found_before_a_syntax_error_are_kept() -> None:
    text = 'procedure "1" "x" {\n  effective 2025-02-30\n  level commune\n  steps {\n'
    outcome = parse_dsl("f.tthc", text)
    assert [d.code for d in outcome.diagnostics] == ["TT003", "TT001"]
    assert outcome.diagnostics == lark_only("f.tthc", text)


@pytest.mark.parametrize(
    ("start", "fragment"),
    [
        ("duration", "3.5 working_days"),
        ("citation", "nd-120-2025 art 4 clause 2a"),
        ("flow_line", "a -> all(b, c) -> d when ok"),
        ("channel", "online partial"),
        ("deadline_value", "immediately"),
        ("deadline_value", '15 days when "vùng khó khăn"'),
        ("flow_line", "a ->"),
        ("duration", "3,5 days"),
    ],
)
def test_driver_and_lark_agree_on_fragments(start: str, fragment: str) -> None:
    assert start in STARTS
    padded = "\n" * 6 + " " * 9 + fragment  # as a YAML scalar on line 7, column 10
    fast, lark = both(padded, start)
    assert fast == lark


def test_texts_no_terminal_matches_are_refused_by_both() -> None:
    for text in ['procedure "1" "x" { field "a" } $', 'procedure "1" "x" { field "a" } # ok\n@']:
        fast, lark = both(text)
        assert fast[0] is False and lark[0] is False


@pytest.mark.property
@settings(max_examples=settings.default.max_examples // 2)  # half the profile: 30 in CI
@given(load_strategies().documents())
def test_driver_and_lark_agree_on_generated_documents(document: ast.Document) -> None:
    fast, lark = both(format_dsl(document))
    assert fast[0] is True
    assert fast == lark
