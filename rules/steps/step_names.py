"""Steps as the step rules name them: the ids of some kinds, a step in a message, witnesses.

Input: a `Workflow` and its steps. Output: the ids of the steps of some kinds (`step_ids`), a
step as a message names it (`'ky' (Ký Giấy khai sinh)`), and steps as related locations.
"""

from __future__ import annotations

from tthc.compiler import Workflow
from tthc.dsl import Message, Related, ast

Kind = ast.StepKind


def step_ids(workflow: Workflow, *kinds: Kind) -> set[str]:
    """The ids of the steps of these kinds."""
    return {step.id.value for step in workflow.steps_of_kind(*kinds)}


def step_name(step: ast.Step) -> str:
    """A step as the messages name it: its id and its title."""
    return f"'{step.id.value}' ({step.title})"


def step_witnesses(workflow: Workflow, nodes: list[str], vi: str, en: str) -> tuple[Related, ...]:
    """Steps as related locations, each message saying why it is there."""
    return tuple(
        Related(span=workflow.span_of(n), message=Message(vi=f"{vi}: '{n}'", en=f"{en}: '{n}'"))
        for n in nodes
    )
