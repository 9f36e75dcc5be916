"""TT902 suppression-without-reason: a suppression that gives no written reason.

Input: a `SuppressionContext`. Output: a `Finding` at each understood directive with no reason
after `--` (which therefore suppresses nothing).
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.dsl import Message
from tthc.rules.base import Finding
from tthc.rules.suppression_context import SuppressionContext


def suppression_without_reason(context: SuppressionContext) -> Iterator[Finding]:
    """A suppression that gives no written reason.

    What it checks:
        Every `# tthc: allow` and `# tthc: allow-file` comment must say why, after `--`:
        `# tthc: allow TT306 -- <reason>`. A suppression without a reason does not suppress
        anything: the finding it names is still reported.
    Why it matters:
        A suppression turns a check off where someone judged that the legal requirement behind
        it does not apply. Whoever reviews the procedure later (the provincial office that
        controls procedures, an inspector, the next drafter) must be able to see that judgement.
        Decree 63/2010/NĐ-CP Arts. 16-17 require an agency to state its reasons in writing
        ("nêu rõ lý do bằng văn bản") when it departs from what the applicant asked for; a
        departure from a check that stands for a legal requirement deserves the same.
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          field "Hộ tịch"  level commune  effective 2025-07-01  power "ho-tich.dang-ky-khai-sinh"
          basis luat-ho-tich-2014 art 16, nd-120-2025 art 4, nd-118-2025
          applicants "Cá nhân"  channels direct, postal, online partial
          deadline 3 working_days  result "Giấy khai sinh"
          dossier {
            to_khai "Tờ khai đăng ký khai sinh" copies 1 required
            giay_chung_sinh "Giấy chứng sinh" copies 1 required  # tthc: allow TT306
          }
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 0.5 working_days reads to_khai
            bo_sung supplement "Hướng dẫn bổ sung một lần" by commune.one_stop takes 0.5 working_days notifies applicant
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer takes 1 working_days reads to_khai
            xin_loi apology "Xin lỗi, hẹn lại ngày trả" by commune.one_stop takes 0.5 working_days notifies applicant
            ky decision "Ký Giấy khai sinh" by commune.chairman takes 1 working_days signs digital basis luat-ho-tich-2014 art 16
            tu_choi refusal "Từ chối, nêu rõ lý do" by commune.one_stop takes 0.5 working_days notifies applicant
            tra result "Trả kết quả" by commune.one_stop takes 0.5 working_days
          }
          flow {
            start -> tiep_nhan
            tiep_nhan -> kiem_tra when complete
            tiep_nhan -> bo_sung otherwise
            bo_sung -> kiem_tra clock paused
            kiem_tra -> ky when eligible
            kiem_tra -> xin_loi when late
            kiem_tra -> tu_choi otherwise
            xin_loi -> ky
            ky -> tra -> end
            tu_choi -> end
          }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          field "Hộ tịch"  level commune  effective 2025-07-01  power "ho-tich.dang-ky-khai-sinh"
          basis luat-ho-tich-2014 art 16, nd-120-2025 art 4, nd-118-2025
          applicants "Cá nhân"  channels direct, postal, online partial
          deadline 3 working_days  result "Giấy khai sinh"
          dossier {
            to_khai "Tờ khai đăng ký khai sinh" copies 1 required
            giay_chung_sinh "Giấy chứng sinh" copies 1 required  # tthc: allow TT306 -- chỉ xuất trình để đối chiếu, không lưu
          }
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 0.5 working_days reads to_khai
            bo_sung supplement "Hướng dẫn bổ sung một lần" by commune.one_stop takes 0.5 working_days notifies applicant
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer takes 1 working_days reads to_khai
            xin_loi apology "Xin lỗi, hẹn lại ngày trả" by commune.one_stop takes 0.5 working_days notifies applicant
            ky decision "Ký Giấy khai sinh" by commune.chairman takes 1 working_days signs digital basis luat-ho-tich-2014 art 16
            tu_choi refusal "Từ chối, nêu rõ lý do" by commune.one_stop takes 0.5 working_days notifies applicant
            tra result "Trả kết quả" by commune.one_stop takes 0.5 working_days
          }
          flow {
            start -> tiep_nhan
            tiep_nhan -> kiem_tra when complete
            tiep_nhan -> bo_sung otherwise
            bo_sung -> kiem_tra clock paused
            kiem_tra -> ky when eligible
            kiem_tra -> xin_loi when late
            kiem_tra -> tu_choi otherwise
            xin_loi -> ky
            ky -> tra -> end
            tu_choi -> end
          }
        }
        ```
    """
    for directive in context.directives:
        if directive.understood and not directive.reason:
            codes = ", ".join(m.code for m in directive.mentions)
            yield Finding(
                directive.span,
                Message(
                    vi=f"Lệnh bỏ qua {codes} không ghi lý do nên không có tác dụng",
                    en=f"This suppression of {codes} gives no reason, so it suppresses nothing",
                ),
                Message(
                    vi=f"Ghi lý do sau dấu '--', ví dụ: # tthc: {directive.verb} {codes} -- <lý do>",
                    en=f"Write the reason after '--', for example: # tthc: {directive.verb} {codes} -- <reason>",
                ),
            )
