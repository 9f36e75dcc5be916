"""TT407 flow-too-large-to-check: part of the flow has more states than the checker explores.

Input: a `ProcedureContext`. Output: one `Finding` over the flow lines of the part of the flow
that the token game (`tthc.compiler.analysis.soundness`) could not decide: what is left once
its block-structured parts are fused, when a bound of the exploration stopped it
(`max-flow-states`, `max-flow-megabytes`, `max-flow-seconds`). What TT403 and TT405 reported
is exact, but they may have missed more.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler import START, Workflow
from tthc.compiler.analysis.soundness.analysis import analyse, bounds_of
from tthc.dsl import Message, Related, Span
from tthc.rules.base import Finding, ProcedureContext
from tthc.rules.soundness.wording import titled


def flow_too_large_to_check(context: ProcedureContext) -> Iterator[Finding]:
    """Part of the flow has more states than the checker explores: checked in part only.

    What it checks:
        The parallel checks (TT403, TT405) play every order in which one case can run. Parts
        of the flow built from blocks (sequences, choices, loops, `all(a, b)` joined by
        `all(a, b) -> c`, nested in any way and of any width) are decided without playing
        their orders; what is left, where parallel branches wait for each other across
        blocks, is played state by state. That exploration stops at the first of three
        bounds (settings `max-flow-states`, default 10,000 states; `max-flow-megabytes`, 64;
        `max-flow-seconds`, 2 CPU seconds): past it, a join that can wait for ever or an end reached
        while parallel work is still running may go unreported there. This warning says which
        bound stopped it and marks the flow lines of the part left undecided; the arrows
        themselves (TT401, TT402, TT404) are always checked in full.
    Why it matters:
        A procedure the checker could not explore may still hold a dossier that waits for ever
        at a join, or a result returned before the parallel opinions are in; the one-stop unit
        must settle every dossier within its time limit and wait for every agency consulted in
        parallel (Decree 118/2025/NĐ-CP Art. 20, as cited by secondary sources).
        Joining each group of parallel branches before the next step (`all(a, b) -> c`) makes
        the flow block-structured, which is always decided.
    Example:
        ```tthc fragment
            k01 review "Kiểm tra thành phần 1" by commune.civil_status_officer
            k02 review "Kiểm tra thành phần 2" by commune.civil_status_officer
            k03 review "Kiểm tra thành phần 3" by commune.civil_status_officer
            k04 review "Kiểm tra thành phần 4" by commune.civil_status_officer
            k05 review "Kiểm tra thành phần 5" by commune.civil_status_officer
            k06 review "Kiểm tra thành phần 6" by commune.civil_status_officer
            k07 review "Kiểm tra thành phần 7" by commune.civil_status_officer
            k08 review "Kiểm tra thành phần 8" by commune.civil_status_officer
            k09 review "Kiểm tra thành phần 9" by commune.civil_status_officer
            k10 review "Kiểm tra thành phần 10" by commune.civil_status_officer
            k11 review "Kiểm tra thành phần 11" by commune.civil_status_officer
            k12 review "Kiểm tra thành phần 12" by commune.civil_status_officer
            tu_choi refusal "Từ chối" by commune.one_stop notifies applicant
          flow {
            start -> tiep_nhan -> all(k01, k02, k03, k04, k05, k06, k07, k08, k09, k10, k11, k12)
            all(k01, k02, k03, k04, k05, k06, k07, k08, k09, k10, k11, k12) -> ky otherwise
            k01 -> tu_choi when thieu_giay_to
            k02 -> tu_choi when thieu_giay_to
            k03 -> tu_choi when thieu_giay_to
            k04 -> tu_choi when thieu_giay_to
            k05 -> tu_choi when thieu_giay_to
            k06 -> tu_choi when thieu_giay_to
            k07 -> tu_choi when thieu_giay_to
            k08 -> tu_choi when thieu_giay_to
            k09 -> tu_choi when thieu_giay_to
            k10 -> tu_choi when thieu_giay_to
            k11 -> tu_choi when thieu_giay_to
            k12 -> tu_choi when thieu_giay_to
            ky -> tra -> end
            tu_choi -> end
          }
        ```
    Use instead:
        ```tthc fragment
            kiem_tra review "Kiểm tra 12 thành phần hồ sơ" by commune.civil_status_officer
            tu_choi refusal "Từ chối" by commune.one_stop notifies applicant
          flow {
            start -> tiep_nhan -> kiem_tra
            kiem_tra -> tu_choi when thieu_giay_to
            kiem_tra -> ky otherwise
            ky -> tra -> end
            tu_choi -> end
          }
        ```
    """
    workflow, settings = context.workflow, context.settings
    space = analyse(workflow, settings).space
    if space.complete:
        return
    bounds = bounds_of(settings)
    region = _region(workflow, [p for p in space.marked(space.core)])
    bound = {
        "states": Message(
            vi=f"hơn {bounds.states:,} trạng thái".replace(",", "."),
            en=f"more than {bounds.states:,} states",
        ),
        "memory": Message(
            vi=f"hơn {bounds.megabytes} MB bộ nhớ", en=f"more than {bounds.megabytes} MB"
        ),
        "time": Message(
            vi=f"hơn {bounds.seconds:g} giây CPU", en=f"more than {bounds.seconds:g} CPU seconds"
        ),
    }[space.limit or "states"]
    setting = f"max-flow-{space.limit or 'states'}".replace("memory", "megabytes").replace(
        "time", "seconds"
    )
    shown = ", ".join(titled(workflow, n) for n in region[:8])
    shown += ", …" if len(region) > 8 else ""
    yield Finding(
        _span(workflow, region),
        Message(
            vi=f"Phần luồng xử lý quanh {shown} có các nhánh song song chờ nhau chéo khối nên phải xét từng tổ hợp, và việc xét dừng ở giới hạn của công cụ kiểm tra ({bound.vi}, `{setting}`): tính đúng đắn của phần này chỉ được kiểm tra một phần, có thể còn điểm hợp chờ mãi (TT403) hoặc hồ sơ kết thúc khi việc song song chưa xong (TT405) chưa được phát hiện",
            en=f"The part of the flow around {shown} has parallel branches that wait for each other across blocks, so its combinations are played one by one, and this stopped at the checker's bound ({bound.en}, `{setting}`): its soundness verdicts are partial, a join that can wait for ever (TT403) or an end reached while parallel work is running (TT405) may go unreported",
        ),
        help=Message(
            vi="Hợp từng nhóm nhánh song song (`all(a, b) -> c`) trước khi chúng chờ nhánh khác, để luồng thành các khối lồng nhau; hoặc tăng giới hạn `"
            + setting
            + "` trong cấu hình nếu chấp nhận thời gian kiểm tra dài hơn",
            en="Join each group of parallel branches (`all(a, b) -> c`) before they wait for other branches, so that the flow is made of nested blocks; or raise the setting `"
            + setting
            + "` if a longer check is acceptable",
        ),
        related=tuple(
            Related(
                span=workflow.span_of(node),
                message=Message(vi=f"Chưa xét hết: '{node}'", en=f"Not fully explored: '{node}'"),
            )
            for node in region[:12]
        ),
    )


def _region(workflow: Workflow, places: list[object]) -> list[str]:
    """The steps of the part of the flow left to play: its places, join slots by source."""
    steps: dict[str, None] = {}
    for place in places:
        node = place if isinstance(place, str) else place[1]  # type: ignore[index]
        if isinstance(node, str) and workflow.step(node) is not None:
            steps[node] = None
    return list(steps)


def _span(workflow: Workflow, region: list[str]) -> Span:
    """From the first to the last flow line that leaves a step of the region (the same file)."""
    spans = [b.span for node in region for b in workflow.branches(node)]
    if not spans:
        return workflow.span_of(START)
    first = min(spans, key=lambda s: (s.line, s.column))
    last = max(spans, key=lambda s: (s.end_line, s.end_column))
    if any(s.path != first.path for s in spans):
        return first
    return Span(
        path=first.path,
        line=first.line,
        column=first.column,
        end_line=last.end_line,
        end_column=last.end_column,
    )
