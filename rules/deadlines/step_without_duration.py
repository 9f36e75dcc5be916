"""TT502 step-without-duration: a step on a timed path has no duration.

Input: a `ProcedureContext`. Output: a `Finding` at each step on a timed path (`timed_steps`) with
no `takes`, when the deadline is a duration.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler.analysis.durations import step_time
from tthc.compiler.analysis.longest_path import timed_steps
from tthc.dsl import Message, Related, ast
from tthc.rules.base import Finding, ProcedureContext
from tthc.rules.deadlines.wording import limit_text


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
        which must add up to it (a process published in 2025 did not); a step without a time makes
        TT501 count it as 0 and hides an overrun.
    Example:
        ```tthc fragment
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 0.5 working_days
            ky decision "Ký Giấy khai sinh" by commune.chairman
            tra result "Trả kết quả" by commune.one_stop takes 0.5 working_days
          deadline 3 working_days
        ```
    Use instead:
        ```tthc fragment
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 0.5 working_days
            tra result "Trả kết quả" by commune.one_stop takes 0.5 working_days
          deadline 3 working_days
        ```
    """
    procedure, workflow = context.procedure.node, context.workflow
    deadline = next((d for d in procedure.deadlines if d.duration is not None), None)
    if deadline is None or any(d.immediate for d in procedure.deadlines):
        return
    if all(step_time(step) is not None or not step.counted for step in procedure.steps):
        return  # no step to report, wherever the timed paths go
    for node in timed_steps(workflow):
        step = workflow.step(node)
        if step is None or step_time(step) is not None or not step.counted:
            continue
        if step.kind in (ast.StepKind.POSTING, ast.StepKind.WAITING):
            continue  # TT311 reports a period step without its period, whatever the deadline
        limit = limit_text(deadline, context.settings)
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
