"""TT601 bad-procedure-code: the procedure code does not have the national format `d.dddddd`.

Input: a `ProcedureContext`. Output: a `Finding` at the code when it is not one digit, a dot and six
digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tthc.dsl import Message, ast
from tthc.rules.base import Finding, ProcedureContext

CODE_FORMAT = re.compile(r"\d\.\d{6}")  # one digit, a dot, six digits: 1.001193


def bad_procedure_code(context: ProcedureContext) -> Iterator[Finding]:
    """The procedure code does not have the national format `d.dddddd`.

    What it checks:
        The code (mã thủ tục) is one digit, a dot and six digits, as in `1.001193`. A code
        written in place of one the published source does not give (`unstated code`) is left
        to TT607.
    Why it matters:
        The national database of administrative procedures (CSDL quốc gia về TTHC, Decree
        63/2010/NĐ-CP Art. 3, 24-26) keys every procedure by this code; the national portal
        finds a procedure by it (`ma_thu_tuc=<code>`). A code in another form links to nothing
        and cannot be synchronised (format `d.dddddd` as observed on the national portal's
        pages; the format itself is not laid down in a text read, unverified).
    Example:
        ```tthc fragment
        procedure "1.1193" "Đăng ký khai sinh" {
        ```
    Use instead:
        ```tthc fragment
        # the base procedure: its code 1.001193 has the national form d.dddddd
        ```
    """
    node = context.procedure.node
    code = node.code
    # A stand-in for a code the published source does not give is TT607's, not a bad code.
    if CODE_FORMAT.fullmatch(code.value) or ast.Unstated.CODE in node.unstated:
        return
    yield Finding(
        code.span,
        Message(
            vi=f"Mã thủ tục '{code.value}' không đúng định dạng quốc gia: một chữ số, dấu chấm, "
            "sáu chữ số (ví dụ 1.001193)",
            en=f"The procedure code '{code.value}' does not have the national format: one digit, "
            "a dot, six digits (for example 1.001193)",
        ),
        help=Message(
            vi="Chép đúng mã thủ tục từ Cơ sở dữ liệu quốc gia về thủ tục hành chính",
            en="Copy the procedure code exactly from the National Database of Administrative "
            "Procedures",
        ),
    )
