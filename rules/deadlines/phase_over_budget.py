"""TT505 phase-over-budget: the steps of a phase take longer than the phase's own budget.

Input: a `ProcedureContext`. Output: a `Finding` at the budget of each phase whose longest timed
path through its own steps (`longest_within`) exceeds it, with the steps and their times.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler.analysis.durations import day_rule, in_days, scale_of, step_duration
from tthc.compiler.analysis.longest_path import longest_within
from tthc.dsl import Message, Related, ast
from tthc.rules.base import Finding, ProcedureContext
from tthc.rules.deadlines.wording import amount_text, days_text


def phase_over_budget(context: ProcedureContext) -> Iterator[Finding]:
    """The steps of a phase take longer than the phase's own budget.

    What it checks:
        Each phase (`phases { tham_dinh "Thẩm định" budget 10 working_days steps a, b }`)
        groups steps under a time budget (giai đoạn). The longest timed path that runs only
        through the phase's steps, counted as TT501 counts (parallel branches by their slowest
        branch, the clock restarting after a supplement request), must fit the budget. Days
        compare under the procedure's `day_rule` (or a step's own), as for TT501.
    Why it matters:
        Published internal processes split the time limit into phases, one per unit: in an
        inter-agency process each agency receives the dossier with its own task and time
        (Decree 118/2025/NĐ-CP Art. 20, read in a secondary source), while the time limit of the
        whole is part of the procedure (Decree 63/2010/NĐ-CP Art. 8(2)(đ)). A phase
        whose steps exceed its budget makes that unit late even when the total still fits.
    Example:
        ```tthc fragment
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer takes 2 working_days
          phases {
            xu_ly "Giai đoạn xử lý" budget 2 working_days steps kiem_tra, ky
          }
          flow { start -> tiep_nhan -> kiem_tra -> ky -> tra -> end }
        ```
    Use instead:
        ```tthc fragment
          phases {
            xu_ly "Giai đoạn xử lý" budget 2 working_days steps tiep_nhan, ky
          }
        ```
    """
    procedure, workflow, settings = context.procedure.node, context.workflow, context.settings
    if not procedure.phases:
        return
    scale = scale_of(procedure)
    rule = day_rule(procedure, settings) is ast.DayRule.CALENDAR_AS_WORKING
    for phase in procedure.phases:
        if phase.budget is None:
            continue
        budget = in_days(phase.budget, scale, calendar_as_working=rule, settings=settings)
        if budget is None:
            continue  # a mix read strictly: TT504 says so
        steps = [name.value for name in phase.steps if name.value in context.procedure.steps]
        path = longest_within(workflow, steps, scale=scale, settings=settings)
        if path is None or path.total <= budget:
            continue
        related = []
        for node in path.steps:
            duration = step_duration(workflow, node)
            if duration is not None:
                took = amount_text(duration)
                related.append(
                    Related(
                        span=duration.span,
                        message=Message(vi=f"{node}: {took.vi}", en=f"{node}: {took.en}"),
                    )
                )
        route, total, limit = (
            " → ".join(path.steps),
            days_text(path.total, scale),
            amount_text(phase.budget),
        )
        yield Finding(
            phase.budget.span,
            Message(
                vi=f"Các bước của giai đoạn '{phase.id.value}' ({route}) mất {total.vi}, vượt "
                f"thời hạn của giai đoạn {limit.vi}",
                en=f"The steps of the phase '{phase.id.value}' ({route}) take {total.en}, more "
                f"than its budget of {limit.en}",
            ),
            help=Message(
                vi="Rút ngắn thời gian các bước của giai đoạn, cho các bước độc lập chạy song "
                "song, hoặc sửa thời hạn giai đoạn theo quy trình nội bộ đã công bố",
                en="Shorten the phase's steps, run independent steps in parallel, or correct the "
                "phase's budget to the published internal process",
            ),
            related=tuple(related),
        )
