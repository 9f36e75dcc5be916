"""Deadline variants tied to the flow, as TT501 and TT508 read them.

Input: `Deadline`s of the AST and the `Workflow`. Output: the tied variants whose names the
flow has (`bound_ties`: a tie naming an unknown step or outcome is TT005's and is judged by
nothing else), the longest timed path a variant governs (`governed_path`), and the paths it
governs as an official reads them (`tie_text`: step titles, outcome names, both languages).
"""

from __future__ import annotations

from collections.abc import Sequence

from tthc.compiler import Workflow
from tthc.compiler.analysis.durations import Scale
from tthc.compiler.analysis.governed_path import longest_governed
from tthc.compiler.analysis.longest_path import TimedPath
from tthc.compiler.analysis.settings import Settings
from tthc.dsl import Message, ast


def bound_ties(deadlines: Sequence[ast.Deadline], workflow: Workflow) -> list[ast.Deadline]:
    """The tied variants among `deadlines` whose every step and outcome the flow has."""
    tied = [d for d in deadlines if d.tied]
    if not tied:
        return []
    steps = set(workflow.step_ids())
    outcomes = {b.outcome for _, _, b in workflow.arrows() if b.outcome is not None}
    return [
        d
        for d in tied
        if all(n.value in steps for n in (*d.through, *d.avoiding))
        and all(n.value in outcomes for n in d.via)
    ]


def governed_path(
    workflow: Workflow, deadline: ast.Deadline, scale: Scale, settings: Settings
) -> TimedPath | None:
    """The longest timed path the variant governs; `None` when no timed path meets its tie."""
    return longest_governed(
        workflow,
        through=[n.value for n in deadline.through],
        via=[n.value for n in deadline.via],
        avoid=[n.value for n in deadline.avoiding],
        scale=scale,
        settings=settings,
    )


def tie_text(workflow: Workflow, deadline: ast.Deadline) -> Message:
    """` (qua “Xác minh”; theo nhánh 'no_check')` / ` (through “Xác minh”; taking 'no_check')`,
    or nothing for an untied variant."""
    if not deadline.tied:
        return Message(vi="", en="")

    def titles(names: tuple[ast.Name, ...]) -> str:
        steps = [(n.value, workflow.step(n.value)) for n in names]
        return ", ".join(f"“{step.title}”" if step else name for name, step in steps)

    vi: list[str] = []
    en: list[str] = []
    if deadline.through:
        vi.append(f"qua {titles(deadline.through)}")
        en.append(f"through {titles(deadline.through)}")
    if deadline.via:
        outcomes = ", ".join(f"'{n.value}'" for n in deadline.via)
        vi.append(f"theo nhánh {outcomes}")
        en.append(f"taking {outcomes}")
    if deadline.avoiding:
        vi.append(f"không qua {titles(deadline.avoiding)}")
        en.append(f"not through {titles(deadline.avoiding)}")
    return Message(vi=f" ({'; '.join(vi)})", en=f" ({'; '.join(en)})")
