"""TT406 choice-not-exclusive: the outcomes of a choice overlap or leave a case no branch.

Input: a `ProcedureContext`. Output: a `Finding` at each branch with a repeated `when`, a second
`otherwise`, no outcome among others, or the last branch of a choice with no `otherwise`.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler import START, Branch, Workflow
from tthc.compiler.analysis.flow.graph import graph_of
from tthc.compiler.analysis.flow.witnesses import names
from tthc.dsl import Message, Related
from tthc.rules.base import Finding, ProcedureContext
from tthc.rules.soundness.wording import (
    capitalised,
    node_name,
)


def choice_not_exclusive(context: ProcedureContext) -> Iterator[Finding]:
    """An exclusive choice whose outcomes overlap or leave a case with no branch to take.

    What it checks:
        The branches (flow lines) leaving one node. A case takes exactly one branch, so each
        must say when: `when <outcome>`, or `otherwise` for the default. Reported: two branches
        with the same `when`; two `otherwise`; a branch with neither when the node has others
        (which one would the case take? to run both, write `a -> all(b, c)`); and a node whose
        branches carry outcomes but no `otherwise`. Outcomes are names, not conditions, so no
        list of outcomes is taken as exhaustive: `when complete` and `when incomplete` still
        need `otherwise` on the last branch, for the case nobody foresaw (an empty decision).
        A `clock paused` line has no outcome: in a choice, put the waiting on its own step.
    Why it matters:
        A case with two matching branches is processed two ways or at random, and a case that
        matches none stops without a decision; the law requires every dossier to be settled
        or refused in writing with reasons (Decree 63/2010/NĐ-CP Art. 16-17; Decree
        118/2025/NĐ-CP). The one-stop system must know which way to route the dossier.
    Example:
        ```tthc fragment
            tu_choi refusal "Từ chối" by commune.one_stop notifies applicant
          flow {
            start -> tiep_nhan
            tiep_nhan -> ky when eligible
            tiep_nhan -> tu_choi when ineligible
            ky -> tra -> end
            tu_choi -> end
          }
        ```
    Use instead:
        ```tthc fragment
            tu_choi refusal "Từ chối" by commune.one_stop notifies applicant
          flow {
            start -> tiep_nhan
            tiep_nhan -> ky when eligible
            tiep_nhan -> tu_choi otherwise
            ky -> tra -> end
            tu_choi -> end
          }
        ```
    """
    workflow = context.workflow
    if not graph_of(workflow).complete:  # an arrow naming an unknown step was left out
        return
    for node in [START, *workflow.step_ids()]:
        branches = workflow.branches(node)
        # `_choice`'s first tests, made here: most nodes are no choice, or a clean one, and a
        # generator for each costs more than the tests.
        if len(branches) < 2 and (not branches or branches[0].outcome is None):
            continue
        if not _exclusive(branches):
            yield from _choice(workflow, node, branches)


def _choice(workflow: Workflow, node: str, branches: list[Branch]) -> Iterator[Finding]:
    if len(branches) < 2 and (not branches or branches[0].outcome is None):
        return  # a single plain branch (or none) is no choice
    if _exclusive(branches):
        return
    name = node_name(workflow, node)

    def line(branch: Branch, vi: str, en: str) -> Related:
        return Related(span=branch.span, message=Message(vi=vi, en=en))

    first: dict[str, Branch] = {}
    for branch in branches:
        if branch.outcome is None:
            continue
        if branch.outcome in first:
            yield Finding(
                branch.span,
                Message(
                    vi=f"Hai nhánh của {name.vi} cùng ghi `when {branch.outcome}`: hồ sơ có kết quả này không biết đi nhánh nào",
                    en=f"Two branches of {name.en} say `when {branch.outcome}`: a case with this outcome could take either",
                ),
                help=Message(
                    vi="Mỗi kết quả chỉ ghi cho một nhánh; nếu cả hai việc đều phải làm, viết `a -> all(b, c) when ...`",
                    en="Give each outcome to one branch only; if both must be done, write `a -> all(b, c) when ...`",
                ),
                related=(line(first[branch.outcome], "Nhánh kia", "The other branch"),),
            )
        else:
            first[branch.outcome] = branch
    defaults = [b for b in branches if b.default]
    for extra in defaults[1:]:
        yield Finding(
            extra.span,
            Message(
                vi=f"{capitalised(name.vi)} có hai nhánh `otherwise`: chỉ được có một nhánh mặc định",
                en=f"{capitalised(name.en)} has two `otherwise` branches: there can be only one default",
            ),
            help=Message(
                vi="Ghi `when <kết quả>` cho một trong hai nhánh",
                en="Write `when <outcome>` on one of the two branches",
            ),
            related=(line(defaults[0], "Nhánh mặc định đầu tiên", "The first default branch"),),
        )
    bare = [b for b in branches if b.outcome is None and not b.default]
    if len(branches) > 1 and bare:
        paused = any(b.paused for b in bare)
        targets = names(t for b in bare for t in b.targets)
        split = f"{node} -> all({', '.join(t for b in branches for t in b.targets)})"
        if len(bare) > 1:
            what = Message(
                vi=f"{capitalised(name.vi)} có {len(branches)} nhánh nhưng các nhánh tới {targets} không ghi khi nào đi: hồ sơ chỉ đi một nhánh nên phải biết chọn nhánh nào",
                en=f"{capitalised(name.en)} has {len(branches)} branches but those to {targets} do not say when to take them: a case takes one branch only",
            )
        else:
            what = Message(
                vi=f"{capitalised(name.vi)} có {len(branches)} nhánh nhưng nhánh tới {targets} không ghi khi nào đi: hồ sơ chỉ đi một nhánh nên phải biết chọn nhánh nào",
                en=f"{capitalised(name.en)} has {len(branches)} branches but the one to {targets} does not say when to take it: a case takes one branch only",
            )
        yield Finding(
            bare[0].span,
            what,
            help=Message(
                vi=f"Ghi `when <kết quả>` cho từng nhánh, `otherwise` cho nhánh mặc định; nếu mọi nhánh cùng chạy, viết `{split}`"
                + (
                    "; `clock paused` không đi cùng `when`: đặt việc chờ vào một bước riêng"
                    if paused
                    else ""
                ),
                en=f"Write `when <outcome>` on each branch and `otherwise` on the default; if every branch runs, write `{split}`"
                + (
                    "; `clock paused` cannot go with `when`: put the waiting on a step of its own"
                    if paused
                    else ""
                ),
            ),
            related=tuple(
                line(b, "Nhánh khác", "Another branch") for b in branches if b is not bare[0]
            ),
        )
    elif first and not defaults:
        last = branches[-1]
        outcomes = ", ".join(first)
        yield Finding(
            last.span,
            Message(
                vi=f"Lựa chọn tại {name.vi} chỉ có các kết quả {outcomes} và không có nhánh `otherwise`: hồ sơ có kết quả khác sẽ dừng lại",
                en=f"The choice at {name.en} only has the outcomes {outcomes} and no `otherwise` branch: a case with any other outcome stops there",
            ),
            help=Message(
                vi="Ghi `otherwise` thay cho `when` ở nhánh cuối (nhánh dành cho mọi trường hợp còn lại)",
                en="Write `otherwise` instead of `when` on the last branch (the one for every other case)",
            ),
            related=tuple(line(b, "Nhánh khác", "Another branch") for b in branches[:-1]),
        )


def _exclusive(branches: list[Branch]) -> bool:
    """Whether the branches of a choice give nothing to report below: each outcome once, one
    `otherwise` at most, and either an `otherwise` or, with several branches, no bare branch
    (checked first because most choices are fine, and naming the node costs more)."""
    outcomes: set[str] = set()
    defaults, bare = 0, False
    for branch in branches:
        if branch.default:
            defaults += 1
        if branch.outcome is not None:
            if branch.outcome in outcomes:
                return False
            outcomes.add(branch.outcome)
        elif not branch.default:
            bare = True
    if defaults > 1 or (bare and len(branches) > 1):
        return False
    return not outcomes or defaults == 1
