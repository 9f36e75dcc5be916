"""Amounts in messages are written as the language accepts them, in both languages: a drafter
copies `0.5` back into the file, where `0,5` is a syntax error."""

from __future__ import annotations

from decimal import Decimal

from tthc.dsl import ast
from tthc.rules.deadlines.wording import number_text, quantity


def test_a_half_day_is_written_with_a_decimal_point_in_vietnamese_too() -> None:
    assert number_text(Decimal("0.5"), "vi") == "0.5"
    assert quantity(Decimal("2.50"), ast.DurationUnit.WORKING_DAYS).vi == "2.5 ngày làm việc"
    assert quantity(Decimal("1"), ast.DurationUnit.WORKING_DAYS).en == "1 working day"
