"""Durations and deadlines as the TT5xx messages say them, in Vietnamese and English.

Input: amounts, `Duration`s and `Deadline`s of the AST, and the `Settings`. Output: `Message`s:
`2.5 ngày làm việc` / `2.5 working days`, a deadline with its condition, `ngay` as counted.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from tthc.compiler.analysis.durations import Scale
from tthc.compiler.analysis.settings import Settings
from tthc.dsl import Message, ast

UNIT_NAMES = {  # Vietnamese, English (plural; the singular drops the final "s")
    ast.DurationUnit.WORKING_DAYS: ("ngày làm việc", "working days"),
    ast.DurationUnit.DAYS: ("ngày", "days"),
    ast.DurationUnit.WORKING_HOURS: ("giờ làm việc", "working hours"),
    ast.DurationUnit.HOURS: ("giờ", "hours"),
}


def number_text(amount: Decimal, lang: str) -> str:
    """An amount to two decimals, written as the language reads it in both languages (`2.5`):
    a drafter copies it back into `takes 2.5 working_days`, where `2,5` would be a syntax
    error, so the Vietnamese decimal comma is not used here."""
    del lang  # one spelling for both languages, kept in the signature for the callers
    return format(amount.quantize(Decimal("0.01")).normalize(), "f")


def quantity(amount: Decimal, unit: ast.DurationUnit) -> Message:
    """An amount with its unit: `2.5 ngày làm việc` / `2.5 working days`, `1 working day`."""
    vi, en = UNIT_NAMES[unit]
    en = en[:-1] if amount == 1 else en
    number = number_text(amount, "vi")  # the same spelling in both languages
    return Message(vi=f"{number} {vi}", en=f"{number} {en}")


def amount_text(duration: ast.Duration) -> Message:
    """A duration as written: its amount and unit."""
    amount = duration.amount
    return _amount_text(amount, amount.is_signed(), duration.unit)


# Kept by value: the deadline rules say the durations of every step of every file (~11 per
# draft of `tthc import`), most of them the same few, and a message is a frozen model, safe to
# share. Equal amounts of one sign (`2.5`, `2.50`) are written alike; `-0` and `0` are equal
# but written differently, hence the sign in the key.
@lru_cache(maxsize=1024)
def _amount_text(amount: Decimal, signed: bool, unit: ast.DurationUnit) -> Message:
    del signed  # in the key only
    return quantity(amount, unit)


def days_text(amount: Decimal, scale: Scale) -> Message:
    """An amount of days of a scale."""
    return quantity(amount, ast.DurationUnit(scale.value))


def limit_text(deadline: ast.Deadline, settings: Settings) -> Message:
    """A deadline: its duration and condition, or `ngay` with the days it counts as."""
    if deadline.duration is None:
        days = number_text(settings.immediate_deadline_days, "vi")
        return Message(
            vi=f"'ngay' (tính là {days} ngày làm việc)",
            en=f"'immediately' (counted as {number_text(settings.immediate_deadline_days, 'en')} "
            "working day)",
        )
    text = amount_text(deadline.duration)
    if deadline.least is not None:
        low = number_text(deadline.least, "vi")
        text = Message(vi=f"{low}–{text.vi}", en=f"{low} to {text.en}")
    if deadline.extension:
        text = Message(vi=f"thêm {text.vi}", en=f"{text.en} more")
    if deadline.condition is None:
        return text
    return Message(
        vi=f'{text.vi} khi "{deadline.condition}"', en=f'{text.en} when "{deadline.condition}"'
    )
