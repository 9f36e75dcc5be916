"""TT5xx — deadlines (thời hạn giải quyết): the longest timed path against the legal time limit.

Input: a `ProcedureContext`. Output: `Finding`s for TT501-TT507, one module per rule, and
`longest_path`, the critical-path computation the runtime and the documentation can reuse (it
reads only the `Workflow` and `Settings`; what the clock counts is in its module's docstring).

    wording.py                     durations and deadlines in both languages
    deadline_exceeded.py           TT501 deadline-exceeded
    step_without_duration.py       TT502 step-without-duration
    deadline_longer_after_move.py  TT503 deadline-longer-after-move
    mixed_day_units.py             TT504 mixed-day-units
    phase_over_budget.py           TT505 phase-over-budget
    coordination_longer_than_step.py  TT506 coordination-longer-than-step
    extension_without_base.py      TT507 extension-without-base
"""

from tthc.compiler.analysis.durations import Scale, in_days, scale_of
from tthc.compiler.analysis.longest_path import (
    TimedPath,
    longest_at_most,
    longest_path,
    timed_steps,
)
from tthc.rules.base import Rule, rules_of
from tthc.rules.deadlines.coordination_longer_than_step import coordination_longer_than_step
from tthc.rules.deadlines.deadline_exceeded import deadline_exceeded
from tthc.rules.deadlines.deadline_longer_after_move import deadline_longer_after_move
from tthc.rules.deadlines.extension_without_base import extension_without_base
from tthc.rules.deadlines.mixed_day_units import mixed_day_units
from tthc.rules.deadlines.phase_over_budget import phase_over_budget
from tthc.rules.deadlines.step_without_duration import step_without_duration

__all__ = [
    "RULES",
    "Scale",
    "TimedPath",
    "deadline_exceeded",
    "in_days",
    "longest_at_most",
    "longest_path",
    "scale_of",
    "step_without_duration",
    "timed_steps",
]

RULES: tuple[Rule, ...] = rules_of(
    deadline_exceeded,
    step_without_duration,
    deadline_longer_after_move,
    mixed_day_units,
    phase_over_budget,
    coordination_longer_than_step,
    extension_without_base,
)
