"""The AST's nodes, spans and diagnostics are frozen records (`tthc.dsl.frozen`), written out
by hand: each class's `__init__` takes exactly the fields the class declares, and a record
compares, hashes, copies, prints and pickles by its values, as the memo caches, the check
cache and the worker processes rely on.
"""

from __future__ import annotations

import pickle
from decimal import Decimal
from typing import ClassVar, get_origin, get_type_hints

import pytest

from tthc.dsl import Diagnostic, Message, Related, Severity, Span, ast
from tthc.dsl.frozen import Frozen, fields_of

RECORDS = sorted(
    [
        value
        for value in vars(ast).values()
        if isinstance(value, type) and issubclass(value, ast.Node) and value is not ast.Node
    ]
    + [Span, Message, Related, Diagnostic],
    key=lambda cls: cls.__name__,
)
SPAN = Span("a.tthc", 1, 2, 1, 5)


@pytest.mark.parametrize("cls", RECORDS, ids=[cls.__name__ for cls in RECORDS])
def test_init_takes_the_declared_fields_and_sets_each_slot(cls: type[Frozen]) -> None:
    declared = [
        name
        for name, hint in get_type_hints(cls).items()
        if get_origin(hint) is not ClassVar and hint is not ClassVar
    ]
    assert sorted(cls._fields) == sorted(declared)
    slots = [name for klass in cls.__mro__ for name in klass.__dict__.get("__slots__", ())]
    assert sorted(slots) == sorted(cls._fields)
    assert set(cls._aliases) <= set(cls._fields)
    assert all(field.annotation is not None for field in fields_of(cls).values())


def test_a_node_compares_and_hashes_by_value() -> None:
    one = ast.Name(span=SPAN, value="a")
    same = ast.Name(span=Span("a.tthc", 1, 2, 1, 5), value="a")
    other = ast.Name(span=SPAN, value="b")
    assert one == same and hash(one) == hash(same) and len({one, same, other}) == 2
    assert one != other
    assert one != ast.Text(span=SPAN, value="a")  # same fields, another kind of node


def test_a_node_prints_its_fields_in_order() -> None:
    assert repr(ast.Name(span=SPAN, value="a")) == (
        "Name(span=Span(path='a.tthc', line=1, column=2, end_line=1, end_column=5), value='a')"
    )


def test_a_copy_changes_only_what_it_is_asked_to() -> None:
    step = ast.Step(
        span=SPAN,
        id=ast.Name(span=SPAN, value="a"),
        kind=ast.StepKind.REVIEW,
        title="Thẩm định",
    )
    copy = step.model_copy(update={"counted": False})
    assert copy.counted is False and step.counted is True
    assert copy.model_copy(update={"counted": True}) == step


def test_a_dump_is_plain_data_in_field_order() -> None:
    duration = ast.Duration(span=SPAN, amount=Decimal("2.5"), unit=ast.DurationUnit.DAYS)
    assert list(duration.model_dump()) == ["span", "amount", "unit"]
    assert duration.model_dump(mode="json")["amount"] == "2.5"


def test_a_diagnostic_pickles_to_an_equal_one() -> None:
    diagnostic = Diagnostic(
        "TT101",
        "name",
        Severity.ERROR,
        Message("vi", "en"),
        SPAN,
        related=(Related(SPAN, Message("ở đây", "here")),),
    )
    assert pickle.loads(pickle.dumps(diagnostic)) == diagnostic
