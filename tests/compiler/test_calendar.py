"""The working-day calendar on real 2025 and 2026 dates: Tết, Hùng Vương, 30/4-1/5, 2/9, the
swapped days the `holidays` package knows, data that adds or overrides days, the 15:00 rule
for paper dossiers and the counting rules of the Civil Code (Arts. 147-148)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tthc.compiler.analysis.calendar import Calendar, CalendarData

D = dt.date
CALENDAR = Calendar()


@pytest.mark.parametrize(
    ("day", "working", "why"),
    [
        (D(2025, 1, 28), False, "Tết Ất Tỵ (lunar)"),
        (D(2025, 2, 3), True, "first Monday after Tết 2025"),
        (D(2025, 4, 7), False, "Hùng Vương 2025 (10/3 lunar)"),
        (D(2025, 4, 26), True, "Saturday worked in exchange for 2 May 2025"),
        (D(2025, 5, 2), False, "the substituted day off of 2025"),
        (D(2025, 9, 1), False, "National Day 2025, the adjacent day"),
        (D(2025, 9, 2), False, "National Day 2025"),
        (D(2026, 2, 17), False, "Tết Bính Ngọ (lunar)"),
        (D(2026, 4, 27), False, "Hùng Vương 2026 falls on Sunday: Monday off"),
        (D(2026, 8, 22), True, "Saturday worked in exchange for 31 August 2026"),
        (D(2026, 8, 31), False, "the substituted day off of 2026"),
        (D(2026, 11, 24), False, "Vietnam Cultural Day 2026"),
        (D(2026, 11, 25), True, "an ordinary Wednesday"),
        (D(2026, 11, 28), False, "an ordinary Saturday"),
    ],
)
def test_working_days_of_2025_and_2026(day: dt.date, working: bool, why: str) -> None:
    assert CALENDAR.is_working_day(day) is working, why


@pytest.mark.parametrize(
    ("start", "amount", "working", "due"),
    [
        # Friday before Tết 2025: 3 working days skip the whole Tết week.
        (D(2025, 1, 24), 3, True, D(2025, 2, 5)),
        # Friday 25 April 2025: the next working day is the swapped Saturday.
        (D(2025, 4, 25), 1, True, D(2025, 4, 26)),
        # 29 April 2025: 30/4, 1/5 and the swapped 2/5 are off, then the weekend.
        (D(2025, 4, 29), 1, True, D(2025, 5, 5)),
        # Half a working day is due the next working day (the first day is not counted).
        (D(2025, 8, 29), Decimal("0.5"), True, D(2025, 9, 3)),
        # Calendar days ending on a holiday end on the next working day (Art. 148).
        (D(2026, 2, 2), 15, False, D(2026, 2, 23)),
        (D(2026, 11, 9), 15, False, D(2026, 11, 25)),
        # Immediately: the day of receipt.
        (D(2026, 3, 4), 0, True, D(2026, 3, 4)),
    ],
)
def test_due_dates_follow_the_civil_code(
    start: dt.date, amount: Decimal | int, working: bool, due: dt.date
) -> None:
    assert CALENDAR.due(start, amount, working) == due


@pytest.mark.parametrize(
    ("received", "paper", "counts_from"),
    [
        (dt.datetime(2026, 3, 4, 14, 59), True, D(2026, 3, 4)),
        (dt.datetime(2026, 3, 4, 15, 0), True, D(2026, 3, 5)),
        (dt.datetime(2026, 3, 4, 16, 30), False, D(2026, 3, 4)),  # online: no cut-off
        (dt.datetime(2026, 3, 6, 16, 0), True, D(2026, 3, 9)),  # Friday after 15:00
        (dt.datetime(2026, 2, 15, 9, 0), False, D(2026, 2, 23)),  # Sunday before Tết
    ],
)
def test_the_15_oclock_rule_for_paper_dossiers(
    received: dt.datetime, paper: bool, counts_from: dt.date
) -> None:
    assert CALENDAR.day_of_receipt(received, paper) == counts_from


def test_data_adds_a_provincial_day_off_and_overrides_a_holiday() -> None:
    data = CalendarData(
        days_off={D(2026, 3, 10): "Ngày giải phóng tỉnh (quyết định của UBND tỉnh)"},
        working_days={D(2026, 8, 31): "hoán đổi bị hủy", D(2026, 3, 14): "thứ Bảy làm bù"},
    )
    calendar = Calendar(data)
    assert not calendar.is_working_day(D(2026, 3, 10))
    assert calendar.holiday(D(2026, 3, 10)) == "Ngày giải phóng tỉnh (quyết định của UBND tỉnh)"
    assert calendar.is_working_day(D(2026, 8, 31))
    assert calendar.is_working_day(D(2026, 3, 14))
    assert calendar.due(D(2026, 3, 9), 1, True) == D(2026, 3, 11)
    # The package's own calendar is untouched by another calendar's data.
    assert CALENDAR.is_working_day(D(2026, 3, 10))
    assert not CALENDAR.is_working_day(D(2026, 8, 31))


def test_calendar_data_round_trips_through_json() -> None:
    data = CalendarData(days_off={D(2027, 1, 4): "x"}, working_days={D(2027, 1, 9): "y"})
    assert CalendarData.from_json(data.to_json()) == data


def test_working_days_between_counts_both_ends() -> None:
    assert (
        CALENDAR.working_days_between(D(2025, 4, 28), D(2025, 5, 5)) == 3
    )  # 28, 29 April and 5 May
    assert CALENDAR.working_days_between(D(2025, 5, 5), D(2025, 4, 28)) == 0
