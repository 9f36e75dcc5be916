"""The pydantic mirror of the AST, made on demand from the fields the node classes declare.

Input: a node class of `tthc.dsl.ast` (or `Span`), and data to validate against it. Output:
`model(cls)`, a frozen pydantic model with the node's name, docstring, fields, types, defaults
and aliases (the YAML keys), its nested nodes mirrored too, so its JSON schema is the YAML form's
(`tthc.dsl.yaml.schema`); `load(cls, data)`, the node from validated data (deploy bundles);
`validated(cls, values)`, the node of the fields the YAML front end read, or what validation
finds wrong in them.

Only the YAML front end, `tthc schema` and deploy bundles import this module (and pydantic with
it): a DSL check builds its nodes directly and never needs pydantic.
"""

from __future__ import annotations

import types
from typing import Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from tthc.dsl.frozen import Frozen, fields_of

F = TypeVar("F", bound=Frozen)

# Aliases are the DSL keywords (`by`, `takes`, `from`, `to`), which the YAML form uses as keys
# too; data read back from a bundle names the fields themselves.
_CONFIG = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, from_attributes=True)
_MODELS: dict[type[Frozen], type[BaseModel]] = {}
_NODES: dict[type[BaseModel], type[Frozen]] = {}


def model(cls: type[Frozen]) -> type[BaseModel]:
    """The pydantic model of node class `cls` (made once)."""
    known = _MODELS.get(cls)
    if known is not None:
        return known
    definitions: dict[str, Any] = {}
    for name, field in fields_of(cls).items():
        annotation = _mirrored(field.annotation)
        if field.required:
            definitions[name] = (annotation, Field(alias=field.alias))
        else:
            definitions[name] = (annotation, Field(field.default, alias=field.alias))
    made: type[BaseModel] = create_model(
        cls.__name__,
        __config__=_CONFIG,
        __doc__=cls.__dict__.get("__doc__"),
        __module__=cls.__module__,
        **definitions,
    )
    _MODELS[cls] = made
    _NODES[made] = cls
    return made


def _mirrored(annotation: Any) -> Any:
    """`annotation` with every node class replaced by its model."""
    if isinstance(annotation, type) and issubclass(annotation, Frozen):
        return model(annotation)
    origin = get_origin(annotation)
    if origin is tuple:
        return tuple[_mirrored(get_args(annotation)[0]), ...]  # type: ignore[misc]
    if origin in (Union, types.UnionType):
        mirrored = [_mirrored(arg) for arg in get_args(annotation)]
        result = mirrored[0]
        for arg in mirrored[1:]:
            result = result | arg
        return result
    return annotation


def load(cls: type[F], data: Any) -> F:
    """The node of `cls` that `data` (plain JSON, fields by name or alias) validates as; raises
    pydantic's `ValidationError` if it does not."""
    node = _node(model(cls).model_validate(data))
    assert isinstance(node, cls)
    return node


def _node(value: Any) -> Any:
    cls = _NODES.get(type(value))
    if cls is not None:
        fields = {name: _node(getattr(value, name)) for name in cls._fields}
        return cls(**fields)
    if isinstance(value, tuple):
        return tuple(_node(item) for item in value)
    return value


def validated(cls: type[F], values: dict[str, Any]) -> tuple[F | None, list[Any]]:
    """The node of `cls` with these fields (by name; nested values nodes already) as pydantic
    validates them, or none and pydantic's errors. A nested node is kept as it was given (it was
    validated when it was made); any other value is the one validation gives."""
    try:
        checked = model(cls).model_validate(values)
    except ValidationError as error:
        return None, list(error.errors())
    fields = {}
    for name in cls._fields:
        given = values.get(name)
        fields[name] = given if _is_nodes(given) else _node(getattr(checked, name))
    return cls(**fields), []


def _is_nodes(value: Any) -> bool:
    return isinstance(value, Frozen) or (
        isinstance(value, tuple) and bool(value) and isinstance(value[0], Frozen)
    )
