"""TT403 join-may-wait-forever: a parallel join that can wait for ever.

Input: a `ProcedureContext`. Output: a `Finding` at each join that some reachable state holds an
arrival at while it can never start, with the shortest run and the choice that excluded the missing
branches.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler import Workflow
from tthc.compiler.analysis.flow.graph import Graph, graph_of
from tthc.compiler.analysis.soundness.analysis import analyse
from tthc.compiler.analysis.soundness.net import Move
from tthc.dsl import Message
from tthc.rules.base import Finding, ProcedureContext
from tthc.rules.soundness.wording import (
    join_text,
    moves_route,
    moves_witness,
    node_witnesses,
    titled,
)


def join_may_wait_forever(context: ProcedureContext) -> Iterator[Finding]:
    """A parallel join that can wait for ever, typically one that joins the branches of a choice.

    What it checks:
        Plays every order in which one case can run (`all(a, b) -> c` starts `c` once both `a`
        and `b` have arrived). Reports a join if some reachable state holds an arrival at it
        from which the join can never start: a branch it waits for was not taken (the branches
        of an exclusive choice, `when`/`otherwise`, never both run), cannot be reached, or went
        elsewhere. The witness is the shortest run to that state; the message names the branches
        that arrived and those that can no longer arrive, and the choice that excluded them.
    Why it matters:
        A dossier waiting at such a join is never decided: the processing stops silently and
        the legal time limit runs out (Decree 118/2025/NĐ-CP, article
        numbers not verified). Inter-agency processing (liên thông) sends the dossier to the
        participating agencies in parallel and then waits for all of them, which is what a join
        means (Decree 118/2025/NĐ-CP Arts. 14 and 20, as cited).
    Example:
        ```tthc fragment
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer
            xac_minh_a verification "Xác minh nơi cư trú" by commune.civil_status_officer
            xac_minh_b verification "Xác minh nơi sinh" by commune.civil_status_officer
          flow {
            start -> tiep_nhan -> kiem_tra
            kiem_tra -> xac_minh_a when residence
            kiem_tra -> xac_minh_b otherwise
            all(xac_minh_a, xac_minh_b) -> ky
            ky -> tra -> end
          }
        ```
    Use instead:
        ```tthc fragment
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer
            xac_minh_a verification "Xác minh nơi cư trú" by commune.civil_status_officer
            xac_minh_b verification "Xác minh nơi sinh" by commune.civil_status_officer
          flow {
            start -> tiep_nhan -> kiem_tra -> all(xac_minh_a, xac_minh_b)
            all(xac_minh_a, xac_minh_b) -> ky
            ky -> tra -> end
          }
        ```
    """
    workflow = context.workflow
    space = analyse(workflow, context.settings).space
    graph = graph_of(workflow)
    for join, state in space.waits.items():
        marking = space.markings[state]
        here = set(space.marked(marking))
        sources = list(dict.fromkeys(join.sources))
        arrived = [s for s in sources if (join, s) in here]
        later = space.ever_marked(state)
        never = [
            s
            for s in sources
            if s not in arrived and not later >> space.places.index((join, s)) & 1
        ]
        moves = space.moves_to(state)
        because = _excluding_choice(workflow, graph, moves, never)
        reason = Message(vi="", en="")
        related = list(moves_witness(moves))
        if because is not None:
            node, outcome = because
            reason = Message(
                vi=f": '{node}' là một lựa chọn, hồ sơ chỉ đi một nhánh ({outcome.vi})",
                en=f": '{node}' is a choice and a case takes one branch only ({outcome.en})",
            )
        related.extend(
            node_witnesses(
                workflow, never, "Không thể đến điểm hợp nữa", "Can no longer arrive at the join"
            )
        )
        yield Finding(
            join.span,
            Message(
                vi=f"Điểm hợp {join_text(join, workflow)} có thể chờ mãi: theo đường {moves_route(moves, workflow)}, {_titles(workflow, arrived)} đã đến nhưng {_titles(workflow, never)} không thể đến nữa{reason.vi}",
                en=f"The join {join_text(join, workflow)} can wait for ever: along {moves_route(moves, workflow)}, {_titles(workflow, arrived)} has arrived but {_titles(workflow, never)} can no longer arrive{reason.en}",
            ),
            help=Message(
                vi="Chỉ dùng all(...) -> ... để hợp các nhánh chạy song song (tách bằng `a -> all(b, c)`); các nhánh của một lựa chọn (when/otherwise) thì nối riêng từng nhánh: `b -> d` và `c -> d`",
                en="Use all(...) -> ... only to join branches that run in parallel (split with `a -> all(b, c)`); connect the branches of a choice (when/otherwise) one by one: `b -> d` and `c -> d`",
            ),
            related=tuple(related),
        )


def _excluding_choice(
    workflow: Workflow, graph: Graph, moves: list[Move], never: list[str]
) -> tuple[str, Message] | None:
    """The last choice on the run whose untaken branch led to a missing source, and its outcome."""
    for move in reversed(moves):
        branch = move.branch
        if branch is None or len(workflow.branches(move.node)) < 2:
            continue
        for other in workflow.branches(move.node):
            if other is branch:
                continue
            if any(s in graph.search(other.targets) for s in never):
                taken = (
                    Message(vi=f"'when {branch.outcome}'", en=f"'when {branch.outcome}'")
                    if branch.outcome is not None
                    else Message(vi="'otherwise'", en="'otherwise'")
                    if branch.default
                    else Message(vi="nhánh không ghi kết quả", en="a branch with no outcome")
                )
                return move.node, Message(
                    vi=f"ở đây là nhánh {taken.vi}", en=f"here the branch {taken.en}"
                )
    return None


def _titles(workflow: Workflow, nodes: list[str]) -> str:
    return ", ".join(titled(workflow, node) for node in nodes)
