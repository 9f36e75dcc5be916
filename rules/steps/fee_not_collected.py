"""TT308 fee-not-collected: a fee or charge and no step that collects it.

Input: a `ProcedureContext`. Output: a `Finding` at the first fee above 0 when no step has kind
`fee`.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.dsl import Message, ast
from tthc.rules.base import Finding, ProcedureContext

Kind = ast.StepKind


def fee_not_collected(context: ProcedureContext) -> Iterator[Finding]:
    """A procedure with a fee or charge and no step that collects it.

    What it checks:
        When the procedure declares a `fee` with an amount above 0, some step has kind `fee`
        (thu phí, lệ phí). Reported once, at the first such fee.
    Why it matters:
        Fees and charges are part of the published procedure (Decree 63/2010/NĐ-CP
        Art. 8(2)(h)) and the one-stop unit collects them (Decree 118/2025/NĐ-CP
        Art. 24, as cited): a flow without the collecting step leaves the
        dossier waiting for a payment no step asks for, or the fee uncollected.
    Example:
        ```tthc fragment
          fee 8000 "Lệ phí đăng ký khai sinh quá hạn"
        ```
    Use instead:
        ```tthc fragment
            thu_phi fee "Thu lệ phí" by commune.one_stop
          fee 8000 "Lệ phí đăng ký khai sinh quá hạn"
          flow { start -> tiep_nhan -> ky -> thu_phi -> tra -> end }
        ```
    """
    charged = [fee for fee in context.procedure.node.fees if fee.amount > 0]
    if not charged or context.workflow.steps_of_kind(Kind.FEE):
        return
    fee = charged[0]
    yield Finding(
        fee.span,
        Message(
            vi=f"Thủ tục có phí, lệ phí ({_money(fee.amount, '.')} đồng, {fee.description}) nhưng không có bước thu",
            en=f"The procedure has a fee or charge ({_money(fee.amount, ',')} VND, {fee.description}) but no step collects it",
        ),
        help=Message(
            vi='Thêm bước thu phí, ví dụ `thu_phi fee "Thu lệ phí" by commune.one_stop`, vào luồng xử lý',
            en='Add a collecting step, for example `thu_phi fee "Thu lệ phí" by commune.one_stop`, to the flow',
        ),
    )


def _money(amount: int, separator: str) -> str:
    return f"{amount:,}".replace(",", separator)
