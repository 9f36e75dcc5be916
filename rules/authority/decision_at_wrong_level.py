"""TT103 decision-at-wrong-level: the decision is taken at another level than the procedure's.

Input: a `ProcedureContext`. Output: a `Finding` at each decision step's actor whose level
differs from the procedure's implementing level, unless a transfer or consultation step sends
the dossier to that level.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler.analysis.competence.names import level_name
from tthc.dsl import Message, ast
from tthc.rules.authority.decisions import after_reform
from tthc.rules.base import Finding, ProcedureContext


def decision_at_wrong_level(context: ProcedureContext) -> Iterator[Finding]:
    """The decision is taken at another level than the procedure's implementing level.

    What it checks:
        Every `decision` step whose actor's level differs from the procedure's `level` (cấp
        thực hiện), unless the procedure declares that the dossier goes to that level: a
        `transfer` or `consultation` step whose counterpart (`with`) is the deciding actor or
        an authority at the deciding actor's level. Skipped when either level is unknown
        (TT603 asks for the procedure's level) and for district actors after the reform
        (TT102).
    Why it matters:
        The implementing level is a component of the procedure published in the national
        database (Decree 63/2010/NĐ-CP Art. 8(2), verified); the one-stop unit of that
        level receives the dossier and must send it on explicitly when another level decides
        (liên thông, Decree 118/2025 Arts. 14 and 20, partly verified).
    Example:
        ```tthc fragment
        grant ho_tich_tinh {
          power "ho-tich"  from government  to province.chairman  mode decentralization
          basis nd-120-2025 art 4  resources "Sở Tư pháp"
        }
            ky decision "Ký Giấy khai sinh" by province.chairman takes 1 working_days
              basis luat-ho-tich-2014 art 16
        ```
    Use instead:
        ```tthc fragment
        grant ho_tich_tinh {
          power "ho-tich"  from government  to province.chairman  mode decentralization
          basis nd-120-2025 art 4  resources "Sở Tư pháp"
        }
            chuyen transfer "Chuyển hồ sơ lên tỉnh" by commune.one_stop with province.chairman takes 1 working_days
            ky decision "Ký Giấy khai sinh" by province.chairman takes 1 working_days
              basis luat-ho-tich-2014 art 16
          flow { start -> tiep_nhan -> chuyen -> ky -> tra -> end }
        ```
    """
    level = context.procedure.node.level
    if level is None:
        return
    sent: list[ast.Authority | None] | None = None  # asked for only past the tests above it
    for step in context.workflow.steps_of_kind(ast.StepKind.DECISION):
        actor = context.model.actor(step)
        if step.actor is None or actor is None or actor.level in (None, level):
            continue
        if after_reform(context, actor):
            continue
        if sent is None:
            sent = [
                context.model.authority(s.counterpart)
                for s in context.workflow.steps_of_kind(
                    ast.StepKind.TRANSFER, ast.StepKind.CONSULTATION
                )
            ]
        if any(a is not None and a.level is actor.level for a in sent):
            continue
        at, home = level_name(actor.level), level_name(level)
        yield Finding(
            step.actor.span,
            Message(
                vi=f"Quyết định ở bước “{step.id.value}” do {actor.title} ({at.vi}) thực hiện, "
                f"trong khi cấp thực hiện của thủ tục là {home.vi}",
                en=f"The decision of step '{step.id.value}' is taken by {step.actor.value} "
                f"({at.en}), but the procedure is implemented at {home.en}",
            ),
            Message(
                vi=f"Giao bước quyết định cho chủ thể {home.vi}, hoặc khai báo bước chuyển hồ sơ "
                f"(`transfer`) hay lấy ý kiến (`consultation`) với {actor.title}",
                en=f"Give the decision to an authority at {home.en}, or declare a `transfer` or "
                f"`consultation` step with {step.actor.value}",
            ),
        )
