"""`tthc.rules.engine.pickling.loads` rebuilds only whole tthc models. Records are written as
calls of a builder named after their class and its fields: a builder of a class that is not a
record of `tthc.dsl`, of other fields (a record missing one, another version's record), or a
call with values of another count, is refused every time (the builders are made once and kept,
so the second refusal goes through them)."""

from __future__ import annotations

import datetime as dt
import pickle
from decimal import Decimal
from typing import Any

import pytest

from tthc.dsl import Diagnostic, Message, Severity, Span
from tthc.rules.engine import pickling
from tthc.rules.engine.pickling import dumps, loads


def _diagnostic() -> Diagnostic:
    return Diagnostic(
        code="TT101",
        name="a-name",
        severity=Severity.ERROR,
        message=Message(vi="một câu", en="a sentence"),
        span=Span(path="a.tthc", line=1, column=1, end_line=1, end_column=2),
    )


def test_a_model_comes_back_equal_and_twice() -> None:
    diagnostic = _diagnostic()
    assert loads(dumps([diagnostic, diagnostic])) == [diagnostic, diagnostic]


def _built(name: str, *arguments: Any) -> bytes:
    """A stream calling the builder `_lookup(name)` with the arguments: what a crafted cache
    holds (written by hand: the pickler writes only what exists)."""
    head = b"\x80\x02c" + pickling.__name__.encode() + b"\n_lookup\n"
    lookup = pickle.dumps((name,), protocol=2)[2:-1] + b"R"
    return head + lookup + pickle.dumps(arguments, protocol=2)[2:-1] + b"R."


def test_a_record_is_written_as_a_call_of_its_builder() -> None:
    data = dumps(_diagnostic())
    assert pickling._builder_name(Diagnostic).encode() in data and b"_model" not in data


def test_values_of_several_kinds_come_back_equal() -> None:
    value = (
        [_diagnostic(), _diagnostic()],
        Severity.WARNING,
        dt.date(2025, 1, 2),
        Decimal("1.50"),
        {"k": (1, "x")},
    )
    assert loads(dumps(value)) == value


def test_a_hand_written_call_of_a_builder_is_read() -> None:
    span = Span(path="a.tthc", line=1, column=1, end_line=1, end_column=2)
    assert loads(_built(pickling._builder_name(Span), ("a.tthc", 1, 1, 1, 2))) == span


@pytest.mark.parametrize("attempt", [1, 2])
def test_a_builder_of_other_fields_is_refused(attempt: int) -> None:
    other = pickling._builder_name(Span)[:-1] + "x"
    with pytest.raises(pickle.UnpicklingError, match="refused to load"):
        loads(_built(other, ("a.tthc", 1, 1, 1, 2)))


@pytest.mark.parametrize("attempt", [1, 2])
def test_a_record_missing_a_field_is_refused(attempt: int) -> None:
    values = Diagnostic._values(_diagnostic())[1:]  # no `code`
    name = pickling._tagged("record", Diagnostic, Diagnostic._fields[1:])
    with pytest.raises(pickle.UnpicklingError, match="refused to load"):
        loads(_built(name, values))


@pytest.mark.parametrize("attempt", [1, 2])
def test_a_class_that_is_not_a_record_is_refused(attempt: int) -> None:
    with pytest.raises(pickle.UnpicklingError, match="refused to load"):
        loads(_built(pickling._tagged("record", dt.date, ()), ()))


@pytest.mark.parametrize("values", [("a.tthc", 1, 1, 1), ["a.tthc", 1, 1, 1, 2]])
def test_values_of_another_count_or_not_a_tuple_are_refused(values: Any) -> None:
    with pytest.raises(pickle.UnpicklingError, match="not the attributes"):
        loads(_built(pickling._builder_name(Span), values))


def test_a_value_that_is_not_a_member_is_refused() -> None:
    data = dumps(Severity.ERROR)
    name = next(n for n in pickling._BUILDERS if n.startswith("member:Severity:"))
    assert name.encode() in data
    with pytest.raises(pickle.UnpicklingError, match="not a member"):
        loads(_built(name, "fatal"))


def test_other_globals_of_the_module_are_refused() -> None:
    for name in ("_record_classes", "_builder", "_model", "importlib", "exec"):
        stream = b"\x80\x02c" + pickling.__name__.encode() + b"\n" + name.encode() + b"\n."
        with pytest.raises(pickle.UnpicklingError, match="refused to load"):
            loads(stream)
