"""TT605 district-procedure-without-successor: a district procedure has no successor.

Input: a `ProcedureContext` (its `model` holds every procedure of the project). Output: a `Finding`
at the code of a district-level procedure that no commune- or province-level procedure succeeds
(same code, or moved from the district with the same power).
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.dsl import Message, ast
from tthc.rules.base import Finding, ProcedureContext

SUCCESSOR_LEVELS = (ast.Level.COMMUNE, ast.Level.PROVINCE)


def _succeeds(candidate: ast.Procedure, old: ast.Procedure) -> bool:
    if candidate.level not in SUCCESSOR_LEVELS:
        return False
    if candidate.code.value == old.code.value:
        return True
    if candidate.moved is None or candidate.moved.level is not ast.Level.DISTRICT:
        return False
    new, former = candidate.power, old.power
    return new is not None and former is not None and new.value == former.value


def district_procedure_without_successor(context: ProcedureContext) -> Iterator[Finding]:
    """A district-level procedure has no commune- or province-level successor in the corpus.

    What it checks:
        For a procedure with `level district`, the corpus holds a procedure at commune or
        province level that either has the same code (a later version), or declares `moved {
        from district }` and the same `power`.
    Why it matters:
        The district level ended on 2025-06-30 (Resolution 202/2025/QH15; BRIEF.md §1.1): its
        procedures were moved to communes or provinces by the 2025 sectoral decrees (e.g.
        Decree 120/2025/NĐ-CP Art. 4, Decree 151/2025/NĐ-CP Art. 5). A district procedure left
        without a successor is a service that no office now provides.
    Example:
        ```tthc
        procedure "2.000528" "Đăng ký khai sinh có yếu tố nước ngoài" {
          level district
          until 2025-06-30
        }
        ```
    Use instead:
        ```tthc
        procedure "2.000528" "Đăng ký khai sinh có yếu tố nước ngoài" {
          level district
          until 2025-06-30
        }
        procedure "2.000528" "Đăng ký khai sinh có yếu tố nước ngoài" {
          level commune
          effective 2025-07-01
        }
        ```
    """
    node = context.procedure.node
    if node.level is not ast.Level.DISTRICT:
        return
    if any(_succeeds(other.node, node) for other in context.model.procedures):
        return
    yield Finding(
        node.code.span,
        Message(
            vi=f"Thủ tục cấp huyện '{node.code.value}' chưa có thủ tục kế thừa ở cấp xã hoặc cấp "
            "tỉnh trong kho",
            en=f"The district-level procedure '{node.code.value}' has no commune- or "
            "province-level successor in the corpus",
        ),
        help=Message(
            vi="Thêm phiên bản cấp xã hoặc cấp tỉnh cùng mã (hiệu lực từ 2025-07-01), hoặc ghi "
            "'moved { from district ... }' và cùng 'power' ở thủ tục kế thừa; nếu thủ tục đã bị "
            "bãi bỏ, xóa nó khỏi kho",
            en="Add the commune or province version with the same code (in force from "
            "2025-07-01), or write 'moved { from district ... }' and the same 'power' in the "
            "successor; if the procedure was abolished, remove it from the corpus",
        ),
    )
