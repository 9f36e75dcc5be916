"""TT504 mixed-day-units: working days and calendar days mixed with no rule to compare them.

Input: a `ProcedureContext`. Output: a `Finding` at the first duration of the other kind of day than
the first deadline (or step duration) of the procedure.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler.analysis.durations import mixed_durations
from tthc.dsl import Message, Related
from tthc.rules.base import Finding, ProcedureContext
from tthc.rules.deadlines.wording import amount_text


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
    mixed = mixed_durations(context.procedure.node)
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
