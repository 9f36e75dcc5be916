"""TT5xx — deadlines (thời hạn giải quyết): the longest timed path against the legal time limit.

Input: a `ProcedureContext`. Output: `Finding`s for TT501-TT504, and `longest_path`, the
critical-path computation the runtime and the documentation can reuse (it reads only the
`Workflow` and `Settings`).

What the clock counts (`longest_path`):
- It starts at the first step after `start` (reception): the law counts from receipt of a
  complete dossier ("kể từ ngày nhận đủ hồ sơ hợp lệ"; BRIEF.md §5), and reception is counted,
  which errs on the safe side.
- Each step counts its `takes` once; a step without one counts 0 and is listed as untimed.
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

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from tthc.compiler import Workflow
from tthc.dsl import Message, Related, ast
from tthc.rules.base import Finding, ProcedureContext, Rule
from tthc.rules.settings import Settings

__all__ = ["Scale", "TimedPath", "in_days", "longest_path", "scale_of", "timed_steps"]

HOURS_PER_DAY = Decimal(24)  # a calendar day; hours are calendar hours
PLACES = Decimal("0.000001")  # totals are kept to a millionth of a day (1/24 does not end)
UNIT_NAMES = {  # Vietnamese, English (plural; the singular drops the final "s")
    ast.DurationUnit.WORKING_DAYS: ("ngày làm việc", "working days"),
    ast.DurationUnit.DAYS: ("ngày", "days"),
    ast.DurationUnit.WORKING_HOURS: ("giờ làm việc", "working hours"),
    ast.DurationUnit.HOURS: ("giờ", "hours"),
}


class Scale(StrEnum):
    """The day a computation counts in: working days or calendar days."""

    WORKING = "working_days"
    CALENDAR = "days"

    @classmethod
    def of(cls, unit: ast.DurationUnit) -> Scale:
        return cls.WORKING if unit.is_working else cls.CALENDAR


@dataclass(frozen=True)
class TimedPath:
    """The longest timed path: its steps in order, its total in days of `scale`."""

    steps: tuple[str, ...]
    total: Decimal
    scale: Scale
    untimed: tuple[str, ...] = ()  # steps on the path with no `takes` (counted 0)
    incomparable: tuple[str, ...] = ()  # steps whose unit cannot be put in `scale` (counted 0)


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
    settings = settings or Settings()
    amount = duration.amount
    if duration.unit is ast.DurationUnit.WORKING_HOURS:
        if settings.working_hours_per_day <= 0:  # a misconfigured day cannot convert hours
            return None
        amount = amount / settings.working_hours_per_day
    elif duration.unit is ast.DurationUnit.HOURS:
        amount = amount / HOURS_PER_DAY
    return amount if calendar_as_working or Scale.of(duration.unit) is scale else None


def scale_of(procedure: ast.Procedure) -> Scale:
    """The scale of the first deadline given as a duration, else of the first step duration."""
    first = next(iter(_durations(procedure)), None)
    return Scale.WORKING if first is None else Scale.of(first.unit)


@dataclass(frozen=True)
class _Clock:
    arrows: dict[str, list[str]]  # the arrows along which the clock runs, by source
    starts: list[str]  # where the clock (re)starts: `start`, and after each supplement
    stops: list[str]  # where a timed path ends: `end`, and each apology step


def _clock(workflow: Workflow, avoid: Collection[str]) -> _Clock:
    arrows: dict[str, list[str]] = {}
    starts = [workflow.start]
    for source, target, branch in workflow.arrows():
        if source in avoid or target in avoid:
            continue
        if workflow.kind(source) is ast.StepKind.APOLOGY:
            continue
        if branch.paused and workflow.kind(source) is ast.StepKind.SUPPLEMENT:
            if target not in starts:
                starts.append(target)
            continue
        targets = arrows.setdefault(source, [])
        if target not in targets:
            targets.append(target)
    apologies = [s.id.value for s in workflow.steps_of_kind(ast.StepKind.APOLOGY)]
    stops = [workflow.end, *(s for s in apologies if s not in avoid)]
    return _Clock(arrows, starts, stops)


def _without_loops(clock: _Clock) -> tuple[list[str], dict[str, list[str]]]:
    """A topological order of what the clock reaches, and each node's predecessors, once an
    arrow back to a node on the current depth-first path has been dropped."""
    done: list[str] = []
    state: dict[str, bool] = {}  # True while on the current path, False once finished
    preds: dict[str, list[str]] = {}
    for root in clock.starts:
        if root in state:
            continue
        state[root] = True
        stack = [(root, iter(clock.arrows.get(root, [])))]
        while stack:
            node, targets = stack[-1]
            target = next(targets, None)
            if target is None:
                stack.pop()
                state[node] = False
                done.append(node)
            elif state.get(target) is not True:  # not an arrow back into the current path
                preds.setdefault(target, []).append(node)
                if target not in state:
                    state[target] = True
                    stack.append((target, iter(clock.arrows.get(target, []))))
    return done[::-1], preds


def _weight(workflow: Workflow, node: str, scale: Scale, settings: Settings) -> Decimal | None:
    step = workflow.step(node)
    if step is None or step.duration is None:
        return Decimal(0)
    calendar_as_working = workflow.procedure.node.day_rule is ast.DayRule.CALENDAR_AS_WORKING
    return in_days(step.duration, scale, calendar_as_working=calendar_as_working, settings=settings)


def longest_path(
    workflow: Workflow,
    *,
    avoid: Collection[str] = (),
    scale: Scale | None = None,
    settings: Settings | None = None,
) -> TimedPath | None:
    """The longest timed path from reception to `end` (or an apology), steps in `avoid` left
    out; `None` when no timed path reaches an end. See the module docstring for what counts."""
    settings = settings or Settings()
    scale = scale or scale_of(workflow.procedure.node)
    clock = _clock(workflow, set(avoid))
    order, preds = _without_loops(clock)
    total: dict[str, Decimal] = {}
    via: dict[str, str | None] = {}
    for node in order:
        best: Decimal | None = Decimal(0) if node in clock.starts else None
        came: str | None = None
        for pred in preds.get(node, []):
            if pred in total and (best is None or total[pred] > best):
                best, came = total[pred], pred
        if best is not None:
            total[node] = best + (_weight(workflow, node, scale, settings) or Decimal(0))
            via[node] = came
    reached = [stop for stop in clock.stops if stop in total]
    if not reached:
        return None
    last: str | None = max(reached, key=lambda stop: total[stop])  # the first of equals
    path: list[str] = []
    while last is not None:
        path.append(last)
        last = via[last]
    steps = tuple(n for n in reversed(path) if workflow.step(n) is not None)
    return TimedPath(
        steps=steps,
        total=_tidy(total[path[0]]),
        scale=scale,
        untimed=tuple(s for s in steps if _duration(workflow, s) is None),
        incomparable=tuple(
            s
            for s in steps
            if _duration(workflow, s) is not None and _weight(workflow, s, scale, settings) is None
        ),
    )


def _tidy(amount: Decimal) -> Decimal:
    """Kept to a millionth of a day, trailing zeros dropped, whole numbers without exponent."""
    amount = amount.quantize(PLACES).normalize()
    return amount.quantize(Decimal(1)) if amount == amount.to_integral_value() else amount


def timed_steps(workflow: Workflow) -> list[str]:
    """Steps on some timed path (reached by the clock and leading to an end), in declaration
    order: the steps whose durations the deadline depends on."""
    clock = _clock(workflow, ())
    reached = set(_without_loops(clock)[0])
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


def _duration(workflow: Workflow, node: str) -> ast.Duration | None:
    step = workflow.step(node)
    return None if step is None else step.duration


def _durations(procedure: ast.Procedure) -> list[ast.Duration]:
    """Deadline durations, then step durations, in source order (the old deadline of `moved`
    is history under another law and is left out)."""
    deadlines = [d.duration for d in procedure.deadlines if d.duration is not None]
    return [*deadlines, *(s.duration for s in procedure.steps if s.duration is not None)]


def _mixed(procedure: ast.Procedure) -> tuple[ast.Duration, list[ast.Duration]] | None:
    """The reference duration and those of the other kind of day, when undeclared."""
    if procedure.day_rule is ast.DayRule.CALENDAR_AS_WORKING:
        return None
    durations = _durations(procedure)
    if not durations:
        return None
    reference = durations[0]
    odd = [d for d in durations if d.unit.is_working != reference.unit.is_working]
    return (reference, odd) if odd else None


# --- wording ------------------------------------------------------------------------------


def _number(amount: Decimal, lang: str) -> str:
    text = format(amount.quantize(Decimal("0.01")).normalize(), "f")
    return text.replace(".", ",") if lang == "vi" else text


def _quantity(amount: Decimal, unit: ast.DurationUnit) -> Message:
    vi, en = UNIT_NAMES[unit]
    en = en[:-1] if amount == 1 else en
    return Message(vi=f"{_number(amount, 'vi')} {vi}", en=f"{_number(amount, 'en')} {en}")


def _amount(duration: ast.Duration) -> Message:
    return _quantity(duration.amount, duration.unit)


def _days(amount: Decimal, scale: Scale) -> Message:
    return _quantity(amount, ast.DurationUnit(scale.value))


def _limit(deadline: ast.Deadline, settings: Settings) -> Message:
    if deadline.duration is None:
        days = _number(settings.immediate_deadline_days, "vi")
        return Message(
            vi=f"'ngay' (tính là {days} ngày làm việc)",
            en=f"'immediately' (counted as {_number(settings.immediate_deadline_days, 'en')} "
            "working day)",
        )
    text = _amount(deadline.duration)
    if deadline.condition is None:
        return text
    return Message(
        vi=f'{text.vi} khi "{deadline.condition}"', en=f'{text.en} when "{deadline.condition}"'
    )


# --- the rules ----------------------------------------------------------------------------


def _limit_days(
    deadline: ast.Deadline, scale: Scale, procedure: ast.Procedure, settings: Settings
) -> Decimal | None:
    if deadline.immediate or deadline.duration is None:
        return settings.immediate_deadline_days
    rule = procedure.day_rule is ast.DayRule.CALENDAR_AS_WORKING
    return in_days(deadline.duration, scale, calendar_as_working=rule, settings=settings)


def deadline_exceeded(context: ProcedureContext) -> Iterator[Finding]:
    """The longest processing path takes longer than the legal deadline.

    What it checks:
        The longest timed path (`longest_path`: from reception to the result, the clock
        restarting after a supplement request, parallel branches counting their slowest branch,
        a path through an apology step ending there) against the deadline. Conditional deadlines (`deadline 6 working_days when "cần xác
        minh"`) extend the limit for the case that needs verification: every path that avoids
        all verification steps must fit the unconditional deadline, and every path must fit the
        longest deadline. `deadline immediately` is counted as `immediate_deadline_days` (1
        working day, a setting). Not checked when TT504 finds mixed units.
    Why it matters:
        The time limit (thời hạn giải quyết) is part of every procedure (Decree 63/2010/NĐ-CP
        Art. 8(2)(đ)) and runs from receipt of the complete dossier, restarting once a
        supplemented dossier is complete (Decree 61/2018/NĐ-CP Art. 19; Decree 118/2025 not
        read, unverified). A published internal process whose step times do not add up to the
        deadline produces late dossiers by design (BRIEF.md §7, problem 13).
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          deadline 3 working_days
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 1 working_days
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer takes 2 working_days
            ky decision "Ký Giấy khai sinh" by commune.chairman takes 1 working_days
            tra result "Trả kết quả" by commune.one_stop takes 0.5 working_days
          }
          flow {
            start -> tiep_nhan -> kiem_tra -> ky -> tra -> end
          }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          deadline 3 working_days
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 0.5 working_days
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer takes 1 working_days
            ky decision "Ký Giấy khai sinh" by commune.chairman takes 1 working_days
            tra result "Trả kết quả" by commune.one_stop takes 0.5 working_days
          }
          flow {
            start -> tiep_nhan -> kiem_tra -> ky -> tra -> end
          }
        }
        ```
    """
    procedure, workflow, settings = context.procedure.node, context.workflow, context.settings
    if not procedure.deadlines or _mixed(procedure) is not None:
        return
    scale = scale_of(procedure)
    limits = [(d, _limit_days(d, scale, procedure, settings)) for d in procedure.deadlines]
    known = [(d, days) for d, days in limits if days is not None]
    if not known:
        return
    widest = max(known, key=lambda item: item[1])
    plain = [item for item in known if item[0].condition is None]
    checks: list[tuple[ast.Deadline, Decimal, frozenset[str]]] = []
    if plain:
        base = min(plain, key=lambda item: item[1])
        verification = frozenset(
            s.id.value for s in workflow.steps_of_kind(ast.StepKind.VERIFICATION)
        )
        checks.append((base[0], base[1], verification))
    checks.append((widest[0], widest[1], frozenset()))
    reported: set[tuple[str, ...]] = set()
    for deadline, days, avoid in checks:
        path = longest_path(workflow, avoid=avoid, scale=scale, settings=settings)
        if path is None or path.total <= days or path.steps in reported:
            continue
        reported.add(path.steps)
        yield _exceeded(context, deadline, path, bool(avoid))


def _exceeded(
    context: ProcedureContext, deadline: ast.Deadline, path: TimedPath, plain: bool
) -> Finding:
    route = " → ".join(path.steps)
    total, limit = _days(path.total, path.scale), _limit(deadline, context.settings)
    note = (
        Message(vi=" (đường không qua bước xác minh)", en=" (a path without verification)")
        if plain
        else Message(vi="", en="")
    )
    related = []
    for node in path.steps:
        duration = _duration(context.workflow, node)
        span = context.workflow.span_of(node) if duration is None else duration.span
        took = (
            _amount(duration)
            if duration is not None
            else Message(vi="chưa ghi thời gian, tính 0", en="no duration, counted 0")
        )
        related.append(
            Related(span=span, message=Message(vi=f"{node}: {took.vi}", en=f"{node}: {took.en}"))
        )
    return Finding(
        deadline.span,
        Message(
            vi=f"Đường xử lý dài nhất{note.vi} {route} mất {total.vi}, vượt thời hạn giải "
            f"quyết {limit.vi}",
            en=f"The longest processing path{note.en} {route} takes {total.en}, more than the "
            f"deadline of {limit.en}",
        ),
        help=Message(
            vi="Rút ngắn thời gian các bước trên đường này hoặc cho các bước độc lập chạy song "
            "song; nếu văn bản công bố ghi thời hạn khác, sửa dòng 'deadline'. Thời gian chờ "
            "người nộp bổ sung hồ sơ không tính khi bước bổ sung đi tiếp bằng 'clock paused'",
            en="Shorten the steps on this path or run independent steps in parallel; if the "
            "published decision states another deadline, correct the 'deadline' line. Time "
            "waiting for the applicant to supplement is not counted when the supplement step "
            "goes on with 'clock paused'",
        ),
        related=tuple(related),
    )


def step_without_duration(context: ProcedureContext) -> Iterator[Finding]:
    """A step on a timed path has no duration.

    What it checks:
        When the deadline is a duration, every step on a timed path (one the clock runs through
        on the way to the result, see `longest_path`) must say how long it takes (`takes`).
        Steps only on the supplement branch before a restart, or after an apology, are not
        timed. A procedure whose result is given at once (`deadline immediately`) is not timed
        step by step, even when verification extends its deadline.
    Why it matters:
        The time limit is part of every procedure (Decree 63/2010/NĐ-CP Art. 8(2)(đ)), and
        provinces publish an internal process (quy trình nội bộ) with a time for every step,
        which must add up to it (BRIEF.md §3.3 and §7, problem 13); a step without a time makes
        TT501 count it as 0 and hides an overrun.
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          deadline 3 working_days
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 0.5 working_days
            ky decision "Ký Giấy khai sinh" by commune.chairman
            tra result "Trả kết quả" by commune.one_stop takes 0.5 working_days
          }
          flow {
            start -> tiep_nhan -> ky -> tra -> end
          }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          deadline 3 working_days
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 0.5 working_days
            ky decision "Ký Giấy khai sinh" by commune.chairman takes 1 working_days
            tra result "Trả kết quả" by commune.one_stop takes 0.5 working_days
          }
          flow {
            start -> tiep_nhan -> ky -> tra -> end
          }
        }
        ```
    """
    procedure, workflow = context.procedure.node, context.workflow
    deadline = next((d for d in procedure.deadlines if d.duration is not None), None)
    if deadline is None or any(d.immediate for d in procedure.deadlines):
        return
    limit = _limit(deadline, context.settings)
    for node in timed_steps(workflow):
        step = workflow.step(node)
        if step is None or step.duration is not None:
            continue
        yield Finding(
            step.id.span,
            Message(
                vi=f"Bước '{node}' nằm trên đường tính thời hạn nhưng không ghi thời gian thực "
                "hiện",
                en=f"The step '{node}' is on a timed path but has no duration",
            ),
            help=Message(
                vi="Thêm thời gian theo quy trình nội bộ đã công bố, ví dụ: takes 1 "
                "working_days (bước trả kết quả ngay: takes 0 working_days)",
                en="Add the time from the published internal process, for example: takes 1 "
                "working_days (a step done at once: takes 0 working_days)",
            ),
            related=(
                Related(
                    span=deadline.span,
                    message=Message(
                        vi=f"Thời hạn giải quyết {limit.vi}", en=f"The deadline: {limit.en}"
                    ),
                ),
            ),
        )


LEVEL_NAMES = {
    ast.Level.CENTRAL: ("trung ương", "central"),
    ast.Level.PROVINCE: ("cấp tỉnh", "province"),
    ast.Level.DISTRICT: ("cấp huyện", "district"),
    ast.Level.COMMUNE: ("cấp xã", "commune"),
}


def deadline_longer_after_move(context: ProcedureContext) -> Iterator[Finding]:
    """A moved procedure now has a longer deadline than before the move.

    What it checks:
        For a procedure with `moved { from ... deadline N ... }`, the unconditional deadline
        (the first one written without `when`, else the first one) against the old deadline.
        Working days and calendar days are compared under `day_rule calendar_as_working`, or
        when the new deadline is in working days and the old one in calendar days (a working
        day is at least a calendar day, so "more working days than the old number of days" is
        surely longer); otherwise the two are not compared.
    Why it matters:
        The 2025 reform moved procedures to the commune to serve people closer and faster: the
        land first-registration certificate went from 23 days over two levels to 20 days at one
        level (Decree 151/2025/NĐ-CP Appendix I; BRIEF.md §6.4). No law forbids a longer
        deadline, so this is a warning: check the new text, and suppress with a reason if it
        really is longer.
    Example:
        ```tthc
        procedure "1.012753" "Đăng ký đất đai, cấp Giấy chứng nhận lần đầu" {
          moved { from district deadline 20 days }
          deadline 23 days
        }
        ```
    Use instead:
        ```tthc
        procedure "1.012753" "Đăng ký đất đai, cấp Giấy chứng nhận lần đầu" {
          moved { from district deadline 23 days }
          deadline 20 days
        }
        ```
    """
    procedure = context.procedure.node
    moved = procedure.moved
    current = [(d, d.duration) for d in procedure.deadlines if d.duration is not None]
    if moved is None or moved.deadline is None or not current:
        return
    deadline, duration = next(((d, t) for d, t in current if d.condition is None), current[0])
    new_scale = Scale.of(duration.unit)
    rule = procedure.day_rule is ast.DayRule.CALENDAR_AS_WORKING
    new = in_days(duration, new_scale, settings=context.settings)
    old = in_days(moved.deadline, new_scale, calendar_as_working=rule, settings=context.settings)
    if old is None and new_scale is Scale.WORKING:  # a working day is at least a calendar day
        old = in_days(moved.deadline, Scale.CALENDAR, settings=context.settings)
    if new is None or old is None or new <= old:
        return
    level_vi, level_en = LEVEL_NAMES[moved.level]
    now, before = _amount(duration), _amount(moved.deadline)
    yield Finding(
        deadline.span,
        Message(
            vi=f"Thời hạn giải quyết {now.vi} dài hơn thời hạn trước khi chuyển từ {level_vi} "
            f"({before.vi})",
            en=f"The deadline of {now.en} is longer than before the move from the {level_en} "
            f"level ({before.en})",
        ),
        help=Message(
            vi="Đối chiếu thời hạn với văn bản công bố sau khi chuyển cấp; nếu văn bản thật sự "
            "kéo dài thời hạn, bỏ qua cảnh báo này kèm lý do",
            en="Check the deadline against the decision published after the move; if the text "
            "really lengthens it, suppress this warning with the reason",
        ),
        related=(
            Related(
                span=moved.deadline.span,
                message=Message(
                    vi=f"Thời hạn trước khi chuyển: {before.vi}",
                    en=f"The deadline before the move: {before.en}",
                ),
            ),
        ),
    )


def mixed_day_units(context: ProcedureContext) -> Iterator[Finding]:
    """Working days and calendar days are mixed with no rule to compare them.

    What it checks:
        The deadlines and step durations of a procedure must all count working time
        (`working_days`, `working_hours`) or all calendar time (`days`, `hours`), unless the
        procedure declares `day_rule calendar_as_working` (one calendar day counts as one
        working day). The first duration of the other kind is reported; the first deadline (or
        the first step duration) sets the kind. The old deadline in `moved` is not included.
        Within a kind, working hours convert at 8 to the working day (a setting) and hours at
        24 to the day.
    Why it matters:
        Texts state some limits in working days ("ngày làm việc") and others in days ("15
        ngày", Law on Civil Status 2014 Art. 38; "23 ngày" for land): the unit must be kept per
        procedure (BRIEF.md §5). A working day skips weekends and the public holidays of Labour
        Code 2019 Art. 112, and periods follow Civil Code 2015 Arts. 147-148, so 15 days and 15
        working days end on different dates and cannot be added or compared as they are.
    Example:
        ```tthc
        procedure "1.012753" "Đăng ký đất đai, cấp Giấy chứng nhận lần đầu" {
          deadline 20 days
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 1 working_days
          }
          flow {
            start -> tiep_nhan -> end
          }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.012753" "Đăng ký đất đai, cấp Giấy chứng nhận lần đầu" {
          deadline 20 days
          day_rule calendar_as_working
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 1 working_days
          }
          flow {
            start -> tiep_nhan -> end
          }
        }
        ```
    """
    mixed = _mixed(context.procedure.node)
    if mixed is None:
        return
    reference, odd = mixed
    first, unit, kind = odd[0], _amount(odd[0]), _amount(reference)
    also = [
        Related(
            span=d.span,
            message=Message(
                vi=f"Cũng khác loại ngày: {_amount(d).vi}",
                en=f"Also the other kind: {_amount(d).en}",
            ),
        )
        for d in odd[1:]
    ]
    yield Finding(
        first.span,
        Message(
            vi=f"Thời gian {unit.vi} không so sánh được với {kind.vi}: thủ tục trộn ngày làm việc "
            "với ngày lịch mà không khai báo quy tắc quy đổi",
            en=f"The time of {unit.en} cannot be compared with {kind.en}: the procedure mixes "
            "working days with calendar days and declares no rule to convert them",
        ),
        help=Message(
            vi="Dùng một loại ngày cho mọi thời hạn và thời gian bước, đúng như văn bản công bố; "
            "hoặc thêm dòng 'day_rule calendar_as_working' để tính một ngày lịch như một ngày làm "
            "việc",
            en="Use one kind of day for every deadline and step time, as the published decision "
            "does; or add the line 'day_rule calendar_as_working' to count one calendar day as "
            "one working day",
        ),
        related=(
            Related(
                span=reference.span,
                message=Message(
                    vi=f"Loại ngày của thủ tục: {kind.vi}",
                    en=f"The procedure's kind of day: {kind.en}",
                ),
            ),
            *also,
        ),
    )


RULES: tuple[Rule, ...] = (
    Rule("TT501", "procedure", deadline_exceeded),
    Rule("TT502", "procedure", step_without_duration),
    Rule("TT503", "procedure", deadline_longer_after_move),
    Rule("TT504", "procedure", mixed_day_units),
)
