"""The grammar of `.tthc` files and the Lark parsers built from it: `grammar.lark` → `Lark`.

Input: `grammar.lark`, shipped in this package. Output: its text, the options every parser of
it shares (`options`), and the plain-tree parser (`tree_parser`) whose errors `syntax_errors`
words. `parser` (the fast run) and `syntax_errors` (the wording) both import this module and
never each other, so reading has no import cycle. Lark is imported only when a parser is built.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tthc.dsl.reading.grammar_cache import cached_lark

if TYPE_CHECKING:
    from lark import Lark

# Start symbols: whole files, and the fragments that YAML scalars hold in DSL notation.
STARTS = ["start", "duration", "citation", "flow_line", "channel", "deadline_value", "coordination"]


@cache
def grammar_text() -> str:
    # The file beside this module; as package data through importlib.resources only when the
    # package is not a folder (a zip): importing that machinery costs ~5 ms of a cold start.
    try:
        return Path(__file__).with_name("grammar.lark").read_text(encoding="utf-8")
    except OSError:
        from importlib import resources

        return resources.files(__package__).joinpath("grammar.lark").read_text(encoding="utf-8")


def options(transformer: bool) -> dict[str, Any]:
    return {
        "parser": "lalr",
        "lexer": "contextual",
        "start": STARTS,
        # The transformer computes spans from the tokens it keeps; the plain tree (for the
        # wording of syntax errors) has Lark's own positions.
        "propagate_positions": not transformer,
        "maybe_placeholders": False,
        "keep_all_tokens": transformer,
    }


@cache
def tree_parser() -> Lark:
    """A parser that builds a plain tree: it gives the syntax errors, which `syntax_errors`
    words (with `match_examples`)."""
    return cached_lark(grammar_text(), None, **options(False))
