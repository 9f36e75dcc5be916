"""The DSL front end: `SourceFile` (`.tthc`) → `Outcome[ast.Document]`.

Input: decoded text. Output: the AST, built by `ToAst` while the LALR parser runs, and every
diagnostic: a syntax error (TT001/TT002, worded by `syntax_errors`) or a bad value (TT003/TT004).
The grammar's tables are built once per process, or loaded from the user's cache folder
(`grammar_cache`); parsing runs on `lalr_driver`, with Lark itself for the texts that fail.
"""

from __future__ import annotations

import threading
from functools import cache
from importlib import resources

from lark import Lark
from lark.exceptions import UnexpectedInput, VisitError

from tthc.dsl import ast
from tthc.dsl.diagnostics import Diagnostic, Outcome
from tthc.dsl.grammar_cache import cached_lark
from tthc.dsl.lalr_driver import LalrDriver
from tthc.dsl.limits import DEFAULT_LIMITS, Limits
from tthc.dsl.syntax_errors import describe_syntax_error, nesting_problem
from tthc.dsl.transformer import ToAst

# The transformer is bound into the parser (so no tree is built) and carries per-parse state
# (the path, the problems found); each thread gets its own parser so threads never share it.
_local = threading.local()


@cache
def grammar_text() -> str:
    return resources.files("tthc.dsl").joinpath("grammar.lark").read_text(encoding="utf-8")


# Start symbols: whole files, and the fragments that YAML scalars hold in DSL notation.
STARTS = ["start", "duration", "citation", "flow_line", "channel", "deadline_value"]


def _make_parser(transformer: ToAst | None) -> Lark:
    return cached_lark(
        grammar_text(),
        transformer,
        parser="lalr",
        lexer="contextual",
        start=STARTS,
        # The transformer computes spans from the tokens it keeps; Lark's own position
        # propagation would only cost time (a third of the parse).
        propagate_positions=transformer is None,
        maybe_placeholders=False,
        keep_all_tokens=transformer is not None,
    )


Bound = tuple[Lark, ToAst, LalrDriver | None]


def _parser() -> Bound:
    bound: Bound | None = getattr(_local, "parser", None)
    if bound is None:
        transformer = ToAst()
        lark = _make_parser(transformer)
        bound = _local.parser = (lark, transformer, LalrDriver.create(lark))
    return bound


@cache
def tree_parser() -> Lark:
    """A parser that builds a plain tree: used to word syntax errors with `match_examples`."""
    return _make_parser(None)


def parse_fragment(
    text: str, start: str, path: str, line: int, column: int
) -> tuple[object | None, list[Diagnostic]]:
    """Parses a piece of DSL (a duration, a citation, a flow line) found inside a YAML scalar.

    `line`/`column` place the fragment in its file so that spans point into the YAML text.
    """
    bound = _parser()
    padded = "\n" * (line - 1) + " " * (column - 1) + text
    return _run(bound, padded, path, start)


def parse_dsl(path: str, text: str, limits: Limits = DEFAULT_LIMITS) -> Outcome[ast.Document]:
    # Braces cannot nest deeper than there are braces: most files skip the scan.
    if text.count("{") > limits.max_depth:
        too_deep = nesting_problem(path, text, limits)
        if too_deep is not None:
            return Outcome(None, [too_deep])
    value, problems = _run(_parser(), text, path, "start")
    document = value if isinstance(value, ast.Document) else None
    return Outcome(document, problems)


def _run(bound: Bound, text: str, path: str, start: str) -> tuple[object | None, list[Diagnostic]]:
    parser, transformer, driver = bound
    transformer.path = path
    transformer.problems = []
    if driver is not None:
        parsed, value = driver.parse(text, start)
        if parsed:
            return value, list(transformer.problems)
        transformer.problems = []  # Lark parses it again, to give the syntax error
    try:
        value = parser.parse(text, start=start)
    except UnexpectedInput as error:
        return None, [*transformer.problems, describe_syntax_error(error, path, text)]
    except VisitError as error:
        raise error.orig_exc from error
    return value, list(transformer.problems)
