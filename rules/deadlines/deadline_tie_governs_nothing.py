"""TT508 deadline-tie-governs-nothing: a deadline variant is tied to paths the flow never takes.

Input: a `ProcedureContext`. Output: a `Finding` at each deadline tied to the flow (`through`,
`via`, `avoiding`) whose names the flow has but which no timed path meets: TT501 cannot hold
it to anything, so the promise it states goes unchecked.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler.analysis.durations import scale_of
from tthc.dsl import Message
from tthc.rules.base import Finding, ProcedureContext
from tthc.rules.deadlines.ties import bound_ties, governed_path, tie_text
from tthc.rules.deadlines.wording import limit_text


def deadline_tie_governs_nothing(context: ProcedureContext) -> Iterator[Finding]:
    """A deadline variant is tied to paths the flow never takes.

    What it checks:
        A deadline may name the paths it governs: `through` steps every such path passes,
        `via` outcomes it takes (`when x` in the flow), `avoiding` steps it never passes.
        TT501 holds the variant to the longest of those paths. When no timed path meets the
        tie (two `through` steps on exclusive branches, a `via` outcome on a supplement arrow,
        where the clock restarts, an outcome whose steps are all avoided), the variant is
        reported: it would never be checked. Names the flow lacks are TT005's.
    Why it matters:
        Each time limit a procedure publishes is promised to the applicants of its case: the
        one-stop unit hands over a receipt with the date the result will be returned, and a
        dossier that will miss it needs a written apology and a new appointment (Decree
        61/2018/NĐ-CP Arts. 17 and 19(9), now replaced by Decree 118/2025, whose articles were
        not read). A promise tied to no path of the internal process is a promise no step of
        that process is planned to keep.
    Example:
        ```tthc fragment
            xac_minh review "Xác minh" by commune.civil_status_officer takes 2 working_days
          deadline 5 working_days
          deadline 3 working_days when "không phải xác minh" through xac_minh via simple
          flow {
            start -> tiep_nhan -> ky when simple
            tiep_nhan -> xac_minh otherwise
            xac_minh -> ky -> tra -> end
          }
        ```
    Use instead:
        ```tthc fragment
            xac_minh review "Xác minh" by commune.civil_status_officer takes 2 working_days
          flow {
            start -> tiep_nhan -> ky when simple
            tiep_nhan -> xac_minh otherwise
            xac_minh -> ky -> tra -> end
          }
          deadline 5 working_days
          deadline 3 working_days when "không phải xác minh" via simple
        ```
    """
    workflow, settings = context.workflow, context.settings
    tied = bound_ties(context.procedure.node.deadlines, workflow)
    if not tied:
        return
    scale = scale_of(context.procedure.node)
    for deadline in tied:
        if governed_path(workflow, deadline, scale, settings) is not None:
            continue
        limit, paths = limit_text(deadline, settings), tie_text(workflow, deadline)
        yield Finding(
            deadline.span,
            Message(
                vi=f"Thời hạn {limit.vi} gắn với các đường xử lý{paths.vi} mà không đường xử lý "
                "có tính thời gian nào đi qua: thời hạn này không được kiểm tra",
                en=f"The deadline of {limit.en} is tied to paths{paths.en} that no timed path "
                "of the flow takes: it is never checked",
            ),
            help=Message(
                vi="Một đường phải qua mọi bước 'through' và theo mọi nhánh 'via'; các bước ở "
                "hai nhánh loại trừ nhau không cùng nằm trên một đường, và đường qua bước bổ "
                "sung tính lại từ đầu. Sửa các tên, hoặc tách thành hai thời hạn",
                en="A path must pass every 'through' step and take every 'via' outcome; steps "
                "on exclusive branches are never on one path, and a path through a supplement "
                "restarts the clock. Correct the names, or write two deadlines",
            ),
        )
