"""TT303 missing-result-return: a received dossier can end with no result returned.

Input: a `ProcedureContext`. Output: a `Finding` at the arrow into `end` of a run that passed a
reception step but no result or refusal step.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler import END
from tthc.compiler.analysis.flow.graph import graph_of
from tthc.compiler.analysis.flow.runs import may_reach, run_path, run_reach
from tthc.compiler.analysis.flow.witnesses import route, witness
from tthc.dsl import Message, ast
from tthc.rules.base import Finding, ProcedureContext
from tthc.rules.steps.step_names import step_ids

Kind = ast.StepKind


def missing_result_return(context: ProcedureContext) -> Iterator[Finding]:
    """A received dossier can reach the end without any result returned to the applicant.

    What it checks:
        Whether a case that passed a `reception` step can reach `end` without passing a
        `result` step or a `refusal` step (a refusal notice is the result in writing). The
        finding points at the arrow into `end` of the witness run: a withdrawn or stopped
        dossier also ends with a written notice to the applicant, modelled as a `result` or
        `refusal` step.
    Why it matters:
        The one-stop unit returns the result of every dossier it received, on the date on the
        receipt (Decree 118/2025/NĐ-CP Art. 22, as cited); a
        dossier stopped at the applicant's request gets a written notice (Thông báo dừng giải
        quyết hồ sơ, Circular 03/2025/TT-VPCP form 05, as cited).
    Example:
        ```tthc fragment
          flow {
            start -> tiep_nhan -> ky
            ky -> tra when approved
            ky -> end otherwise
            tra -> end
          }
        ```
    Use instead:
        ```tthc fragment
            tu_choi refusal "Từ chối, nêu rõ lý do" by commune.one_stop notifies applicant
          flow {
            start -> tiep_nhan -> ky
            ky -> tra when approved
            ky -> tu_choi otherwise
            tra -> end
            tu_choi -> end
          }
        ```
    """
    workflow = context.workflow
    if not graph_of(workflow).complete:
        return
    blocked = step_ids(workflow, Kind.RESULT, Kind.REFUSAL)
    if not may_reach(workflow, blocked, (END,)):
        return  # every path to the end passes a result or a refusal
    found = run_reach(
        workflow,
        blocked=blocked,
        marks=step_ids(workflow, Kind.RECEPTION),
        whole_branches=True,
    )
    if (END, True) not in found:
        return
    path = run_path(found, (END, True))
    yield Finding(
        path[-1].branch.span,
        Message(
            vi=f"Hồ sơ đã tiếp nhận có thể kết thúc mà không trả kết quả hay thông báo nào cho người nộp (đường đi: {route(path)})",
            en=f"A received dossier can end with no result or notice returned to the applicant (path: {route(path)})",
        ),
        help=Message(
            vi="Trước khi kết thúc, đi qua bước trả kết quả (result) hoặc bước từ chối có thông báo lý do (refusal ... notifies applicant)",
            en="Before the end, pass a result step (result) or a refusal step that gives the reasons (refusal ... notifies applicant)",
        ),
        related=witness(path),
    )
