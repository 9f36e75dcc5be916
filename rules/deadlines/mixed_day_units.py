"""TT504 mixed-day-units: working days and calendar days mixed, and the rule they are read under.

Input: a `ProcedureContext`. Output: a `Finding` at the first duration of the other kind of day than
the first deadline (or step duration) of the procedure, and at each step time of the other
kind of day that its own `day_rule strict` keeps from being compared.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler.analysis.durations import Scale, day_rule, mixed_durations, scale_of
from tthc.dsl import Message, Related, ast
from tthc.rules.base import Finding, ProcedureContext
from tthc.rules.deadlines.wording import amount_text


def mixed_day_units(context: ProcedureContext) -> Iterator[Finding]:
    """Working days and calendar days are mixed, and the procedure does not say how they compare.

    What it checks:
        The deadlines and step durations of a procedure count working time (`working_days`,
        `working_hours`) or calendar time (`days`, `hours`). When a procedure mixes them and
        does not declare `day_rule calendar_as_working`, the first duration of the other kind
        is reported (a warning), naming the rule they are read under: the project's `day-rule`
        setting, by default `calendar_as_working` (one calendar day counts as one working day,
        and TT501 checks the deadline under it); under `day_rule strict` (in the procedure or
        the settings) they are not compared and TT501 does not run. The first deadline (or the
        first step duration) sets the kind. The old deadline in `moved` is not included.
        Within a kind, working hours convert at 8 to the working day (a setting) and hours at
        24 to the day. A step may declare its own rule (`day_rule strict` on the step, a
        posting's calendar days): a time of the other kind on such a step is reported too,
        since TT501 then counts it 0; a step's own `day_rule calendar_as_working` converts it.
    Why it matters:
        Texts state some limits in working days ("ngày làm việc") and others in days ("15
        ngày", Law on Civil Status 2014 Art. 38; "23 ngày" for land): the unit must be kept per
        procedure. A working day skips weekends and the public holidays of Labour
        Code 2019 Art. 112, and periods follow Civil Code 2015 Arts. 147-148, so 15 days and 15
        working days end on different dates and cannot be added or compared as they are.
    Example:
        ```tthc fragment
          deadline 20 days
        ```
    Use instead:
        ```tthc fragment
          deadline 20 days
          day_rule calendar_as_working
        ```
    """
    procedure = context.procedure.node
    if day_rule(procedure, context.settings) is ast.DayRule.CALENDAR_AS_WORKING:
        yield from _strict_steps(procedure)
    mixed = mixed_durations(procedure)
    if mixed is None:
        return
    reference, odd = mixed
    first, unit, kind = odd[0], amount_text(odd[0]), amount_text(reference)
    also = [
        Related(
            span=d.span,
            message=Message(
                vi=f"Cũng khác loại ngày: {amount_text(d).vi}",
                en=f"Also the other kind: {amount_text(d).en}",
            ),
        )
        for d in odd[1:]
    ]
    related = (
        Related(
            span=reference.span,
            message=Message(
                vi=f"Loại ngày của thủ tục: {kind.vi}", en=f"The procedure's kind of day: {kind.en}"
            ),
        ),
        *also,
    )
    if day_rule(procedure, context.settings) is ast.DayRule.STRICT:
        yield Finding(
            first.span,
            Message(
                vi=f"Thời gian {unit.vi} không so sánh được với {kind.vi}: thủ tục trộn ngày làm "
                "việc với ngày lịch theo quy tắc 'strict' (không quy đổi); thời hạn (TT501) không "
                "được kiểm tra",
                en=f"The time of {unit.en} cannot be compared with {kind.en}: the procedure mixes "
                "working days with calendar days under the rule 'strict' (no conversion); the "
                "deadline (TT501) is not checked",
            ),
            help=Message(
                vi="Dùng một loại ngày cho mọi thời hạn và thời gian bước, đúng như văn bản công "
                "bố; hoặc thêm dòng 'day_rule calendar_as_working'",
                en="Use one kind of day for every deadline and step time, as the published "
                "decision does; or add the line 'day_rule calendar_as_working'",
            ),
            related=related,
        )
        return
    yield Finding(
        first.span,
        Message(
            vi=f"Thời gian {unit.vi} được so với {kind.vi} theo quy tắc mặc định của dự án "
            "'calendar_as_working': một ngày lịch tính như một ngày làm việc",
            en=f"The time of {unit.en} is compared with {kind.en} under the project's default "
            "rule 'calendar_as_working': one calendar day counts as one working day",
        ),
        help=Message(
            vi="Nếu đúng như văn bản công bố, ghi rõ 'day_rule calendar_as_working' trong thủ tục; "
            "nếu không, dùng một loại ngày cho mọi thời hạn và thời gian bước",
            en="If that is how the published decision reads, write 'day_rule "
            "calendar_as_working' in the procedure; if not, use one kind of day for every "
            "deadline and step time",
        ),
        related=related,
    )


def _strict_steps(procedure: ast.Procedure) -> Iterator[Finding]:
    """Steps that declare `day_rule strict` in a procedure that converts: a time of the other
    kind of day is left out of the deadline check (counted 0), which the drafter must know."""
    scale = scale_of(procedure)
    for step in procedure.steps:
        duration = step.duration
        if step.day_rule is not ast.DayRule.STRICT or duration is None or not step.counted:
            continue
        if Scale.of(duration.unit) is scale:
            continue
        unit = amount_text(duration)
        yield Finding(
            duration.span,
            Message(
                vi=f"Thời gian {unit.vi} của bước '{step.id.value}' không so sánh được với thời "
                "hạn: bước ghi 'day_rule strict' (không quy đổi), nên kiểm tra thời hạn (TT501) "
                "tính bước này là 0",
                en=f"The time of {unit.en} of the step '{step.id.value}' cannot be compared with "
                "the deadline: the step says 'day_rule strict' (no conversion), so the deadline "
                "check (TT501) counts it as 0",
            ),
            help=Message(
                vi="Ghi thời gian bằng loại ngày của thời hạn, hoặc ghi 'not counted' nếu bản ghi "
                "nói thời gian này không tính vào thời gian giải quyết",
                en="Give the time in the deadline's kind of day, or write 'not counted' if the "
                "record says this time is outside the time limit",
            ),
        )
