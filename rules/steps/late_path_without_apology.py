"""TT310 late-path-without-apology: no apology and new appointment for a late dossier.

Input: a `ProcedureContext`. Output: a `Finding` at the deadline when no apology step exists, at
each reached apology step that does not notify the applicant, and at each apology step one case can
pass more than `Settings.max_reappointments` times.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler.analysis.flow.graph import graph_of
from tthc.compiler.analysis.flow.repeats import repeats
from tthc.dsl import Message, ast
from tthc.rules.base import Finding, ProcedureContext, judges_process
from tthc.rules.steps.repeat_finding import repeat_finding
from tthc.rules.steps.step_names import step_name

Kind = ast.StepKind


@judges_process
def late_path_without_apology(context: ProcedureContext) -> Iterator[Finding]:
    """A procedure with a deadline and no path for a late dossier: apology and new appointment.

    What it checks:
        A procedure with a time limit (a `deadline` with a duration; `immediately` alone is
        exempt: the result is given on the spot) needs a way to handle a dossier that will be
        late: an `apology` step (phiếu xin lỗi và hẹn lại ngày trả kết quả) that
        `notifies applicant`. Without any, the finding points at the deadline. The new
        appointment may be set at most `max_reappointments` times (setting, default 1): an
        apology step on a loop, or more apology steps in a row on one line of the flow, is
        reported too. Where the flow leads after the apology is checked by the other rules (a
        result must follow: TT303; a decision before it: TT302); an apology step that the flow
        cannot reach is TT401.
        A procedure whose source states no internal process (`unstated steps`, no steps) is
        left to TT607.
    Why it matters:
        For a dossier that will be late, the processing agency sends the applicant, at least
        one day before the due date, a written apology stating the reason and the new date, and
        "the new appointment is set no more than once" (the rule of Decree
        61/2018/NĐ-CP, now replaced; form 04 of Circular 03/2025/TT-VPCP under Decree 118/2025/NĐ-CP, as cited; whether
        Decree 118 keeps the single re-appointment is unverified). The flow is what the
        one-stop information system runs: without the step, the letter is never issued.
    Example:
        ```tthc fragment
          deadline 3 working_days
        ```
    Use instead:
        ```tthc fragment
            xin_loi apology "Phiếu xin lỗi và hẹn lại ngày trả kết quả" by commune.one_stop notifies applicant
          deadline 3 working_days
          flow {
            start -> tiep_nhan
            tiep_nhan -> ky otherwise
            tiep_nhan -> xin_loi when late
            xin_loi -> ky
            ky -> tra -> end
          }
        ```
    """
    procedure, workflow = context.procedure.node, context.workflow
    timed = next((d for d in procedure.deadlines if d.duration is not None), None)
    if timed is None:
        return
    apologies = workflow.steps_of_kind(Kind.APOLOGY)
    if not apologies:
        yield Finding(
            timed.span,
            Message(
                vi="Thủ tục có thời hạn giải quyết nhưng luồng xử lý không có bước xin lỗi và hẹn lại ngày trả kết quả (apology) cho hồ sơ trễ hạn",
                en="The procedure has a time limit but the flow has no apology step (apology letter and new appointment) for a dossier that runs late",
            ),
            help=Message(
                vi='Thêm bước, ví dụ `xin_loi apology "Phiếu xin lỗi và hẹn lại ngày trả kết quả" by commune.one_stop notifies applicant`, một nhánh tới nó (`kiem_tra -> xin_loi when late`) và từ nó tới bước trả kết quả',
                en='Add a step, for example `xin_loi apology "Phiếu xin lỗi và hẹn lại ngày trả kết quả" by commune.one_stop notifies applicant`, a branch to it (`kiem_tra -> xin_loi when late`) and a way from it to the result step',
            ),
        )
        return
    graph = graph_of(workflow)
    for step in apologies:
        if step.id.value not in graph.from_start:
            continue
        if not step.notifies:
            yield Finding(
                step.id.span,
                Message(
                    vi=f"Bước xin lỗi {step_name(step)} không gửi cho người nộp: văn bản xin lỗi và ngày hẹn mới phải được gửi cho họ",
                    en=f"The apology step {step_name(step)} does not notify the applicant: the apology and the new date are sent to them",
                ),
                help=Message(
                    vi=f"Thêm `notifies applicant` vào bước '{step.id.value}'",
                    en=f"Add `notifies applicant` to the step '{step.id.value}'",
                ),
            )
    allowed = context.settings.max_reappointments
    for repeat in repeats(workflow, Kind.APOLOGY, allowed) if graph.complete else []:
        yield repeat_finding(
            workflow,
            repeat,
            allowed,
            Message(
                vi="phiếu xin lỗi, hẹn lại ngày trả kết quả",
                en="an apology with a new appointment",
            ),
            Message(
                vi="Chỉ hẹn lại một lần: sau bước xin lỗi, đi tiếp tới quyết định và trả kết quả, không quay lại bước có thể hẹn lại lần nữa",
                en="Set the new appointment once: after the apology, go on to the decision and the result, not back to a step that may postpone again",
            ),
        )
