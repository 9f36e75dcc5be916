"""A configuration value read from TOML, as the type of the field it sets.

Input: the TOML value, the default value of the settings object it goes into (`Config`,
`Settings`, `Limits`) and the field's name. Output: `convert(...)`, the value as the field's
type or None when it does not fit, and `kind_in_words(...)`, what the field accepts in both
languages, for the message of a wrong value (`config_file`).
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from decimal import Decimal
from enum import StrEnum
from typing import Any

from tthc.dsl import Limits

_KINDS: dict[object, tuple[str, str]] = {
    int: ("một số nguyên không âm", "a whole number, 0 or more"),
    Decimal: ("một số không âm", "a number, 0 or more"),
    float: ("một số không âm", "a number, 0 or more"),
    bool: ("true hoặc false", "true or false"),
    str: ("một chuỗi", "a string"),
    dt.date: ("một ngày dạng 2025-07-01", "a date such as 2025-07-01"),
}


def kind_in_words(default: object, name: str) -> tuple[str, str]:
    """What a field accepts, in words, for the message of a wrong value."""
    if isinstance(default, Limits):
        return "một số nguyên dương", "a positive whole number"
    hint = _unless_none(typing.get_type_hints(type(default))[name])
    if typing.get_origin(hint) in _COLLECTIONS:
        vi, en = _KINDS.get((typing.get_args(hint) or (str,))[0], ("?", "?"))
        return f"một danh sách ({vi})", f"a list ({en} each)"
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        choices = " | ".join(f'"{m.value}"' for m in hint)
        return choices, choices
    return _KINDS.get(hint, (str(hint), str(hint)))


_COLLECTIONS = (frozenset, tuple, list, set)


def _unless_none(hint: Any) -> Any:
    """`X | None` as `X`: TOML has no null, so a value given is always an X."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    return args[0] if isinstance(hint, types.UnionType) and len(args) == 1 else hint


def convert(value: object, default: object, name: str) -> object | None:
    """The TOML value as the field's type, or None when it does not fit."""
    if isinstance(default, Limits):  # Limits knows its own bounds
        try:
            default.with_overrides({name: value})
        except ValueError:
            return None
        return value
    return _as(value, typing.get_type_hints(type(default))[name])


def _as(value: object, hint: Any) -> object | None:
    hint = _unless_none(hint)
    origin = typing.get_origin(hint)
    if origin in _COLLECTIONS:
        if not isinstance(value, list):
            return None
        items = [_as(item, (typing.get_args(hint) or (str,))[0]) for item in value]
        return None if any(item is None for item in items) else origin(items)
    if hint is bool or isinstance(value, bool):
        return value if hint is bool and isinstance(value, bool) else None
    if hint is int:
        return value if isinstance(value, int) and value >= 0 else None
    if hint in (Decimal, float):
        return hint(str(value)) if isinstance(value, int | float) and value >= 0 else None
    if hint is dt.date:
        return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else None
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        return hint(value) if value in {m.value for m in hint} else None
    return value if isinstance(hint, type) and isinstance(value, hint) else None
