"""TT101 actor-not-competent: the actor of a decision step holds no competence for the power.

Input: a `ProcedureContext`. Output: a `Finding` at each decision or signature step's actor
whose chain of grants fails for a reason TT101 reports (no grant, granted to others, not in
force, a giver holding nothing, an authority that does not exist on the date).
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler.analysis.competence import Answer, Reason
from tthc.compiler.analysis.competence.names import who
from tthc.dsl import Message, ast
from tthc.rules.authority.decisions import after_reform, chain_witnesses, decisions, procedure_power
from tthc.rules.base import Finding, ProcedureContext


def actor_not_competent(context: ProcedureContext) -> Iterator[Finding]:
    """The actor of a decision step holds no competence for the procedure's power.

    What it checks:
        Every `decision` and `signature` step: its actor must hold the procedure's `power` on the
        procedure's `effective` date through a chain of grants in the registry (see
        `tthc.compiler.analysis.competence`: a grant of `ho-tich` covers `ho-tich.dang-ky-khai-sinh`; a
        phân cấp or ủy quyền holds only while its giver holds the power). It reports an actor
        with no grant, a grant to someone else, a grant or instrument not in force on that
        date, a giver that holds nothing to give, or an authority that does not exist on that
        date. A procedure with no `power` is not judged (TT603 asks for it). Not reported here:
        a district actor after the reform (TT102), a collective confused with its head (TT107),
        an unlawful link of the chain (TT201–TT205).
    Why it matters:
        An act by a body or person without competence is unlawful and may be annulled. Powers
        are given by law (phân quyền, Law 72/2025/QH15 Art. 12), by a normative document (phân
        cấp, Art. 13) or by a written act with a term (ủy quyền, Art. 14) (Arts. 13–14
        partly verified in the official text). The message says what the registry records
        ("the registry records no grant of the power to X; it records it for Y"), never what
        the law gives: a missing line in the registry reads the same as a missing power, and
        a law may give one procedure's acts to two holders (the Law on Civil Status 2014 gives
        death registration to the commune People's Committee, Art. 32, and has its Chairman
        issue the extract, Art. 34(2); partly verified, secondary sources). An authority whose
        own answer is being sought (the actor at the head of a chain) is never named as a
        holder.
    Example:
        ```tthc fragment
            ky decision "Ký Giấy khai sinh" by commune.economic_division takes 1 working_days
              basis luat-ho-tich-2014 art 16
        ```
    Use instead:
        ```tthc fragment
        # the base procedure: the commune chairman, who holds the power, signs
        ```
    """
    judged = {
        Reason.NO_GRANT,
        Reason.OTHER_HOLDER,
        Reason.NOT_IN_FORCE,
        Reason.GIVER_NOT_COMPETENT,
        Reason.AUTHORITY_NOT_VALID,
    }
    for _, actor, answer in decisions(context):
        if answer.reason not in judged or after_reform(context, context.model.authority(actor)):
            continue
        related = chain_witnesses(context, answer)
        yield Finding(actor.span, answer.explanation, _help(context, actor, answer), related)


def _help(context: ProcedureContext, actor: ast.Name, answer: Answer) -> Message:
    name = who(context.model, actor.value)
    if answer.reason is Reason.OTHER_HOLDER:
        holders = [who(context.model, h) for h in answer.holders]
        vi, en = ", ".join(h.vi for h in holders), ", ".join(h.en for h in holders)
        return Message(
            vi=f"Giao bước này cho chủ thể có thẩm quyền ({vi}), hoặc khai báo trong sổ đăng ký "
            f"văn bản giao thẩm quyền cho {name.vi}",
            en=f"Give this step to a competent authority ({en}), or declare in the registry the "
            f"grant that makes {name.en} competent",
        )
    if answer.reason is Reason.NOT_IN_FORCE:
        return Message(
            vi="Dựa vào căn cứ giao quyền còn hiệu lực vào ngày áp dụng thủ tục, hoặc sửa ngày "
            "`effective` của thủ tục",
            en="Rely on a grant in force on the procedure's date, or correct its `effective` date",
        )
    if answer.reason is Reason.GIVER_NOT_COMPETENT:
        return Message(
            vi="Bên giao quyền phải có thẩm quyền đó: khai báo căn cứ của bên giao, hoặc giao "
            "bước này cho chủ thể có thẩm quyền",
            en="The giver must hold the power itself: declare how it holds it, or give this "
            "step to a competent authority",
        )
    if answer.reason is Reason.AUTHORITY_NOT_VALID:
        return Message(
            vi="Giao bước này cho chủ thể tồn tại vào ngày áp dụng thủ tục",
            en="Give this step to an authority that exists on the procedure's date",
        )
    return Message(
        vi=f"Khai báo trong sổ đăng ký văn bản giao thẩm quyền “{procedure_power(context)}”, hoặc sửa "
        "`power` của thủ tục",
        en=f"Declare in the registry the grant of '{procedure_power(context)}', or correct the "
        "procedure's `power`",
    )
