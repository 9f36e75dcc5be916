"""TT503 deadline-longer-after-move: a moved procedure now has a longer deadline than before.

Input: a `ProcedureContext`. Output: a `Finding` at the deadline of a procedure whose unconditional
deadline is longer than the one in `moved`, when the two can be compared.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler.analysis.durations import Scale, in_days
from tthc.dsl import Message, Related, ast
from tthc.rules.base import Finding, ProcedureContext
from tthc.rules.deadlines.wording import amount_text

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
        level (Decree 151/2025/NĐ-CP Appendix I, Part V). No law forbids a longer
        deadline, so this is a warning: check the new text, and suppress with a reason if it
        really is longer.
    Example:
        ```tthc fragment
          moved { from district  deadline 3 working_days  basis nd-120-2025 art 4 }
        ```
    Use instead:
        ```tthc fragment
          moved { from district  deadline 5 working_days  basis nd-120-2025 art 4 }
        ```
    """
    procedure = context.procedure.node
    moved = procedure.moved
    current = [
        (d, d.duration) for d in procedure.deadlines if d.duration is not None and not d.extension
    ]
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
    now, before = amount_text(duration), amount_text(moved.deadline)
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
