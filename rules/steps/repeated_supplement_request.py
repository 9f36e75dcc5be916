"""TT305 repeated-supplement-request: a dossier can be asked to supplement more than once.

Input: a `ProcedureContext`. Output: a `Finding` at each supplement step one case can pass after
`Settings.max_supplement_requests` of them, or on a loop.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler.analysis.flow.graph import graph_of
from tthc.compiler.analysis.flow.repeats import repeats
from tthc.dsl import Message, ast
from tthc.rules.base import Finding, ProcedureContext
from tthc.rules.steps.repeat_finding import repeat_finding

Kind = ast.StepKind


def repeated_supplement_request(context: ProcedureContext) -> Iterator[Finding]:
    """A supplement request that can be issued more than once for one dossier.

    What it checks:
        Counts the `supplement` steps one case can pass along the flow. A supplement step on
        a loop (typically `bo_sung -> tiep_nhan`, back to reception, which may ask again) can
        repeat without limit; otherwise a case may pass at most `max_supplement_requests`
        supplement steps (setting, default 1). Reported at the step that would be one too
        many, with the loop or the earlier requests as the witness. Steps in parallel
        branches are not added up.
    Why it matters:
        The applicant is told everything that is missing at once: the one-stop unit guides
        "cụ thể, đầy đủ một lần" (the rule of Decree 61/2018/NĐ-CP, replaced on 01/07/2025 by
        Decree 118/2025/NĐ-CP, whose form 02 of Circular 03/2025/TT-VPCP asks for the
        supplement in writing; whether it keeps a numeric cap is unverified); Decree 63/2010/NĐ-CP Art. 20(4)
        bars more than two trips to supplement one matter, so a procedure with a reception
        request and a post-appraisal request can raise the setting to 2.
    Example:
        ```tthc fragment
            bo_sung supplement "Hướng dẫn bổ sung" by commune.one_stop notifies applicant
          flow {
            start -> tiep_nhan
            tiep_nhan -> ky when complete
            tiep_nhan -> bo_sung otherwise
            bo_sung -> tiep_nhan clock paused
            ky -> tra -> end
          }
        ```
    Use instead:
        ```tthc fragment
            bo_sung supplement "Hướng dẫn bổ sung một lần" by commune.one_stop notifies applicant
          flow {
            start -> tiep_nhan
            tiep_nhan -> ky when complete
            tiep_nhan -> bo_sung otherwise
            bo_sung -> ky clock paused
            ky -> tra -> end
          }
        ```
    """
    allowed = context.settings.max_supplement_requests
    if not graph_of(context.workflow).complete:
        return
    for repeat in repeats(context.workflow, Kind.SUPPLEMENT, allowed):
        yield repeat_finding(
            context.workflow,
            repeat,
            allowed,
            Message(vi="yêu cầu bổ sung hồ sơ", en="a request to supplement the dossier"),
            Message(
                vi="Hướng dẫn bổ sung đầy đủ một lần: khi người nộp đã bổ sung, chuyển hồ sơ sang xử lý (ví dụ `bo_sung -> kiem_tra clock paused`) hoặc từ chối nếu vẫn chưa đủ, thay vì quay lại bước có thể yêu cầu bổ sung lần nữa",
                en="Ask for everything missing at once: once the applicant has supplemented, send the dossier on to processing (for example `bo_sung -> kiem_tra clock paused`) or refuse it if still incomplete, instead of going back to a step that may ask again",
            ),
        )
