"""The flaws of the registry's grants, each with the decision steps that rely on the grant.

Input: a `ProjectContext`. Output: for one code, each `Flaw` of `grant_flaws` in declaration
order with the decision steps of the project whose actor's chain runs through that grant
(`registry_flaws`), and the small pieces every TT2xx message is made of: the names of a grant's
giver, receiver and mode (`grant_names`), a link as a witness (`witness`), and a finding with
the relying steps added (`with_steps`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from tthc.compiler import Registry
from tthc.compiler.analysis.competence import Flaw, Link, remembered_flaws
from tthc.compiler.analysis.competence.names import MODE_EN, MODE_VI, link_name, who
from tthc.dsl import Message, Related, ast
from tthc.rules.authority.decisions import deciding
from tthc.rules.base import Finding, ProjectContext


def registry_flaws(
    context: ProjectContext, code: str
) -> Iterator[tuple[Flaw, tuple[Related, ...]]]:
    """The flaws of one code in the registry, each with the decision steps that rely on it.
    The flaws and the reliance are worked out once for the five rules that ask (`Memo`)."""
    model, settings, memo = context.model, context.settings, context.memo
    relied = memo.get((reliance,), lambda: reliance(context))
    for grant in model.grants.values():
        for flaw in remembered_flaws(model, grant, settings, memo):
            if flaw.code == code:
                yield flaw, tuple(_relying(step) for step in relied.get(grant.id.value, ()))


# A decision step relying on a grant: the procedure's code, the step's id and its actor.
Reliance = tuple[str, str, ast.Name]


def reliance(context: ProjectContext) -> dict[str, list[Reliance]]:
    """For each grant, the decision steps whose actor's chain runs through it."""
    relied: dict[str, list[Reliance]] = {}
    model, settings, memo = context.model, context.settings, context.memo
    for procedure in model.procedures:
        code = procedure.code
        for step, actor, answer in deciding(model, procedure, settings, memo):
            for link in answer.chain:
                if isinstance(link, ast.Grant):
                    relied.setdefault(link.id.value, []).append((code, step.id.value, actor))
    return relied


def _relying(step: Reliance) -> Related:
    code, step_id, actor = step
    return Related(
        span=actor.span,
        message=Message(
            vi=f"Thủ tục {code}, bước “{step_id}” dựa vào giao quyền này",
            en=f"Procedure {code}, step '{step_id}' relies on this grant",
        ),
    )


def with_steps(finding: Finding, steps: tuple[Related, ...]) -> Finding:
    """The finding with the decision steps that rely on the grant added to its witnesses."""
    return replace(finding, related=(*finding.related, *steps))


def witness(link: Link, vi: str, en: str) -> tuple[Related, ...]:
    """A link as the one witness of a finding."""
    return (Related(span=link.id.span, message=Message(vi=vi, en=en)),)


def grant_names(model: Registry, grant: ast.Grant) -> tuple[Message, Message, Message]:
    """A grant's giver, receiver and mode, as the messages name them."""
    giver = who(model, grant.giver.value) if grant.giver else Message(vi="—", en="—")
    mode = Message(vi=MODE_VI[grant.mode], en=MODE_EN[grant.mode].removesuffix("s"))
    return giver, who(model, grant.receiver.value), mode


def onward(model: Registry, flaw: Flaw, how_vi: str, how_en: str) -> Finding:
    """The finding of a grant passing on a power its giver only received (TT201, TT203)."""
    grant, received = flaw.grant, flaw.witness
    giver, receiver, mode = grant_names(model, grant)
    origin = who(model, received.giver.value) if received and received.giver else giver
    given = link_name(received) if received else Message(vi="", en="")
    return Finding(
        flaw.span,
        Message(
            vi=f"Theo sổ đăng ký, {giver.vi} nhận thẩm quyền “{grant.power.value}” do {how_vi} "
            f"({given.vi}), nên không được {mode.vi} tiếp cho {receiver.vi}",
            en=f"By the registry, {giver.en} holds '{grant.power.value}' by {how_en} "
            f"({given.en}), so it may not {mode.en} it again to {receiver.en}",
        ),
        Message(
            vi=f"Bỏ giao quyền “{grant.id.value}”, hoặc để {origin.vi} giao trực tiếp cho "
            f"{receiver.vi}. Nếu một văn bản cho phép giao tiếp (ví dụ một nghị định chuyên "
            "ngành ghi “được phân cấp tiếp”), ghi định danh văn bản đó vào thiết lập "
            "`onward-delegation-allowed-by`",
            en=f"Remove the grant '{grant.id.value}', or let {origin.en} give the power to "
            f"{receiver.en} directly. If an instrument allows passing it on (a sector decree "
            "saying “được phân cấp tiếp”), list its id in the setting "
            "`onward-delegation-allowed-by`",
        ),
        witness(received, f"{how_vi.capitalize()} được nhận ở đây", f"The {how_en} received")
        if received
        else (),
    )
