"""TT902 suppression-without-reason: a suppression that gives no written reason.

Input: a `SuppressionContext`. Output: a `Finding` at each understood directive with no reason
after `--` (which therefore suppresses nothing).
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.dsl import Message
from tthc.rules.base import Finding
from tthc.rules.suppression_context import SuppressionContext, written_form


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
        ```tthc fragment
          dossier {
            giay_chung_sinh "Giấy chứng sinh" copies 1 required  # tthc: allow TT306
          }
        ```
    Use instead:
        ```tthc fragment
          dossier {
            giay_chung_sinh "Giấy chứng sinh" copies 1 required  # tthc: allow TT306 -- chỉ xuất trình để đối chiếu, không lưu
          }
        ```
    """
    for directive in context.directives:
        if directive.understood and not directive.reason:
            codes = ", ".join(m.code for m in directive.mentions)
            form = written_form(directive.verb, codes)
            yield Finding(
                directive.span,
                Message(
                    vi=f"Dòng bỏ qua {codes} không ghi lý do nên không có tác dụng",
                    en=f"This suppression of {codes} gives no reason, so it suppresses nothing",
                ),
                Message(
                    vi=f"Ghi lý do sau dấu '--', ví dụ: {form.vi}",
                    en=f"Write the reason after '--', for example: {form.en}",
                ),
            )
