"""TT603 missing-metadata: the procedure lacks required metadata.

Input: a `ProcedureContext`. Output: one `Finding` at the code listing what is missing of the field,
level, result, deadline and channels.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.dsl import Message, ast
from tthc.rules.base import Finding, ProcedureContext

# The field, its keyword, its Vietnamese and English names. The legal basis is required too,
# but TT105 (missing-legal-basis) reports it: one problem, one code.
METADATA = (
    ("field", "field", "lĩnh vực", "field"),
    ("level", "level", "cấp thực hiện", "implementing level"),
    ("results", "result", "kết quả", "result"),
    ("deadlines", "deadline", "thời hạn giải quyết", "deadline"),
    ("channels", "channels", "cách thức thực hiện", "channels"),
)


def missing_metadata(context: ProcedureContext) -> Iterator[Finding]:
    """The procedure lacks required metadata.

    What it checks:
        The procedure header has a field (`field`), an implementing level (`level`), a result
        (`result`), a deadline (`deadline`) and channels (`channels`). One finding lists
        everything missing. A missing legal basis (`basis`) is TT105's finding, not this one's;
        a part the published source does not state (`unstated result`) is TT607's.
    Why it matters:
        Decree 63/2010/NĐ-CP Art. 8(1)-(2) makes a procedure complete only with its legal
        basis, manner of filing (cách thức), time limit (thời hạn), deciding authority and,
        where applicable, its result; the national database records the field (lĩnh vực) and
        the implementing level (cấp thực hiện) of each (Decree 63/2010/NĐ-CP Arts. 3, 8, 24). A record without
        them cannot be published or checked.
    Example:
        ```tthc fragment
          without result
        ```
    Use instead:
        ```tthc fragment
          channels direct, online partial
          deadline 3 working_days
        ```
    """
    node = context.procedure.node
    missing = [
        item
        for item in METADATA
        if not getattr(node, item[0]) and ast.Unstated(item[1]) not in node.unstated
    ]
    if not missing:
        return
    yield Finding(
        node.code.span,
        Message(
            vi=f"Thủ tục '{node.code.value}' thiếu: {', '.join(m[2] for m in missing)}",
            en=f"The procedure '{node.code.value}' lacks: {', '.join(m[3] for m in missing)}",
        ),
        help=Message(
            vi="Bổ sung theo quyết định công bố thủ tục, dòng: "
            + ", ".join(f"'{m[1]}'" for m in missing),
            en="Add them from the decision that publishes the procedure, with the lines: "
            + ", ".join(f"'{m[1]}'" for m in missing),
        ),
    )
