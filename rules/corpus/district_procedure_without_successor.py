"""TT605 district-procedure-without-successor: a district procedure has no successor.

Input: a `ProjectContext` (the summary of every procedure of the project). Output: a `Finding`
at the code of a district-level procedure that no commune- or province-level procedure succeeds
(same code, or moved from the district with the same power).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from tthc.compiler import Model
from tthc.dsl import Message, ast
from tthc.rules.base import Finding, ProjectContext

SUCCESSOR_LEVELS = (ast.Level.COMMUNE, ast.Level.PROVINCE)


@dataclass(frozen=True)
class Successors:
    """What the commune- and province-level procedures of the corpus succeed: their codes (a
    later version of the same procedure), and the powers of those moved from the district."""

    codes: frozenset[str]
    powers: frozenset[str]

    def succeed(self, old: ast.Procedure) -> bool:
        return old.code.value in self.codes or (
            old.power is not None and old.power.value in self.powers
        )


def successors(model: Model) -> Successors:
    """The successors of the corpus."""
    later = [p.node for p in model.procedures if p.node.level in SUCCESSOR_LEVELS]
    moved = [
        node.power.value
        for node in later
        if node.moved is not None
        and node.moved.level is ast.Level.DISTRICT
        and node.power is not None
    ]
    return Successors(frozenset(node.code.value for node in later), frozenset(moved))


def district_procedure_without_successor(context: ProjectContext) -> Iterator[Finding]:
    """A district-level procedure has no commune- or province-level successor in the corpus.

    What it checks:
        For a procedure with `level district`, the corpus holds a procedure at commune or
        province level that either has the same code (a later version), or declares `moved {
        from district }` and the same `power`.
    Why it matters:
        The district level ended on 2025-06-30 (Resolution 202/2025/QH15): its
        procedures were moved to communes or provinces by the 2025 sectoral decrees (e.g.
        Decree 120/2025/NĐ-CP Art. 4, Decree 151/2025/NĐ-CP Art. 5). A district procedure left
        without a successor is a service that no office now provides.
    Example:
        ```tthc fragment
        procedure "2.000528" "Đăng ký khai sinh có yếu tố nước ngoài" {
          level district
          effective 2016-01-01
          until 2025-06-30
        ```
    Use instead:
        ```tthc fragment
        procedure "2.000528" "Đăng ký khai sinh có yếu tố nước ngoài" {
          level district
          effective 2016-01-01
          until 2025-06-30
        procedure "2.000528" "Đăng ký khai sinh có yếu tố nước ngoài" {
        ```
    """
    later = successors(context.model)
    for procedure in context.model.procedures:
        node = procedure.node
        if node.level is ast.Level.DISTRICT and not later.succeed(node):
            yield _without_successor(node)


def _without_successor(node: ast.Procedure) -> Finding:
    return Finding(
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
