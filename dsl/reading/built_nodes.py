"""AST nodes built from values whose types are already certain: field values → pydantic model.

Input: a model class and its field values, which the grammar and the parse callbacks have fixed
(an enum member, a `Decimal`, a tuple of nodes, a checked date). Output: the model instance
that validation would give, without validating again. Validation is most of the cost of a
node, and a 20-step procedure has about 450 of them (spans and names included).

A node gets what `model_construct` sets: every field in declaration order, the default of each
field not given, the set of fields given, no extra and no private values. It is written
through pydantic's own slots, in a third of the time `model_construct` takes.
`tests/dsl/test_built_nodes.py` holds each node to the validated one: equality, hash, field
order, fields given, the type of every value, the dump.
"""

from __future__ import annotations

from sys import intern
from typing import Any, TypeVar

from pydantic import BaseModel

from tthc.dsl.ast import Name
from tthc.dsl.span import Span, Where

Model = TypeVar("Model", bound=BaseModel)

_new = object.__new__
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_given = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__

_MISSING = object()
_TEMPLATES: dict[type[BaseModel], dict[str, Any]] = {}
# Nodes of one shape share one set of given field names: a set is ~200 bytes, and a parsed
# corpus holds millions of nodes. Frozen models never change the set after construction.
_GIVEN: dict[tuple[str, ...], set[str]] = {}
_EVERY: dict[type[BaseModel], set[str]] = {}
_NAME_GIVEN = {"span", "value"}
_SPAN_GIVEN = {"path", "line", "column", "end_line", "end_column"}


def _given(fields: dict[str, Any]) -> set[str]:
    key = tuple(fields)
    shared = _GIVEN.get(key)  # keyed by the names in order: cheaper to build than a frozenset
    if shared is None:
        shared = _GIVEN[key] = set(key)
    return shared


def build(model: type[Model], fields: dict[str, Any]) -> Model:
    values = (_TEMPLATES.get(model) or _template(model)).copy()
    values.update(fields)
    node = _new(model)
    _set_dict(node, values)
    _set_given(node, _given(fields))
    _set_extra(node, None)
    _set_private(node, None)
    return node


def _template(model: type[Model]) -> dict[str, Any]:
    template = {}
    for name, info in model.model_fields.items():
        if info.default_factory is not None:
            raise TypeError(f"{model.__name__}.{name}: a default factory is not supported")
        template[name] = _MISSING if info.is_required() else info.default
    _TEMPLATES[model] = template
    return template


def given(*names: str) -> set[str]:
    """The shared set of these field names, for `made`."""
    shared = _GIVEN.get(names)
    if shared is None:
        shared = _GIVEN[names] = set(names)
    return shared


def made(model: type[Model], values: dict[str, Any], given: set[str]) -> Model:
    """What `build` makes, from every field of the model in declaration order (the defaults
    written out) and the set of those the source gave (from `given`): for nodes of one shape,
    without merging into a template."""
    node = _new(model)
    _set_dict(node, values)
    _set_given(node, given)
    _set_extra(node, None)
    _set_private(node, None)
    return node


def whole(model: type[Model], values: dict[str, Any]) -> Model:
    """`made` for a node whose every field the source gave."""
    every = _EVERY.get(model)
    if every is None:
        every = _EVERY[model] = given(*model.model_fields)
    return made(model, values, every)


def name(value: str, where: Where) -> Name:
    """An identifier with its span (the commonest node: all fields given, no template)."""
    node = _new(Name)
    # Interned: an identifier is written many times (a step in the flow, an authority in every
    # procedure), and one string serves them all.
    _set_dict(node, {"span": span(where), "value": intern(value)})
    _set_given(node, _NAME_GIVEN)
    _set_extra(node, None)
    _set_private(node, None)
    return node


def span(where: Where) -> Span:
    path, line, column, end_line, end_column = where
    node = _new(Span)
    _set_dict(
        node,
        {
            "path": path,
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
        },
    )
    _set_given(node, _SPAN_GIVEN)
    _set_extra(node, None)
    _set_private(node, None)
    return node
