"""TT402 dead-end-step: a step from which no arrow leads on.

Input: a `ProcedureContext`. Output: a `Finding` at each reached step with no arrow out (or at
`start`), with the path from `start` as the witness.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler import START
from tthc.compiler.analysis.flow.graph import graph_of
from tthc.compiler.analysis.flow.witnesses import route, witness
from tthc.compiler.analysis.soundness.analysis import analyse
from tthc.dsl import Message
from tthc.rules.base import Finding, ProcedureContext, judges_process
from tthc.rules.soundness.wording import (
    node_name,
)


@judges_process
def dead_end_step(context: ProcedureContext) -> Iterator[Finding]:
    """A step from which no arrow leads on: the case stops there and never ends.

    What it checks:
        A step that the arrows reach from `start` but that has no arrow out of it (and `start`
        itself, when the flow never leaves it). Every step from which no path of arrows leads
        to `end` ends up in such a dead end or in a loop with no exit (TT404); only those are
        reported, with the path from `start` as the witness, so one missing arrow gives one
        finding. Cases stuck at a join are TT403.
        A procedure whose source states no internal process (`unstated steps`, no steps) is
        left to TT607.
    Why it matters:
        Every dossier received must be settled and its result returned to the applicant
        (Decree 118/2025/NĐ-CP, Arts. 18-22 as cited by secondary sources): a
        step with no way out leaves the dossier open for ever and the deadline broken. The
        published order of steps (Decree 63/2010/NĐ-CP Art. 8(2)(b)) must lead to an end.
    Example:
        ```tthc fragment
          flow { start -> tiep_nhan -> ky -> tra }
        ```
    Use instead:
        ```tthc fragment
        # the base procedure: every step leads on to end
        ```
    """
    workflow = context.workflow
    graph = graph_of(workflow)
    for node in analyse(workflow, context.settings).dead_ends:
        if node == START:
            yield Finding(
                workflow.span_of(START),
                Message(
                    vi="Luồng xử lý không có mũi tên nào đi ra từ 'start': hồ sơ không đi tiếp được",
                    en="The flow has no arrow out of 'start': no dossier gets past the start",
                ),
                help=Message(
                    vi="Viết luồng xử lý từ 'start', ví dụ `start -> tiep_nhan`",
                    en="Write the flow from 'start', for example `start -> tiep_nhan`",
                ),
            )
            continue
        path = graph.path_to(node)
        name = node_name(workflow, node)
        yield Finding(
            workflow.span_of(node),
            Message(
                vi=f"Hồ sơ đến {name.vi} thì dừng: không có mũi tên nào đi ra nên không bao giờ đến điểm kết thúc (đường đi: {route(path)})",
                en=f"A dossier that reaches {name.en} stops there: no arrow leaves it, so the case never reaches the end (path: {route(path)})",
            ),
            help=Message(
                vi=f"Thêm mũi tên ra khỏi '{node}': tới bước tiếp theo, hoặc `{node} -> end` nếu thủ tục kết thúc ở đây",
                en=f"Add an arrow out of '{node}': to the next step, or `{node} -> end` if the procedure ends here",
            ),
            related=witness(path),
        )
