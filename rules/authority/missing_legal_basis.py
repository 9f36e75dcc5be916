"""TT105 missing-legal-basis: the procedure cites no legal basis, or a decision step has none of
its own and the procedure none to cover it.

Input: a `ProcedureContext`. Output: one `Finding` at the procedure's code when it has no
`basis`, naming the decision steps that cite none either (a procedure-level basis covers the
decision steps that do not cite their own, as published records cite it: once per procedure).
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.dsl import Message, Related, ast
from tthc.rules.base import Finding, ProcedureContext


def missing_legal_basis(context: ProcedureContext) -> Iterator[Finding]:
    """The procedure cites no legal basis, and no decision step is covered by one.

    What it checks:
        The procedure must have a `basis`. It covers every `decision` step that does not cite
        its own: published records (the national procedure database, provincial internal
        processes) give the legal basis once per procedure, never per step. A decision step may
        still cite the article that gives its decider the power (`basis luat-ho-tich-2014 art
        16`), and then that is its basis. A procedure without a basis is reported once, with
        its decision steps that cite none either. A basis the published source does not
        state (`unstated basis`) is left to TT607.
    Why it matters:
        Every administrative procedure and every decision in it must rest on a legal normative
        document (Decree 63/2010/NĐ-CP Art. 8(1), verified); the legal basis (căn cứ
        pháp lý) is a component of the procedure published in the national database, and the
        decision cites it.
    Example:
        ```tthc fragment
          without basis
        ```
    Use instead:
        ```tthc fragment
        # the base procedure: it cites luat-ho-tich-2014 art 16 as its basis
        ```
    """
    node = context.procedure.node
    # A basis the published source does not state (`unstated basis`) is TT607's finding.
    if node.basis or ast.Unstated.BASIS in node.unstated:
        return
    uncited = [s for s in context.workflow.steps_of_kind(ast.StepKind.DECISION) if not s.basis]
    yield Finding(
        node.code.span,
        Message(
            vi=f"Thủ tục “{node.name}” không nêu căn cứ pháp lý",
            en=f"The procedure '{node.name}' cites no legal basis",
        ),
        Message(
            vi="Thêm `basis` với văn bản và điều khoản quy định thủ tục “"
            f"{node.name}”, theo mẫu `basis <số hiệu văn bản> art <điều>, nd-118-2025` (lấy số "
            "hiệu trong sổ đăng ký, điều khoản trong quyết định công bố thủ tục); căn cứ của thủ "
            "tục áp dụng cho các bước quyết định không nêu căn cứ riêng",
            en=f"Add a `basis` naming the instrument and article that set '{node.name}', in the "
            "form `basis <instrument id> art <article>, nd-118-2025` (the id from the registry, "
            "the article from the published decision); it covers the decision steps that cite "
            "none of their own",
        ),
        related=tuple(
            Related(
                span=step.id.span,
                message=Message(
                    vi=f"Bước quyết định “{step.id.value}” cũng không nêu căn cứ",
                    en=f"The decision step '{step.id.value}' cites none either",
                ),
            )
            for step in uncited
        ),
    )
