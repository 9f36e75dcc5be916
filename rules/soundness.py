"""TT4xx — soundness of the workflow graph: every case can finish, and finishes cleanly.

Input: a `ProcedureContext`. Output: `Finding`s for TT401-TT406, each naming its witness (the
path from `start`, the branches that meet, the loop's steps) as related locations. The
semantics are the token game of `tthc.compiler.workflow`. Each defect is reported once, where
it is caused:
- TT401, TT402, TT404 read the arrows (`tthc.rules.paths`): a step no arrow path reaches from
  `start`; a reached step with no arrow out; a reached loop that no arrow leaves (a livelock).
  Steps that only lead into a dead end or a closed loop are on its witness, not reported again.
- TT403, TT405 play the token game (`tthc.rules.markings`): a join holding an arrival from
  which it can never start; `end` reached while other work is still running, or a step started
  a second time while it still holds the first (branches meeting without a join).
- TT406 reads the outcomes written on the branches of each node.
With no finding of TT401-TT405, the procedure is a sound workflow net: from every state a case
can reach, it can reach `end`, it reaches `end` with nothing left running, and every step can
run (tests/rules/test_soundness_differential.py checks this against a brute-force oracle).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from dataclasses import dataclass

from tthc.compiler import END, START, Branch, Join, Workflow
from tthc.dsl import Message, Related
from tthc.dsl.span import Span
from tthc.rules import markings
from tthc.rules.base import Finding, ProcedureContext, Rule
from tthc.rules.markings import Move, StateSpace, explore
from tthc.rules.paths import Graph, graph_of, names, route, witness


@dataclass(frozen=True)
class Soundness:
    """The verdicts of TT401-TT405 for one workflow (what the findings are made from)."""

    unreachable: list[tuple[list[str], list[str]]]  # an entry component, the steps behind it
    dead_ends: list[str]  # reached nodes with no arrow out (`start` when the flow is empty)
    loops: list[list[str]]  # reached closed loops, the step the case enters by first
    space: StateSpace


_CACHE: weakref.WeakKeyDictionary[Workflow, Soundness] = weakref.WeakKeyDictionary()


def analyse(workflow: Workflow) -> Soundness:
    """The soundness verdicts of a workflow, computed once for all the TT4xx rules."""
    found = _CACHE.get(workflow)
    if found is None:
        graph = graph_of(workflow)
        if not graph.complete:  # an arrow names an unknown step: TT005 comes first
            found = Soundness([], [], [], StateSpace([]))
        else:
            found = Soundness(
                _unreachable(graph), _dead_ends(graph), _loops(graph), explore(workflow, graph)
            )
        _CACHE[workflow] = found
    return found


def _unreachable(graph: Graph) -> list[tuple[list[str], list[str]]]:
    """Components of unreached steps that no other step leads to, and the steps behind them."""
    lost = [n for n in graph.nodes if n not in graph.from_start and n != END]
    lost_set = set(lost)
    order = {node: number for number, node in enumerate(graph.nodes)}
    found = []
    for component in graph.components(lost):
        members = set(component)
        if any(a.source not in members for n in component for a in graph.into[n]):
            continue  # another unreached step leads here: reported with that one
        behind = [n for n in graph.search(component) if n in lost_set and n not in members]
        found.append(
            (sorted(component, key=order.__getitem__), sorted(behind, key=order.__getitem__))
        )
    return sorted(found, key=lambda item: order[item[0][0]])


def _dead_ends(graph: Graph) -> list[str]:
    return [n for n in graph.from_start if n != END and not graph.out[n]]


def _loops(graph: Graph) -> list[list[str]]:
    stuck = [n for n in graph.from_start if n not in graph.to_end]
    # Breadth-first order from start: a loop is named by the step the case enters it by.
    order = {node: number for number, node in enumerate(graph.from_start)}
    loops = []
    for component in graph.components(stuck):
        members = set(component)
        leaves = any(a.target not in members for n in component for a in graph.out[n])
        if graph.cyclic(component) and not leaves:
            loops.append(sorted(component, key=order.__getitem__))
    return sorted(loops, key=lambda loop: order[loop[0]])


# --- wording --------------------------------------------------------------------------------


def _step(workflow: Workflow, node: str) -> Message:
    step = workflow.step(node)
    if node == START:
        return Message(vi="điểm bắt đầu 'start'", en="the start")
    if node == END:
        return Message(vi="điểm kết thúc 'end'", en="the end")
    title = f" ({step.title})" if step is not None else ""
    return Message(vi=f"bước '{node}'{title}", en=f"the step '{node}'{title}")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _join_text(join: Join) -> str:
    return f"all({', '.join(dict.fromkeys(join.sources))}) -> {join.target}"


def _move_text(move: Move) -> str:
    if move.join is not None:
        return f"all({', '.join(dict.fromkeys(move.join.sources))}) → {move.join.target}"
    assert move.branch is not None
    return f"{move.node} → {_targets(move.branch.targets)}"


def _move_span(move: Move) -> Span:
    if move.join is not None:
        return move.join.span
    assert move.branch is not None
    return move.branch.span


def _moves_route(moves: list[Move]) -> str:
    """A run as chains of steps: `start → a → all(b, c); b → d`, long runs shortened."""
    chains: list[list[str]] = []
    for move in moves:
        if move.join is None and move.branch is not None and chains and chains[-1][-1] == move.node:
            chains[-1].append(_targets(move.branch.targets))
        elif move.join is None and move.branch is not None:
            chains.append([move.node, _targets(move.branch.targets)])
        else:
            chains.append([_move_text(move)])
    texts = [" → ".join(c if len(c) < 12 else [*c[:5], "…", *c[-5:]]) for c in chains]
    if len(texts) > 8:
        texts = [*texts[:3], "…", *texts[-4:]]
    return "; ".join(texts)


def _targets(targets: tuple[str, ...]) -> str:
    return targets[0] if len(targets) == 1 else f"all({', '.join(targets)})"


def _moves_witness(moves: list[Move], limit: int = 12) -> tuple[Related, ...]:
    shown = moves[-limit:]
    first = len(moves) - len(shown) + 1
    return tuple(
        Related(
            span=_move_span(move),
            message=Message(
                vi=f"Đường đi, bước chuyển {number}: {_move_text(move)}",
                en=f"Path, move {number}: {_move_text(move)}",
            ),
        )
        for number, move in enumerate(shown, start=first)
    )


def _also(workflow: Workflow, nodes: list[str], vi: str, en: str) -> tuple[Related, ...]:
    return tuple(
        Related(span=workflow.span_of(n), message=Message(vi=f"{vi}: '{n}'", en=f"{en}: '{n}'"))
        for n in nodes
    )


# --- TT401-TT404: the arrows ----------------------------------------------------------------


def unreachable_step(context: ProcedureContext) -> Iterator[Finding]:
    """A step that no path of arrows reaches from the start.

    What it checks:
        Follows the arrows of `flow` from `start`; an arrow into a join counts (whether the join
        can start is TT403), arrows out of `end` do not (the case is over there). A group of
        unreached steps is reported once, at the step that heads it (for a detached loop, its
        first step), naming the steps behind it, which are not reported again.
    Why it matters:
        The order of the steps (trình tự thực hiện) is part of every published procedure
        (Decree 63/2010/NĐ-CP Art. 8(2)(b)). A step that no dossier can reach is work written
        down but never done, and the one-stop information system cannot route a dossier to it
        (Decree 61/2018/NĐ-CP Arts. 17-20; Decree 118/2025/NĐ-CP keeps the model, articles
        unverified). It is usually a forgotten arrow.
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            luu_tru review "Lưu bản sao hồ sơ" by commune.one_stop
            ky decision "Ký Giấy khai sinh" by commune.chairman
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan -> ky -> tra -> end
            luu_tru -> tra
          }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            luu_tru review "Lưu bản sao hồ sơ" by commune.one_stop
            ky decision "Ký Giấy khai sinh" by commune.chairman
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan -> ky -> luu_tru -> tra -> end
          }
        }
        ```
    """
    workflow = context.workflow
    graph = graph_of(workflow)
    for members, behind in analyse(workflow).unreachable:
        head = members[0]
        name = _step(workflow, head)
        if len(members) > 1:
            what = Message(
                vi=f"Các bước {names(members)} làm thành một vòng không nối với điểm bắt đầu: không hồ sơ nào đến được",
                en=f"The steps {names(members)} form a loop that is not connected to the start: no dossier can reach them",
            )
        elif not graph.out[head] and not graph.into[head]:
            what = Message(
                vi=f"{_cap(name.vi)} không có trong luồng xử lý (flow): không hồ sơ nào đến được",
                en=f"{_cap(name.en)} is not in the flow: no dossier can reach it",
            )
        else:
            what = Message(
                vi=f"Không thể đến {name.vi} từ điểm bắt đầu: không có đường mũi tên nào từ 'start' dẫn tới",
                en=f"{_cap(name.en)} cannot be reached from the start: no path of arrows leads to it from 'start'",
            )
        if behind:
            what = Message(
                vi=f"{what.vi}. Vì vậy các bước sau cũng không đến được: {names(behind)}",
                en=f"{what.en}. So the steps after it cannot be reached either: {names(behind)}",
            )
        yield Finding(
            workflow.span_of(head),
            what,
            help=Message(
                vi=f"Thêm mũi tên dẫn tới '{head}' từ bước đứng trước (ví dụ `kiem_tra -> {head}`), hoặc xóa bước nếu thủ tục không cần",
                en=f"Add an arrow into '{head}' from the step before it (for example `kiem_tra -> {head}`), or delete the step if the procedure does not need it",
            ),
            related=_also(
                workflow, [*members[1:], *behind], "Cũng không đến được", "Also unreachable"
            ),
        )


def dead_end_step(context: ProcedureContext) -> Iterator[Finding]:
    """A step from which no arrow leads on: the case stops there and never ends.

    What it checks:
        A step that the arrows reach from `start` but that has no arrow out of it (and `start`
        itself, when the flow never leaves it). Every step from which no path of arrows leads
        to `end` ends up in such a dead end or in a loop with no exit (TT404); only those are
        reported, with the path from `start` as the witness, so one missing arrow gives one
        finding. Cases stuck at a join are TT403.
    Why it matters:
        Every dossier received must be settled and its result returned to the applicant
        (Decree 61/2018/NĐ-CP Arts. 19-20; Decree 118/2025/NĐ-CP, articles unverified): a
        step with no way out leaves the dossier open for ever and the deadline broken. The
        published order of steps (Decree 63/2010/NĐ-CP Art. 8(2)(b)) must lead to an end.
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            ky decision "Ký Giấy khai sinh" by commune.chairman
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan -> ky -> tra
          }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            ky decision "Ký Giấy khai sinh" by commune.chairman
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan -> ky -> tra -> end
          }
        }
        ```
    """
    workflow = context.workflow
    graph = graph_of(workflow)
    for node in analyse(workflow).dead_ends:
        if node == START:
            yield Finding(
                workflow.span_of(START),
                Message(
                    vi="Luồng xử lý không có mũi tên nào đi ra từ 'start': hồ sơ không đi tiếp được",
                    en="The flow has no arrow out of 'start': no dossier gets past the start",
                ),
                help=Message(
                    vi="Viết luồng xử lý từ 'start', ví dụ `start -> tiep_nhan`",
                    en="Write the flow from 'start', for example `start -> tiep_nhan`",
                ),
            )
            continue
        path = graph.path_to(node)
        name = _step(workflow, node)
        yield Finding(
            workflow.span_of(node),
            Message(
                vi=f"Hồ sơ đến {name.vi} thì dừng: không có mũi tên nào đi ra nên không bao giờ đến điểm kết thúc (đường đi: {route(path)})",
                en=f"A dossier that reaches {name.en} stops there: no arrow leaves it, so the case never reaches the end (path: {route(path)})",
            ),
            help=Message(
                vi=f"Thêm mũi tên ra khỏi '{node}': tới bước tiếp theo, hoặc `{node} -> end` nếu thủ tục kết thúc ở đây",
                en=f"Add an arrow out of '{node}': to the next step, or `{node} -> end` if the procedure ends here",
            ),
            related=witness(path),
        )


def loop_without_exit(context: ProcedureContext) -> Iterator[Finding]:
    """A loop that no arrow leaves: a case that enters it goes round for ever.

    What it checks:
        A group of steps reached from `start` that lead to one another in a circle, with no
        arrow from any of them to a step outside the group, so `end` cannot be reached from
        them (a livelock). Reported once per loop, at the step the case enters it by, with the
        path to it and the loop's arrows as the witness. A loop with an exit is fine here (how
        often a supplement loop may run is TT305).
    Why it matters:
        A dossier caught in such a loop is never settled and its result never returned, in
        breach of the one-stop duty to process within the time limit and return the result
        (Decree 61/2018/NĐ-CP Arts. 19-20; Decree 118/2025/NĐ-CP, articles unverified).
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer
            xac_minh verification "Xác minh" by commune.civil_status_officer
            xac_minh_2 verification "Xác minh lại" by commune.civil_status_officer
            ky decision "Ký Giấy khai sinh" by commune.chairman
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan -> kiem_tra
            kiem_tra -> ky when clear
            kiem_tra -> xac_minh otherwise
            xac_minh -> xac_minh_2
            xac_minh_2 -> xac_minh
            ky -> tra -> end
          }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer
            xac_minh verification "Xác minh" by commune.civil_status_officer
            xac_minh_2 verification "Xác minh lại" by commune.civil_status_officer
            ky decision "Ký Giấy khai sinh" by commune.chairman
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan -> kiem_tra
            kiem_tra -> ky when clear
            kiem_tra -> xac_minh otherwise
            xac_minh -> xac_minh_2
            xac_minh_2 -> xac_minh when unclear
            xac_minh_2 -> ky otherwise
            ky -> tra -> end
          }
        }
        ```
    """
    workflow = context.workflow
    graph = graph_of(workflow)
    for loop in analyse(workflow).loops:
        entry = loop[0]
        cycle = graph.cycle_through(entry, set(loop))
        circle = route(cycle, first=entry)
        path = graph.path_to(entry)
        yield Finding(
            workflow.span_of(entry),
            Message(
                vi=f"Vòng lặp {circle} không có lối ra: hồ sơ vào vòng (tại '{entry}') thì đi vòng mãi, không đến được điểm kết thúc",
                en=f"The loop {circle} has no way out: a dossier that enters it (at '{entry}') goes round for ever and never reaches the end",
            ),
            help=Message(
                vi="Cho một bước trong vòng một nhánh đi ra khỏi vòng (ví dụ `when` cho nhánh ra và `otherwise` cho nhánh quay lại)",
                en="Give one step of the loop a branch that leaves it (for example `when` for the way out and `otherwise` for the way back)",
            ),
            related=(
                *witness(path),
                *(
                    Related(
                        span=a.branch.span,
                        message=Message(
                            vi=f"Vòng lặp: {a.source} → {a.target}",
                            en=f"Loop: {a.source} → {a.target}",
                        ),
                    )
                    for a in cycle
                ),
            ),
        )


# --- TT403, TT405: the token game -----------------------------------------------------------


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
        the legal time limit runs out (Decree 61/2018/NĐ-CP Art. 19; Decree 118/2025/NĐ-CP,
        articles unverified). Inter-agency processing (liên thông) sends the dossier to the
        participating agencies in parallel and then waits for all of them, which is what a join
        means (Decree 61/2018 Art. 19(2)-(3)).
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer
            xac_minh_a verification "Xác minh nơi cư trú" by commune.civil_status_officer
            xac_minh_b verification "Xác minh nơi sinh" by commune.civil_status_officer
            ky decision "Ký Giấy khai sinh" by commune.chairman
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan -> kiem_tra
            kiem_tra -> xac_minh_a when residence
            kiem_tra -> xac_minh_b otherwise
            all(xac_minh_a, xac_minh_b) -> ky
            ky -> tra -> end
          }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer
            xac_minh_a verification "Xác minh nơi cư trú" by commune.civil_status_officer
            xac_minh_b verification "Xác minh nơi sinh" by commune.civil_status_officer
            ky decision "Ký Giấy khai sinh" by commune.chairman
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan -> kiem_tra -> all(xac_minh_a, xac_minh_b)
            all(xac_minh_a, xac_minh_b) -> ky
            ky -> tra -> end
          }
        }
        ```
    """
    workflow = context.workflow
    space = analyse(workflow).space
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
        related = list(_moves_witness(moves))
        if because is not None:
            node, outcome = because
            reason = Message(
                vi=f": '{node}' là một lựa chọn, hồ sơ chỉ đi một nhánh ({outcome.vi})",
                en=f": '{node}' is a choice and a case takes one branch only ({outcome.en})",
            )
        related.extend(
            _also(workflow, never, "Không thể đến điểm hợp nữa", "Can no longer arrive at the join")
        )
        yield Finding(
            join.span,
            Message(
                vi=f"Điểm hợp {_join_text(join)} có thể chờ mãi: theo đường {_moves_route(moves)}, {names(arrived)} đã đến nhưng {names(never)} không thể đến nữa{reason.vi}",
                en=f"The join {_join_text(join)} can wait for ever: along {_moves_route(moves)}, {names(arrived)} has arrived but {names(never)} can no longer arrive{reason.en}",
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


def improper_completion(context: ProcedureContext) -> Iterator[Finding]:
    """The case can reach the end while parallel work is still running.

    What it checks:
        Plays every order in which one case can run. Reports (1) a run that reaches `end`
        while another branch still holds work (a step not yet done, or an arrival waiting at a
        join): the case would be closed, and the result returned, before that work is done;
        (2) each step that can be started a second time while it still holds the first start,
        which happens when parallel branches meet at a step without a join (`b -> d` and
        `c -> d` after `a -> all(b, c)`): the step would run twice for one dossier. The witness
        is the shortest run. The exploration stops after 50,000 states; a flow with more
        combinations of parallel branches is reported here as not fully checked.
    Why it matters:
        The result is returned once, when the dossier is settled (Decree 61/2018/NĐ-CP Art. 20;
        Decree 118/2025/NĐ-CP Art. 22, article cited by secondary sources): work still running
        after the end (an opinion not yet received, a fee not yet collected) is never used, and
        a step that runs twice issues two decisions for one dossier. Inter-agency processing in
        parallel must wait for every participant (Decree 61/2018 Art. 19(3)).
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            ky decision "Ký Giấy khai sinh" by commune.chairman
            luu_tru review "Lưu bản sao hồ sơ" by commune.one_stop
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan -> ky -> all(tra, luu_tru)
            tra -> end
            luu_tru -> end
          }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            ky decision "Ký Giấy khai sinh" by commune.chairman
            luu_tru review "Lưu bản sao hồ sơ" by commune.one_stop
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan -> ky -> all(tra, luu_tru)
            all(tra, luu_tru) -> end
          }
        }
        ```
    """
    workflow = context.workflow
    space = analyse(workflow).space
    if space.improper is not None:
        yield _ends_early(workflow, space, *space.improper)
    for place, (state, move) in space.twice.items():
        yield _twice(workflow, space, space.places[place], [*space.moves_to(state), move])
    if not space.complete:
        yield Finding(
            workflow.span_of(START),
            Message(
                vi=f"Luồng xử lý có quá nhiều tổ hợp nhánh song song (hơn {markings.MAX_MARKINGS:,} trạng thái) nên chưa kiểm tra hết được việc kết thúc đúng".replace(
                    ",", "."
                ),
                en=f"The flow has too many combinations of parallel branches (more than {markings.MAX_MARKINGS:,} states) to check completely that every case ends properly",
            ),
            help=Message(
                vi="Chia các nhánh song song thành nhóm nhỏ và hợp từng nhóm (`all(a, b) -> c`) trước khi tách nhóm mới",
                en="Split the parallel branches into small groups and join each group (`all(a, b) -> c`) before opening the next",
            ),
        )


def _ends_early(workflow: Workflow, space: StateSpace, state: int, move: Move) -> Finding:
    moves = [*space.moves_to(state), move]
    left = space.markings[state] & ~move.consume
    running = [p for p in space.marked(left) if isinstance(p, str)]
    waiting = [p for p in space.marked(left) if not isinstance(p, str)]
    what = [f"'{n}'" for n in running] + [f"'{s}' ({_join_text(j)})" for j, s in waiting]
    return Finding(
        _move_span(move),
        Message(
            vi=f"Hồ sơ có thể tới điểm kết thúc khi {', '.join(what)} vẫn đang xử lý song song (đường đi: {_moves_route(moves)})",
            en=f"The case can reach the end while {', '.join(what)} is still running in parallel (path: {_moves_route(moves)})",
        ),
        help=Message(
            vi="Hợp các nhánh song song trước khi kết thúc, ví dụ `all(tra, luu_tru) -> end`, để hồ sơ chỉ kết thúc khi mọi việc đã xong",
            en="Join the parallel branches before the end, for example `all(tra, luu_tru) -> end`, so that the case ends only when all its work is done",
        ),
        related=(
            *_moves_witness(moves),
            *_also(workflow, running, "Vẫn đang xử lý", "Still running"),
        ),
    )


def _twice(
    workflow: Workflow, space: StateSpace, place: str | tuple[Join, str], moves: list[Move]
) -> Finding:
    route_text = _moves_route(moves)
    if isinstance(place, str):
        name = _step(workflow, place)
        span = workflow.span_of(place)
        what = Message(
            vi=f"{_cap(name.vi)} có thể được bắt đầu lần thứ hai khi lần trước chưa xong: các nhánh song song gặp nhau ở đây mà không có điểm hợp (đường đi: {route_text})",
            en=f"{_cap(name.en)} can be started a second time while the first is not done: parallel branches meet here without a join (path: {route_text})",
        )
        fix = Message(
            vi=f"Hợp các nhánh song song bằng `all(b, c) -> {place}` để '{place}' chạy một lần khi các nhánh đã xong",
            en=f"Join the parallel branches with `all(b, c) -> {place}` so that '{place}' runs once, when they are done",
        )
    else:
        join, source = place
        span = join.span
        what = Message(
            vi=f"'{source}' có thể đến điểm hợp {_join_text(join)} lần thứ hai trước khi điểm hợp chạy (đường đi: {route_text})",
            en=f"'{source}' can arrive at the join {_join_text(join)} a second time before the join starts (path: {route_text})",
        )
        fix = Message(
            vi=f"Hợp các nhánh song song trước khi chúng đến '{source}', để '{source}' chỉ chạy một lần",
            en=f"Join the parallel branches before they reach '{source}', so that '{source}' runs once",
        )
    return Finding(span, what, help=fix, related=_moves_witness(moves))


# --- TT406: the outcomes of a choice ------------------------------------------------------


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
        61/2018/NĐ-CP Art. 19). The one-stop system must know which way to route the dossier.
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            bo_sung supplement "Hướng dẫn bổ sung một lần" by commune.one_stop notifies applicant
            ky decision "Ký Giấy khai sinh" by commune.chairman
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan
            tiep_nhan -> ky when complete
            tiep_nhan -> bo_sung when incomplete
            bo_sung -> ky clock paused
            ky -> tra -> end
          }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            bo_sung supplement "Hướng dẫn bổ sung một lần" by commune.one_stop notifies applicant
            ky decision "Ký Giấy khai sinh" by commune.chairman
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan
            tiep_nhan -> ky when complete
            tiep_nhan -> bo_sung otherwise
            bo_sung -> ky clock paused
            ky -> tra -> end
          }
        }
        ```
    """
    workflow = context.workflow
    if not graph_of(workflow).complete:  # an arrow naming an unknown step was left out
        return
    for node in [START, *workflow.step_ids()]:
        yield from _choice(workflow, node, workflow.branches(node))


def _choice(workflow: Workflow, node: str, branches: list[Branch]) -> Iterator[Finding]:
    if len(branches) < 2 and not any(b.outcome is not None for b in branches):
        return  # a single plain branch (or none) is no choice
    name = _step(workflow, node)

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
                vi=f"{_cap(name.vi)} có hai nhánh `otherwise`: chỉ được có một nhánh mặc định",
                en=f"{_cap(name.en)} has two `otherwise` branches: there can be only one default",
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
                vi=f"{_cap(name.vi)} có {len(branches)} nhánh nhưng các nhánh tới {targets} không ghi khi nào đi: hồ sơ chỉ đi một nhánh nên phải biết chọn nhánh nào",
                en=f"{_cap(name.en)} has {len(branches)} branches but those to {targets} do not say when to take them: a case takes one branch only",
            )
        else:
            what = Message(
                vi=f"{_cap(name.vi)} có {len(branches)} nhánh nhưng nhánh tới {targets} không ghi khi nào đi: hồ sơ chỉ đi một nhánh nên phải biết chọn nhánh nào",
                en=f"{_cap(name.en)} has {len(branches)} branches but the one to {targets} does not say when to take it: a case takes one branch only",
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


RULES: tuple[Rule, ...] = (
    Rule("TT401", "procedure", unreachable_step),
    Rule("TT402", "procedure", dead_end_step),
    Rule("TT403", "procedure", join_may_wait_forever),
    Rule("TT404", "procedure", loop_without_exit),
    Rule("TT405", "procedure", improper_completion),
    Rule("TT406", "procedure", choice_not_exclusive),
)
