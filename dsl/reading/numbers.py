"""Bounds on the numbers a file may write: copies, staff, fees and durations.

Input: a number as written (digits, perhaps a fraction) and where it is. Output: a TT003
diagnostic when it is longer than any real procedure needs, and the bounded text to use in its
place, so that nothing later (Python's int-to-text limit of 4,300 digits, decimal arithmetic at
28 significant digits in the deadline rules, a database column) meets a number it cannot hold.

Why these bounds: a fee in đồng or a count of copies fits in 15 digits (a quadrillion); a
duration needs at most a few decimals (half a working day, a quarter of an hour). 15 + 6 digits
leave the deadline sums of a million steps inside decimal's 28 digits.
"""

from __future__ import annotations

from tthc.dsl.codes import make_diagnostic
from tthc.dsl.diagnostics import Diagnostic, Message
from tthc.dsl.span import Span

MAX_WHOLE_DIGITS = 15
MAX_FRACTION_DIGITS = 6
LARGEST = "9" * MAX_WHOLE_DIGITS


def too_long(digits: str) -> bool:
    whole, _, fraction = digits.partition(".")
    return len(whole.lstrip("+0")) > MAX_WHOLE_DIGITS or len(fraction) > MAX_FRACTION_DIGITS


def bounded(digits: str) -> str:
    """The number itself, or the largest one allowed when it is too long (its diagnostic,
    an error, is reported beside it)."""
    return LARGEST if too_long(digits) else digits


def number_problem(digits: str, span: Span) -> Diagnostic | None:
    if not too_long(digits):
        return None
    shown = digits if len(digits) <= 24 else f"{digits[:10]}…{digits[-4:]} ({len(digits)} chữ số)"
    shown_en = (
        digits if len(digits) <= 24 else f"{digits[:10]}…{digits[-4:]} ({len(digits)} digits)"
    )
    return make_diagnostic(
        "TT003",
        span,
        Message(
            vi=f"Số {shown} quá dài: tối đa {MAX_WHOLE_DIGITS} chữ số phần nguyên và"
            f" {MAX_FRACTION_DIGITS} chữ số thập phân",
            en=f"The number {shown_en} is too long: at most {MAX_WHOLE_DIGITS} whole digits and"
            f" {MAX_FRACTION_DIGITS} decimals",
        ),
        Message(vi="Sửa lại số cho đúng", en="Write the intended number"),
    )
