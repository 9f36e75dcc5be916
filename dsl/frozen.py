"""The base of tthc's value classes (AST nodes, spans, messages, diagnostics): frozen records.

Input: a class that declares its fields as `__slots__` (with annotations for the type checker)
and an explicit `__init__` taking them by name, in the order of the record. Output: equality
and hashing by value (the memo caches and sets rely on both), `repr`, `model_copy(update=...)`,
`model_dump(mode=...)` (what pydantic's gives: nested nodes as dicts; in JSON mode enums by
value, decimals as text, dates in ISO form, tuples as lists), and `fields_of(cls)`: each field's
annotation, alias and default, for the YAML front end, the printers and the pydantic mirror
(`tthc.dsl.models`).

Why not pydantic or dataclasses: a one-file `tthc check` validates nothing, yet paid for
importing pydantic and making 25 model classes (~310 M of 1.67 G instructions, cachegrind);
a frozen dataclass costs ~4 M instructions to create (its decorator compiles generated code).
A class here costs what `class` costs, plus one `attrgetter` (running `ast.py`, 20 node classes
and 12 enumerations: ~11 M instructions; ~53 M as pydantic models). "Frozen" is a contract,
not a guard (a guard would tax every construction): a record is not changed once it is in use;
`model_copy` makes a new one, and only the importer's `located` sets the spans of a draft's
fresh nodes, before anything holds them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum
from operator import attrgetter
from typing import Any, ClassVar, NamedTuple, Self, TypeVar

F = TypeVar("F", bound="Frozen")


class Frozen:
    """A record of named fields, compared and hashed by their values."""

    __slots__ = ()

    # Every field, the inherited ones first (declaration order), and a getter of their values.
    _fields: ClassVar[tuple[str, ...]] = ()
    _aliases: ClassVar[dict[str, str]] = {}
    _values: ClassVar[Any]

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        init = cls.__dict__.get("__init__")
        if init is not None:  # the parameters of `__init__` name the fields, in order
            code = init.__code__
            fields = list(code.co_varnames[1 : code.co_argcount + code.co_kwonlyargcount])
        else:
            fields = [name for klass in cls.__mro__ for name in klass.__dict__.get("__slots__", ())]
        cls._fields = tuple(fields)
        if len(fields) > 1:
            cls._values = attrgetter(*fields)
        elif fields:
            only = attrgetter(fields[0])
            cls._values = lambda node: (only(node),)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return bool(self._values(self) == self._values(other))

    def __hash__(self) -> int:
        return hash(self._values(self))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self._items())
        return f"{type(self).__name__}({shown})"

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuilt, (type(self), self._values(self))

    def _items(self) -> zip[tuple[str, Any]]:
        return zip(self._fields, self._values(self), strict=True)

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Self:
        """A copy with some fields changed (not validated, as pydantic's is not)."""
        values = dict(self._items())
        if update:
            values.update(update)
        return rebuilt(type(self), values)

    def model_dump(self, *, mode: str = "python") -> dict[str, Any]:
        """The fields as a dict, nested nodes too; `mode="json"`: JSON values only."""
        return {name: _dumped(value, mode == "json") for name, value in self._items()}


def rebuilt(cls: type[F], values: dict[str, Any]) -> F:
    """A node of `cls` from its every field by name, without calling `__init__`."""
    node = object.__new__(cls)
    for name in cls._fields:
        object.__setattr__(node, name, values[name])
    return node


def _rebuilt(cls: type[F], values: tuple[Any, ...]) -> F:
    node = object.__new__(cls)
    for name, value in zip(cls._fields, values, strict=True):
        object.__setattr__(node, name, value)
    return node


def _dumped(value: Any, json: bool) -> Any:
    if isinstance(value, Frozen):
        return {name: _dumped(item, json) for name, item in value._items()}
    if isinstance(value, tuple):
        items = [_dumped(item, json) for item in value]
        return items if json else tuple(items)
    if json:
        if isinstance(value, Enum):
            return value.value
        if isinstance(value, Decimal):
            return str(value)
        if isinstance(value, dt.date):
            return value.isoformat()
    return value


class Field(NamedTuple):
    """What a field declares: its type, the key it is written with, whether it must be given."""

    annotation: Any
    alias: str | None
    required: bool
    default: Any


_FIELDS: dict[type[Frozen], dict[str, Field]] = {}


def fields_of(cls: type[Frozen]) -> dict[str, Field]:
    """The fields of a record class in declaration order (resolved once, on first use)."""
    known = _FIELDS.get(cls)
    if known is None:
        from typing import get_type_hints

        hints = get_type_hints(cls)
        init = cls.__init__
        defaults = {**_positional_defaults(init), **(init.__kwdefaults__ or {})}
        known = _FIELDS[cls] = {
            name: Field(
                hints[name], cls._aliases.get(name), name not in defaults, defaults.get(name)
            )
            for name in cls._fields
        }
    return known


def _positional_defaults(init: Any) -> dict[str, Any]:
    code = init.__code__
    defaults = init.__defaults__ or ()
    names = code.co_varnames[1 : code.co_argcount]
    return dict(zip(names[len(names) - len(defaults) :], defaults, strict=True))
