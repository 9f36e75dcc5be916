"""TT901 unused-suppression: a suppression that suppresses nothing.

Input: a `SuppressionContext`. Output: a `Finding` at each `tthc:` comment that is not understood,
and at each code of a directive with a reason that covered no finding (unused, unknown, turned
off for the file, or not suppressible).
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.dsl import CODES, Message
from tthc.rules.base import Finding
from tthc.rules.suppression_context import (
    VERBS,
    Directive,
    Effect,
    SuppressionContext,
    written_form,
)


def unused_suppression(context: SuppressionContext) -> Iterator[Finding]:
    """A suppression that suppresses nothing.

    What it checks:
        Every code named in a `# tthc: allow` or `# tthc: allow-file` comment that has a
        written reason must cover a finding of that code on its line (or in its file). A code
        with nothing to suppress, a code that does not exist, a code the configuration has
        turned off for the file, a code that cannot be suppressed (TT001, TT008, TT901, TT902)
        and a `tthc:` comment that is not understood are each reported.
    Why it matters:
        A suppression records that a legal requirement was judged not to apply at one place.
        Once the finding it was written for is gone (the procedure was fixed, or the check
        changed), a stale suppression would hide the next real finding of that code on that
        line without anyone deciding so. Decree 63/2010/NĐ-CP Art. 24 makes the minister or the
        provincial chairman answer for the accuracy of the procedures they publish; the list of
        deliberate deviations has to stay exact, and a misspelt code protects nothing.
    Example:
        ```tthc fragment
        # tthc: allow TT306 -- Giấy chứng sinh chỉ để đối chiếu, không lưu vào hồ sơ
        ```
    Use instead:
        ```tthc fragment
        # the base procedure: no suppression where there is nothing to suppress
        ```
    """
    for directive in context.directives:
        if not directive.understood:
            yield _not_understood(directive)
    for effect in context.effects:
        if effect.kind != "used":
            yield _without_effect(effect)


def _not_understood(directive: Directive) -> Finding:
    if directive.verb not in VERBS:
        import difflib  # only for a directive not understood: off a check's start-up

        close = difflib.get_close_matches(directive.verb, VERBS, n=1, cutoff=0.5)
        verb = close[0] if close else "allow"
        message = Message(
            vi=f"Không hiểu lệnh 'tthc: {directive.verb}'; chỉ có 'tthc: allow' và 'tthc: allow-file'",
            en=f"'tthc: {directive.verb}' is not understood; only 'tthc: allow' and 'tthc: allow-file' exist",
        )
    else:
        verb = directive.verb
        message = Message(
            vi="Dòng bỏ qua không nêu mã kiểm tra nào nên không có tác dụng",
            en="This suppression names no code, so it suppresses nothing",
        )
    form = written_form(verb, "TT306")
    return Finding(
        directive.span,
        message,
        Message(vi=f"Viết: {form.vi}", en=f"Write: {form.en}"),
    )


def _without_effect(effect: Effect) -> Finding:
    code = effect.mention.code
    where_vi = "trong tệp này" if effect.directive.whole_file else "trên dòng này"
    where_en = "in this file" if effect.directive.whole_file else "on this line"
    remove = Message(
        vi=f"Xóa {code} khỏi dòng bỏ qua (hoặc xóa cả dòng)",
        en=f"Remove {code} from the suppression (or the whole comment)",
    )
    if effect.kind == "unknown":
        import difflib  # only for a code tthc does not have: off a check's start-up

        close = difflib.get_close_matches(code, list(CODES), n=1, cutoff=0.6)
        message = Message(
            vi=f"{code} không phải là mã kiểm tra của tthc"
            + (f"; có phải {close[0]}?" if close else ""),
            en=f"{code} is not a tthc code" + (f"; did you mean {close[0]}?" if close else ""),
        )
        help = Message(
            vi="Xem danh sách mã bằng lệnh 'tthc rules'", en="List the codes with 'tthc rules'"
        )
    elif effect.kind == "unsuppressible":
        message = Message(
            vi=f"{code} không thể bỏ qua bằng chú thích",
            en=f"{code} cannot be suppressed by a comment",
        )
        help = remove
    elif effect.kind == "off":
        message = Message(
            vi=f"{code} đã được tắt trong cấu hình cho tệp này, nên dòng bỏ qua không có tác dụng",
            en=f"{code} is turned off by the configuration for this file, so the suppression has no effect",
        )
        help = remove
    else:
        message = Message(
            vi=f"Dòng bỏ qua {code} không có tác dụng: không có lỗi {code} nào {where_vi}",
            en=f"The suppression of {code} has no effect: there is no {code} finding {where_en}",
        )
        help = remove
    return Finding(effect.mention.span, message, help)
