"""TT311 period-without-duration: a posting or waiting step does not state its period.

Input: a `ProcedureContext`. Output: a `Finding` at each `posting` or `waiting` step with no
`takes`.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.dsl import Message, ast
from tthc.rules.base import Finding, ProcedureContext
from tthc.rules.steps.step_names import step_name

Kind = ast.StepKind


def period_without_duration(context: ProcedureContext) -> Iterator[Finding]:
    """A posting or waiting step does not state its period.

    What it checks:
        A `posting` step (niêm yết công khai) or a `waiting` step (a statutory waiting period)
        exists for its period: "niêm yết 15 ngày". Each must say how long it lasts (`takes`),
        whether or not its time counts toward the deadline (`not counted`) and whatever the
        deadline is: the runtime ends the posting on that day, and the deadline checks count it.
    Why it matters:
        The period of a public posting or a waiting time is fixed by the law that requires it,
        for instance 15 days for a construction permit of a detached house (Law on Construction
        2014 Art. 102(1), as amended in 2020), and it is part of the time limit the procedure
        publishes (Decree 63/2010/NĐ-CP Art. 8(2)(đ)). Without the period, a posting cannot be
        closed on time and its days are missing from every deadline check.
    Example:
        ```tthc fragment
            niem_yet posting "Niêm yết công khai tại trụ sở" by commune.people_committee
          flow { start -> tiep_nhan -> niem_yet -> ky -> tra -> end }
        ```
    Use instead:
        ```tthc fragment
            niem_yet posting "Niêm yết công khai tại trụ sở" by commune.people_committee
              takes 2 working_days
          flow { start -> tiep_nhan -> niem_yet -> ky -> tra -> end }
        ```
    """
    for step in context.workflow.steps_of_kind(Kind.POSTING, Kind.WAITING):
        if step.duration is not None:
            continue
        what = ("niêm yết", "posting") if step.kind is Kind.POSTING else ("chờ", "waiting")
        yield Finding(
            step.id.span,
            Message(
                vi=f"Bước {what[0]} {step_name(step)} không ghi thời gian: thời hạn {what[0]} do "
                "luật định, quy trình phải nêu",
                en=f"The {what[1]} step {step_name(step)} states no period: the law fixes how long "
                "it lasts, and the process must say it",
            ),
            help=Message(
                vi=f"Thêm thời gian vào bước '{step.id.value}', ví dụ: takes 15 days",
                en=f"Add the period to the step '{step.id.value}', for example: takes 15 days",
            ),
        )
