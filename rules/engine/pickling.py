"""Fast and safe serialisation of tthc values (documents, procedure summaries, diagnostics),
for the cache and for worker processes.

Input: values built of the records of `tthc.dsl` (documents, diagnostics: `tthc.dsl.frozen`),
enums, dates, decimals and plain containers. Output: bytes, and those values back.

Why not plain `pickle`: a record is written as its class and the tuple of its field values,
and rebuilt by setting its slots directly, without the copyreg protocol's state dict. Why a
restricted unpickler: the cache lives in the checked repository, which a pull request controls;
`loads` only ever builds `tthc.dsl` records and enums, a few standard value types and
containers, so a crafted cache file cannot run code (the technique of the `pickle`
documentation, "Restricting Globals"), and a record missing one of its fields is refused when it
is read, not when a rule trips over it later.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import importlib
import io
import pickle
from collections.abc import Callable
from typing import Any

from tthc.dsl.frozen import Frozen

_new = object.__new__


# Per record class: its fields and the setter of each slot, found once (a cold run rebuilds
# ~130,000 records from the worker's results; checking the class and looking each slot up by
# name every time was a fifth of the decoding).
_SETTERS: dict[type, tuple[tuple[str, ...], tuple[Callable[[Any, Any], None], ...]]] = {}


def _model(cls: type[Frozen], names: tuple[str, ...], values: tuple[Any, ...]) -> Frozen:
    """A record rebuilt from its field values, without validation (they were valid when saved)."""
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


class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, Frozen):
            # the names too (one tuple per class, written once per stream): a value written by a
            # version whose record has other fields is refused, not read into the wrong ones
            return _model, (type(obj), obj._fields, obj._values(obj))
        return NotImplemented


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
# entry (15 times per cached file), and the import machinery is slow to answer.
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
    buffer = io.BytesIO()
    _Pickler(buffer).dump(value)
    return buffer.getvalue()


def loads(data: bytes) -> Any:
    """The value saved by `dumps`. Raises on anything else: callers treat that as a miss."""
    return _Unpickler(io.BytesIO(data)).load()
