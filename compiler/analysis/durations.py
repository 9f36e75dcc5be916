"""Durations in days: what a step or a deadline lasts, on one scale of days.

Input: `Duration`s of the AST and the `Settings`. Output: the scale a procedure counts in (`Scale`,
`scale_of`), a duration in days of that scale (`in_days`: `None` when working and calendar days
would mix), the durations a procedure declares (`declared_durations`, `step_duration`), and those of
the other kind of day when no rule converts them (`mixed_durations`, TT504).
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from tthc.compiler import Workflow
from tthc.compiler.analysis.settings import Settings
from tthc.dsl import ast

HOURS_PER_DAY = Decimal(24)  # a calendar day; hours are calendar hours


class Scale(StrEnum):
    """The day a computation counts in: working days or calendar days."""

    WORKING = "working_days"
    CALENDAR = "days"

    @classmethod
    def of(cls, unit: ast.DurationUnit) -> Scale:
        return SCALES[unit]


# The scale of each unit, looked up rather than worked out: every step duration asks.
SCALES = {unit: Scale.WORKING if unit.is_working else Scale.CALENDAR for unit in ast.DurationUnit}


def in_days(
    duration: ast.Duration,
    scale: Scale,
    *,
    calendar_as_working: bool = False,
    settings: Settings | None = None,
) -> Decimal | None:
    """The duration in days of `scale`; `None` when working and calendar days would mix.

    Working hours are `settings.working_hours_per_day` to a working day (8, unverified); hours
    are 24 to a day. Working and calendar days compare only under `day_rule calendar_as_working`,
    which counts one calendar day as one working day.
    """
    amount, unit = duration.amount, duration.unit
    if unit is ast.DurationUnit.WORKING_HOURS:
        settings = settings or Settings()
        if settings.working_hours_per_day <= 0:  # a misconfigured day cannot convert hours
            return None
        amount = amount / settings.working_hours_per_day
    elif unit is ast.DurationUnit.HOURS:
        amount = amount / HOURS_PER_DAY
    return amount if calendar_as_working or SCALES[unit] is scale else None


def scale_of(procedure: ast.Procedure) -> Scale:
    """The scale of the first deadline given as a duration, else of the first step duration."""
    for deadline in procedure.deadlines:  # the first of `declared_durations`, found in place
        if deadline.duration is not None:
            return SCALES[deadline.duration.unit]
    for step in procedure.steps:
        if step.duration is not None:
            return SCALES[step.duration.unit]
    return Scale.WORKING


def step_duration(workflow: Workflow, node: str) -> ast.Duration | None:
    """The time a step counts (`step_time`), or `None` for `start`, `end` or an untimed step."""
    step = workflow.step(node)
    return None if step is None else step_time(step)


def step_time(step: ast.Step) -> ast.Duration | None:
    """What a step counts: its `takes`; without one, the longest time of its coordinations
    (`coordinates x for 3 days`), which run inside it; `None` when it states no time at all."""
    if step.duration is not None or not step.coordinates:
        return step.duration
    timed = [c.duration for c in step.coordinates if c.duration is not None]
    if not timed:
        return None
    return max(timed, key=lambda d: in_days(d, Scale.WORKING, calendar_as_working=True) or 0)


def declared_durations(procedure: ast.Procedure) -> list[ast.Duration]:
    """Deadline durations, then step durations, then coordination times, in source order (the
    old deadline of `moved` is history under another law and is left out, and so are the times
    of steps `not counted`, which are never compared with the deadline)."""
    deadlines = [d.duration for d in procedure.deadlines if d.duration is not None]
    counted = [s for s in procedure.steps if s.counted and not _converts(s)]
    steps = [s.duration for s in counted if s.duration is not None]
    coordinations = [c.duration for s in counted for c in s.coordinates if c.duration is not None]
    return [*deadlines, *steps, *coordinations]


def _converts(step: ast.Step) -> bool:
    """A step that declares its own `day_rule calendar_as_working`: its days compare with any."""
    return step.day_rule is ast.DayRule.CALENDAR_AS_WORKING


def day_rule(procedure: ast.Procedure, settings: Settings | None = None) -> ast.DayRule:
    """The rule a procedure's days compare under: its own `day_rule`, else the setting."""
    if procedure.day_rule is not None:
        return procedure.day_rule
    return (settings or Settings()).day_rule


def mixed_durations(procedure: ast.Procedure) -> tuple[ast.Duration, list[ast.Duration]] | None:
    """The reference duration and those of the other kind of day, unless the procedure itself
    declares how they compare (`day_rule calendar_as_working`)."""
    if procedure.day_rule is ast.DayRule.CALENDAR_AS_WORKING:
        return None
    if len(_units(procedure)) < 2:
        return None  # one kind of day (most procedures), or no duration at all
    durations = declared_durations(procedure)
    reference = durations[0]
    working = reference.unit.is_working
    odd = [d for d in durations if d.unit.is_working != working]
    return (reference, odd) if odd else None


def _units(procedure: ast.Procedure) -> set[Scale]:
    """The scales of the durations a procedure declares (`declared_durations`), read in place."""
    # One pass, no lists: TT504 asks for every procedure, and nearly all have one kind of day.
    scales = SCALES
    found = {scales[d.duration.unit] for d in procedure.deadlines if d.duration is not None}
    converting = ast.DayRule.CALENDAR_AS_WORKING
    for step in procedure.steps:
        if not step.counted or step.day_rule is converting:  # as `declared_durations`
            continue
        if step.duration is not None:
            found.add(scales[step.duration.unit])
        for coordination in step.coordinates:
            if coordination.duration is not None:
                found.add(scales[coordination.duration.unit])
    return found
