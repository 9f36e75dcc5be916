"""TT205 instrument-cannot-delegate: the instrument kind cannot carry the delegation.

Input: a `ProjectContext`. Output: a `Finding` at the citation of each grant that cites no
instrument, none of a kind that can carry its mode, or (its giver holding nothing of the power)
an instrument ranked below the one that gives the power to someone else.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler.analysis.competence.names import instrument_name, who
from tthc.dsl import Message, ast
from tthc.rules.base import Finding, ProjectContext
from tthc.rules.delegation.registry_flaws import grant_names, registry_flaws, with_steps, witness

# What Law 72/2025/QH15 asks of the instrument of each mode (Arts. 12–14, partly verified).
NEEDS = {
    ast.GrantMode.DEVOLUTION: Message(
        vi="Điều 12 Luật Tổ chức chính quyền địa phương (Luật số 72/2025/QH15) yêu cầu phân"
        " quyền được quy định trong luật, nghị quyết của Quốc hội",
        en="Law 72/2025/QH15 Art. 12 has devolution set by a law or a National Assembly resolution",
    ),
    ast.GrantMode.DECENTRALIZATION: Message(
        vi="Điều 13 Luật Tổ chức chính quyền địa phương (Luật số 72/2025/QH15) yêu cầu phân"
        " cấp bằng văn bản quy phạm pháp luật",
        en="Law 72/2025/QH15 Art. 13 has decentralisation made by a normative document",
    ),
    ast.GrantMode.AUTHORIZATION: Message(
        vi="Điều 14 Luật Tổ chức chính quyền địa phương (Luật số 72/2025/QH15) yêu cầu ủy"
        " quyền bằng văn bản",
        en="Law 72/2025/QH15 Art. 14 has authorisation made in writing",
    ),
}


def instrument_cannot_delegate(context: ProjectContext) -> Iterator[Finding]:
    """The instrument kind cannot carry this delegation.

    What it checks:
        Every grant's `basis`: a phân quyền (`devolution`) needs a law or a National Assembly
        resolution; a phân cấp (`decentralization`) needs a normative document (law,
        resolution, decree, circular, decision, local_resolution), not a dispatch or an
        individual act; a phân định (`delineation`) needs a law, a resolution or a Government
        decree; an ủy quyền needs any written act (TT202 reports one with none). And a
        grant whose giver holds nothing of the power cannot re-allocate, by a lower-ranked
        instrument, a power that a higher-ranked instrument gives to someone else (e.g. a commune
        decision handing on a power a decree gives to the province). Reported at the citation.
    Why it matters:
        Law 72/2025/QH15 Art. 12: phân quyền "phải được quy định trong luật, nghị quyết của Quốc
        hội"; Art. 13: phân cấp by a "văn bản quy phạm pháp luật"; Art. 14(2)(a): ủy quyền "bằng
        văn bản" (partly verified). During the transition National Assembly Resolution
        190/2025/QH15 lets government decrees devolve power (reported, unverified): the help says
        so, and a decree that devolves under it is recorded with a suppression and that reason.
        A lower document cannot set aside a higher one (Law on Promulgation of Legal Documents).
    Example:
        ```tthc
        grant chung_thuc_xa {
          power "chung-thuc"  from national_assembly  to commune.people_committee  mode devolution
          basis nd-120-2025 art 4
        }
        ```
    Use instead:
        ```tthc
        grant chung_thuc_xa {
          power "chung-thuc"  from national_assembly  to commune.people_committee  mode devolution
          basis luat-tccqdp-2025 art 12
        }
        ```
    """
    model = context.model
    for flaw, steps in registry_flaws(context, "TT205"):
        grant = flaw.grant
        giver, _, mode = grant_names(model, grant)
        if flaw.detail == "no-carrier":
            message = Message(
                vi=f"{mode.vi.capitalize()} “{grant.id.value}” không nêu văn bản nào làm căn cứ",
                en=f"The {grant.mode.value} '{grant.id.value}' cites no instrument",
            )
        elif flaw.detail == "wrong-kind":
            kinds = [i for c in grant.basis if (i := model.instrument(c)) is not None]
            name = instrument_name(kinds[0]) if kinds else Message(vi="?", en="?")
            need = NEEDS.get(grant.mode)
            message = Message(
                vi=f"{name.vi} không phải loại văn bản {mode.vi} cần (“{grant.id.value}”)"
                + (f": {need.vi}" if need else ""),
                en=f"{name.en} is not the kind of instrument the {grant.mode.value} "
                f"'{grant.id.value}' needs" + (f": {need.en}" if need else ""),
            )
        else:
            other = flaw.witness
            holder = who(model, other.receiver.value) if other else giver
            message = Message(
                vi=f"{giver.vi} không có thẩm quyền “{grant.power.value}”, và văn bản của giao "
                f"quyền “{grant.id.value}” thấp hơn văn bản đã giao thẩm quyền này cho "
                f"{holder.vi}",
                en=f"{giver.en} holds no '{grant.power.value}', and the instrument of grant "
                f"'{grant.id.value}' ranks below the one that gives this power to {holder.en}",
            )
        finding = Finding(
            flaw.span,
            message,
            Message(
                vi="Phân quyền phải bằng luật, nghị quyết của Quốc hội; phân cấp bằng văn bản quy "
                "phạm pháp luật; ủy quyền bằng văn bản của bên ủy quyền, và chỉ về thẩm quyền "
                "bên đó đang có. Trong giai đoạn chuyển tiếp, Nghị quyết 190/2025/QH15 của Quốc "
                "hội cho phép nghị định phân quyền: nếu nghị định này phân quyền theo nghị quyết "
                "đó, ghi lý do bằng `# tthc: allow TT205 -- Nghị quyết 190/2025/QH15`",
                en="Devolution needs a law or National Assembly resolution; decentralization a "
                "normative document; authorization a written act of the giver, and only of a "
                "power the giver holds. During the transition, National Assembly Resolution "
                "190/2025/QH15 lets a decree devolve: if this decree devolves under it, record "
                "so with `# tthc: allow TT205 -- Resolution 190/2025/QH15`",
            ),
            witness(flaw.witness, "Giao bởi văn bản cao hơn", "Given by a higher instrument")
            if flaw.witness
            else (),
        )
        yield with_steps(finding, steps)
