"""TT506 coordination-longer-than-step: a coordinating body has more time than its step.

Input: a `ProcedureContext`. Output: a `Finding` at each coordination (`coordinates x for D`)
whose time is longer than the `takes` of the step it works on.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler.analysis.durations import day_rule, in_days, scale_of
from tthc.dsl import Message, Related, ast
from tthc.rules.base import Finding, ProcedureContext
from tthc.rules.deadlines.wording import amount_text


def coordination_longer_than_step(context: ProcedureContext) -> Iterator[Finding]:
    """A coordinating body has more time than the step it works on.

    What it checks:
        A step may name the bodies that work on it with its actor ("X phối hợp Y"), each with
        its own time: `coordinates province.tax_office for 3 working_days`. That time runs
        inside the step's own (`takes`): the step cannot finish before its coordination does.
        A coordination longer than the step is reported; a step without `takes` counts its
        longest coordination instead (TT501, TT505). Days compare under the day rule, as for
        TT501.
    Why it matters:
        In an inter-agency process the one-stop unit sends each agency its task with its own
        time (Decree 118/2025/NĐ-CP Art. 20, read in a secondary source), and every agency's
        time is part of the time limit of the procedure (Decree 63/2010/NĐ-CP Art. 8(2)(đ)).
        A coordination longer than its step means the published step time cannot be kept, and
        the deadline check counts a time the process does not have.
    Example:
        ```tthc fragment
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer takes 1 working_days
              coordinates commune.economic_division for 2 working_days
          flow { start -> tiep_nhan -> kiem_tra -> ky -> tra -> end }
        ```
    Use instead:
        ```tthc fragment
            ky decision "Ký Giấy khai sinh" by commune.chairman takes 1 working_days
              coordinates commune.economic_division for 1 working_days
        ```
    """
    procedure, settings = context.procedure.node, context.settings
    scale = scale_of(procedure)
    rule = day_rule(procedure, settings) is ast.DayRule.CALENDAR_AS_WORKING
    for step in procedure.steps:
        if step.duration is None or not step.coordinates:
            continue
        own = in_days(step.duration, scale, calendar_as_working=rule, settings=settings)
        for coordination in step.coordinates:
            if own is None or coordination.duration is None:
                continue
            days = in_days(
                coordination.duration, scale, calendar_as_working=rule, settings=settings
            )
            if days is None or days <= own:
                continue
            body, took = coordination.authority.value, amount_text(coordination.duration)
            limit = amount_text(step.duration)
            yield Finding(
                coordination.duration.span,
                Message(
                    vi=f"Cơ quan phối hợp '{body}' có {took.vi}, lâu hơn thời gian của bước "
                    f"'{step.id.value}' ({limit.vi})",
                    en=f"The coordinating body '{body}' has {took.en}, longer than the step "
                    f"'{step.id.value}' itself ({limit.en})",
                ),
                help=Message(
                    vi="Thời gian phối hợp nằm trong thời gian của bước: sửa 'takes' của bước "
                    "hoặc thời gian phối hợp theo quy trình nội bộ đã công bố",
                    en="The coordination runs inside the step: correct the step's 'takes' or "
                    "the coordination's time to the published internal process",
                ),
                related=(
                    Related(
                        span=step.duration.span,
                        message=Message(
                            vi=f"Thời gian của bước: {limit.vi}", en=f"The step's time: {limit.en}"
                        ),
                    ),
                ),
            )
