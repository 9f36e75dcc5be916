"""Due dates of a case and of a hand-off, on the shared working-day calendar.

Input: the procedure (its `deadline` lines) or a step (its `takes`), the day counting starts
and the `Calendar`. Output: the due date. The counting rules are the calendar's
(`tthc.compiler.analysis.calendar`); this module only reads which limit applies.

- The case's limit is the procedure's first deadline without a condition (the first one when
  all have conditions); `immediately` is due on the day of receipt.
- Hours are turned into working days at `Settings.working_hours_per_day` (8, Labour Code 2019
  Art. 105) and rounded up, as a due date is a day.
- A procedure without a deadline has no due date: such a case is never overdue.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tthc.compiler import ProcedureModel
from tthc.compiler.analysis.calendar import Calendar
from tthc.compiler.analysis.settings import Settings
from tthc.dsl import ast


def limit_of(procedure: ProcedureModel) -> ast.Deadline | None:
    deadlines = procedure.node.deadlines
    plain = [d for d in deadlines if d.condition is None]
    found = plain or list(deadlines)
    return found[0] if found else None


def due_of_duration(
    calendar: Calendar, start: dt.date, duration: ast.Duration | None, settings: Settings
) -> dt.date:
    if duration is None:
        return calendar.due(start, 0, True)
    amount = duration.amount
    if duration.unit in (ast.DurationUnit.WORKING_HOURS, ast.DurationUnit.HOURS):
        amount = amount / settings.working_hours_per_day
    return calendar.due(start, Decimal(amount), duration.unit.is_working)


def case_due(
    calendar: Calendar, procedure: ProcedureModel, start: dt.date, settings: Settings
) -> dt.date | None:
    """When the result of a dossier complete on `start` is due, or `None` without a limit."""
    limit = limit_of(procedure)
    if limit is None:
        return None
    if limit.immediate:
        return calendar.due(start, 0, True)
    return due_of_duration(calendar, start, limit.duration, settings)
