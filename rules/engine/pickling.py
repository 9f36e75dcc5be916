"""Fast and safe serialisation of tthc values (documents, procedure summaries, diagnostics),
for the cache and for worker processes.

Input: values built of the records of `tthc.dsl` (documents, diagnostics: `tthc.dsl.frozen`),
enums, dates, decimals and plain containers. Output: bytes, and those values back.

Why not plain `pickle`: a record is written as a call of its class's builder with the tuple of
its field values; the builder (made once per class, `_builder`) sets the slots by one unpacking
assignment, with no state dict, no per-field call and no check by name: decoding a worker's
result of ~22 records cost ~48 µs a file with a general rebuilder, a third of it with these.
The builder's name carries a digest of the class's field names: a value written by a version
whose record has other fields names a builder that does not exist here, and is refused.
Encoding goes through the pickler's `dispatch_table` (C looks the class up) rather than a
`reducer_override` that Python runs for every object of the value.

Why a restricted unpickler: the cache lives in the checked repository, which a pull request
controls; `loads` only ever builds `tthc.dsl` records and enums, a few standard value types and
containers, so a crafted cache file cannot run code (the technique of the `pickle`
documentation, "Restricting Globals"), and a record missing one of its fields is refused when it
is read, not when a rule trips over it later. `_model` still reads the older form of a record
(class, field names, values), with the same refusals.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import hashlib
import importlib
import io
import pickle
from collections.abc import Callable
from operator import methodcaller
from typing import Any

from tthc.dsl.frozen import Frozen

_new = object.__new__


# Per record class: its fields and the setter of each slot, found once.
_SETTERS: dict[type, tuple[tuple[str, ...], tuple[Callable[[Any, Any], None], ...]]] = {}


def _model(cls: type[Frozen], names: tuple[str, ...], values: tuple[Any, ...]) -> Frozen:
    """A record rebuilt from its field names and values (the older form, still read)."""
    known = _SETTERS.get(cls)
    if known is None:
        if not (isinstance(cls, type) and issubclass(cls, Frozen)):
            raise pickle.UnpicklingError(f"not a model: {cls!r}")
        fields = cls._fields
        known = _SETTERS[cls] = (fields, tuple(getattr(cls, name).__set__ for name in fields))
    fields, setters = known
    if names != fields:  # a renamed or missing field
        raise pickle.UnpicklingError(f"not the fields of a model: {cls.__name__}")
    if not (type(values) is tuple and len(values) == len(fields)):
        raise pickle.UnpicklingError(f"not the attributes of a model: {cls.__name__}")
    model = _new(cls)
    for setter, value in zip(setters, values, strict=True):
        setter(model, value)
    return model


class _Reducers(dict[type, Callable[[Any], tuple[Any, ...]]]):
    """The pickler's reducers by class. A record class of `tthc.dsl` imported since the table
    was made is added when first met; any other class (an enum, a date) gets its own
    `__reduce_ex__`, looked up by C from then on, as the pickler would call it."""

    def __missing__(self, cls: type) -> Callable[[Any], tuple[Any, ...]]:
        if issubclass(cls, type):
            raise KeyError(cls)  # a class written as a value: the pickler's own way
        if issubclass(cls, Frozen):
            _record_classes()
            if cls in self:
                return self[cls]
        reduce: Callable[[Any], tuple[Any, ...]] = methodcaller(
            "__reduce_ex__", pickle.HIGHEST_PROTOCOL
        )
        self[cls] = reduce
        return reduce


# The builders by name (as streams name them) and the pickler's reducers by class: made for
# every record class of `tthc.dsl` on first use, and again for classes imported since.
_BUILDERS: dict[str, Callable[[tuple[Any, ...]], Frozen]] = {}
_REDUCERS = _Reducers()
_BUILT: set[type] = set()


def _builder_name(cls: type[Frozen]) -> str:
    signature = f"{cls.__module__}.{cls.__qualname__}({','.join(cls._fields)})"
    tag = hashlib.blake2b(signature.encode(), digest_size=6).hexdigest()
    return f"_record_{cls.__name__}_{tag}"


def _builder(cls: type[Frozen], name: str) -> Callable[[tuple[Any, ...]], Frozen]:
    """A function of the field values that makes the record: its slots set by one unpacking
    assignment, which refuses a tuple of another length. The source is made from the class's
    own field names (identifiers of `tthc.dsl`, never from a stream)."""
    fields = cls._fields
    if not all(field.isidentifier() for field in fields):
        raise TypeError(f"not a record of identifiers: {cls!r}")
    targets = "".join(f"record.{field}, " for field in fields) or "()"
    source = (
        f"def {name}(values):\n"
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
    built: Callable[[tuple[Any, ...]], Frozen] = scope[name]
    built.__module__ = __name__
    built.__qualname__ = name
    return built


def _record_classes() -> None:
    """Builders and reducers for the record classes of `tthc.dsl` not yet seen."""
    pending: list[type[Frozen]] = list(Frozen.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls in _BUILT or not cls.__module__.startswith("tthc.dsl."):
            continue
        name = _builder_name(cls)
        built = _builder(cls, name)
        globals()[name] = built  # where the pickler checks a global it writes
        _BUILDERS[name] = built
        _REDUCERS[cls] = _reducer(built, cls._values)
        _BUILT.add(cls)


def _reducer(
    built: Callable[[tuple[Any, ...]], Frozen], values: Callable[[Any], tuple[Any, ...]]
) -> Callable[[Any], tuple[Any, ...]]:
    def reduce(record: Any) -> tuple[Any, ...]:
        return built, (values(record),)

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
    (__name__, "_model"): _model,
}


# The classes `find_class` allowed, by module and name: it is asked for every class of every
# entry, and the import machinery is slow to answer.
_ALLOWED: dict[tuple[str, str], Any] = {}


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        known = _STANDARD.get((module, name)) or _ALLOWED.get((module, name))
        if known is not None:
            return known
        if module == __name__ and name.startswith("_record_"):
            if name not in _BUILDERS:
                _record_classes()
            if name in _BUILDERS:
                return _BUILDERS[name]
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
