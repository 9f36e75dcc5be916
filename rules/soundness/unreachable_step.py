"""TT401 unreachable-step: a step that no path of arrows reaches from the start.

Input: a `ProcedureContext`. Output: one `Finding` per group of unreached steps, at the step heading
it, naming the steps behind it.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler.analysis.flow.graph import graph_of
from tthc.compiler.analysis.flow.witnesses import names
from tthc.compiler.analysis.soundness.analysis import analyse
from tthc.dsl import Message
from tthc.rules.base import Finding, ProcedureContext
from tthc.rules.soundness.wording import (
    capitalised,
    node_name,
    node_witnesses,
)


def unreachable_step(context: ProcedureContext) -> Iterator[Finding]:
    """A step that no path of arrows reaches from the start.

    What it checks:
        Follows the arrows of `flow` from `start`; an arrow into a join counts (whether the join
        can start is TT403), arrows out of `end` do not (the case is over there). A group of
        unreached steps is reported once, at the step that heads it (for a detached loop, its
        first step), naming the steps behind it, which are not reported again.
    Why it matters:
        The order of the steps (trình tự thực hiện) is part of every published procedure
        (Decree 63/2010/NĐ-CP Art. 8(2)(b)). A step that no dossier can reach is work written
        down but never done, and the one-stop information system cannot route a dossier to it
        (Decree 118/2025/NĐ-CP, Arts. 17-22 as cited by secondary
        sources). It is usually a forgotten arrow.
    Example:
        ```tthc fragment
            luu_tru review "Lưu bản sao hồ sơ" by commune.one_stop
          flow {
            start -> tiep_nhan -> ky -> tra -> end
            luu_tru -> tra
          }
        ```
    Use instead:
        ```tthc fragment
            luu_tru review "Lưu bản sao hồ sơ" by commune.one_stop
          flow { start -> tiep_nhan -> ky -> luu_tru -> tra -> end }
        ```
    """
    workflow = context.workflow
    graph = graph_of(workflow)
    for members, behind in analyse(workflow, context.settings).unreachable:
        head = members[0]
        name = node_name(workflow, head)
        if len(members) > 1:
            what = Message(
                vi=f"Các bước {names(members)} làm thành một vòng không nối với điểm bắt đầu: không hồ sơ nào đến được",
                en=f"The steps {names(members)} form a loop that is not connected to the start: no dossier can reach them",
            )
        elif not graph.out[head] and not graph.into[head]:
            what = Message(
                vi=f"{capitalised(name.vi)} không có trong luồng xử lý (flow): không hồ sơ nào đến được",
                en=f"{capitalised(name.en)} is not in the flow: no dossier can reach it",
            )
        else:
            what = Message(
                vi=f"Không thể đến {name.vi} từ điểm bắt đầu: không có đường mũi tên nào từ 'start' dẫn tới",
                en=f"{capitalised(name.en)} cannot be reached from the start: no path of arrows leads to it from 'start'",
            )
        if behind:
            what = Message(
                vi=f"{what.vi}. Vì vậy các bước sau cũng không đến được: {names(behind)}",
                en=f"{what.en}. So the steps after it cannot be reached either: {names(behind)}",
            )
        yield Finding(
            workflow.span_of(head),
            what,
            help=Message(
                vi=f"Thêm mũi tên dẫn tới '{head}' từ bước đứng trước (ví dụ `kiem_tra -> {head}`), hoặc xóa bước nếu thủ tục không cần",
                en=f"Add an arrow into '{head}' from the step before it (for example `kiem_tra -> {head}`), or delete the step if the procedure does not need it",
            ),
            related=node_witnesses(
                workflow, [*members[1:], *behind], "Cũng không đến được", "Also unreachable"
            ),
        )
