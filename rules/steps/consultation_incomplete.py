"""TT309 consultation-incomplete: a consultation with no counterpart or no time limit.

Input: a `ProcedureContext`. Output: a `Finding` at each consultation step without `with` or without
`takes`.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.dsl import Message, ast
from tthc.rules.base import Finding, ProcedureContext
from tthc.rules.steps.step_names import step_name

Kind = ast.StepKind


def consultation_incomplete(context: ProcedureContext) -> Iterator[Finding]:
    """An inter-agency consultation with no counterpart authority or no time limit.

    What it checks:
        Every step of kind `consultation` (lấy ý kiến, liên thông) names the authority asked
        (`with`) and how long it has to answer (`takes`).
    Why it matters:
        A request for opinions states its content and the deadline for the answer, and late
        answers are reported (Decree 118/2025/NĐ-CP Art. 20, as cited); in inter-agency processing the
        one-stop unit sets each agency's task and time (Phiếu chuyển xử lý). Without the
        counterpart nobody is asked, and without the time limit nobody can be late.
    Example:
        ```tthc fragment
            y_kien consultation "Lấy ý kiến Sở Tư pháp" by commune.civil_status_officer
          flow { start -> tiep_nhan -> y_kien -> ky -> tra -> end }
        ```
    Use instead:
        ```tthc fragment
            y_kien consultation "Lấy ý kiến Sở Tư pháp" by commune.civil_status_officer
                   with province.department.justice takes 5 working_days
          flow { start -> tiep_nhan -> y_kien -> ky -> tra -> end }
        ```
    """
    for step in context.workflow.steps_of_kind(Kind.CONSULTATION):
        missing_vi = [
            *(["cơ quan được hỏi ý kiến (`with`)"] if step.counterpart is None else []),
            *(["thời hạn trả lời (`takes`)"] if step.duration is None else []),
        ]
        missing_en = [
            *(["the authority consulted (`with`)"] if step.counterpart is None else []),
            *(["the time limit to answer (`takes`)"] if step.duration is None else []),
        ]
        if not missing_en:
            continue
        yield Finding(
            step.id.span,
            Message(
                vi=f"Bước lấy ý kiến {step_name(step)} thiếu {' và '.join(missing_vi)}",
                en=f"The consultation step {step_name(step)} does not give {' or '.join(missing_en)}",
            ),
            help=Message(
                vi=f"Ghi cơ quan phối hợp và thời hạn, ví dụ `{step.id.value} consultation ... with province.department.justice takes 5 working_days`",
                en=f"Name the authority and the time limit, for example `{step.id.value} consultation ... with province.department.justice takes 5 working_days`",
            ),
        )
