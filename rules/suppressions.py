"""Inline suppressions: `# tthc: allow TT503 -- <reason>` in `.tthc` and YAML files.

Input: the text of each file and the diagnostics the configuration kept. Output: the diagnostics
that no suppression covers, and a `SuppressionContext` (every directive and what each code in it
did) from which the rules TT901 (a suppression that suppresses nothing) and TT902 (a suppression
without a written reason) find.

    # tthc: allow TT503, TT306 -- <reason>     as a trailing comment: that line
                                               alone on its line: the next line of content
    # tthc: allow-file TT306 -- <reason>       anywhere: the whole file

A directive without a reason suppresses nothing (TT902). TT001 and TT008 cannot be suppressed
(a file that cannot be read cannot be checked), nor can TT901 and TT902 themselves.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from tthc.dsl import CODES, Diagnostic, Message, Span
from tthc.rules.base import Finding, Rule
from tthc.rules.comments import find_comments
from tthc.rules.config import PROTECTED

_DIRECTIVE = re.compile(r"^\s*tthc\s*:\s*(?P<verb>[A-Za-z-]*)(?P<rest>.*)$")
_CODE = re.compile(r"[A-Za-z]{2}\w*")
VERBS = ("allow", "allow-file")
UNSUPPRESSIBLE = PROTECTED | {"TT901", "TT902"}
_WHOLE_FILE = -1  # the line key of an `allow-file` directive

EffectKind = Literal["used", "unused", "off", "unknown", "unsuppressible"]


@dataclass(frozen=True)
class Mention:
    """One code named in a directive, where it is written."""

    code: str
    span: Span


@dataclass(frozen=True)
class Directive:
    span: Span  # the whole comment
    verb: str
    mentions: tuple[Mention, ...]
    reason: str  # "" when none is written after `--`
    target: int | None  # the line it covers; None for `allow-file` (or nothing below it)

    @property
    def whole_file(self) -> bool:
        return self.verb == "allow-file"

    @property
    def understood(self) -> bool:
        return self.verb in VERBS and bool(self.mentions)


@dataclass(frozen=True)
class Effect:
    """What one code of a directive did."""

    directive: Directive
    mention: Mention
    kind: EffectKind


@dataclass(frozen=True)
class SuppressionContext:
    """What the suppression rules read: every directive and the effect of each code in it."""

    directives: tuple[Directive, ...]
    effects: tuple[Effect, ...]


def scan_directives(path: str, text: str) -> list[Directive]:
    """The `tthc:` directives in the comments of one file."""
    if "tthc" not in text:
        return []
    yaml = path.lower().endswith((".yaml", ".yml"))
    comments = list(find_comments(text, yaml))
    lines = text.split("\n")
    alone = {c.line for c in comments if c.alone}
    directives = []
    for comment in comments:
        match = _DIRECTIVE.match(comment.text)
        if match is None:
            continue
        verb, rest = match.group("verb"), match.group("rest")
        head, dashes, reason = rest.partition("--")
        rest_column = comment.column + 1 + match.start("rest")  # `#` is one column
        if verb == "allow-file":
            target = None
        elif comment.alone:
            target = _next_line(lines, alone, comment.line)
        else:
            target = comment.line
        directives.append(
            Directive(
                span=_span(path, comment.line, comment.column, len(comment.text) + 1),
                verb=verb,
                mentions=tuple(_mentions(path, comment.line, rest_column, head)),
                reason=reason.strip() if dashes else "",
                target=target,
            )
        )
    return directives


def _mentions(path: str, line: int, column: int, head: str) -> Iterator[Mention]:
    """The codes at the start of `head` (which begins at `column`), up to the first word."""
    for token in _CODE.finditer(head):
        if not token.group(0).upper().startswith("TT"):
            return
        width = len(token.group(0))
        yield Mention(token.group(0).upper(), _span(path, line, column + token.start(), width))


def _span(path: str, line: int, column: int, width: int) -> Span:
    return Span(
        path=path, line=line, column=column, end_line=line, end_column=column + max(width, 1)
    )


def _next_line(lines: Sequence[str], comment_lines: set[int], line: int) -> int | None:
    """The first line below that holds content: not blank and not only a comment."""
    for number in range(line + 1, len(lines) + 1):
        if lines[number - 1].strip() and number not in comment_lines:
            return number
    return None


def suppress(
    diagnostics: Iterable[Diagnostic],
    directives: Sequence[Directive],
    enabled: Callable[[str, str], bool],
) -> tuple[list[Diagnostic], SuppressionContext]:
    """The diagnostics no directive with a reason covers, and what each directive did.

    `enabled(path, code)` says whether the configuration checks a code in a file: a directive for
    a code that is off there has nothing to suppress.
    """
    active = [d for d in directives if d.understood and d.reason]
    covering: dict[tuple[str, int | None, str], list[Directive]] = {}
    for directive in active:
        for mention in directive.mentions:
            key = (
                directive.span.path,
                _WHOLE_FILE if directive.whole_file else directive.target,
                mention.code,
            )
            covering.setdefault(key, []).append(directive)
    used: set[tuple[Directive, str]] = set()
    kept = []
    for diagnostic in diagnostics:
        path, code = diagnostic.span.path, diagnostic.code
        found = covering.get((path, diagnostic.span.line, code), []) + covering.get(
            (path, _WHOLE_FILE, code), []
        )
        if not found or code in UNSUPPRESSIBLE:
            kept.append(diagnostic)
        used.update((directive, code) for directive in found)
    effects = []
    for directive in active:
        for mention in directive.mentions:
            effects.append(Effect(directive, mention, _effect(directive, mention, used, enabled)))
    return kept, SuppressionContext(tuple(directives), tuple(effects))


def _effect(
    directive: Directive,
    mention: Mention,
    used: set[tuple[Directive, str]],
    enabled: Callable[[str, str], bool],
) -> EffectKind:
    if mention.code not in CODES:
        return "unknown"
    if mention.code in UNSUPPRESSIBLE:
        return "unsuppressible"
    if (directive, mention.code) in used:
        return "used"
    return "unused" if enabled(directive.span.path, mention.code) else "off"


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
        ```tthc
        # tthc: allow TT306 -- Giấy chứng sinh chỉ để đối chiếu, không lưu vào hồ sơ
        procedure "1.001193" "Đăng ký khai sinh" {
          field "Hộ tịch"  level commune  effective 2025-07-01  power "ho-tich.dang-ky-khai-sinh"
          basis luat-ho-tich-2014 art 16, nd-120-2025 art 4, nd-118-2025
          applicants "Cá nhân"  channels direct, postal, online partial
          deadline 3 working_days  result "Giấy khai sinh"
          dossier { to_khai "Tờ khai đăng ký khai sinh" copies 1 required }
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
          dossier { to_khai "Tờ khai đăng ký khai sinh" copies 1 required }
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
        if not directive.understood:
            yield _not_understood(directive)
    for effect in context.effects:
        if effect.kind != "used":
            yield _without_effect(effect)


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


def _not_understood(directive: Directive) -> Finding:
    if directive.verb not in VERBS:
        close = difflib.get_close_matches(directive.verb, VERBS, n=1, cutoff=0.5)
        verb = close[0] if close else "allow"
        message = Message(
            vi=f"Không hiểu lệnh 'tthc: {directive.verb}'; chỉ có 'tthc: allow' và 'tthc: allow-file'",
            en=f"'tthc: {directive.verb}' is not understood; only 'tthc: allow' and 'tthc: allow-file' exist",
        )
    else:
        verb = directive.verb
        message = Message(
            vi="Lệnh bỏ qua không nêu mã kiểm tra nào nên không có tác dụng",
            en="This suppression names no code, so it suppresses nothing",
        )
    return Finding(
        directive.span,
        message,
        Message(
            vi=f"Viết: # tthc: {verb} TT306 -- <lý do>",
            en=f"Write: # tthc: {verb} TT306 -- <reason>",
        ),
    )


def _without_effect(effect: Effect) -> Finding:
    code = effect.mention.code
    where_vi = "trong tệp này" if effect.directive.whole_file else "trên dòng này"
    where_en = "in this file" if effect.directive.whole_file else "on this line"
    remove = Message(
        vi=f"Xóa {code} khỏi lệnh bỏ qua (hoặc xóa cả dòng lệnh)",
        en=f"Remove {code} from the suppression (or the whole comment)",
    )
    if effect.kind == "unknown":
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
            vi=f"{code} đã được tắt trong cấu hình cho tệp này, nên lệnh bỏ qua không có tác dụng",
            en=f"{code} is turned off by the configuration for this file, so the suppression has no effect",
        )
        help = remove
    else:
        message = Message(
            vi=f"Lệnh bỏ qua {code} không có tác dụng: không có lỗi {code} nào {where_vi}",
            en=f"The suppression of {code} has no effect: there is no {code} finding {where_en}",
        )
        help = remove
    return Finding(effect.mention.span, message, help)


RULES: tuple[Rule, ...] = (
    Rule("TT901", "suppression", unused_suppression),
    Rule("TT902", "suppression", suppression_without_reason),
)
