"""The DSL front end: `SourceFile` (`.tthc`) → `Outcome[ast.Document]`.

Input: decoded text. Output: the AST, built by `ToAst` while the LALR parser runs, and every
diagnostic: a syntax error (TT001/TT002, worded by `syntax_errors`) or a bad value (TT003/TT004).

The parser that runs is `lalr_driver`, on tables Lark computed once and the grammar cache
keeps (`grammar_cache`). A text it refuses is parsed again by Lark, whose exception words the
syntax error; the problems the transformer found before the error are kept, as Lark's own run
would have found the same. Lark is imported only then, or when the cache is built.
"""

from __future__ import annotations

import threading
from functools import cache
from typing import TYPE_CHECKING

from tthc.dsl import ast
from tthc.dsl.diagnostics import Diagnostic, Outcome
from tthc.dsl.reading.grammar import grammar_text, options, tree_parser
from tthc.dsl.reading.grammar_cache import cached_lark, cached_tables
from tthc.dsl.reading.lalr_driver import LalrDriver
from tthc.dsl.reading.lalr_tables import Tables, tables_from
from tthc.dsl.reading.limits import DEFAULT_LIMITS, Limits, nesting_problem
from tthc.dsl.reading.transformer import ToAst

if TYPE_CHECKING:
    from lark import Lark
    from lark.exceptions import UnexpectedInput

# The transformer carries per-parse state (the path, the problems found); each thread gets its
# own, with its own driver and Lark parser, so threads never share one.
_local = threading.local()


@cache
def _tables() -> Tables | None:
    """The fast parser's tables, or `None` when this Lark's are of a shape it does not know:
    they are Lark's private analysis (`parse_table`, `Shift`, the contextual lexer's states),
    which another Lark version may name or build differently. Lark's own parser then reads
    every file, slower and with the same result (tests/dsl/test_lark_fallback.py)."""

    def analyse() -> Tables:
        return tables_from(cached_lark(grammar_text(), None, **options(True)))

    try:
        return cached_tables(grammar_text(), options(True), analyse)
    except (TypeError, AttributeError, ImportError, KeyError, ValueError, IndexError):
        return None


def _bound() -> tuple[ToAst, LalrDriver | None]:
    bound: tuple[ToAst, LalrDriver | None] | None = getattr(_local, "bound", None)
    if bound is None:
        transformer = ToAst()
        bound = _local.bound = (transformer, LalrDriver.create(_tables(), transformer))
    return bound


def _lark(transformer: ToAst) -> Lark:
    """Lark's parser with this thread's transformer: for a text the driver refused that Lark
    reads after all (never expected), or when there is no driver."""
    parser: Lark | None = getattr(_local, "lark", None)
    if parser is None:
        parser = _local.lark = cached_lark(grammar_text(), transformer, **options(True))
    return parser


def parse_fragment(
    text: str, start: str, path: str, line: int, column: int
) -> tuple[object | None, list[Diagnostic]]:
    """Parses a piece of DSL (a duration, a citation, a flow line) found inside a YAML scalar.

    `line`/`column` place the fragment in its file so that spans point into the YAML text.
    """
    padded = "\n" * (line - 1) + " " * (column - 1) + text
    return _run(padded, path, start)


def parse_dsl(path: str, text: str, limits: Limits = DEFAULT_LIMITS) -> Outcome[ast.Document]:
    # Braces cannot nest deeper than there are braces: most files skip the scan.
    if text.count("{") > limits.max_depth:
        too_deep = nesting_problem(path, text, limits)
        if too_deep is not None:
            return Outcome(None, [too_deep])
    value, problems = _run(text, path, "start")
    document = value if isinstance(value, ast.Document) else None
    return Outcome(document, problems)


def _run(text: str, path: str, start: str) -> tuple[object | None, list[Diagnostic]]:
    transformer, driver = _bound()
    transformer.path = path
    transformer.problems = []
    if driver is not None:
        parsed, value = driver.parse(text, start, path)
        if parsed:
            return value, list(transformer.problems)
        error = _syntax_error(text, start)
        if error is not None:
            return None, [*transformer.problems, _worded(error, path, text)]
        transformer.problems = []
    from lark.exceptions import UnexpectedInput, VisitError

    try:
        value = _lark(transformer).parse(text, start=start)
    except UnexpectedInput as error:
        return None, [*transformer.problems, _worded(error, path, text)]
    except VisitError as error:
        raise error.orig_exc from error
    return value, list(transformer.problems)


def _syntax_error(text: str, start: str) -> UnexpectedInput | None:
    from lark.exceptions import UnexpectedInput

    try:
        tree_parser().parse(text, start=start)
    except UnexpectedInput as error:
        return error
    return None


def _worded(error: UnexpectedInput, path: str, text: str) -> Diagnostic:
    from tthc.dsl.reading.syntax_errors import describe_syntax_error

    return describe_syntax_error(error, path, text)
