"""TT404 loop-without-exit: a reached loop that no arrow leaves.

Input: a `ProcedureContext`. Output: a `Finding` per closed loop, at the step the case enters it by,
with the path to it and the loop's arrows as the witness.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler.analysis.flow.graph import graph_of
from tthc.compiler.analysis.flow.witnesses import route, witness
from tthc.compiler.analysis.soundness.analysis import analyse
from tthc.dsl import Message, Related
from tthc.rules.base import Finding, ProcedureContext


def loop_without_exit(context: ProcedureContext) -> Iterator[Finding]:
    """A loop that no arrow leaves: a case that enters it goes round for ever.

    What it checks:
        A group of steps reached from `start` that lead to one another in a circle, with no
        arrow from any of them to a step outside the group, so `end` cannot be reached from
        them (a livelock). Reported once per loop, at the step the case enters it by, with the
        path to it and the loop's arrows as the witness. A loop with an exit is fine here (how
        often a supplement loop may run is TT305).
    Why it matters:
        A dossier caught in such a loop is never settled and its result never returned, in
        breach of the one-stop duty to process within the time limit and return the result
        (Decree 118/2025/NĐ-CP, Arts. 18-22 as cited by secondary sources).
    Example:
        ```tthc fragment
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer
            xac_minh verification "Xác minh" by commune.civil_status_officer
            xac_minh_2 verification "Xác minh lại" by commune.civil_status_officer
          flow {
            start -> tiep_nhan -> kiem_tra
            kiem_tra -> ky when clear
            kiem_tra -> xac_minh otherwise
            xac_minh -> xac_minh_2
            xac_minh_2 -> xac_minh
            ky -> tra -> end
          }
        ```
    Use instead:
        ```tthc fragment
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer
            xac_minh verification "Xác minh" by commune.civil_status_officer
          flow {
            start -> tiep_nhan -> kiem_tra
            kiem_tra -> ky when clear
            kiem_tra -> xac_minh otherwise
            xac_minh -> ky
            ky -> tra -> end
          }
        ```
    """
    workflow = context.workflow
    graph = graph_of(workflow)
    for loop in analyse(workflow, context.settings).loops:
        entry = loop[0]
        cycle = graph.cycle_through(entry, set(loop))
        circle = route(cycle, first=entry)
        path = graph.path_to(entry)
        yield Finding(
            workflow.span_of(entry),
            Message(
                vi=f"Vòng lặp {circle} không có lối ra: hồ sơ vào vòng (tại '{entry}') thì đi vòng mãi, không đến được điểm kết thúc",
                en=f"The loop {circle} has no way out: a dossier that enters it (at '{entry}') goes round for ever and never reaches the end",
            ),
            help=Message(
                vi="Cho một bước trong vòng một nhánh đi ra khỏi vòng (ví dụ `when` cho nhánh ra và `otherwise` cho nhánh quay lại)",
                en="Give one step of the loop a branch that leaves it (for example `when` for the way out and `otherwise` for the way back)",
            ),
            related=(
                *witness(path),
                *(
                    Related(
                        span=a.branch.span,
                        message=Message(
                            vi=f"Vòng lặp: {a.source} → {a.target}",
                            en=f"Loop: {a.source} → {a.target}",
                        ),
                    )
                    for a in cycle
                ),
            ),
        )
