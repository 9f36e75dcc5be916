"""TT312 head-of-person: a step is given to the head of an authority that is one person.

Input: a `ProcedureContext`. Output: a `Finding` at each `by head of x` whose `x` the registry
declares `kind person`.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.dsl import Message, ast
from tthc.rules.base import Finding, ProcedureContext


def head_of_person(context: ProcedureContext) -> Iterator[Finding]:
    """A step is given to the head of an authority that is one person.

    What it checks:
        `by head of x` ("Lãnh đạo X") gives a step to the head of the unit or body `x`, or a
        deputy acting for it: what `x` holds, its head exercises. `x` must be a unit or a
        collective body; a person (a title such as `commune.chairman`) has no head, and a
        record that says "Lãnh đạo" of a person names the wrong authority.
    Why it matters:
        The head of an agency answers for the settlement of the dossiers given to it and may
        assign a deputy to act for the agency (Law on Organisation of Local Government 2025,
        Law 72/2025/QH15, Art. 13-14, read in a secondary source); a title is already one
        person, who acts for the body only where a grant says so (TT101).
    Example:
        ```tthc fragment
            kiem_tra review "Kiểm tra hồ sơ" by head of commune.civil_status_officer takes 1 working_days
          flow { start -> tiep_nhan -> kiem_tra -> ky -> tra -> end }
        ```
    Use instead:
        ```tthc fragment
            kiem_tra review "Kiểm tra hồ sơ" by head of commune.economic_division takes 1 working_days
          flow { start -> tiep_nhan -> kiem_tra -> ky -> tra -> end }
        ```
    """
    for step in context.procedure.node.steps:
        if not step.head or step.actor is None:
            continue
        actor = context.model.authority(step.actor)
        if actor is None or actor.kind is not ast.AuthorityKind.PERSON:
            continue
        yield Finding(
            step.actor.span,
            Message(
                vi=f"Bước '{step.id.value}' giao cho lãnh đạo của {actor.title}, nhưng đó là "
                "một chức danh (một người), không có lãnh đạo riêng",
                en=f"The step '{step.id.value}' is given to the head of {step.actor.value}, "
                "which is a title (one person) with no head of its own",
            ),
            help=Message(
                vi=f"Viết `by {step.actor.value}` (chính người đó), hoặc `by head of` đơn vị mà "
                "bản ghi gọi là \u201cLãnh đạo\u201d",
                en=f"Write `by {step.actor.value}` (that person), or `by head of` the unit the "
                "record calls \u201cLãnh đạo\u201d",
            ),
        )
