"""TT304 refusal-without-notice: a refusal does not notify the applicant with reasons.

Input: a `ProcedureContext`. Output: a `Finding` at each refusal step without `notifies applicant`.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.dsl import Message, ast
from tthc.rules.base import Finding, ProcedureContext
from tthc.rules.steps.step_names import step_name

Kind = ast.StepKind


def refusal_without_notice(context: ProcedureContext) -> Iterator[Finding]:
    """A refusal step that does not notify the applicant in writing with reasons.

    What it checks:
        Every step of kind `refusal` says `notifies applicant`: the refusal is sent to the
        applicant, with its reasons.
    Why it matters:
        An agency that refuses a dossier, or asks for more papers, must state its reasons in
        writing (Decree 63/2010/NĐ-CP Art. 16-17: "nêu rõ lý do bằng văn bản"); the one-stop
        unit issues the refusal form with the reasons (Phiếu từ chối, Decree 118/2025/NĐ-CP;
        form 03 of Circular 03/2025/TT-VPCP, as cited).
    Example:
        ```tthc fragment
            tu_choi refusal "Từ chối" by commune.one_stop
          flow { start -> tiep_nhan -> tu_choi -> end }
        ```
    Use instead:
        ```tthc fragment
            tu_choi refusal "Từ chối, nêu rõ lý do" by commune.one_stop notifies applicant
          flow { start -> tiep_nhan -> tu_choi -> end }
        ```
    """
    for step in context.workflow.steps_of_kind(Kind.REFUSAL):
        if step.notifies:
            continue
        yield Finding(
            step.id.span,
            Message(
                vi=f"Bước từ chối {step_name(step)} không thông báo cho người nộp: việc từ chối phải được gửi bằng văn bản, nêu rõ lý do",
                en=f"The refusal step {step_name(step)} does not notify the applicant: a refusal is sent in writing, with its reasons",
            ),
            help=Message(
                vi=f"Thêm `notifies applicant` vào bước '{step.id.value}' (Phiếu từ chối giải quyết hồ sơ, nêu rõ lý do)",
                en=f"Add `notifies applicant` to the step '{step.id.value}' (the refusal form, stating the reasons)",
            ),
        )
