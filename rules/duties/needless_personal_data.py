"""TT702 needless-personal-data: personal papers shown to a step that has no use for them.

Input: a `ProcedureContext`. Output: a `Finding` at each step of a kind that does not depend on
what the applicant's papers say (`NO_USE_FOR_CONTENT`) and that is given personal papers.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.dsl import Message, Related, ast
from tthc.rules.base import Finding, ProcedureContext

# Steps whose work does not depend on what the applicant's papers say: collecting a fee,
# carrying the dossier to another office, handing over the result, apologising for a delay.
NO_USE_FOR_CONTENT = (
    ast.StepKind.FEE,
    ast.StepKind.TRANSFER,
    ast.StepKind.RESULT,
    ast.StepKind.APOLOGY,
)


def needless_personal_data(context: ProcedureContext) -> Iterator[Finding]:
    """A step reads personal papers it has no use for.

    What it checks:
        A fee, transfer, result or apology step must not list in `reads` a dossier component
        marked `personal`: collecting a fee, carrying the dossier to another office, handing
        over the result and writing an apology do not depend on what the applicant's personal
        papers say. Reception, review, verification, consultation, decision, signature,
        supplement and refusal steps may read them.
    Why it matters:
        Personal data must be collected and processed only within the scope and purpose that
        need it (Decree 13/2023/NĐ-CP on personal data protection, Art. 3 principles, clause 4,
        as quoted by a provincial police Q&A, partial; Law on Personal Data Protection
        91/2025/QH15, in force 2026-01-01, keeps the principle in Art. 3, unverified). Every
        extra step that reads a birth certificate or an identity card is one more officer and
        one more system holding it.
    Example:
        ```tthc fragment
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer reads giay_chung_sinh
            tra result "Trả kết quả" by commune.one_stop reads giay_chung_sinh
          dossier {
            giay_chung_sinh "Giấy chứng sinh" copies 1 required personal
          }
          flow { start -> kiem_tra -> tra -> end }
        ```
    Use instead:
        ```tthc fragment
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer reads giay_chung_sinh
          dossier {
            giay_chung_sinh "Giấy chứng sinh" copies 1 required personal
          }
          flow { start -> kiem_tra -> tra -> end }
        ```
    """
    components = context.procedure.components
    for step in context.workflow.steps_of_kind(*NO_USE_FOR_CONTENT):
        for name in step.reads:
            component = components.get(name.value)
            if component is None or not component.personal:
                continue
            yield Finding(
                name.span,
                Message(
                    vi=f"Bước '{step.id.value}' ({step.title}) đọc giấy tờ cá nhân "
                    f"'{component.title}' mà công việc của bước không cần đến",
                    en=f"The step '{step.id.value}' ({step.title}) reads the personal paper "
                    f"'{component.title}', which its work does not need",
                ),
                help=Message(
                    vi=f"Bỏ '{name.value}' khỏi dòng 'reads' của bước này; chỉ các bước tiếp "
                    "nhận, thẩm định, xác minh, quyết định mới cần đọc giấy tờ cá nhân",
                    en=f"Remove '{name.value}' from this step's 'reads'; only reception, review, "
                    "verification and decision steps need to read personal papers",
                ),
                related=(
                    Related(
                        span=component.id.span,
                        message=Message(
                            vi="Giấy tờ được đánh dấu là dữ liệu cá nhân (personal) ở đây",
                            en="The paper is marked as personal data here",
                        ),
                    ),
                ),
            )
