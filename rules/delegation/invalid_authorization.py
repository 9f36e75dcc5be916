"""TT202 invalid-authorization: an ủy quyền with no written act or no term, or past its term.

Input: a `ProjectContext`. Output: a `Finding` at each ủy quyền of the registry with no act or
no term, and at each decision step whose actor relies, on the procedure's date, on an ủy quyền
whose term has ended.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler.analysis.competence.names import day
from tthc.compiler.versions import law_day
from tthc.dsl import Message
from tthc.rules.authority.decisions import deciding
from tthc.rules.base import Finding, ProjectContext
from tthc.rules.delegation.registry_flaws import registry_flaws, with_steps, witness


def invalid_authorization(context: ProjectContext) -> Iterator[Finding]:
    """An ủy quyền has no written instrument or no term, or its term has ended.

    What it checks:
        Every `authorization` grant in the registry must cite its written act (`basis`) and
        have a term: its own `until`, or the `until` of its act. Reported once at the grant.
        And every `decision` or `signature` step whose actor is competent only through an ủy
        quyền whose term (or act) has ended on the procedure's `effective` date: reported at
        the step's actor, with the grant as witness.
    Why it matters:
        Law 72/2025/QH15 Art. 14(2)(a): "Việc ủy quyền phải thực hiện bằng văn bản"; Art. 14(1):
        the authorization runs "trong khoảng thời gian xác định kèm theo các điều kiện cụ thể"
        (partly verified); Decree 30/2020 Art. 13(3) limits signing by
        authorization in time and content (partly verified). Past its term, the authorized
        body acts without competence.
    Example:
        ```tthc
        grant uq_pho_chu_tich {
          power "ho-tich"  from commune.people_committee  to commune.vice_chairman
          mode authorization  resources "Công chức hộ tịch"
        }
        ```
    Use instead:
        ```tthc
        grant uq_pho_chu_tich {
          power "ho-tich"  from commune.people_committee  to commune.vice_chairman
          mode authorization  basis qd-uq-2025-01  until 2026-12-31  resources "Công chức hộ tịch"
        }
        ```
    """
    for flaw, steps in registry_flaws(context, "TT202"):
        missing = {
            "no-act": Message(vi="văn bản ủy quyền", en="written act"),
            "no-term": Message(vi="thời hạn", en="term"),
            "no-act-no-term": Message(
                vi="văn bản ủy quyền và thời hạn", en="written act and no term"
            ),
        }[flaw.detail]
        finding = Finding(
            flaw.span,
            Message(
                vi=f"Ủy quyền “{flaw.grant.id.value}” không có {missing.vi}",
                en=f"The authorization '{flaw.grant.id.value}' has no {missing.en}",
            ),
            Message(
                vi="Nêu văn bản ủy quyền (`basis`, ví dụ quyết định ủy quyền) và thời hạn ủy "
                "quyền (`until`)",
                en="Cite the act of authorization (`basis`) and give its term (`until`)",
            ),
        )
        yield with_steps(finding, steps)
    model, settings, memo = context.model, context.settings, context.memo
    for procedure in model.procedures:
        reported: set[str] = set()
        for step, actor, answer in deciding(model, procedure, settings, memo):
            for flaw in answer.flaws:
                if flaw.code != "TT202" or flaw.gap is None or flaw.grant.id.value in reported:
                    continue
                reported.add(flaw.grant.id.value)
                when = law_day(procedure.node, settings.on)
                on = day(when) if when else Message(vi="?", en="?")
                yield Finding(
                    actor.span,
                    Message(
                        vi=f"Bước “{step.id.value}” dựa vào ủy quyền “{flaw.grant.id.value}”, "
                        f"nhưng vào ngày áp dụng thủ tục ({on.vi}) ủy quyền đã hết hạn: "
                        f"{flaw.gap.message.vi}",
                        en=f"Step '{step.id.value}' relies on the authorization "
                        f"'{flaw.grant.id.value}', which has ended by the procedure's date "
                        f"({on.en}): {flaw.gap.message.en}",
                    ),
                    Message(
                        vi="Ban hành văn bản ủy quyền mới có thời hạn bao gồm ngày áp dụng, hoặc "
                        "giao bước cho bên ủy quyền",
                        en="Issue a new authorization whose term covers the procedure's date, or "
                        "give the step back to the authorizing body",
                    ),
                    witness(flaw.grant, "Ủy quyền đã hết hạn", "The expired authorization"),
                )
