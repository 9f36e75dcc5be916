"""TT302 missing-decision: a result is returned on a path where nobody decided.

Input: a `ProcedureContext`. Output: a `Finding` at each result step one case can reach before any
decision or refusal step, with the run as the witness.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler.analysis.flow.graph import graph_of
from tthc.compiler.analysis.flow.runs import may_reach, run_path, run_reach
from tthc.compiler.analysis.flow.witnesses import route, witness
from tthc.dsl import Message, ast
from tthc.rules.base import Finding, ProcedureContext
from tthc.rules.steps.step_names import step_ids, step_name

Kind = ast.StepKind


def missing_decision(context: ProcedureContext) -> Iterator[Finding]:
    """A result is returned on a path where nobody decided.

    What it checks:
        For each `result` step, whether a case can reach it without having passed a `decision`
        step (or a `refusal` step, whose notice is a negative decision of its own). A result
        step in a branch parallel to the decision counts as reachable without it: the result
        could be handed over before the decision is signed. The witness is the run.
    Why it matters:
        A result (giấy phép, giấy chứng nhận, quyết định) is valid only when issued by the
        competent person's decision; the one-stop unit returns results, it does not make them
        (Decree 118/2025/NĐ-CP Art. 22, as cited; Decree 63/2010/NĐ-CP Art. 8(2)(g) names the deciding
        authority of every procedure).
    Example:
        ```tthc fragment
          flow { start -> tiep_nhan -> tra -> end }
        ```
    Use instead:
        ```tthc fragment
        # the base procedure: the chairman decides (ky) on the way to the result
        ```
    """
    workflow = context.workflow
    if not graph_of(workflow).complete:
        return
    blocked = step_ids(workflow, Kind.DECISION, Kind.REFUSAL)
    results = workflow.steps_of_kind(Kind.RESULT)
    if not may_reach(workflow, blocked, {step.id.value for step in results}):
        return  # no result step is even on a path that avoids them
    found = run_reach(workflow, blocked=blocked)
    for step in results:
        state = (step.id.value, False)
        if state not in found:
            continue
        path = run_path(found, state)
        yield Finding(
            step.id.span,
            Message(
                vi=f"Bước trả kết quả {step_name(step)} có thể đến mà chưa qua bước quyết định nào (đường đi: {route(path)})",
                en=f"The result step {step_name(step)} can be reached before any decision step (path: {route(path)})",
            ),
            help=Message(
                vi="Đặt bước quyết định (phê duyệt, ký) của người có thẩm quyền trước khi trả kết quả, ví dụ `ky decision ... by commune.chairman` rồi `ky -> tra`",
                en="Put the competent person's decision step (approval, signature) before the result is returned, for example `ky decision ... by commune.chairman` then `ky -> tra`",
            ),
            related=witness(path),
        )
