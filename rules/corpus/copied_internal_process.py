"""TT606 copied-internal-process: one internal process under procedures with different deadlines.

Input: a `ProjectContext` (each summary's `process` digest: the kind, actor and time of every
step in order, `tthc.rules.engine.summary`). Output: one `Finding` per shared process, at the
first procedure that uses it, naming every procedure and its deadlines, the others as related
locations. Versions of one procedure (one code) may keep their process across a change of
deadline; only different codes are compared.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler import ProcedureModel
from tthc.dsl import Message, Related
from tthc.dsl.printer.values import deadline
from tthc.rules.base import Finding, ProjectContext


def _deadlines(procedure: ProcedureModel) -> str:
    return "; ".join(deadline(d) for d in procedure.node.deadlines)


def copied_internal_process(context: ProjectContext) -> Iterator[Finding]:
    """One internal process is copied under procedures with different deadlines.

    What it checks:
        Procedures of different codes whose internal processes have the same steps in the same
        order (kind, acting unit and time of each, at least three timed steps) must state the
        same deadline. One finding names every procedure that shares the process, with its
        deadlines. Versions of one procedure (one code) are not compared with each other.
    Why it matters:
        The time limit is part of each procedure (Decree 63/2010/NĐ-CP Art. 8(2)(đ)), and the
        internal process published for a procedure divides that limit among its steps: one
        process cannot fit two different limits. Provinces copy a process from one procedure
        to the next; then either the longer limit is promised without the time being planned,
        or the shorter one cannot be met by the steps (a TT501 overrun in waiting).
    Example:
        ```tthc fragment
        procedure "1.001193" "Đăng ký khai sinh" {
        procedure "1.001194" "Đăng ký lại khai sinh" {
          deadline 7 working_days
        ```
    Use instead:
        ```tthc fragment
        procedure "1.001193" "Đăng ký khai sinh" {
        procedure "1.001194" "Đăng ký lại khai sinh" {
          deadline 7 working_days
          steps {
            ky decision "Ký Giấy khai sinh" by commune.chairman takes 3 working_days
              basis luat-ho-tich-2014 art 16
          }
        ```
    """
    groups: dict[str, list[ProcedureModel]] = {}
    for procedure in context.model.procedures:
        if procedure.process and procedure.node.deadlines:
            groups.setdefault(procedure.process, []).append(procedure)
    for members in groups.values():
        # Printing deadlines is most of the cost: only where two codes share the process.
        if len({procedure.code for procedure in members}) < 2:
            continue
        seen: dict[tuple[str, str], ProcedureModel] = {}
        for procedure in members:
            seen.setdefault((procedure.code, _deadlines(procedure)), procedure)
        codes = {code for code, _ in seen}
        limits = {limit for _, limit in seen}
        if len(codes) < 2 or len(limits) < 2:
            continue
        first, *others = seen.values()
        listed = ", ".join(f"'{p.code}' ({_deadlines(p)})" for p in seen.values())
        yield Finding(
            first.node.code.span,
            Message(
                vi="Cùng một quy trình nội bộ (từng bước cùng đơn vị và thời gian) được dùng "
                f" cho các thủ tục có thời hạn khác nhau: {listed}",
                en=f"One internal process (same units and times step by step) is used by "
                f"procedures with different deadlines: {listed}",
            ),
            help=Message(
                vi="Chia lại thời gian các bước theo thời hạn của từng thủ tục, theo quy trình "
                "nội bộ đã phê duyệt cho thủ tục đó",
                en="Divide each procedure's own deadline among its steps, as the internal "
                "process approved for that procedure does",
            ),
            related=tuple(
                Related(
                    span=p.node.code.span,
                    message=Message(
                        vi=f"'{p.code}' dùng cùng quy trình, thời hạn {_deadlines(p)}",
                        en=f"'{p.code}' uses the same process, deadline {_deadlines(p)}",
                    ),
                )
                for p in others
            ),
        )
