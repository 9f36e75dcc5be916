"""TT307 online-without-digital-signature: a fully online result is not signed digitally.

Input: a `ProcedureContext`. Output: a `Finding` at each decision or result step of a fully online
procedure that does not say `signs digital`.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.dsl import Message, Related, ast
from tthc.rules.base import Finding, ProcedureContext
from tthc.rules.steps.step_names import step_name

Kind = ast.StepKind


def online_without_digital_signature(context: ProcedureContext) -> Iterator[Finding]:
    """A fully online procedure whose decision or result is not digitally signed.

    What it checks:
        When `channels` includes `online full` (trực tuyến toàn trình), every `decision` and
        `result` step says `signs digital`: the applicant receives the result online, so it
        must be an electronic document signed digitally. A refusal notice is not checked here
        (which signature it needs online was not verified).
    Why it matters:
        A fully online service handles the whole procedure online and returns the result
        online or by public post (Decree 42/2022/NĐ-CP, as summarised); an electronic result has
        legal value when digitally signed (Decree 45/2020/NĐ-CP Art. 14, with Decree
        118/2025/NĐ-CP Art. 22, as cited). Specialised public-service signatures are governed
        by Decree 68/2024/NĐ-CP.
    Example:
        ```tthc fragment
            ky decision "Ký Giấy khai sinh" by commune.chairman signs handwritten
            tra result "Trả kết quả" by commune.one_stop signs digital
          channels online full
        ```
    Use instead:
        ```tthc fragment
            ky decision "Ký Giấy khai sinh" by commune.chairman signs digital
            tra result "Trả kết quả" by commune.one_stop signs digital
          channels online full
        ```
    """
    procedure = context.procedure.node
    full = next(
        (
            c
            for c in procedure.channels
            if c.kind is ast.ChannelKind.ONLINE and c.online is ast.OnlineLevel.FULL
        ),
        None,
    )
    if full is None:
        return
    for step in context.workflow.steps_of_kind(Kind.DECISION, Kind.RESULT):
        if step.signs is ast.SignatureKind.DIGITAL:
            continue
        how = (
            Message(vi="ký tay", en="is signed by hand")
            if step.signs is ast.SignatureKind.HANDWRITTEN
            else Message(vi="không ghi cách ký", en="does not say how it is signed")
        )
        yield Finding(
            step.id.span,
            Message(
                vi=f"Thủ tục trực tuyến toàn trình nhưng bước {step_name(step)} {how.vi}: kết quả điện tử phải được ký số",
                en=f"The procedure is fully online but the step {step_name(step)} {how.en}: an electronic result must be digitally signed",
            ),
            help=Message(
                vi=f"Ghi `signs digital` cho bước '{step.id.value}'",
                en=f"Write `signs digital` on the step '{step.id.value}'",
            ),
            related=(
                Related(
                    span=full.span,
                    message=Message(vi="Trực tuyến toàn trình", en="Fully online"),
                ),
            ),
        )
