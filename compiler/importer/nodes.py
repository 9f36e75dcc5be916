"""The AST nodes a draft is made of, built from values the importer has already decided.

Input: identifiers, texts, durations and flags taken from one record. Output: `tthc.dsl.ast`
nodes, built as the parser builds them (`tthc.dsl.reading.built_nodes`).
A draft's nodes carry a stand-in span until it is printed: the printer ignores spans, and
`located` then gives each node the span of where it was printed. Every node is built afresh,
never shared between two places of a draft, since each place has a span of its own. The importer
decides every value from the record's text, so each one is what the parser would read from the
printed draft (`tests/importer/test_drafts_as_ast.py` holds every draft of the real record sets
to that: parse(print(ast)) == ast, spans aside).
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Any, TypeVar

from tthc.dsl import ast
from tthc.dsl.reading.built_nodes import build, given, made, whole
from tthc.dsl.span import Span

Model = TypeVar("Model", bound=ast.Node)
_SPAN = Span.point("<import>")
_SINGLE = given("span", "steps")


def node(model: type[Model], **fields: Any) -> Model:
    """A node of `model` with the fields given (the others at their defaults)."""
    fields["span"] = _SPAN
    return build(model, fields)


def name(value: str) -> ast.Name:
    # A third of a draft's nodes: every field given, so no template to merge (`whole`).
    return whole(ast.Name, {"span": _SPAN, "value": value})


def literal(value: str) -> str:
    """A record's text as a string of the language reads back: NFC, on one line (each run of
    white space one space; `str.split` splits where `\\s+` matches, without a regex)."""
    return unicodedata.normalize("NFC", " ".join(value.split()))


def duration(amount: Decimal, unit: str) -> ast.Duration:
    """`amount` as the printer writes it and the parser reads it back (no exponent, no
    trailing zeros: `09` and `9.0` are 9)."""
    return node(ast.Duration, amount=plain(amount), unit=ast.DurationUnit(unit))


def plain(amount: Decimal) -> Decimal:
    """`amount` with no exponent and no trailing zeros, as the parser reads it back."""
    return Decimal(format(amount.normalize(), "f"))


def citation(instrument: str) -> ast.Citation:
    return node(ast.Citation, instrument=name(instrument))


def endpoint(step: str) -> ast.Endpoint:
    # Every field written out, `parallel` given as not, as the parser gives a single endpoint.
    return made(ast.Endpoint, {"span": _SPAN, "steps": (name(step),), "parallel": False}, _SINGLE)
