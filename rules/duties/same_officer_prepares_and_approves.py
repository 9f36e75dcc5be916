"""TT701 same-officer-prepares-and-approves: one role appraises and decides where two are needed.

Input: a `ProcedureContext`. Output: a `Finding` at a decision step whose actor also appraised
or verified the dossier (`PREPARES`) in the same procedure.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.dsl import Message, Related, ast
from tthc.rules.base import Finding, ProcedureContext

PREPARES = (ast.StepKind.REVIEW, ast.StepKind.VERIFICATION)  # thẩm định, xác minh
APPROVES = (ast.StepKind.DECISION,)  # quyết định, phê duyệt


def same_officer_prepares_and_approves(context: ProcedureContext) -> Iterator[Finding]:
    """One role both prepares and approves a dossier where two persons are required.

    What it checks:
        In a procedure marked `two_persons yes`, no decision step may have the same actor (the
        same authority or title in the registry) as a review or verification step from which
        it can be reached: on that path one role would appraise (thẩm định) the dossier and
        then approve (phê duyệt) its own appraisal. Roles are compared by name; two different
        persons holding one title cannot be told apart here.
    Why it matters:
        The one-stop process separates the two: the head of the authority assigns an officer
        to appraise the dossier and decides on that officer's report (Decree 118/2025/NĐ-CP,
        which replaced Decree 61/2018/NĐ-CP; article not verified). `two_persons yes`
        records that the procedure's own legal text requires different persons (a four-eyes
        control against error and abuse of position); no general statute requiring it for
        every procedure was read (unverified).
    Example:
        ```tthc fragment
            kiem_tra review "Kiểm tra hồ sơ" by commune.chairman
          two_persons yes
          flow { start -> kiem_tra -> ky -> end }
        ```
    Use instead:
        ```tthc fragment
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer
          two_persons yes
          flow { start -> kiem_tra -> ky -> end }
        ```
    """
    workflow = context.workflow
    if not context.procedure.node.two_persons:
        return
    preparing = [s for s in workflow.steps_of_kind(*PREPARES) if s.actor is not None]
    for decision in workflow.steps_of_kind(*APPROVES):
        if decision.actor is None:
            continue
        role = decision.actor.value
        prepared = next(
            (
                s
                for s in preparing
                if s.actor is not None
                and s.actor.value == role
                and decision.id.value in workflow.reachable_from(s.id.value)
            ),
            None,
        )
        if prepared is None or prepared.actor is None:
            continue
        yield Finding(
            decision.actor.span,
            Message(
                vi=f"'{role}' vừa thẩm định hồ sơ (bước '{prepared.id.value}') vừa quyết định "
                f"(bước '{decision.id.value}'), trong khi thủ tục yêu cầu hai người khác nhau",
                en=f"'{role}' both appraises the dossier (step '{prepared.id.value}') and decides "
                f"(step '{decision.id.value}'), but the procedure requires two different persons",
            ),
            help=Message(
                vi="Giao bước thẩm định và bước quyết định cho hai người khác nhau, ví dụ công "
                "chức chuyên môn thẩm định, Chủ tịch Ủy ban nhân dân quyết định",
                en="Give the appraisal and the decision to two different persons, for example a "
                "specialist officer appraises and the People's Committee chairman decides",
            ),
            related=(
                Related(
                    span=prepared.actor.span,
                    message=Message(vi=f"'{role}' thẩm định ở đây", en=f"'{role}' appraises here"),
                ),
            ),
        )
