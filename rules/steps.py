"""TT3xx — missing steps of the one-stop process (một cửa, một cửa liên thông).

Input: a `ProcedureContext`. Output: `Finding`s for TT301-TT310. The path rules (TT301-TT303)
follow one case through the flow (`tthc.rules.paths.run_reach`): at a choice it takes one
branch, after `a -> all(b, c)` it runs both, and a join starts its target when all its branches
have arrived. Counting rules (TT305, TT310) count along one line of the flow. A refusal step
(`refusal`) counts as returning the result: the refusal notice with its reasons is the result
the applicant receives in writing (Decree 61/2018/NĐ-CP Art. 19; Decree 63/2010/NĐ-CP
Art. 16-17), so a refusal path needs no separate `result` step (TT304 checks that it notifies).
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.compiler import END, Workflow
from tthc.dsl import Message, Related, ast
from tthc.rules.base import Finding, ProcedureContext, Rule
from tthc.rules.paths import Repeat, graph_of, names, repeats, route, run_path, run_reach, witness

Kind = ast.StepKind


def _ids(workflow: Workflow, *kinds: Kind) -> set[str]:
    return {step.id.value for step in workflow.steps_of_kind(*kinds)}


def _named(step: ast.Step) -> str:
    return f"'{step.id.value}' ({step.title})"


def _steps(workflow: Workflow, nodes: list[str], vi: str, en: str) -> tuple[Related, ...]:
    return tuple(
        Related(span=workflow.span_of(n), message=Message(vi=f"{vi}: '{n}'", en=f"{en}: '{n}'"))
        for n in nodes
    )


def missing_reception(context: ProcedureContext) -> Iterator[Finding]:
    """No reception step: a dossier can be processed without being received.

    What it checks:
        The procedure declares a step of kind `reception`, and no case can reach `end` without
        passing one (the witness is the run that bypasses reception). A procedure with no
        reception step at all is reported once, at its code.
    Why it matters:
        Every dossier is received at the one-stop unit, checked for completeness, entered in
        the information system and given a receipt with the date the result is due (Giấy tiếp
        nhận hồ sơ và hẹn ngày trả kết quả): Decree 61/2018/NĐ-CP Art. 17, continued by Decree
        118/2025/NĐ-CP Art. 17 (as cited by provincial decisions). The time limit runs from
        this receipt.
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer
            ky decision "Ký Giấy khai sinh" by commune.chairman
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> kiem_tra -> ky -> tra -> end
          }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer
            ky decision "Ký Giấy khai sinh" by commune.chairman
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan -> kiem_tra -> ky -> tra -> end
          }
        }
        ```
    """
    workflow = context.workflow
    receptions = _ids(workflow, Kind.RECEPTION)
    if not receptions:
        yield Finding(
            context.procedure.node.code.span,
            Message(
                vi="Thủ tục không có bước tiếp nhận hồ sơ (reception)",
                en="The procedure has no reception step",
            ),
            help=Message(
                vi='Thêm bước tiếp nhận tại bộ phận một cửa, ví dụ `tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop`, và bắt đầu luồng xử lý từ đó (`start -> tiep_nhan`)',
                en='Add a reception step at the one-stop unit, for example `tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop`, and start the flow there (`start -> tiep_nhan`)',
            ),
        )
        return
    if not graph_of(workflow).complete:  # an arrow naming an unknown step (TT005) comes first
        return
    found = run_reach(workflow, blocked=receptions, whole_branches=True)
    if (END, False) not in found:
        return
    path = run_path(found, (END, False))
    yield Finding(
        path[0].branch.span,
        Message(
            vi=f"Hồ sơ có thể đi tới kết thúc mà không qua bước tiếp nhận nào (đường đi: {route(path)})",
            en=f"A case can reach the end without passing a reception step (path: {route(path)})",
        ),
        help=Message(
            vi=f"Cho mọi hồ sơ đi qua bước tiếp nhận trước khi xử lý: {names(sorted(receptions))}",
            en=f"Route every dossier through a reception step before processing: {names(sorted(receptions))}",
        ),
        related=witness(path),
    )


def missing_decision(context: ProcedureContext) -> Iterator[Finding]:
    """A result is returned on a path where nobody decided.

    What it checks:
        For each `result` step, whether a case can reach it without having passed a `decision`
        step (or a `refusal` step, whose notice is a negative decision of its own). A result
        step in a branch parallel to the decision counts as reachable without it: the result
        could be handed over before the decision is signed. The witness is the run.
    Why it matters:
        A result (giấy phép, giấy chứng nhận, quyết định) is valid only when issued by the
        competent person's decision; the one-stop unit returns results, it does not make them
        (Decree 61/2018/NĐ-CP Arts. 19-20; Decree 63/2010/NĐ-CP Art. 8(2)(g) names the deciding
        authority of every procedure).
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan -> kiem_tra -> tra -> end
          }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            kiem_tra review "Kiểm tra hồ sơ" by commune.civil_status_officer
            ky decision "Ký Giấy khai sinh" by commune.chairman
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan -> kiem_tra -> ky -> tra -> end
          }
        }
        ```
    """
    workflow = context.workflow
    if not graph_of(workflow).complete:
        return
    found = run_reach(workflow, blocked=_ids(workflow, Kind.DECISION, Kind.REFUSAL))
    for step in workflow.steps_of_kind(Kind.RESULT):
        state = (step.id.value, False)
        if state not in found:
            continue
        path = run_path(found, state)
        yield Finding(
            step.id.span,
            Message(
                vi=f"Bước trả kết quả {_named(step)} có thể đến mà chưa qua bước quyết định nào (đường đi: {route(path)})",
                en=f"The result step {_named(step)} can be reached before any decision step (path: {route(path)})",
            ),
            help=Message(
                vi="Đặt bước quyết định (phê duyệt, ký) của người có thẩm quyền trước khi trả kết quả, ví dụ `ky decision ... by commune.chairman` rồi `ky -> tra`",
                en="Put the competent person's decision step (approval, signature) before the result is returned, for example `ky decision ... by commune.chairman` then `ky -> tra`",
            ),
            related=witness(path),
        )


def missing_result_return(context: ProcedureContext) -> Iterator[Finding]:
    """A received dossier can reach the end without any result returned to the applicant.

    What it checks:
        Whether a case that passed a `reception` step can reach `end` without passing a
        `result` step or a `refusal` step (a refusal notice is the result in writing). The
        finding points at the arrow into `end` of the witness run: a withdrawn or stopped
        dossier also ends with a written notice to the applicant, modelled as a `result` or
        `refusal` step.
    Why it matters:
        The one-stop unit returns the result of every dossier it received, on the date on the
        receipt (Decree 61/2018/NĐ-CP Art. 20; Decree 118/2025/NĐ-CP Art. 22, as cited); a
        dossier stopped at the applicant's request gets a written notice (Thông báo dừng giải
        quyết hồ sơ, Circular 03/2025/TT-VPCP form 05, as cited).
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            ky decision "Ký Giấy khai sinh" by commune.chairman
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan -> ky
            ky -> tra when approved
            ky -> end otherwise
            tra -> end
          }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            ky decision "Ký Giấy khai sinh" by commune.chairman
            tu_choi refusal "Từ chối, nêu rõ lý do" by commune.one_stop notifies applicant
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan -> ky
            ky -> tra when approved
            ky -> tu_choi otherwise
            tra -> end
            tu_choi -> end
          }
        }
        ```
    """
    workflow = context.workflow
    if not graph_of(workflow).complete:
        return
    found = run_reach(
        workflow,
        blocked=_ids(workflow, Kind.RESULT, Kind.REFUSAL),
        marks=_ids(workflow, Kind.RECEPTION),
        whole_branches=True,
    )
    if (END, True) not in found:
        return
    path = run_path(found, (END, True))
    yield Finding(
        path[-1].branch.span,
        Message(
            vi=f"Hồ sơ đã tiếp nhận có thể kết thúc mà không trả kết quả hay thông báo nào cho người nộp (đường đi: {route(path)})",
            en=f"A received dossier can end with no result or notice returned to the applicant (path: {route(path)})",
        ),
        help=Message(
            vi="Trước khi kết thúc, đi qua bước trả kết quả (result) hoặc bước từ chối có thông báo lý do (refusal ... notifies applicant)",
            en="Before the end, pass a result step (result) or a refusal step that gives the reasons (refusal ... notifies applicant)",
        ),
        related=witness(path),
    )


def refusal_without_notice(context: ProcedureContext) -> Iterator[Finding]:
    """A refusal step that does not notify the applicant in writing with reasons.

    What it checks:
        Every step of kind `refusal` says `notifies applicant`: the refusal is sent to the
        applicant, with its reasons.
    Why it matters:
        An agency that refuses a dossier, or asks for more papers, must state its reasons in
        writing (Decree 63/2010/NĐ-CP Art. 16-17: "nêu rõ lý do bằng văn bản"); the one-stop
        unit issues the refusal form with the reasons (Phiếu từ chối, Decree 61/2018/NĐ-CP
        Arts. 17 and 19; form 03 of Circular 03/2025/TT-VPCP, as cited).
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            tu_choi refusal "Từ chối" by commune.one_stop
          }
          flow {
            start -> tiep_nhan -> tu_choi -> end
          }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            tu_choi refusal "Từ chối, nêu rõ lý do" by commune.one_stop notifies applicant
          }
          flow {
            start -> tiep_nhan -> tu_choi -> end
          }
        }
        ```
    """
    for step in context.workflow.steps_of_kind(Kind.REFUSAL):
        if step.notifies:
            continue
        yield Finding(
            step.id.span,
            Message(
                vi=f"Bước từ chối {_named(step)} không thông báo cho người nộp: việc từ chối phải được gửi bằng văn bản, nêu rõ lý do",
                en=f"The refusal step {_named(step)} does not notify the applicant: a refusal is sent in writing, with its reasons",
            ),
            help=Message(
                vi=f"Thêm `notifies applicant` vào bước '{step.id.value}' (Phiếu từ chối giải quyết hồ sơ, nêu rõ lý do)",
                en=f"Add `notifies applicant` to the step '{step.id.value}' (the refusal form, stating the reasons)",
            ),
        )


def repeated_supplement_request(context: ProcedureContext) -> Iterator[Finding]:
    """A supplement request that can be issued more than once for one dossier.

    What it checks:
        Counts the `supplement` steps one case can pass along the flow. A supplement step on
        a loop (typically `bo_sung -> tiep_nhan`, back to reception, which may ask again) can
        repeat without limit; otherwise a case may pass at most `max_supplement_requests`
        supplement steps (setting, default 1). Reported at the step that would be one too
        many, with the loop or the earlier requests as the witness. Steps in parallel
        branches are not added up.
    Why it matters:
        The applicant is told everything that is missing at once: the one-stop unit guides
        "cụ thể, đầy đủ một lần" (Decree 61/2018/NĐ-CP Art. 17) and a dossier found
        incomplete after appraisal is returned once, within 3 working days (Art. 19). Whether
        Decree 118/2025 keeps a numeric cap is unverified; Decree 63/2010/NĐ-CP Art. 20(4)
        bars more than two trips to supplement one matter, so a procedure with a reception
        request and a post-appraisal request can raise the setting to 2.
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            bo_sung supplement "Hướng dẫn bổ sung" by commune.one_stop notifies applicant
            ky decision "Ký Giấy khai sinh" by commune.chairman
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan
            tiep_nhan -> ky when complete
            tiep_nhan -> bo_sung otherwise
            bo_sung -> tiep_nhan clock paused
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
    allowed = context.settings.max_supplement_requests
    if not graph_of(context.workflow).complete:
        return
    for repeat in repeats(context.workflow, Kind.SUPPLEMENT, allowed):
        yield _repeat_finding(
            context.workflow,
            repeat,
            allowed,
            Message(vi="yêu cầu bổ sung hồ sơ", en="a request to supplement the dossier"),
            Message(
                vi="Hướng dẫn bổ sung đầy đủ một lần: khi người nộp đã bổ sung, chuyển hồ sơ sang xử lý (ví dụ `bo_sung -> kiem_tra clock paused`) hoặc từ chối nếu vẫn chưa đủ, thay vì quay lại bước có thể yêu cầu bổ sung lần nữa",
                en="Ask for everything missing at once: once the applicant has supplemented, send the dossier on to processing (for example `bo_sung -> kiem_tra clock paused`) or refuse it if still incomplete, instead of going back to a step that may ask again",
            ),
        )


def _repeat_finding(
    workflow: Workflow, repeat: Repeat, allowed: int, what: Message, help: Message
) -> Finding:
    step = workflow.step(repeat.step)
    named = _named(step) if step is not None else f"'{repeat.step}'"
    if repeat.loop:
        circle = route(list(repeat.loop), first=repeat.step)
        message = Message(
            vi=f"Bước {named} nằm trên vòng lặp {circle}: một hồ sơ có thể nhận {what.vi} nhiều lần, quá {allowed} lần cho phép",
            en=f"The step {named} is on the loop {circle}: one dossier can receive {what.en} again and again, more than the {allowed} allowed",
        )
        related = witness(list(repeat.loop))
    else:
        count = allowed + 1
        ordinal = {2: "2nd", 3: "3rd"}.get(count, f"{count}th")
        message = Message(
            vi=f"Ở bước {named}, một hồ sơ có thể nhận {what.vi} lần thứ {count}, quá {allowed} lần cho phép (sau {names(repeat.earlier)})",
            en=f"At the step {named}, one dossier can receive {what.en} for the {ordinal} time, more than the {allowed} allowed (after {names(repeat.earlier)})",
        )
        related = _steps(workflow, list(repeat.earlier), "Lần trước", "Earlier")
    return Finding(workflow.span_of(repeat.step), message, help=help, related=related)


def unused_dossier_component(context: ProcedureContext) -> Iterator[Finding]:
    """A dossier component that no step reads.

    What it checks:
        Every component declared in `dossier` is named in the `reads` of at least one step.
    Why it matters:
        The dossier list is part of the published procedure (Decree 63/2010/NĐ-CP
        Art. 8(2)(d)): the applicant must bring every paper on it, so a paper that no step
        examines is asked for nothing. Most often a `reads` was forgotten; TT702 checks the
        opposite (a step reading papers it has no use for).
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          dossier {
            to_khai "Tờ khai đăng ký khai sinh" required
            giay_chung_sinh "Giấy chứng sinh" required
          }
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop reads to_khai
            ky decision "Ký Giấy khai sinh" by commune.chairman
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan -> ky -> tra -> end
          }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          dossier {
            to_khai "Tờ khai đăng ký khai sinh" required
            giay_chung_sinh "Giấy chứng sinh" required
          }
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop reads to_khai, giay_chung_sinh
            ky decision "Ký Giấy khai sinh" by commune.chairman
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan -> ky -> tra -> end
          }
        }
        ```
    """
    read = {name.value for step in context.procedure.node.steps for name in step.reads}
    for component in context.procedure.node.dossier:
        if component.id.value in read:
            continue
        yield Finding(
            component.id.span,
            Message(
                vi=f"Thành phần hồ sơ '{component.id.value}' ({component.title}) không được bước nào sử dụng",
                en=f"No step uses the dossier component '{component.id.value}' ({component.title})",
            ),
            help=Message(
                vi=f"Ghi `reads {component.id.value}` cho bước kiểm tra giấy tờ này, hoặc bỏ giấy tờ khỏi hồ sơ nếu không cần",
                en=f"Write `reads {component.id.value}` on the step that examines this paper, or drop it from the dossier if it is not needed",
            ),
        )


def online_without_digital_signature(context: ProcedureContext) -> Iterator[Finding]:
    """A fully online procedure whose decision or result is not digitally signed.

    What it checks:
        When `channels` includes `online full` (trực tuyến toàn trình), every `decision` and
        `result` step says `signs digital`: the applicant receives the result online, so it
        must be an electronic document signed digitally. A refusal notice is not checked here
        (which signature it needs online was not verified).
    Why it matters:
        A fully online service handles the whole procedure online and returns the result
        online or by public post (Decree 42/2022/NĐ-CP, as summarised); an electronic result has
        legal value when digitally signed (Decree 45/2020/NĐ-CP Art. 14, with Decree
        118/2025/NĐ-CP Art. 22, as cited). Specialised public-service signatures are governed
        by Decree 68/2024/NĐ-CP.
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          channels online full
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            ky decision "Ký Giấy khai sinh" by commune.chairman signs handwritten
            tra result "Trả kết quả" by commune.one_stop signs digital
          }
          flow {
            start -> tiep_nhan -> ky -> tra -> end
          }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          channels online full
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            ky decision "Ký Giấy khai sinh" by commune.chairman signs digital
            tra result "Trả kết quả" by commune.one_stop signs digital
          }
          flow {
            start -> tiep_nhan -> ky -> tra -> end
          }
        }
        ```
    """
    procedure = context.procedure.node
    full = next(
        (
            c
            for c in procedure.channels
            if c.kind is ast.ChannelKind.ONLINE and c.online is ast.OnlineLevel.FULL
        ),
        None,
    )
    if full is None:
        return
    for step in context.workflow.steps_of_kind(Kind.DECISION, Kind.RESULT):
        if step.signs is ast.SignatureKind.DIGITAL:
            continue
        how = (
            Message(vi="ký tay", en="is signed by hand")
            if step.signs is ast.SignatureKind.HANDWRITTEN
            else Message(vi="không ghi cách ký", en="does not say how it is signed")
        )
        yield Finding(
            step.id.span,
            Message(
                vi=f"Thủ tục trực tuyến toàn trình nhưng bước {_named(step)} {how.vi}: kết quả điện tử phải được ký số",
                en=f"The procedure is fully online but the step {_named(step)} {how.en}: an electronic result must be digitally signed",
            ),
            help=Message(
                vi=f"Ghi `signs digital` cho bước '{step.id.value}'",
                en=f"Write `signs digital` on the step '{step.id.value}'",
            ),
            related=(
                Related(
                    span=full.span,
                    message=Message(vi="Trực tuyến toàn trình", en="Fully online"),
                ),
            ),
        )


def fee_not_collected(context: ProcedureContext) -> Iterator[Finding]:
    """A procedure with a fee or charge and no step that collects it.

    What it checks:
        When the procedure declares a `fee` with an amount above 0, some step has kind `fee`
        (thu phí, lệ phí). Reported once, at the first such fee.
    Why it matters:
        Fees and charges are part of the published procedure (Decree 63/2010/NĐ-CP
        Art. 8(2)(h)) and the one-stop unit collects them (Decree 61/2018/NĐ-CP; Decree
        118/2025/NĐ-CP Art. 24, as cited): a flow without the collecting step leaves the
        dossier waiting for a payment no step asks for, or the fee uncollected.
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          fee 8000 "Lệ phí đăng ký khai sinh quá hạn"
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
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          fee 8000 "Lệ phí đăng ký khai sinh quá hạn"
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            ky decision "Ký Giấy khai sinh" by commune.chairman
            thu_phi fee "Thu lệ phí" by commune.one_stop
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan -> ky -> thu_phi -> tra -> end
          }
        }
        ```
    """
    charged = [fee for fee in context.procedure.node.fees if fee.amount > 0]
    if not charged or context.workflow.steps_of_kind(Kind.FEE):
        return
    fee = charged[0]
    yield Finding(
        fee.span,
        Message(
            vi=f"Thủ tục có phí, lệ phí ({_money(fee.amount, '.')} đồng, {fee.description}) nhưng không có bước thu",
            en=f"The procedure has a fee or charge ({_money(fee.amount, ',')} VND, {fee.description}) but no step collects it",
        ),
        help=Message(
            vi='Thêm bước thu phí, ví dụ `thu_phi fee "Thu lệ phí" by commune.one_stop`, vào luồng xử lý',
            en='Add a collecting step, for example `thu_phi fee "Thu lệ phí" by commune.one_stop`, to the flow',
        ),
    )


def _money(amount: int, separator: str) -> str:
    return f"{amount:,}".replace(",", separator)


def consultation_incomplete(context: ProcedureContext) -> Iterator[Finding]:
    """An inter-agency consultation with no counterpart authority or no time limit.

    What it checks:
        Every step of kind `consultation` (lấy ý kiến, liên thông) names the authority asked
        (`with`) and how long it has to answer (`takes`).
    Why it matters:
        A request for opinions states its content and the deadline for the answer, and late
        answers are reported (Decree 61/2018/NĐ-CP Art. 19); in inter-agency processing the
        one-stop unit sets each agency's task and time (Phiếu chuyển xử lý). Without the
        counterpart nobody is asked, and without the time limit nobody can be late.
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            y_kien consultation "Lấy ý kiến Sở Tư pháp" by commune.civil_status_officer
            ky decision "Ký Giấy khai sinh" by commune.chairman
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan -> y_kien -> ky -> tra -> end
          }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            y_kien consultation "Lấy ý kiến Sở Tư pháp" by commune.civil_status_officer
                   with province.department.justice takes 5 working_days
            ky decision "Ký Giấy khai sinh" by commune.chairman
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan -> y_kien -> ky -> tra -> end
          }
        }
        ```
    """
    for step in context.workflow.steps_of_kind(Kind.CONSULTATION):
        missing_vi = [
            *(["cơ quan được hỏi ý kiến (`with`)"] if step.counterpart is None else []),
            *(["thời hạn trả lời (`takes`)"] if step.duration is None else []),
        ]
        missing_en = [
            *(["the authority consulted (`with`)"] if step.counterpart is None else []),
            *(["the time limit to answer (`takes`)"] if step.duration is None else []),
        ]
        if not missing_en:
            continue
        yield Finding(
            step.id.span,
            Message(
                vi=f"Bước lấy ý kiến {_named(step)} thiếu {' và '.join(missing_vi)}",
                en=f"The consultation step {_named(step)} does not give {' or '.join(missing_en)}",
            ),
            help=Message(
                vi=f"Ghi cơ quan phối hợp và thời hạn, ví dụ `{step.id.value} consultation ... with province.department.justice takes 5 working_days`",
                en=f"Name the authority and the time limit, for example `{step.id.value} consultation ... with province.department.justice takes 5 working_days`",
            ),
        )


def late_path_without_apology(context: ProcedureContext) -> Iterator[Finding]:
    """A procedure with a deadline and no path for a late dossier: apology and new appointment.

    What it checks:
        A procedure with a time limit (a `deadline` with a duration; `immediately` alone is
        exempt: the result is given on the spot) needs a way to handle a dossier that will be
        late: an `apology` step (phiếu xin lỗi và hẹn lại ngày trả kết quả) that
        `notifies applicant`. Without any, the finding points at the deadline. The new
        appointment may be set at most `max_reappointments` times (setting, default 1): an
        apology step on a loop, or more apology steps in a row on one line of the flow, is
        reported too. Where the flow leads after the apology is checked by the other rules (a
        result must follow: TT303; a decision before it: TT302); an apology step that the flow
        cannot reach is TT401.
    Why it matters:
        For a dossier that will be late, the processing agency sends the applicant, at least
        one day before the due date, a written apology stating the reason and the new date, and
        "the new appointment is set no more than once" (Decree 61/2018/NĐ-CP Art. 19(9);
        form 04 of Circular 03/2025/TT-VPCP under Decree 118/2025/NĐ-CP, as cited; whether
        Decree 118 keeps the single re-appointment is unverified). The flow is what the
        one-stop information system runs: without the step, the letter is never issued.
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          deadline 3 working_days
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
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          deadline 3 working_days
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop
            xin_loi apology "Phiếu xin lỗi và hẹn lại ngày trả kết quả" by commune.one_stop notifies applicant
            ky decision "Ký Giấy khai sinh" by commune.chairman
            tra result "Trả kết quả" by commune.one_stop
          }
          flow {
            start -> tiep_nhan
            tiep_nhan -> ky otherwise
            tiep_nhan -> xin_loi when late
            xin_loi -> ky
            ky -> tra -> end
          }
        }
        ```
    """
    procedure, workflow = context.procedure.node, context.workflow
    timed = next((d for d in procedure.deadlines if d.duration is not None), None)
    if timed is None:
        return
    apologies = workflow.steps_of_kind(Kind.APOLOGY)
    if not apologies:
        yield Finding(
            timed.span,
            Message(
                vi="Thủ tục có thời hạn giải quyết nhưng luồng xử lý không có bước xin lỗi và hẹn lại ngày trả kết quả (apology) cho hồ sơ trễ hạn",
                en="The procedure has a time limit but the flow has no apology step (apology letter and new appointment) for a dossier that runs late",
            ),
            help=Message(
                vi='Thêm bước, ví dụ `xin_loi apology "Phiếu xin lỗi và hẹn lại ngày trả kết quả" by commune.one_stop notifies applicant`, một nhánh tới nó (`kiem_tra -> xin_loi when late`) và từ nó tới bước trả kết quả',
                en='Add a step, for example `xin_loi apology "Phiếu xin lỗi và hẹn lại ngày trả kết quả" by commune.one_stop notifies applicant`, a branch to it (`kiem_tra -> xin_loi when late`) and a way from it to the result step',
            ),
        )
        return
    graph = graph_of(workflow)
    for step in apologies:
        if step.id.value not in graph.from_start:
            continue
        if not step.notifies:
            yield Finding(
                step.id.span,
                Message(
                    vi=f"Bước xin lỗi {_named(step)} không gửi cho người nộp: văn bản xin lỗi và ngày hẹn mới phải được gửi cho họ",
                    en=f"The apology step {_named(step)} does not notify the applicant: the apology and the new date are sent to them",
                ),
                help=Message(
                    vi=f"Thêm `notifies applicant` vào bước '{step.id.value}'",
                    en=f"Add `notifies applicant` to the step '{step.id.value}'",
                ),
            )
    allowed = context.settings.max_reappointments
    for repeat in repeats(workflow, Kind.APOLOGY, allowed) if graph.complete else []:
        yield _repeat_finding(
            workflow,
            repeat,
            allowed,
            Message(
                vi="phiếu xin lỗi, hẹn lại ngày trả kết quả",
                en="an apology with a new appointment",
            ),
            Message(
                vi="Chỉ hẹn lại một lần: sau bước xin lỗi, đi tiếp tới quyết định và trả kết quả, không quay lại bước có thể hẹn lại lần nữa",
                en="Set the new appointment once: after the apology, go on to the decision and the result, not back to a step that may postpone again",
            ),
        )


RULES: tuple[Rule, ...] = (
    Rule("TT301", "procedure", missing_reception),
    Rule("TT302", "procedure", missing_decision),
    Rule("TT303", "procedure", missing_result_return),
    Rule("TT304", "procedure", refusal_without_notice),
    Rule("TT305", "procedure", repeated_supplement_request),
    Rule("TT306", "procedure", unused_dossier_component),
    Rule("TT307", "procedure", online_without_digital_signature),
    Rule("TT308", "procedure", fee_not_collected),
    Rule("TT309", "procedure", consultation_incomplete),
    Rule("TT310", "procedure", late_path_without_apology),
)
