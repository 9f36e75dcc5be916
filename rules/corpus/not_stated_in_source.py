"""TT607 not-stated-in-source: the published source does not state parts of the procedure.

Input: a `ProcedureContext`. Output: one `Finding` at the code listing the parts the procedure
marks `unstated` (and any it marks so but gives all the same). The checks that would report
such a part as missing (TT601 for a stand-in code, TT603, TT105, and for an internal process
not stated the checks of the steps and the flow) leave it to this one, so a
record that is faithful to an incomplete source gets one finding, not a cascade of errors.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.dsl import Message, ast
from tthc.rules.base import Finding, ProcedureContext
from tthc.rules.corpus.bad_procedure_code import CODE_FORMAT

# Each part: its Vietnamese and English names (the fields of the national database).
PARTS: dict[ast.Unstated, tuple[str, str]] = {
    ast.Unstated.CODE: ("mã thủ tục", "procedure code"),
    ast.Unstated.FIELD: ("lĩnh vực", "field"),
    ast.Unstated.LEVEL: ("cấp thực hiện", "implementing level"),
    ast.Unstated.EFFECTIVE: ("ngày có hiệu lực", "effective date"),
    ast.Unstated.BASIS: ("căn cứ pháp lý", "legal basis"),
    ast.Unstated.APPLICANTS: ("đối tượng thực hiện", "applicants"),
    ast.Unstated.CHANNELS: ("cách thức thực hiện", "channels"),
    ast.Unstated.DEADLINE: ("thời hạn giải quyết", "time limit"),
    ast.Unstated.RESULT: ("kết quả thực hiện", "result"),
    ast.Unstated.FEE: ("phí, lệ phí", "fee"),
    ast.Unstated.DOSSIER: ("thành phần hồ sơ", "dossier"),
    ast.Unstated.STEPS: ("quy trình nội bộ", "internal process"),
}


def given(node: ast.Procedure, part: ast.Unstated) -> bool:
    """Whether the procedure gives the part (a code counts when it has the national form)."""
    if part is ast.Unstated.CODE:
        return CODE_FORMAT.fullmatch(node.code.value) is not None
    value: object = {
        ast.Unstated.FIELD: node.field,
        ast.Unstated.LEVEL: node.level,
        ast.Unstated.EFFECTIVE: node.effective,
        ast.Unstated.BASIS: node.basis,
        ast.Unstated.APPLICANTS: node.applicants,
        ast.Unstated.CHANNELS: node.channels,
        ast.Unstated.DEADLINE: node.deadlines,
        ast.Unstated.RESULT: node.results,
        ast.Unstated.FEE: node.fees,
        ast.Unstated.DOSSIER: node.dossier,
        ast.Unstated.STEPS: node.steps or node.flow,
    }[part]
    return value is not None and value != ()


def not_stated_in_source(context: ProcedureContext) -> Iterator[Finding]:
    """The published source does not state parts of the procedure: incomplete data.

    What it checks:
        A procedure encoded from a published record that lacks a part (no national code, no
        result, no channels…) says so with `unstated code, result, channels` rather than
        inventing a value. One finding lists those parts, once; the checks that would report
        each as missing (TT601 for the stand-in code, TT603, TT105; for a source with no
        internal process, `unstated steps`, TT301, TT306, TT310 and TT402) do not. A part marked
        `unstated` that the procedure gives all the same is named too: remove it from the line.
        A part simply left out, with no `unstated`, is still TT601/TT603/TT105's error.
    Why it matters:
        Decree 63/2010/NĐ-CP Art. 8(2) makes a procedure complete only with its name, sequence,
        manner of filing, dossier, time limit, applicants and deciding authority, and where
        applicable its result and fees; the decision that publishes it states them (Art. 15),
        and what the national database holds has enforceable value (Art. 25), so each part
        must come from the published text, never from a guess. A record that lacks one is
        incomplete data to complete from the publishing decision, not a procedure with as many
        faults as it has missing fields.
    Example:
        ```tthc fragment
        procedure "TTHC-XA-04" "Đăng ký khai sinh" {
          without result
          without channels
          unstated code, result, channels
        ```
    Use instead:
        ```tthc fragment
        # the base procedure: every part stated
        ```
    """
    node = context.procedure.node
    if not node.unstated:
        return
    parts = [PARTS[part] for part in node.unstated]
    extra = [PARTS[part] for part in node.unstated if given(node, part)]
    vi = f"Nguồn công bố của thủ tục '{node.code.value}' không nêu: " + ", ".join(
        p[0] for p in parts
    )
    en = f"The published source of '{node.code.value}' does not state: " + ", ".join(
        p[1] for p in parts
    )
    if extra:
        vi += f"; nhưng thủ tục vẫn ghi: {', '.join(p[0] for p in extra)}"
        en += f"; yet the procedure gives: {', '.join(p[1] for p in extra)}"
    yield Finding(
        node.code.span,
        Message(vi=vi, en=en),
        help=Message(
            vi="Dữ liệu chưa đầy đủ: lấy các phần này từ quyết định công bố thủ tục, ghi vào thủ "
            "tục và bỏ chúng khỏi dòng 'unstated'",
            en="Incomplete data: take these parts from the decision that publishes the "
            "procedure, write them in and remove them from the 'unstated' line",
        ),
    )
