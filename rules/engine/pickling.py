"""Fast and safe serialisation of tthc values (documents, procedure summaries, diagnostics),
for the cache and for worker processes.

Input: values built of pydantic models from `tthc.dsl` (documents, diagnostics), enums, dates,
decimals and plain containers. Output: bytes, and those values back.

Why not plain `pickle`: pydantic's own `__setstate__` costs ~10 µs per node, so a parsed file
took as long to unpickle as to parse; here a model is rebuilt by setting its four attributes
directly (~1 µs). Why a restricted unpickler: the cache lives in the checked repository, which a
pull request controls; `loads` only ever builds `tthc.dsl` models and enums, a few standard
value types and containers, so a crafted cache file cannot run code (the technique of the
`pickle` documentation, "Restricting Globals"), and a model missing one of its fields is refused
when it is read, not when a rule trips over it later.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import importlib
import io
import pickle
from typing import Any

from pydantic import BaseModel

_new = object.__new__
_set = object.__setattr__
# One set object per distinct "fields given" set, shared by every node rebuilt here: a node
# has ~25 kinds of field sets but one set object each (216 bytes, more than the rest of a
# small node), which is most of a parsed file's memory. Sharing is safe: the models are
# frozen, and pydantic copies the set before it changes one (`model_copy(update=...)`).
_FIELD_SETS: dict[frozenset[str], set[str]] = {}


# The field names of each model class rebuilt here, read once: `cls.model_fields` is a pydantic
# property that builds its answer on every call, and a loaded file holds ~70 models.
_FIELD_NAMES: dict[type[BaseModel], frozenset[str]] = {}


def _field_names(cls: object) -> frozenset[str]:
    """The names of the fields of model class `cls`; raises if `cls` is not a model class."""
    if not isinstance(cls, type):
        raise pickle.UnpicklingError(f"not a model: {cls!r}")
    names = _FIELD_NAMES.get(cls)
    if names is None:
        if not issubclass(cls, BaseModel):
            raise pickle.UnpicklingError(f"not a model: {cls!r}")
        names = _FIELD_NAMES[cls] = frozenset(cls.model_fields)
    return names


def _model(
    cls: type[BaseModel],
    values: dict[str, Any],
    fields_set: set[str],
    extra: dict[str, Any] | None,
    private: dict[str, Any] | None,
) -> BaseModel:
    """A model rebuilt from its attributes, without validation (they were valid when saved)."""
    names = _field_names(cls)
    if not (isinstance(values, dict) and isinstance(fields_set, set)):
        raise pickle.UnpicklingError(f"not the attributes of a model: {cls.__name__}")
    if not values.keys() >= names:  # a renamed or missing field
        raise pickle.UnpicklingError(f"not the fields of a model: {cls.__name__}")
    model = _new(cls)
    _set(model, "__dict__", values)
    _set(
        model, "__pydantic_fields_set__", _FIELD_SETS.setdefault(frozenset(fields_set), fields_set)
    )
    _set(model, "__pydantic_extra__", extra)
    _set(model, "__pydantic_private__", private)
    return model


class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.field_sets: dict[frozenset[str], set[str]] = {}

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, BaseModel):
            given = obj.__pydantic_fields_set__
            return _model, (
                type(obj),
                obj.__dict__,
                # equal sets written once: the stream is a fifth smaller and loads faster
                self.field_sets.setdefault(frozenset(given), given),
                obj.__pydantic_extra__,
                obj.__pydantic_private__,
            )
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
            if isinstance(found, type) and issubclass(found, BaseModel | enum.Enum):
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
