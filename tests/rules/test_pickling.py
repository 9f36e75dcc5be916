"""`tthc.rules.engine.pickling.loads` rebuilds only whole tthc models: a stream naming something
that is not a model class, or a model with one of its fields missing, is refused every time
(the field names of a class are read once and kept, so the second refusal goes through them)."""

from __future__ import annotations

import datetime as dt
import pickle
from typing import Any

import pytest

from tthc.dsl import Diagnostic, Message, Severity, Span
from tthc.rules.engine.pickling import _model, dumps, loads


class _Forged:
    """Pickles as a call of `_model` with the arguments given: what a crafted cache holds."""

    def __init__(self, *arguments: Any) -> None:
        self.arguments = arguments

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _model, self.arguments


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


@pytest.mark.parametrize("attempt", [1, 2])
def test_a_model_missing_a_field_is_refused(attempt: int) -> None:
    diagnostic = _diagnostic()
    names, values = Diagnostic._fields[1:], Diagnostic._values(diagnostic)[1:]  # no `code`
    forged = dumps(_Forged(Diagnostic, names, values))
    with pytest.raises(pickle.UnpicklingError, match="not the fields"):
        loads(forged)


@pytest.mark.parametrize("attempt", [1, 2])
def test_a_class_that_is_not_a_model_is_refused(attempt: int) -> None:
    forged = pickle.dumps(_Forged(dt.date, (), ()))
    with pytest.raises(pickle.UnpicklingError, match="not a model"):
        loads(forged)


def test_attributes_that_are_not_a_tuple_are_refused() -> None:
    forged = pickle.dumps(_Forged(Diagnostic, Diagnostic._fields, ["code"]))
    with pytest.raises(pickle.UnpicklingError, match="not the attributes"):
        loads(forged)
