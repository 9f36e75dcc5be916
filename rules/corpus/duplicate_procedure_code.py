"""TT602 duplicate-procedure-code: two procedures have one code and are in force at once.

Input: a `ProjectContext`. Output: a `Finding` at the later of two procedures with one code whose
periods (`effective` .. `until`) overlap and whose contents differ, with the first as witness.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from tthc.compiler import ProcedureModel
from tthc.dsl import Message, Related, ast
from tthc.rules.base import Finding, ProjectContext


def _period(node: ast.Procedure) -> tuple[dt.date, dt.date]:
    return node.effective or dt.date.min, node.until or dt.date.max


def _clash(
    context: ProjectContext, a: ProcedureModel, b: ProcedureModel, contents: dict[int, object]
) -> bool:
    """Two records of one code clash when their periods overlap and they say different things
    (a DSL file and its YAML twin, identical but for where they are written, are one record).
    Only such pairs are compared in full (`ProjectContext.whole`), each procedure read in full
    once (`contents`: a file holding 1,000 copies of one code was read 1,000 times)."""
    (a_from, a_until), (b_from, b_until) = _period(a.node), _period(b.node)
    overlap = a_from <= b_until and b_from <= a_until
    return overlap and _content(context, a, contents) != _content(context, b, contents)


def _content(
    context: ProjectContext, procedure: ProcedureModel, contents: dict[int, object]
) -> object:
    known = contents.get(id(procedure))
    if known is None:
        known = contents[id(procedure)] = ast.without_spans(context.whole(procedure))
    return known


def duplicate_procedure_code(context: ProjectContext) -> Iterator[Finding]:
    """Two procedures in the corpus have one code and are in force at the same time.

    What it checks:
        Every pair of procedures with the same code whose periods (`effective` .. `until`)
        overlap. The later one in reading order is reported, with the first as witness.
        Versions that follow each other in time (one `until 2025-06-30`, the next `effective
        2025-07-01`) are not duplicates, nor is a DSL file and its YAML twin that say exactly
        the same thing.
    Why it matters:
        The code identifies one procedure in the national database (Decree 63/2010/NĐ-CP
        Arts. 24-26): two records under one code at the same time means the
        portal, the one-stop system and this tool cannot tell which rules apply to a dossier.
    Example:
        ```tthc fragment
        procedure "1.001193" "Đăng ký khai sinh" {
        procedure "1.001193" "Đăng ký khai sinh (bản sao)" {
        ```
    Use instead:
        ```tthc fragment
        procedure "1.001193" "Đăng ký khai sinh" {
        procedure "1.000656" "Đăng ký khai tử" {
          result "Trích lục khai tử"
        ```
    """
    seen: dict[str, list[ProcedureModel]] = {}
    contents: dict[int, object] = {}
    for procedure in context.model.procedures:
        earlier = seen.setdefault(procedure.code, [])
        first = next((p for p in earlier if _clash(context, p, procedure, contents)), None)
        earlier.append(procedure)
        if first is None:
            continue
        yield Finding(
            procedure.node.code.span,
            Message(
                vi=f"Mã thủ tục '{procedure.code}' đã dùng cho một thủ tục khác có hiệu lực cùng "
                "thời gian",
                en=f"The procedure code '{procedure.code}' is already used by another procedure "
                "in force at the same time",
            ),
            help=Message(
                vi="Xóa bản trùng, sửa lại mã, hoặc nếu đây là phiên bản mới, ghi 'until' cho "
                "phiên bản cũ và 'effective' cho phiên bản mới để hai thời gian không chồng nhau",
                en="Remove the copy, correct the code, or, if this is a new version, give the old "
                "one an 'until' and this one an 'effective' so that the periods do not overlap",
            ),
            related=(
                Related(
                    span=first.node.code.span,
                    message=Message(
                        vi=f"Thủ tục đầu tiên mang mã này: {first.node.name}",
                        en=f"The first procedure with this code: {first.node.name}",
                    ),
                ),
            ),
        )
