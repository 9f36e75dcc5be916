"""TT301 missing-reception: no reception step, or a path to the end that bypasses it.

Input: a `ProcedureContext`. Output: a `Finding` at the procedure's code when it has no reception
step, else at the first arrow of a run that reaches `end` without passing one.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler import END
from tthc.compiler.analysis.flow.graph import graph_of
from tthc.compiler.analysis.flow.runs import may_reach, run_path, run_reach
from tthc.compiler.analysis.flow.witnesses import names, route, witness
from tthc.dsl import Message, ast
from tthc.rules.base import Finding, ProcedureContext, judges_process
from tthc.rules.steps.step_names import step_ids

Kind = ast.StepKind


@judges_process
def missing_reception(context: ProcedureContext) -> Iterator[Finding]:
    """No reception step: a dossier can be processed without being received.

    What it checks:
        The procedure declares a step of kind `reception`, and no case can reach `end` without
        passing one (the witness is the run that bypasses reception). A procedure with no
        reception step at all is reported once, at its code.
        A procedure whose source states no internal process (`unstated steps`, no steps) is
        left to TT607.
    Why it matters:
        Every dossier is received at the one-stop unit, checked for completeness, entered in
        the information system and given a receipt with the date the result is due (Giấy tiếp
        nhận hồ sơ và hẹn ngày trả kết quả): Decree 118/2025/NĐ-CP
        Art. 17 (as cited by provincial decisions). The time limit runs from
        this receipt.
    Example:
        ```tthc fragment
            without tiep_nhan
          flow { start -> ky -> tra -> end }
        ```
    Use instead:
        ```tthc fragment
        # the base procedure: tiep_nhan receives the dossier at the one-stop unit
        ```
    """
    workflow = context.workflow
    receptions = step_ids(workflow, Kind.RECEPTION)
    if not receptions:
        yield Finding(
            context.procedure.node.code.span,
            Message(
                vi="Thủ tục không có bước tiếp nhận hồ sơ (reception)",
                en="The procedure has no reception step",
            ),
            help=Message(
                vi='Thêm bước tiếp nhận tại bộ phận một cửa, ví dụ `tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop`, và bắt đầu luồng xử lý từ đó (`start -> tiep_nhan`)',
                en='Add a reception step at the one-stop unit, for example `tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop`, and start the flow there (`start -> tiep_nhan`)',
            ),
        )
        return
    if not graph_of(workflow).complete:  # an arrow naming an unknown step (TT005) comes first
        return
    if not may_reach(workflow, receptions, (END,)):
        return  # every path to the end passes a reception step
    found = run_reach(workflow, blocked=receptions, whole_branches=True)
    if (END, False) not in found:
        return
    path = run_path(found, (END, False))
    yield Finding(
        path[0].branch.span,
        Message(
            vi=f"Hồ sơ có thể đi tới kết thúc mà không qua bước tiếp nhận nào (đường đi: {route(path)})",
            en=f"A case can reach the end without passing a reception step (path: {route(path)})",
        ),
        help=Message(
            vi=f"Cho mọi hồ sơ đi qua bước tiếp nhận trước khi xử lý: {names(sorted(receptions))}",
            en=f"Route every dossier through a reception step before processing: {names(sorted(receptions))}",
        ),
        related=witness(path),
    )
