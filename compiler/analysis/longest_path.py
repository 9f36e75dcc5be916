"""The longest timed path of a workflow: the critical path the legal clock counts (TT501, TT502).

Input: a `Workflow` and the `Settings`. Output: `longest_path(...) -> TimedPath | None` (its
steps in order, its total in days), `longest_within` (the same inside a set of steps: a phase)
and `timed_steps` (the steps whose durations the deadline depends on); `clock_of`, `weights_of`
and `tidy` are shared with `governed_path` (the longest path a deadline variant governs). It reads only the `Workflow` and `Settings`, so the runtime and the documentation
can reuse it.

What the clock counts:
- It starts at the first step after `start` (reception): the law counts from receipt of a
  complete dossier ("kể từ ngày nhận đủ hồ sơ hợp lệ", e.g. the Law on Civil Status 2014), and reception is counted,
  which errs on the safe side.
- Each step counts its `takes` once (without one, its longest coordination); a step without
  either counts 0 and is listed as untimed. A step marked `not counted` counts 0: the record
  says its time is outside the time limit (the applicant paying, a posting period).
- A `clock paused` arrow leaving a *supplement* step restarts the clock: what came before it is
  not counted and the clock starts again at the arrow's target, because the time limit
  restarts from zero once the full dossier is received (Decree 61/2018/NĐ-CP Art. 19, V; the
  successor Decree 118/2025 was not read, U). A supplement loop therefore counts once, after
  the dossier is complete. A `clock paused` arrow leaving any other step (waiting for a fee,
  for instance) only stops the clock: the waiting is free, the time before and after counts.
- An apology step (phiếu xin lỗi, hẹn lại) ends the timed path: what follows runs against the
  new appointment, not the legal deadline (Decree 61/2018 Art. 19(9), V).
- Exclusive choices and parallel branches both count as their longest branch (the critical
  path); a join waits for its slowest branch.
- Other loops are followed once around: an arrow back to a step already on the current path
  (depth first from `start`, in flow order) is not followed, so each step counts at most once.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from decimal import Decimal

from tthc.compiler import Workflow
from tthc.compiler.analysis.durations import (
    SCALES,
    Scale,
    day_rule,
    in_days,
    scale_of,
    step_time,
)
from tthc.compiler.analysis.flow.depth_first import depth_first
from tthc.compiler.analysis.settings import Settings
from tthc.dsl import ast

CALENDAR = ast.DayRule.CALENDAR_AS_WORKING
PLACES = Decimal("0.000001")  # totals are kept to a millionth of a day (1/24 does not end)


@dataclass(frozen=True)
class TimedPath:
    """The longest timed path: its steps in order, its total in days of `scale`."""

    steps: tuple[str, ...]
    total: Decimal
    scale: Scale
    untimed: tuple[str, ...] = ()  # steps on the path with no `takes` (counted 0)
    incomparable: tuple[str, ...] = ()  # steps whose unit cannot be put in `scale` (counted 0)


@dataclass(frozen=True)
class Clock:
    """The arrows the clock runs along, with `avoid`ed steps left out, and their order."""

    arrows: dict[str, list[str]]  # the arrows along which the clock runs, by source
    starts: list[str]  # where the clock (re)starts: `start`, and after each supplement
    stops: list[str]  # where a timed path ends: `end`, and each apology step
    order: list[str]  # what the clock reaches, in topological order once loops are cut
    preds: dict[str, list[str]]  # each node's predecessors along the arrows kept


class _Known:
    """What TT501 and TT502 ask of one workflow more than once: its clock for each set of
    avoided steps, its step weights for each scale and settings, and each longest path."""

    def __init__(self) -> None:
        self.clocks: dict[frozenset[str], Clock] = {}
        self.weights: dict[tuple[Scale, Settings], dict[str, Decimal | None]] = {}
        self.paths: dict[tuple[frozenset[str], Scale, Settings], TimedPath | None] = {}


def _known(workflow: Workflow) -> _Known:
    """Kept in `Workflow.facts`: it goes with the workflow (it refers to none)."""
    known: _Known | None = workflow.facts.get(_Known)
    if known is None:
        known = workflow.facts[_Known] = _Known()
    return known


def clock_of(workflow: Workflow, avoid: frozenset[str]) -> Clock:
    """The clock of a workflow with `avoid`ed steps left out, built once for each set."""
    clocks = _known(workflow).clocks
    clock = clocks.get(avoid)
    if clock is None:
        clock = clocks[avoid] = _build_clock(workflow, avoid)
    return clock


def _build_clock(workflow: Workflow, avoid: frozenset[str]) -> Clock:
    arrows: dict[str, list[str]] = {}
    starts = [workflow.start]
    for source, target, branch in workflow.arrows():
        if source in avoid or target in avoid:
            continue
        kind = workflow.kind(source)
        if kind is ast.StepKind.APOLOGY:
            continue
        if branch.paused and kind is ast.StepKind.SUPPLEMENT:
            if target not in starts:
                starts.append(target)
            continue
        targets = arrows.setdefault(source, [])
        if target not in targets:
            targets.append(target)
    apologies = [s.id.value for s in workflow.steps_of_kind(ast.StepKind.APOLOGY)]
    stops = [workflow.end, *(s for s in apologies if s not in avoid)]
    search = depth_first(starts, arrows)  # an arrow back into the current path is not followed
    return Clock(arrows, starts, stops, search.finished[::-1], search.preds)


def weights_of(workflow: Workflow, scale: Scale, settings: Settings) -> dict[str, Decimal | None]:
    """What each timed step counts in days of `scale` (`None`: its unit cannot be put in it),
    worked out once for each scale and settings."""
    known = _known(workflow).weights
    weights = known.get((scale, settings))
    if weights is None:
        weights = known[(scale, settings)] = _step_weights(workflow, scale, settings)
    return weights


def _step_weights(
    workflow: Workflow, scale: Scale, settings: Settings
) -> dict[str, Decimal | None]:
    rule = day_rule(workflow.procedure.node, settings)
    calendar_as_working = rule is ast.DayRule.CALENDAR_AS_WORKING
    weights: dict[str, Decimal | None] = {}
    for step in workflow.procedure.steps.values():
        time = step.duration
        if time is None and step.coordinates:
            time = step_time(step)
        if not step.counted:  # "không tính vào thời gian giải quyết"
            weights[step.id.value] = Decimal(0)
        elif time is not None:
            own = calendar_as_working if step.day_rule is None else step.day_rule is CALENDAR
            unit = time.unit
            if unit in _HOURS:
                weights[step.id.value] = in_days(
                    time, scale, calendar_as_working=own, settings=settings
                )
            else:  # `in_days` of days, written out: a weight for every step of every procedure
                weights[step.id.value] = time.amount if own or SCALES[unit] is scale else None
    return weights


_HOURS = (ast.DurationUnit.WORKING_HOURS, ast.DurationUnit.HOURS)


def longest_path(
    workflow: Workflow,
    *,
    avoid: Collection[str] = (),
    scale: Scale | None = None,
    settings: Settings | None = None,
) -> TimedPath | None:
    """The longest timed path from reception to `end` (or an apology), steps in `avoid` left
    out; `None` when no timed path reaches an end. See the module docstring for what counts.
    Worked out once per workflow and arguments."""
    settings = settings or Settings()
    scale = scale or scale_of(workflow.procedure.node)
    key = (frozenset(avoid), scale, settings)
    paths = _known(workflow).paths
    if key not in paths:
        paths[key] = _longest_path(workflow, key[0], scale, settings)
    return paths[key]


def longest_at_most(
    workflow: Workflow,
    scale: Scale | None = None,
    settings: Settings | None = None,
    *,
    avoid: Collection[str] = (),
) -> Decimal:
    """A bound no timed path exceeds, in days of `scale`, its rounding included: the sum of
    every positive step weight (a path counts each step at most once), steps in `avoid` left
    out, plus a millionth of a day for the rounding of a total to `PLACES`. Cheaper than
    `longest_path`: when the deadline is at least this, no path can exceed it."""
    settings = settings or Settings()
    scale = scale or scale_of(workflow.procedure.node)
    bound = PLACES  # a total rounds up by half of it at most
    for step, weight in weights_of(workflow, scale, settings).items():
        if weight is not None and weight > 0 and step not in avoid:
            bound += weight
    return bound


def _longest_path(
    workflow: Workflow, avoid: frozenset[str], scale: Scale, settings: Settings
) -> TimedPath | None:
    clock = clock_of(workflow, avoid)
    weights = weights_of(workflow, scale, settings)
    starts = set(clock.starts)
    total: dict[str, Decimal] = {}
    via: dict[str, str | None] = {}
    for node in clock.order:
        best: Decimal | None = Decimal(0) if node in starts else None
        came: str | None = None
        for pred in clock.preds.get(node, []):
            if pred in total and (best is None or total[pred] > best):
                best, came = total[pred], pred
        if best is not None:
            total[node] = best + (weights.get(node) or Decimal(0))
            via[node] = came
    reached = [stop for stop in clock.stops if stop in total]
    if not reached:
        return None
    last = max(reached, key=lambda stop: total[stop])  # the first of equals
    return _traced(last, via, total[last], scale, weights, lambda n: workflow.step(n) is not None)


def longest_within(
    workflow: Workflow,
    steps: Collection[str],
    *,
    scale: Scale | None = None,
    settings: Settings | None = None,
) -> TimedPath | None:
    """The longest timed path that runs only through `steps` (a phase, TT505): the arrows the
    clock runs along between two of them, in the order of the clock; `None` when the clock
    reaches none of them. What counts is what `longest_path` counts."""
    settings = settings or Settings()
    scale = scale or scale_of(workflow.procedure.node)
    inside = set(steps)
    clock = clock_of(workflow, frozenset())
    weights = weights_of(workflow, scale, settings)
    total: dict[str, Decimal] = {}
    via: dict[str, str | None] = {}
    for node in clock.order:
        if node not in inside:
            continue
        best, came = Decimal(0), None
        for pred in clock.preds.get(node, []):
            if pred in total and total[pred] > best:
                best, came = total[pred], pred
        total[node] = best + (weights.get(node) or Decimal(0))
        via[node] = came
    if not total:
        return None
    last = max(total, key=lambda node: total[node])
    return _traced(last, via, total[last], scale, weights, lambda node: True)


def _traced(
    last: str,
    via: dict[str, str | None],
    total: Decimal,
    scale: Scale,
    weights: dict[str, Decimal | None],
    kept: Callable[[str], bool],
) -> TimedPath:
    """The path that ends at `last`, followed back through `via`, its nodes that are `kept`
    (steps, not `start` and `end`) in order."""
    path: list[str] = []
    node: str | None = last
    while node is not None:
        path.append(node)
        node = via[node]
    steps = tuple(n for n in reversed(path) if kept(n))
    return TimedPath(
        steps=steps,
        total=tidy(total),
        scale=scale,
        untimed=tuple(s for s in steps if s not in weights),
        incomparable=tuple(s for s in steps if s in weights and weights[s] is None),
    )


def tidy(amount: Decimal) -> Decimal:
    """Kept to a millionth of a day, trailing zeros dropped, whole numbers without exponent."""
    amount = amount.quantize(PLACES).normalize()
    return amount.quantize(Decimal(1)) if amount == amount.to_integral_value() else amount


def timed_steps(workflow: Workflow) -> list[str]:
    """Steps on some timed path (reached by the clock and leading to an end), in declaration
    order: the steps whose durations the deadline depends on."""
    clock = clock_of(workflow, frozenset())
    reached = set(clock.order)
    sources: dict[str, list[str]] = {}
    for source, targets in clock.arrows.items():
        for target in targets:
            sources.setdefault(target, []).append(source)
    leads: set[str] = set()
    todo = [stop for stop in clock.stops if stop in reached]
    while todo:
        node = todo.pop()
        if node not in leads:
            leads.add(node)
            todo.extend(sources.get(node, []))
    return [s for s in workflow.step_ids() if s in leads and s in reached]
