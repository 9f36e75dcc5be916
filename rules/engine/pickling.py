"""Fast and safe serialisation of tthc values (documents, procedure summaries, diagnostics),
for the cache and for worker processes.

Input: values built of the records of `tthc.dsl` (documents, diagnostics: `tthc.dsl.frozen`),
enums, dates, decimals and plain containers. Output: bytes, and those values back.

Why not plain `pickle`: a record is written as a call of its class's builder with the tuple of
its field values; the builder (made once per class, `_builder`) sets the slots by one unpacking
assignment, with no state dict, no per-field call and no check by name; a member of an
enumeration is a dictionary look-up, not a call of its metaclass. Builders are not globals of
the stream: each is a `_Token`, written once per stream as `_lookup(name)` and then by memo
index, so the pickler imports and checks one global, not ~14 a file. A worker's result of ~22
records took ~47 µs to decode and ~42 µs to encode with the general form; ~19 and ~31 here
(`benchmarks/speedup.py --phases-of`). A builder's name carries a digest of its class's
field names (a member look-up's, of its values): a value written by a version whose record
has other fields names nothing here, and is refused. Encoding goes through the pickler's
`dispatch_table` (C looks the class up), not a `reducer_override` Python runs for every value.

Why a restricted unpickler: the cache lives in the checked repository, which a pull request
controls; `loads` only ever builds `tthc.dsl` records and enums, a few standard value types and
containers, so a crafted cache file cannot run code (the technique of the `pickle`
documentation, "Restricting Globals"), and a record missing one of its fields is refused when it
is read, not when a rule trips over it later. Only the form `dumps` writes is read: an entry of
an older form is in an older cache folder (`cache.LAYOUT`), never opened.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import hashlib
import importlib
import io
import pickle
from collections.abc import Callable, Iterable
from operator import attrgetter, methodcaller
from typing import Any

from tthc.dsl.frozen import Frozen

_new = object.__new__


class _Token:
    """Stands, in a stream, for one of the `_BUILDERS`: written as `_lookup(name)`, once per
    stream (the pickler keeps it in its memo), then referred to by a memo index. A function
    written as a global costs the pickler an import and a look-up to check it, and the
    unpickler a `find_class`, for every class in every entry (~14 a file: a third of the
    encoding); here only `_lookup` is a global."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __reduce__(self) -> tuple[Any, ...]:
        return _lookup, (self.name,)

    def __call__(self, argument: Any) -> Any:  # the pickler asks for a callable
        return _lookup(self.name)(argument)


class _Reducers(dict[type, Callable[[Any], tuple[Any, ...]]]):
    """The pickler's reducers by class. A record class or enumeration of `tthc.dsl` imported
    since the table was made is added when first met; any other class gets its own
    `__reduce_ex__`, looked up by C from then on, as the pickler would call it."""

    def __missing__(self, cls: type) -> Callable[[Any], tuple[Any, ...]]:
        if issubclass(cls, type):
            raise KeyError(cls)  # a class written as a value: the pickler's own way
        if issubclass(cls, Frozen | enum.Enum):
            _record_classes()
            if cls in self:
                return self[cls]
        reduce: Callable[[Any], tuple[Any, ...]] = methodcaller(
            "__reduce_ex__", pickle.HIGHEST_PROTOCOL
        )
        self[cls] = reduce
        return reduce


# What `_lookup` gives by name: a builder per record class, a look-up per enumeration of
# `tthc.dsl` (made on first use, and again for classes imported since), dates and decimals.
_BUILDERS: dict[str, Callable[..., Any]] = {"date": dt.date, "Decimal": decimal.Decimal}
_REDUCERS = _Reducers()
_BUILT: set[type] = set()


def _lookup(name: str) -> Callable[..., Any]:
    """The builder of that name: what a `_Token` is read as."""
    found = _BUILDERS.get(name)
    if found is None:
        _record_classes()
        found = _BUILDERS.get(name)
        if found is None:
            raise pickle.UnpicklingError(f"refused to load {name!r}")
    return found


def _tagged(kind: str, cls: type, parts: Iterable[str]) -> str:
    """A name of the class and a digest of its parts (field names, member values): a value
    written by a version whose class has other parts names nothing here, and is refused."""
    signature = f"{cls.__module__}.{cls.__qualname__}({','.join(parts)})"
    return f"{kind}:{cls.__name__}:{hashlib.blake2b(signature.encode(), digest_size=6).hexdigest()}"


def _builder_name(cls: type[Frozen]) -> str:
    return _tagged("record", cls, cls._fields)


def _builder(cls: type[Frozen]) -> Callable[[tuple[Any, ...]], Frozen]:
    """A function of the field values that makes the record: its slots set by one unpacking
    assignment, which refuses a tuple of another length. The source is made from the class's
    own field names (identifiers of `tthc.dsl`, never from a stream)."""
    fields = cls._fields
    if not all(field.isidentifier() for field in fields):
        raise TypeError(f"not a record of identifiers: {cls!r}")
    targets = "".join(f"record.{field}, " for field in fields) or "()"
    source = (
        "def build(values):\n"
        "    if type(values) is not tuple or len(values) != size:\n"
        "        raise UnpicklingError(refused)\n"
        "    record = new(cls)\n"
        f"    {targets} = values\n"
        "    return record\n"
    )
    scope: dict[str, Any] = {
        "new": _new,
        "cls": cls,
        "size": len(fields),
        "UnpicklingError": pickle.UnpicklingError,
        "refused": f"not the attributes of a model: {cls.__name__}",
    }
    exec(source, scope)  # a fixed source over the class's own field names
    built: Callable[[tuple[Any, ...]], Frozen] = scope["build"]
    return built


def _member(kind: type[enum.Enum]) -> Callable[[Any], enum.Enum]:
    """The function that gives a member of an enumeration by its value: a dictionary look-up,
    where calling the enumeration (what `pickle` does) runs its metaclass's `__call__`."""
    members = {member._value_: member for member in kind}

    def member(value: Any) -> enum.Enum:
        found = members.get(value)
        if found is None:
            raise pickle.UnpicklingError(f"not a member of {kind.__name__}: {value!r}")
        return found

    return member


def _record_classes() -> None:
    """Builders and reducers for the record classes and enumerations of `tthc.dsl` not yet
    seen, and for dates and decimals."""
    if not _BUILT:
        _REDUCERS[dt.date] = _reducer(_Token("date"), methodcaller("__reduce__"), index=1)
        _REDUCERS[decimal.Decimal] = _reducer(_Token("Decimal"), str, single=True)
        _BUILT.update((dt.date, decimal.Decimal))
    for base in (Frozen, enum.Enum):
        pending: list[type] = list(base.__subclasses__())
        while pending:
            cls = pending.pop()
            pending.extend(cls.__subclasses__())
            if cls in _BUILT or not cls.__module__.startswith("tthc.dsl."):
                continue
            if issubclass(cls, Frozen):
                name = _builder_name(cls)
                _BUILDERS[name] = _builder(cls)
                _REDUCERS[cls] = _reducer(_Token(name), cls._values)
            else:
                assert issubclass(cls, enum.Enum)
                name = _tagged("member", cls, [repr(m._value_) for m in cls])
                _BUILDERS[name] = _member(cls)
                _REDUCERS[cls] = _reducer(_Token(name), attrgetter("_value_"), single=True)
            _BUILT.add(cls)


def _reducer(
    token: _Token, values: Callable[[Any], Any], single: bool = False, index: int | None = None
) -> Callable[[Any], tuple[Any, ...]]:
    """What the pickler writes of a value: the token of its builder, and the builder's
    argument: a record's tuple of field values (`values`), a member's value or a decimal's
    text (`single`), a date's own arguments (`index`: taken from its `__reduce__`)."""
    if index is not None:

        def reduce_own(value: Any) -> tuple[Any, ...]:
            return token, values(value)[index]

        return reduce_own

    def reduce(value: Any) -> tuple[Any, ...]:
        return token, (values(value),)

    return reduce


class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.dispatch_table = _REDUCERS


_STANDARD = {
    ("datetime", "date"): dt.date,
    ("datetime", "datetime"): dt.datetime,
    ("datetime", "time"): dt.time,
    ("datetime", "timedelta"): dt.timedelta,
    ("datetime", "timezone"): dt.timezone,
    ("decimal", "Decimal"): decimal.Decimal,
    (__name__, "_lookup"): _lookup,
}


# The classes `find_class` allowed, by module and name: it is asked for every class of every
# entry, and the import machinery is slow to answer.
_ALLOWED: dict[tuple[str, str], Any] = {}


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        known = _STANDARD.get((module, name)) or _ALLOWED.get((module, name))
        if known is not None:
            return known
        if module.startswith("tthc.dsl.") and "." not in name:
            found = getattr(importlib.import_module(module), name, None)
            if isinstance(found, type) and issubclass(found, Frozen | enum.Enum):
                _ALLOWED[module, name] = found
                return found
        raise pickle.UnpicklingError(f"refused to load {module}.{name}")


def dumps(value: object) -> bytes:
    if not _BUILT:
        _record_classes()
    buffer = io.BytesIO()
    _Pickler(buffer).dump(value)
    return buffer.getvalue()


def loads(data: bytes) -> Any:
    """The value saved by `dumps`. Raises on anything else: callers treat that as a miss."""
    return _Unpickler(io.BytesIO(data)).load()
