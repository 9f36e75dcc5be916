"""TT604 linked-procedure-missing: the procedure links (liên thông) to one not in the corpus.

Input: a `ProjectContext` (the summary of every procedure of the project). Output: a `Finding`
at each code in `links` that names no procedure of the project.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.dsl import Message
from tthc.rules.base import Finding, ProjectContext


def linked_procedure_missing(context: ProjectContext) -> Iterator[Finding]:
    """The procedure links (liên thông) to a procedure that is not in the corpus.

    What it checks:
        Every code in `links` names a procedure of the project.
    Why it matters:
        Inter-agency processing (liên thông) hands the dossier to the linked procedure's
        authority (Decree 118/2025/NĐ-CP, which replaced Decree 61/2018/NĐ-CP
        on 01/07/2025; Art. 20 as cited by secondary sources); when that procedure is missing, its steps, deadline and authority cannot
        be checked, and a portal configured from the corpus has nowhere to send the dossier.
    Example:
        ```tthc fragment
          links "1.000000"
        ```
    Use instead:
        ```tthc fragment
        procedure "1.001193" "Đăng ký khai sinh" {
          links "1.000656"
        procedure "1.000656" "Đăng ký khai tử" {
          result "Trích lục khai tử"
        ```
    """
    procedures = context.model.procedures
    codes = {procedure.code for procedure in procedures}
    for link in (link for procedure in procedures for link in procedure.node.links):
        if link.value in codes:
            continue
        yield Finding(
            link.span,
            Message(
                vi=f"Thủ tục liên thông '{link.value}' không có trong kho thủ tục",
                en=f"The linked procedure '{link.value}' is not in the corpus",
            ),
            help=Message(
                vi=f"Thêm thủ tục '{link.value}' vào kho (thư mục procedures/), hoặc sửa lại mã",
                en=f"Add the procedure '{link.value}' to the corpus (the procedures/ folder), or "
                "correct the code",
            ),
        )
