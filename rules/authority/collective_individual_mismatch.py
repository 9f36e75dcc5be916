"""TT107 collective-individual-mismatch: a collective body acts where the law names a person,
or the reverse.

Input: a `ProcedureContext`. Output: a `Finding` at each decision or signature step's actor
that holds no competence while the body it heads (or the person of the body) does.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler.analysis.competence import Reason
from tthc.compiler.analysis.competence.names import who
from tthc.dsl import Message
from tthc.rules.authority.decisions import chain_witnesses, decisions
from tthc.rules.base import Finding, ProcedureContext


def collective_individual_mismatch(context: ProcedureContext) -> Iterator[Finding]:
    """A step is given to a collective body where the law names an individual, or the reverse.

    What it checks:
        Every `decision` and `signature` step whose actor does not hold the procedure's power
        while the authority it is confused with does: an individual heading or belonging to a
        collective body (`kind person`, `of` the body) when the power is granted to the body,
        or the body when the power is granted to an individual of it. A head is not competent
        for the body's power by being its head: it needs its own grant (phân cấp or ủy quyền).
    Why it matters:
        Law 72/2025/QH15 Art. 11 requires the powers of the People's Committee (a collective
        body, deciding by majority) and of its Chairman to be told apart (partly
        verified); sector laws name one or the other, and sometimes both for one procedure:
        the Law on Civil Status 2014 (60/2014/QH13) gives registration to the commune People's
        Committee (Art. 13 birth, Art. 32 death) and has its Chairman issue the birth
        certificate (Art. 16(2)) and the death extract (Art. 34(2): the civil-status officer
        "báo cáo Chủ tịch Ủy ban nhân dân cấp xã cấp trích lục cho người đi khai tử") (partly
        verified, secondary sources); Decree 151/2025 Art. 5 gives district land powers to the
        commune Chairman (Art. 5(1), verified). The message says what the registry records
        ("the registry records the power for X, not for Y"), not what the law gives: a power
        the law gives Y directly is a grant to declare, which the help names first.
    Example:
        ```tthc fragment
            ky decision "Ký Giấy khai sinh" by commune.vice_chairman takes 1 working_days
              basis luat-ho-tich-2014 art 16
        ```
    Use instead:
        ```tthc fragment
            ky decision "Ký Giấy khai sinh" by commune.people_committee takes 1 working_days
              basis luat-ho-tich-2014 art 16
        ```
    """
    for step, actor, answer in decisions(context):
        if answer.reason not in (Reason.HEAD_OF_HOLDER, Reason.MEMBER_HOLDS):
            continue
        holder = who(context.model, answer.holders[0])
        name = who(context.model, actor.value)
        yield Finding(
            actor.span,
            answer.explanation,
            Message(
                vi=f"Nếu văn bản luật giao chính việc này cho {name.vi}, khai báo giao quyền đó "
                f"trong sổ đăng ký, ghi điều luật làm căn cứ; nếu {holder.vi} đã phân cấp hoặc "
                f"ủy quyền bằng văn bản cho {name.vi}, khai báo văn bản đó; nếu không có văn "
                f"bản nào, giao bước “{step.title}” cho {holder.vi}",
                en=f"If a law gives this very act to {name.en}, declare that grant in the "
                f"registry with the article as its basis; if {holder.en} decentralised or "
                f"authorised it in writing to {name.en}, declare that document; if there is "
                f"none, give the step “{step.title}” to {holder.en}",
            ),
            chain_witnesses(context, answer),
        )
