"""The finding of a step one case can run too often, shared by TT305 and TT310.

Input: the `Workflow`, a `Repeat` of `tthc.compiler.analysis.flow.repeats.repeats`, the number allowed and what
is repeated (in both languages). Output: a `Finding` at the step, naming the loop that brings the
case back to it, or the earlier steps of the kind on the same line of the flow.
"""

from __future__ import annotations

from tthc.compiler import Workflow
from tthc.compiler.analysis.flow.repeats import Repeat
from tthc.compiler.analysis.flow.witnesses import names, route, witness
from tthc.dsl import Message
from tthc.rules.base import Finding
from tthc.rules.steps.step_names import step_name, step_witnesses


def repeat_finding(
    workflow: Workflow, repeat: Repeat, allowed: int, what: Message, help: Message
) -> Finding:
    step = workflow.step(repeat.step)
    named = step_name(step) if step is not None else f"'{repeat.step}'"
    if repeat.loop:
        circle = route(list(repeat.loop), first=repeat.step)
        message = Message(
            vi=f"Bước {named} nằm trên vòng lặp {circle}: một hồ sơ có thể nhận {what.vi} nhiều lần, quá {allowed} lần cho phép",
            en=f"The step {named} is on the loop {circle}: one dossier can receive {what.en} again and again, more than the {allowed} allowed",
        )
        related = witness(list(repeat.loop))
    else:
        count = allowed + 1
        ordinal = {2: "2nd", 3: "3rd"}.get(count, f"{count}th")
        message = Message(
            vi=f"Ở bước {named}, một hồ sơ có thể nhận {what.vi} lần thứ {count}, quá {allowed} lần cho phép (sau {names(repeat.earlier)})",
            en=f"At the step {named}, one dossier can receive {what.en} for the {ordinal} time, more than the {allowed} allowed (after {names(repeat.earlier)})",
        )
        related = step_witnesses(workflow, list(repeat.earlier), "Lần trước", "Earlier")
    return Finding(workflow.span_of(repeat.step), message, help=help, related=related)
