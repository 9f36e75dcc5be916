"""The decision steps of a procedure and their actors' competence, shared by the TT1xx rules.

Input: a `ProcedureContext`. Output: each decision or signature step with its actor's
competence `Answer` for the procedure's power on its effective date (`decisions`), whether an
authority is a district one after the reform (`after_reform`), the procedure's power, and the
links of a failing chain as related locations (`chain_witnesses`).
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler import ProcedureModel, Registry
from tthc.compiler.analysis.competence import Answer, competence, covers
from tthc.compiler.analysis.competence.names import link_name, who
from tthc.compiler.analysis.memo import Memo
from tthc.compiler.analysis.settings import Settings
from tthc.compiler.versions import law_day
from tthc.dsl import Message, Related, ast
from tthc.rules.base import ProcedureContext

DECIDING = (ast.StepKind.DECISION, ast.StepKind.SIGNATURE)


def decisions(context: ProcedureContext) -> Iterator[tuple[ast.Step, ast.Name, Answer]]:
    """Each decision or signature step with a known actor, and the actor's competence for the
    procedure's power on its effective date (asked once per project: `context.memo`). Nothing
    when the procedure names no `power`."""
    return deciding(context.model, context.procedure, context.settings, context.memo)


def deciding(
    model: Registry, procedure: ProcedureModel, settings: Settings, memo: Memo
) -> Iterator[tuple[ast.Step, ast.Name, Answer]]:
    """`decisions` of a procedure given alone, as project-scope rules hold it (its summary,
    `tthc.rules.engine.summary`, keeps the deciding steps for this)."""
    power = procedure.node.power
    if power is None:
        return
    on = law_day(procedure.node, settings.on)
    for step in procedure.steps.values():
        if step.kind not in DECIDING or step.actor is None or model.actor(step) is None:
            continue
        answer = competence(model, step.actor.value, power.value, on, settings, memo)
        yield step, step.actor, answer


def after_reform(context: ProcedureContext, authority: ast.Authority | None) -> bool:
    """A district-level authority in a procedure effective after the district level ended."""
    on = context.on
    return (
        authority is not None
        and authority.level is ast.Level.DISTRICT
        and on is not None
        and on > context.settings.district_level_ends
    )


def chain_witnesses(context: ProcedureContext, answer: Answer) -> tuple[Related, ...]:
    """The links of the failing chain, or the grants that give the power to the others."""
    power = procedure_power(context)
    links = list(answer.chain) or [
        link
        for holder in answer.holders
        for link in context.model.links_to(holder)
        if covers(link.power.value, power)
    ]
    return tuple(
        Related(
            span=link.id.span,
            message=Message(
                vi=f"{link_name(link).vi}: cho {who(context.model, link.receiver.value).vi}",
                en=f"{link_name(link).en}: to {link.receiver.value}",
            ),
        )
        for link in links
    )


def procedure_power(context: ProcedureContext) -> str:
    """The procedure's power, or "" when it names none."""
    power = context.procedure.node.power
    return power.value if power else ""
