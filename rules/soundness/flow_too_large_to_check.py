"""TT407 flow-too-large-to-check: the flow has more states than the checker explores.

Input: a `ProcedureContext`. Output: one `Finding` at the procedure's code when the token game of
`tthc.compiler.analysis.soundness.markings` stopped at its budget (`Settings.max_flow_states`) before it had
seen every state one case can reach: what TT403 and TT405 reported is exact, but they may have
missed more.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler import START
from tthc.compiler.analysis.soundness.analysis import analyse
from tthc.dsl import Message
from tthc.rules.base import Finding, ProcedureContext


def flow_too_large_to_check(context: ProcedureContext) -> Iterator[Finding]:
    """The flow has more states than the checker explores, so its soundness is checked in part.

    What it checks:
        The parallel checks (TT403, TT405) play every order in which one case can run; each
        combination of parallel branches in progress is a state. The exploration stops after
        `max_flow_states` states (setting, default 50,000): past it, a join that can wait for
        ever or an end reached while parallel work is still running may go unreported. This
        warning says so. It comes from many parallel branches open at once (sixteen branches
        of one step each give 65,536 combinations); the arrows themselves (TT401, TT402, TT404)
        are always checked in full.
    Why it matters:
        A procedure the checker could not explore may still hold a dossier that waits for ever
        at a join, or a result returned before the parallel opinions are in; the one-stop unit
        must settle every dossier within its time limit and wait for every agency consulted in
        parallel (Decree 61/2018/NĐ-CP Art. 19(3); Decree 118/2025/NĐ-CP, articles unverified).
        Opening the parallel work in small groups, each joined before the next, keeps every
        verdict exact.
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
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
            k13 review "Kiểm tra thành phần 13" by commune.civil_status_officer
            k14 review "Kiểm tra thành phần 14" by commune.civil_status_officer
            k15 review "Kiểm tra thành phần 15" by commune.civil_status_officer
            k16 review "Kiểm tra thành phần 16" by commune.civil_status_officer
            ky decision "Ký Giấy khai sinh" by commune.chairman
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan -> all(k01, k02, k03, k04, k05, k06, k07, k08, k09, k10, k11, k12, k13, k14, k15, k16)
            all(k01, k02, k03, k04, k05, k06, k07, k08, k09, k10, k11, k12, k13, k14, k15, k16) -> ky -> tra -> end
          }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
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
            k13 review "Kiểm tra thành phần 13" by commune.civil_status_officer
            k14 review "Kiểm tra thành phần 14" by commune.civil_status_officer
            k15 review "Kiểm tra thành phần 15" by commune.civil_status_officer
            k16 review "Kiểm tra thành phần 16" by commune.civil_status_officer
            tong_hop review "Tổng hợp kết quả kiểm tra đợt 1" by commune.civil_status_officer
            ky decision "Ký Giấy khai sinh" by commune.chairman
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan -> all(k01, k02, k03, k04, k05, k06, k07, k08)
            all(k01, k02, k03, k04, k05, k06, k07, k08) -> tong_hop -> all(k09, k10, k11, k12, k13, k14, k15, k16)
            all(k09, k10, k11, k12, k13, k14, k15, k16) -> ky -> tra -> end
          }
        }
        ```
    """
    workflow, budget = context.workflow, context.settings.max_flow_states
    if analyse(workflow, budget).space.complete:
        return
    vi_budget = f"{budget:,}".replace(",", ".")
    yield Finding(
        workflow.span_of(START),
        Message(
            vi=f"Luồng xử lý có quá nhiều tổ hợp nhánh song song (hơn {vi_budget} trạng thái, giới hạn của công cụ kiểm tra) nên tính đúng đắn chỉ được kiểm tra một phần: có thể còn điểm hợp chờ mãi (TT403) hoặc hồ sơ kết thúc khi việc song song chưa xong (TT405) chưa được phát hiện",
            en=f"The flow has more states than the checker explores (more than {budget:,} combinations of parallel branches): its soundness verdicts are partial, a join that can wait for ever (TT403) or an end reached while parallel work is running (TT405) may go unreported",
        ),
        help=Message(
            vi="Chia các nhánh song song thành nhóm nhỏ và hợp từng nhóm (`all(a, b) -> c`) trước khi tách nhóm mới; hoặc tăng `max-flow-states` trong cấu hình nếu chấp nhận thời gian kiểm tra dài hơn",
            en="Split the parallel branches into small groups and join each group (`all(a, b) -> c`) before opening the next; or raise the setting `max-flow-states` if a longer check is acceptable",
        ),
    )
