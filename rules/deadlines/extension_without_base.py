"""TT507 extension-without-base: a deadline extension extends no deadline, or no case.

Input: a `ProcedureContext`. Output: a `Finding` at each extension (`deadline +10 days …`) of
a procedure with no plain deadline to add it to, or with no `when` saying which case it is for.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.dsl import Message
from tthc.rules.base import Finding, ProcedureContext
from tthc.rules.deadlines.deadline_exceeded import extended


def extension_without_base(context: ProcedureContext) -> Iterator[Finding]:
    """A deadline extension extends no deadline, or applies to no stated case.

    What it checks:
        An extension (`deadline +10 days when "vùng sâu, vùng xa"`, "+10 ngày") adds its time
        to the procedure's plain deadline for the case its `when` names; TT501 then holds every
        path to the extended limit and the paths that avoid verification to the plain one. An
        extension needs both: a deadline that is not itself an extension, and a condition.
    Why it matters:
        The law counts an extension from the end of the time limit it extends and grants it
        for a stated case only: for a construction permit, where more review is needed, "không
        được quá 10 ngày kể từ ngày hết hạn" (Law on Construction 2014 Art. 102(1), as amended
        in 2020). An extension with no deadline has no end to count from, and one with no case
        silently lengthens every dossier's time limit.
    Example:
        ```tthc fragment
          deadline +2 working_days
        ```
    Use instead:
        ```tthc fragment
          deadline 5 working_days
          deadline +2 working_days when "cần xác minh"
        ```
    """
    procedure = context.procedure.node
    base = extended(procedure)
    for deadline in procedure.deadlines:
        if not deadline.extension:
            continue
        if base is None:
            yield Finding(
                deadline.span,
                Message(
                    vi="Thời hạn kéo dài không gắn với thời hạn nào: thủ tục không có thời hạn "
                    "giải quyết để cộng thêm",
                    en="The extension extends nothing: the procedure has no deadline to add it to",
                ),
                help=Message(
                    vi="Thêm thời hạn giải quyết của thủ tục, ví dụ: deadline 15 working_days",
                    en="Add the procedure's deadline, for example: deadline 15 working_days",
                ),
            )
        elif deadline.condition is None:
            yield Finding(
                deadline.span,
                Message(
                    vi="Thời hạn kéo dài không nêu trường hợp áp dụng: mọi hồ sơ sẽ được kéo dài",
                    en="The extension names no case: it would lengthen every dossier's deadline",
                ),
                help=Message(
                    vi='Nêu trường hợp được kéo dài, ví dụ: when "vùng sâu, vùng xa"',
                    en='Name the case it is for, for example: when "vùng sâu, vùng xa"',
                ),
            )
