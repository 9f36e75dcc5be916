"""TT405 improper-completion: the end is reached while parallel work is still running.

Input: a `ProcedureContext`. Output: a `Finding` at the move that reaches `end` with work left, and
at each step (or join slot) one case can start twice, with the shortest run as the witness.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler import Join, Workflow
from tthc.compiler.analysis.soundness.analysis import analyse
from tthc.compiler.analysis.soundness.markings import StateSpace
from tthc.compiler.analysis.soundness.net import Move
from tthc.dsl import Message
from tthc.rules.base import Finding, ProcedureContext
from tthc.rules.soundness.wording import (
    capitalised,
    join_text,
    move_span,
    moves_route,
    moves_witness,
    node_name,
    node_witnesses,
    titled,
)


def improper_completion(context: ProcedureContext) -> Iterator[Finding]:
    """The case can reach the end while parallel work is still running.

    What it checks:
        Plays every order in which one case can run. Reports (1) a run that reaches `end`
        while another branch still holds work (a step not yet done, or an arrival waiting at a
        join): the case would be closed, and the result returned, before that work is done;
        (2) each step that can be started a second time while it still holds the first start,
        which happens when parallel branches meet at a step without a join (`b -> d` and
        `c -> d` after `a -> all(b, c)`): the step would run twice for one dossier. The witness
        is the shortest run. A flow with more states than the exploration's budget is checked
        as far as it goes: what is reported is exact, and TT407 says the rest was not explored.
    Why it matters:
        The result is returned once, when the dossier is settled (Decree 118/2025/NĐ-CP
        Art. 22, article cited by secondary sources): work still running
        after the end (an opinion not yet received, a fee not yet collected) is never used, and
        a step that runs twice issues two decisions for one dossier. Inter-agency processing in
        parallel must wait for every participant (Decree 118/2025/NĐ-CP Art. 20, as cited).
    Example:
        ```tthc fragment
            luu_tru review "Lưu bản sao hồ sơ" by commune.one_stop
          flow {
            start -> tiep_nhan -> ky -> all(tra, luu_tru)
            tra -> end
            luu_tru -> end
          }
        ```
    Use instead:
        ```tthc fragment
            luu_tru review "Lưu bản sao hồ sơ" by commune.one_stop
          flow {
            start -> tiep_nhan -> ky -> all(tra, luu_tru)
            all(tra, luu_tru) -> end
          }
        ```
    """
    workflow = context.workflow
    space = analyse(workflow, context.settings).space
    if space.improper is not None:
        yield _ends_early(workflow, space, *space.improper)
    for place, (state, move) in space.twice.items():
        yield _twice(workflow, space, space.places[place], [*space.moves_to(state), *move.parts()])


def _ends_early(workflow: Workflow, space: StateSpace, state: int, move: Move) -> Finding:
    moves = [*space.moves_to(state), *move.parts()]
    left = space.markings[state] & ~move.consume
    running = [p for p in space.marked(left) if isinstance(p, str)]
    waiting = [p for p in space.marked(left) if not isinstance(p, str)]
    what = [titled(workflow, n) for n in running]
    what += [f"{titled(workflow, s)} ({join_text(j, workflow)})" for j, s in waiting]
    return Finding(
        move_span(move),
        Message(
            vi=f"Hồ sơ có thể tới điểm kết thúc khi {', '.join(what)} vẫn đang xử lý song song (đường đi: {moves_route(moves, workflow)})",
            en=f"The case can reach the end while {', '.join(what)} is still running in parallel (path: {moves_route(moves, workflow)})",
        ),
        help=Message(
            vi="Hợp các nhánh song song trước khi kết thúc, ví dụ `all(tra, luu_tru) -> end`, để hồ sơ chỉ kết thúc khi mọi việc đã xong",
            en="Join the parallel branches before the end, for example `all(tra, luu_tru) -> end`, so that the case ends only when all its work is done",
        ),
        related=(
            *moves_witness(moves),
            *node_witnesses(workflow, running, "Vẫn đang xử lý", "Still running"),
        ),
    )


def _twice(
    workflow: Workflow, space: StateSpace, place: str | tuple[Join, str], moves: list[Move]
) -> Finding:
    route_text = moves_route(moves, workflow)
    if isinstance(place, str):
        name = node_name(workflow, place)
        span = workflow.span_of(place)
        what = Message(
            vi=f"{capitalised(name.vi)} có thể được bắt đầu lần thứ hai khi lần trước chưa xong: các nhánh song song gặp nhau ở đây mà không có điểm hợp (đường đi: {route_text})",
            en=f"{capitalised(name.en)} can be started a second time while the first is not done: parallel branches meet here without a join (path: {route_text})",
        )
        fix = Message(
            vi=f"Hợp các nhánh song song bằng `all(b, c) -> {place}` để '{place}' chạy một lần khi các nhánh đã xong",
            en=f"Join the parallel branches with `all(b, c) -> {place}` so that '{place}' runs once, when they are done",
        )
    else:
        join, source = place
        span = join.span
        what = Message(
            vi=f"{titled(workflow, source)} có thể đến điểm hợp {join_text(join, workflow)} lần thứ hai trước khi điểm hợp chạy (đường đi: {route_text})",
            en=f"{titled(workflow, source)} can arrive at the join {join_text(join, workflow)} a second time before the join starts (path: {route_text})",
        )
        fix = Message(
            vi=f"Hợp các nhánh song song trước khi chúng đến '{source}', để '{source}' chỉ chạy một lần",
            en=f"Join the parallel branches before they reach '{source}', so that '{source}' runs once",
        )
    return Finding(span, what, help=fix, related=moves_witness(moves))
