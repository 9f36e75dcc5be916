"""Vietnamese working days: what day a time limit counted from a dossier ends on.

Input: the `holidays` package's calendar of Vietnam (public holidays of the Labour Code 2019
Art. 112, the lunar Tết and Hùng Vương days, the substituted days off and the Saturdays made
working days by the yearly swaps it knows) and optional `CalendarData`: days a province's
decision or a law not yet in the package adds or overrides. Output: `Calendar`, whose answers
the runtime (due dates), the checks and the outputs share, so that none can disagree.

The counting rules, in one place:
- A time limit is counted from the day the *complete* dossier is received (Civil Code 2015
  Arts. 147-148: the first day is not counted; a limit ending on a rest day or a public holiday
  ends on the next working day).
- A paper dossier (direct or postal) received at or after 15:00 counts as received at the start
  of the next working day (Decree 61/2018/NĐ-CP Art. 18, kept in the provincial practice of
  2025); so does one received on a day that is not a working day.
- `n working_days`: the due date is the n-th working day after the day of receipt; a fraction
  of a day is a whole day (a result "within 0.5 working days" is due at the end of that day).
- `n days`: n calendar days after the day of receipt, moved to the next working day when it
  falls on a rest day (Art. 148).
- `immediately`: the day of receipt itself.

Working-day arithmetic is the package's (`is_working_day`, `get_nth_working_day`); this module
only feeds it the extra data and the counting rules above.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from holidays import HolidayBase

# Decree 61/2018 Art. 18: a paper dossier received after 15:00 moves to the next working day.
PAPER_CUTOFF = dt.time(15, 0)


@dataclass(frozen=True)
class CalendarData:
    """Days the package does not know, from registry or configuration data.

    `days_off`: extra non-working days (a province's own holiday, a decree's swap not yet in the
    package), by date with the reason. `working_days`: days that are working days whatever the
    package says (a Saturday worked in exchange for a bridge day, a holiday moved away)."""

    days_off: Mapping[dt.date, str] = field(default_factory=dict)
    working_days: Mapping[dt.date, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, dict[str, str]]:
        return {
            "days_off": {d.isoformat(): why for d, why in sorted(self.days_off.items())},
            "working_days": {d.isoformat(): why for d, why in sorted(self.working_days.items())},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Mapping[str, str]]) -> CalendarData:
        """The inverse of `to_json`; raises `ValueError` on a malformed date (callers reading
        user files catch it and report it as a value)."""
        return cls(
            days_off={
                dt.date.fromisoformat(d): _text(w) for d, w in data.get("days_off", {}).items()
            },
            working_days={
                dt.date.fromisoformat(d): _text(w) for d, w in data.get("working_days", {}).items()
            },
        )


class Calendar:
    """Working days of Vietnam with the extra data applied, and the counting rules."""

    def __init__(self, data: CalendarData | None = None) -> None:
        import holidays  # imported here: the CLI's start-up path must not pay for it

        self.data = data or CalendarData()
        self._days: HolidayBase = holidays.country_holidays("VN")
        # `in` makes the package fill in the day's year first (it fills years lazily), so
        # that filling it later cannot undo the data.
        for day, why in self.data.days_off.items():
            if day not in self._days:
                self._days[day] = why
        self._working = frozenset(self.data.working_days)
        for day in self._working:
            if day in self._days:
                del self._days[day]
            self._days.weekend_workdays.add(day)
        # Answers kept by question: a runtime asks the same few days again for every command,
        # and the package normalises its key and walks day by day each time.
        self._nth: dict[tuple[dt.date, int], dt.date] = {}

    # -- days -------------------------------------------------------------------------------

    def is_working_day(self, day: dt.date) -> bool:
        return day in self._working or self._days.is_working_day(day)

    def holiday(self, day: dt.date) -> str | None:
        """The package's (or the data's) name of the day off, `None` on any other day."""
        return None if day in self._working else self._days.get(day)

    def next_working_day(self, day: dt.date, n: int = 1) -> dt.date:
        """The n-th working day after `day` (n >= 1); `n = 0`: `day` if it is a working day,
        else the next one."""
        key = (day, n)
        found = self._nth.get(key)
        if found is None:
            found = self._nth[key] = self._days.get_nth_working_day(day, n)
        return found

    def working_days_between(self, first: dt.date, last: dt.date) -> int:
        """Working days in [first, last], both counted; 0 when last < first."""
        if last < first:
            return 0
        return self._days.get_working_days_count(first, last)

    # -- counting rules ---------------------------------------------------------------------

    def day_of_receipt(self, received: dt.datetime, paper: bool) -> dt.date:
        """The day a time limit counts from: a paper dossier received at or after 15:00, or
        any dossier received on a day that is not a working day, counts from the next one."""
        day = received.date()
        if paper and received.time() >= PAPER_CUTOFF:
            return self.next_working_day(day)
        return self.next_working_day(day, 0)

    def due(self, start: dt.date, amount: Decimal | int, working: bool) -> dt.date:
        """The last day of a limit of `amount` (working) days counted from `start`."""
        whole = math.ceil(Decimal(amount))
        if whole <= 0:
            return self.next_working_day(start, 0)
        if working:
            return self.next_working_day(start, whole)
        return self.next_working_day(start + dt.timedelta(days=whole), 0)


def _text(reason: object) -> str:
    """A reason as text that any file can hold: a lone surrogate (`"\\ud800"` in the JSON)
    becomes "?"."""
    return str(reason).encode("utf-8", "replace").decode("utf-8")
