"""TT105 missing-legal-basis: a decision step, or the procedure itself, cites no legal basis.

Input: a `ProcedureContext`. Output: a `Finding` at the procedure's code when it has no
`basis`, and at each decision step with none.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.dsl import Message, ast
from tthc.rules.base import Finding, ProcedureContext


def missing_legal_basis(context: ProcedureContext) -> Iterator[Finding]:
    """A decision step, or the procedure itself, cites no legal basis.

    What it checks:
        The procedure must have a `basis`, and so must every `decision` step (the article that
        gives the decider the power to decide, e.g. `basis luat-ho-tich-2014 art 16`). Signature
        and other steps need none.
    Why it matters:
        Every administrative procedure and every decision in it must rest on a legal normative
        document (Decree 63/2010 Art. 8(1), BRIEF.md §3.1, verified); the legal basis (căn cứ
        pháp lý) is a component of the procedure published in the national database, and the
        decision cites it.
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          field "Hộ tịch"  level commune  effective 2025-07-01  power "ho-tich.dang-ky-khai-sinh"
          basis luat-ho-tich-2014 art 16
          channels direct  deadline 5 working_days  result "Giấy khai sinh"
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 1 working_days
            ky decision "Ký Giấy khai sinh" by commune.chairman takes 1 working_days
            tra result "Trả kết quả" by commune.one_stop takes 1 working_days
          }
          flow { start -> tiep_nhan -> ky -> tra -> end }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          field "Hộ tịch"  level commune  effective 2025-07-01  power "ho-tich.dang-ky-khai-sinh"
          basis luat-ho-tich-2014 art 16
          channels direct  deadline 5 working_days  result "Giấy khai sinh"
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 1 working_days
            ky decision "Ký Giấy khai sinh" by commune.chairman takes 1 working_days
              basis luat-ho-tich-2014 art 16
            tra result "Trả kết quả" by commune.one_stop takes 1 working_days
          }
          flow { start -> tiep_nhan -> ky -> tra -> end }
        }
        ```
    """
    node = context.procedure.node
    if not node.basis:
        yield Finding(
            node.code.span,
            Message(
                vi=f"Thủ tục “{node.name}” không nêu căn cứ pháp lý",
                en=f"The procedure '{node.name}' cites no legal basis",
            ),
            Message(
                vi="Thêm `basis` với các văn bản quy định thủ tục, ví dụ `basis luat-ho-tich-2014 "
                "art 16, nd-118-2025`",
                en="Add a `basis` naming the instruments that set the procedure, e.g. "
                "`basis luat-ho-tich-2014 art 16, nd-118-2025`",
            ),
        )
    for step in context.workflow.steps_of_kind(ast.StepKind.DECISION):
        if not step.basis:
            yield Finding(
                step.id.span,
                Message(
                    vi=f"Bước quyết định “{step.id.value}” không nêu căn cứ pháp lý",
                    en=f"The decision step '{step.id.value}' cites no legal basis",
                ),
                Message(
                    vi="Thêm `basis` với điều khoản giao thẩm quyền quyết định, ví dụ `basis "
                    "luat-ho-tich-2014 art 16`",
                    en="Add a `basis` with the article that gives the power to decide, e.g. "
                    "`basis luat-ho-tich-2014 art 16`",
                ),
            )
