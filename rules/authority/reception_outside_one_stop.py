"""TT106 reception-outside-one-stop: a dossier is received outside the one-stop unit.

Input: a `ProcedureContext`. Output: a `Finding` at the actor of each reception step that the
registry does not declare `one_stop yes`.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.dsl import Message, ast
from tthc.rules.base import Finding, ProcedureContext


def reception_outside_one_stop(context: ProcedureContext) -> Iterator[Finding]:
    """A dossier is received outside the one-stop unit.

    What it checks:
        Every `reception` step: its actor, and each unit that may receive instead
        (`by a or b`), must be declared `one_stop yes` in the registry (the Trung tâm Phục vụ
        hành chính công of the province or commune, or a ministry's Bộ phận Tiếp nhận và Trả
        kết quả).
    Why it matters:
        Decree 118/2025 Art. 1(1) and Art. 14 (partly verified) organise the
        reception of dossiers and the return of results at the one-stop units; receiving a
        dossier at a specialised office bypasses the receipt, the appointment slip (Mẫu 01) and
        the tracking that the one-stop mechanism guarantees to the applicant.
    Example:
        ```tthc fragment
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.civil_status_officer takes 1 working_days
        ```
    Use instead:
        ```tthc fragment
        # the base procedure: the one-stop unit receives the dossier
        ```
    """
    for step in context.workflow.steps_of_kind(ast.StepKind.RECEPTION):
        for name in (step.actor, *step.alternatives):  # each unit that may receive (`by a or b`)
            actor = context.model.authority(name)
            if name is not None and actor is not None and not actor.one_stop:
                yield _outside(name, actor)


def _outside(name: ast.Name, actor: ast.Authority) -> Finding:
    return Finding(
        name.span,
        Message(
            vi=f"Hồ sơ được tiếp nhận tại {actor.title}, không phải Bộ phận Một cửa",
            en=f"The dossier is received by {name.value}, not by a one-stop unit",
        ),
        Message(
            vi="Giao bước tiếp nhận cho Trung tâm Phục vụ hành chính công (ví dụ "
            "`commune.one_stop`), hoặc khai báo `one_stop yes` nếu đơn vị này là Bộ phận "
            "Một cửa",
            en="Give the reception to the public administration service centre (e.g. "
            "`commune.one_stop`), or declare `one_stop yes` if this unit is a one-stop unit",
        ),
    )
