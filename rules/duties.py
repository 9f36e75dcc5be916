"""TT7xx — separation of duties and data protection.

Input: a `ProcedureContext`. Output: `Finding`s for TT701 (one role prepares and approves where
two persons are required) and TT702 (personal papers shown to a step that has no use for them).
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.dsl import Message, Related, ast
from tthc.rules.base import Finding, ProcedureContext, Rule

PREPARES = (ast.StepKind.REVIEW, ast.StepKind.VERIFICATION)  # thẩm định, xác minh
APPROVES = (ast.StepKind.DECISION,)  # quyết định, phê duyệt
# Steps whose work does not depend on what the applicant's papers say: collecting a fee,
# carrying the dossier to another office, handing over the result, apologising for a delay.
NO_USE_FOR_CONTENT = (
    ast.StepKind.FEE,
    ast.StepKind.TRANSFER,
    ast.StepKind.RESULT,
    ast.StepKind.APOLOGY,
)


def same_officer_prepares_and_approves(context: ProcedureContext) -> Iterator[Finding]:
    """One role both prepares and approves a dossier where two persons are required.

    What it checks:
        In a procedure marked `two_persons yes`, no decision step may have the same actor (the
        same authority or title in the registry) as a review or verification step from which
        it can be reached: on that path one role would appraise (thẩm định) the dossier and
        then approve (phê duyệt) its own appraisal. Roles are compared by name; two different
        persons holding one title cannot be told apart here.
    Why it matters:
        The one-stop process separates the two: the head of the authority assigns an officer
        to appraise the dossier and decides on that officer's report (Decree 61/2018/NĐ-CP
        Art. 19; its successor Decree 118/2025 was not read, unverified). `two_persons yes`
        records that the procedure's own legal text requires different persons (a four-eyes
        control against error and abuse of position); no general statute requiring it for
        every procedure was read (unverified).
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          two_persons yes
          steps {
            kiem_tra review "Kiểm tra hồ sơ" by commune.chairman
            ky decision "Ký Giấy khai sinh" by commune.chairman
          }
          flow {
            start -> kiem_tra -> ky -> end
          }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          two_persons yes
          steps {
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer
            ky decision "Ký Giấy khai sinh" by commune.chairman
          }
          flow {
            start -> kiem_tra -> ky -> end
          }
        }
        ```
    """
    workflow = context.workflow
    if not context.procedure.node.two_persons:
        return
    preparing = [s for s in workflow.steps_of_kind(*PREPARES) if s.actor is not None]
    for decision in workflow.steps_of_kind(*APPROVES):
        if decision.actor is None:
            continue
        role = decision.actor.value
        prepared = next(
            (
                s
                for s in preparing
                if s.actor is not None
                and s.actor.value == role
                and decision.id.value in workflow.reachable_from(s.id.value)
            ),
            None,
        )
        if prepared is None or prepared.actor is None:
            continue
        yield Finding(
            decision.actor.span,
            Message(
                vi=f"'{role}' vừa thẩm định hồ sơ (bước '{prepared.id.value}') vừa quyết định "
                f"(bước '{decision.id.value}'), trong khi thủ tục yêu cầu hai người khác nhau",
                en=f"'{role}' both appraises the dossier (step '{prepared.id.value}') and decides "
                f"(step '{decision.id.value}'), but the procedure requires two different persons",
            ),
            help=Message(
                vi="Giao bước thẩm định và bước quyết định cho hai người khác nhau, ví dụ công "
                "chức chuyên môn thẩm định, Chủ tịch Ủy ban nhân dân quyết định",
                en="Give the appraisal and the decision to two different persons, for example a "
                "specialist officer appraises and the People's Committee chairman decides",
            ),
            related=(
                Related(
                    span=prepared.actor.span,
                    message=Message(vi=f"'{role}' thẩm định ở đây", en=f"'{role}' appraises here"),
                ),
            ),
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
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          dossier {
            giay_chung_sinh "Giấy chứng sinh" copies 1 required personal
          }
          steps {
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer reads giay_chung_sinh
            tra result "Trả kết quả" by commune.one_stop reads giay_chung_sinh
          }
          flow {
            start -> kiem_tra -> tra -> end
          }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          dossier {
            giay_chung_sinh "Giấy chứng sinh" copies 1 required personal
          }
          steps {
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer reads giay_chung_sinh
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> kiem_tra -> tra -> end
          }
        }
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


RULES: tuple[Rule, ...] = (
    Rule("TT701", "procedure", same_officer_prepares_and_approves),
    Rule("TT702", "procedure", needless_personal_data),
)
