"""AST nodes built from values whose types are already certain: field values → node.

Input: a node class and its field values, which the grammar and the parse callbacks have fixed
(an enum member, a `Decimal`, a tuple of nodes, a checked date). Output: the node. The nodes
are plain records (`tthc.dsl.frozen`) that validate nothing, so each function here is their
`__init__`; what remains is the parser's own economy: identifiers interned, and spans made
from the tuples the parser carries. `given` and the `made`/`whole` forms stay for the callers
that name the fields a source gave (a pydantic model kept that set; a record does not).
`tests/dsl/test_built_nodes.py` holds each node to the one its `__init__` builds.
"""

from __future__ import annotations

from decimal import Decimal
from sys import intern
from typing import Any, TypeVar

from tthc.dsl.ast import Duration, DurationUnit, Endpoint, FlowLine, Name, Node
from tthc.dsl.span import Span, Where

Model = TypeVar("Model", bound=Node)

# The commonest nodes of a procedure (a name, a flow endpoint, a duration, a flow line) are made
# here without calling `__init__`, each field set as `__init__` sets it: a call with keyword
# arguments cost twice the making of the node (`tests/dsl/test_built_nodes.py` holds each to
# the node `__init__` builds).
_new = object.__new__


def build(model: type[Model], fields: dict[str, Any]) -> Model:
    """A node of `model` from the fields given (the others at their defaults)."""
    return model(**fields)


def given(*names: str) -> frozenset[str]:
    """The names of the fields a source gave, for `made` (kept for its callers' reading)."""
    return frozenset(names)


def made(model: type[Model], values: dict[str, Any], given: frozenset[str]) -> Model:
    """A node from every field of the model (the defaults written out)."""
    return model(**values)


def whole(model: type[Model], values: dict[str, Any]) -> Model:
    """`made` for a node whose every field the source gave."""
    return model(**values)


def name(value: str, where: Where) -> Name:
    """An identifier with its span (the commonest node)."""
    # Interned: an identifier is written many times (a step in the flow, an authority in every
    # procedure), and one string serves them all.
    node: Name = _new(Name)
    node.span = Span(*where)
    node.value = intern(value)
    return node


def single(name: Name) -> Endpoint:
    """The endpoint that is one name, with the name's span."""
    node: Endpoint = _new(Endpoint)
    node.span = name.span
    node.steps = (name,)
    node.parallel = False
    return node


def duration(where: Where, amount: Decimal, unit: DurationUnit) -> Duration:
    node: Duration = _new(Duration)
    node.span = Span(*where)
    node.amount = amount
    node.unit = unit
    return node


def flow_line(
    where: Where, path: tuple[Endpoint, ...], when: Name | None, otherwise: bool, paused: bool
) -> FlowLine:
    node: FlowLine = _new(FlowLine)
    node.span = Span(*where)
    node.path = path
    node.when = when
    node.otherwise = otherwise
    node.paused = paused
    return node


def span(where: Where) -> Span:
    return Span(*where)
