"""TT306 unused-dossier-component: a dossier component that no step reads.

Input: a `ProcedureContext`. Output: a `Finding` at each component of `dossier` that no step names
in `reads`.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.dsl import Message
from tthc.rules.base import Finding, ProcedureContext, judges_process


@judges_process
def unused_dossier_component(context: ProcedureContext) -> Iterator[Finding]:
    """A dossier component that no step reads.

    What it checks:
        Every component declared in `dossier` is named in the `reads` of at least one step.
        A procedure whose source states no internal process (`unstated steps`, no steps) is
        left to TT607.
    Why it matters:
        The dossier list is part of the published procedure (Decree 63/2010/NĐ-CP
        Art. 8(2)(d)): the applicant must bring every paper on it, so a paper that no step
        examines is asked for nothing. Most often a `reads` was forgotten; TT702 checks the
        opposite (a step reading papers it has no use for).
    Example:
        ```tthc fragment
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop reads to_khai
          dossier {
            to_khai "Tờ khai đăng ký khai sinh" required
            giay_chung_sinh "Giấy chứng sinh" required
          }
        ```
    Use instead:
        ```tthc fragment
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop reads to_khai, giay_chung_sinh
          dossier {
            to_khai "Tờ khai đăng ký khai sinh" required
            giay_chung_sinh "Giấy chứng sinh" required
          }
        ```
    """
    read = {name.value for step in context.procedure.node.steps for name in step.reads}
    for component in context.procedure.node.dossier:
        if component.id.value in read:
            continue
        yield Finding(
            component.id.span,
            Message(
                vi=f"Thành phần hồ sơ '{component.id.value}' ({component.title}) không được bước nào sử dụng",
                en=f"No step uses the dossier component '{component.id.value}' ({component.title})",
            ),
            help=Message(
                vi=f"Ghi `reads {component.id.value}` cho bước kiểm tra giấy tờ này, hoặc bỏ giấy tờ khỏi hồ sơ nếu không cần",
                en=f"Write `reads {component.id.value}` on the step that examines this paper, or drop it from the dossier if it is not needed",
            ),
        )
