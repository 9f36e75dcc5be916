"""TT1xx — authority (thẩm quyền): does the right office act, at the right level, on a valid basis?

Input: a `ProcedureContext` (the model, the procedure's workflow, the settings). Output:
`Finding`s for TT101–TT107. Competence is answered by `tthc.rules.competence`; each problem is
reported by one rule only: an unlawful link of the chain by TT2xx, a district actor after the
reform by TT102, a collective confused with its head by TT107, anything else by TT101.
"""

from __future__ import annotations

from collections.abc import Iterator

from tthc.dsl import Message, Related, ast
from tthc.rules.base import Finding, ProcedureContext, Rule
from tthc.rules.competence import Answer, Reason, competence, covers
from tthc.rules.competence.names import day, instrument_name, link_name, who
from tthc.rules.competence.validity import instrument_gap

DECIDING = (ast.StepKind.DECISION, ast.StepKind.SIGNATURE)
LEVEL_VI = {"central": "trung ương", "province": "cấp tỉnh", "district": "cấp huyện"}
LEVEL_VI["commune"] = "cấp xã"
LEVEL_EN = {"central": "central level", "province": "province level"}
LEVEL_EN |= {"district": "district level", "commune": "commune level"}


def decisions(context: ProcedureContext) -> Iterator[tuple[ast.Step, ast.Name, Answer]]:
    """Each decision or signature step with a known actor, and the actor's competence for the
    procedure's power on its effective date. Nothing when the procedure names no `power`."""
    power = context.procedure.node.power
    if power is None:
        return
    for step in context.workflow.steps_of_kind(*DECIDING):
        if step.actor is None or context.model.actor(step) is None:
            continue
        answer = competence(
            context.model, step.actor.value, power.value, context.on, context.settings
        )
        yield step, step.actor, answer


def after_reform(context: ProcedureContext, authority: ast.Authority | None) -> bool:
    """A district-level authority in a procedure effective after the district level ended."""
    on = context.on
    return (
        authority is not None
        and authority.level is ast.Level.DISTRICT
        and on is not None
        and on > context.settings.district_level_ends
    )


def actor_not_competent(context: ProcedureContext) -> Iterator[Finding]:
    """The actor of a decision step holds no competence for the procedure's power.

    What it checks:
        Every `decision` and `signature` step: its actor must hold the procedure's `power` on the
        procedure's `effective` date through a chain of grants in the registry (see
        `tthc.rules.competence`: a grant of `ho-tich` covers `ho-tich.dang-ky-khai-sinh`; a
        phân cấp or ủy quyền holds only while its giver holds the power). It reports an actor
        with no grant, a grant to someone else, a grant or instrument not in force on that
        date, a giver that holds nothing to give, or an authority that does not exist on that
        date. A procedure with no `power` is not judged (TT603 asks for it). Not reported here:
        a district actor after the reform (TT102), a collective confused with its head (TT107),
        an unlawful link of the chain (TT201–TT205).
    Why it matters:
        An act by a body or person without competence is unlawful and may be annulled. Powers
        are given by law (phân quyền, Law 72/2025/QH15 Art. 12), by a normative document (phân
        cấp, Art. 13) or by a written act with a term (ủy quyền, Art. 14) (partly verified:
        LEGAL-TEXTS.md §2 marks Arts. 13–14 (P)).
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          field "Hộ tịch"  level commune  effective 2025-07-01  power "ho-tich.dang-ky-khai-sinh"
          basis luat-ho-tich-2014 art 16
          channels direct  deadline 5 working_days  result "Giấy khai sinh"
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 1 working_days
            ky decision "Ký Giấy khai sinh" by commune.economic_division takes 1 working_days
              basis luat-ho-tich-2014 art 16
            tra result "Trả kết quả" by commune.one_stop takes 1 working_days
          }
          flow { start -> tiep_nhan -> ky -> tra -> end }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          field "Hộ tịch"  level commune  effective 2025-07-01  power "ho-tich.dang-ky-khai-sinh"
          basis luat-ho-tich-2014 art 16
          channels direct  deadline 5 working_days  result "Giấy khai sinh"
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 1 working_days
            ky decision "Ký Giấy khai sinh" by commune.chairman takes 1 working_days
              basis luat-ho-tich-2014 art 16
            tra result "Trả kết quả" by commune.one_stop takes 1 working_days
          }
          flow { start -> tiep_nhan -> ky -> tra -> end }
        }
        ```
    """
    judged = {
        Reason.NO_GRANT,
        Reason.OTHER_HOLDER,
        Reason.NOT_IN_FORCE,
        Reason.GIVER_NOT_COMPETENT,
        Reason.AUTHORITY_NOT_VALID,
    }
    for _, actor, answer in decisions(context):
        if answer.reason not in judged or after_reform(context, context.model.authority(actor)):
            continue
        related = _witnesses(context, answer)
        yield Finding(actor.span, answer.explanation, _help(context, actor, answer), related)


def _witnesses(context: ProcedureContext, answer: Answer) -> tuple[Related, ...]:
    """The links of the failing chain, or the grants that give the power to the others."""
    power = _power(context)
    links = list(answer.chain) or [
        link
        for holder in answer.holders
        for link in context.model.links_to(holder)
        if covers(link.power.value, power)
    ]
    return tuple(
        Related(
            span=link.id.span,
            message=Message(
                vi=f"{link_name(link).vi}: cho {who(context.model, link.receiver.value).vi}",
                en=f"{link_name(link).en}: to {link.receiver.value}",
            ),
        )
        for link in links
    )


def _help(context: ProcedureContext, actor: ast.Name, answer: Answer) -> Message:
    name = who(context.model, actor.value)
    if answer.reason is Reason.OTHER_HOLDER:
        holders = [who(context.model, h) for h in answer.holders]
        vi, en = ", ".join(h.vi for h in holders), ", ".join(h.en for h in holders)
        return Message(
            vi=f"Giao bước này cho chủ thể có thẩm quyền ({vi}), hoặc khai báo trong sổ đăng ký "
            f"văn bản giao thẩm quyền cho {name.vi}",
            en=f"Give this step to a competent authority ({en}), or declare in the registry the "
            f"grant that makes {name.en} competent",
        )
    if answer.reason is Reason.NOT_IN_FORCE:
        return Message(
            vi="Dựa vào căn cứ giao quyền còn hiệu lực vào ngày áp dụng thủ tục, hoặc sửa ngày "
            "`effective` của thủ tục",
            en="Rely on a grant in force on the procedure's date, or correct its `effective` date",
        )
    if answer.reason is Reason.GIVER_NOT_COMPETENT:
        return Message(
            vi="Bên giao quyền phải có thẩm quyền đó: khai báo căn cứ của bên giao, hoặc giao "
            "bước này cho chủ thể có thẩm quyền",
            en="The giver must hold the power itself: declare how it holds it, or give this "
            "step to a competent authority",
        )
    if answer.reason is Reason.AUTHORITY_NOT_VALID:
        return Message(
            vi="Giao bước này cho chủ thể tồn tại vào ngày áp dụng thủ tục",
            en="Give this step to an authority that exists on the procedure's date",
        )
    return Message(
        vi=f"Khai báo trong sổ đăng ký văn bản giao thẩm quyền “{_power(context)}”, hoặc sửa "
        "`power` của thủ tục",
        en=f"Declare in the registry the grant of '{_power(context)}', or correct the "
        "procedure's `power`",
    )


def _power(context: ProcedureContext) -> str:
    power = context.procedure.node.power
    return power.value if power else ""


def _level(level: ast.Level) -> Message:
    return Message(vi=LEVEL_VI[level.value], en=LEVEL_EN[level.value])


def district_actor_after_reform(context: ProcedureContext) -> Iterator[Finding]:
    """A step is given to a district-level authority in a procedure effective after 2025-06-30.

    What it checks:
        Every step's actor (`by`) and counterpart (`with`): if it is an authority of `level
        district` and the procedure's `effective` date is after the last day of the district
        level (`Settings.district_level_ends`, 2025-06-30), the step cannot be performed. The
        help names the new holder when a `transfer` in the registry moved that authority's power.
    Why it matters:
        From 1 July 2025 local government has two levels, province and commune; the district
        level was dissolved (Constitution as amended on 16 June 2025, Art. 110; Law
        72/2025/QH15 Art. 1; BRIEF.md §1.1, verified). A procedure that still routes a dossier to
        a district office sends it to a body that no longer exists.
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          field "Hộ tịch"  level commune  effective 2025-07-01  power "ho-tich.dang-ky-khai-sinh"
          basis luat-ho-tich-2014 art 16
          channels direct  deadline 5 working_days  result "Giấy khai sinh"
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 1 working_days
            ky decision "Ký Giấy khai sinh" by district.chairman takes 1 working_days
              basis luat-ho-tich-2014 art 16
            tra result "Trả kết quả" by commune.one_stop takes 1 working_days
          }
          flow { start -> tiep_nhan -> ky -> tra -> end }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          field "Hộ tịch"  level commune  effective 2025-07-01  power "ho-tich.dang-ky-khai-sinh"
          basis luat-ho-tich-2014 art 16
          channels direct  deadline 5 working_days  result "Giấy khai sinh"
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 1 working_days
            ky decision "Ký Giấy khai sinh" by commune.chairman takes 1 working_days
              basis luat-ho-tich-2014 art 16
            tra result "Trả kết quả" by commune.one_stop takes 1 working_days
          }
          flow { start -> tiep_nhan -> ky -> tra -> end }
        }
        ```
    """
    on, ends = context.on, day(context.settings.district_level_ends)
    for step in context.procedure.node.steps:
        for name in (step.actor, step.counterpart):
            authority = context.model.authority(name)
            if (
                name is None
                or authority is None
                or on is None
                or not after_reform(context, authority)
            ):
                continue
            title = authority.title
            yield Finding(
                name.span,
                Message(
                    vi=f"Bước “{step.id.value}” giao cho {title}, thuộc cấp huyện; thủ tục áp "
                    f"dụng từ ngày {day(on).vi}, khi cấp huyện đã kết thúc hoạt động (sau ngày "
                    f"{ends.vi})",
                    en=f"Step '{step.id.value}' is given to {name.value}, a district-level "
                    f"authority; the procedure applies from {day(on).en}, after the district "
                    f"level ended ({ends.en})",
                ),
                _successor_help(context, name.value),
            )


def _successor_help(context: ProcedureContext, district: str) -> Message:
    """Names the new holder when a transfer moved the power of this district authority (or of
    the district body it belongs to, e.g. the People's Committee of a Chairman)."""
    power = _power(context)
    authority = context.model.authorities.get(district)
    givers = {district, authority.of.value if authority and authority.of else district}
    moved = [
        t
        for t in context.model.transfers.values()
        if t.giver.value in givers
        and (not power or covers(t.power.value, power) or covers(power, t.power.value))
    ]
    if moved:
        new = who(context.model, moved[0].receiver.value)
        return Message(
            vi=f"Thẩm quyền này đã chuyển cho {new.vi} ({link_name(moved[0]).vi}): giao bước cho "
            f"{new.vi}",
            en=f"This power moved to {new.en} ({link_name(moved[0]).en}): give the step to {new.en}",
        )
    return Message(
        vi="Giao bước cho chủ thể cấp xã hoặc cấp tỉnh đã nhận thẩm quyền này, và khai báo "
        "`transfer` trong sổ đăng ký",
        en="Give the step to the commune- or province-level authority that received this power, "
        "and declare the `transfer` in the registry",
    )


def decision_at_wrong_level(context: ProcedureContext) -> Iterator[Finding]:
    """The decision is taken at another level than the procedure's implementing level.

    What it checks:
        Every `decision` step whose actor's level differs from the procedure's `level` (cấp
        thực hiện), unless the procedure declares that the dossier goes to that level: a
        `transfer` or `consultation` step whose counterpart (`with`) is the deciding actor or
        an authority at the deciding actor's level. Skipped when either level is unknown
        (TT603 asks for the procedure's level) and for district actors after the reform
        (TT102).
    Why it matters:
        The implementing level is a component of the procedure published in the national
        database (Decree 63/2010 Art. 8, BRIEF.md §3.1, verified); the one-stop unit of that
        level receives the dossier and must send it on explicitly when another level decides
        (liên thông, Decree 118/2025 Arts. 14 and 20, partly verified).
    Example:
        ```tthc
        grant ho_tich_tinh {
          power "ho-tich"  from government  to province.chairman  mode decentralization
          basis nd-120-2025 art 4  resources "Sở Tư pháp"
        }
        procedure "1.001193" "Đăng ký khai sinh" {
          field "Hộ tịch"  level commune  effective 2025-07-01  power "ho-tich.dang-ky-khai-sinh"
          basis luat-ho-tich-2014 art 16
          channels direct  deadline 5 working_days  result "Giấy khai sinh"
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 1 working_days
            ky decision "Ký Giấy khai sinh" by province.chairman takes 1 working_days
              basis luat-ho-tich-2014 art 16
            tra result "Trả kết quả" by commune.one_stop takes 1 working_days
          }
          flow { start -> tiep_nhan -> ky -> tra -> end }
        }
        ```
    Use instead:
        ```tthc
        grant ho_tich_tinh {
          power "ho-tich"  from government  to province.chairman  mode decentralization
          basis nd-120-2025 art 4  resources "Sở Tư pháp"
        }
        procedure "1.001193" "Đăng ký khai sinh" {
          field "Hộ tịch"  level commune  effective 2025-07-01  power "ho-tich.dang-ky-khai-sinh"
          basis luat-ho-tich-2014 art 16
          channels direct  deadline 5 working_days  result "Giấy khai sinh"
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 1 working_days
            chuyen transfer "Chuyển hồ sơ lên tỉnh" by commune.one_stop with province.chairman takes 1 working_days
            ky decision "Ký Giấy khai sinh" by province.chairman takes 1 working_days
              basis luat-ho-tich-2014 art 16
            tra result "Trả kết quả" by commune.one_stop takes 1 working_days
          }
          flow { start -> tiep_nhan -> chuyen -> ky -> tra -> end }
        }
        ```
    """
    level = context.procedure.node.level
    if level is None:
        return
    sent = [
        context.model.authority(s.counterpart)
        for s in context.workflow.steps_of_kind(ast.StepKind.TRANSFER, ast.StepKind.CONSULTATION)
    ]
    for step in context.workflow.steps_of_kind(ast.StepKind.DECISION):
        actor = context.model.actor(step)
        if step.actor is None or actor is None or actor.level in (None, level):
            continue
        if after_reform(context, actor) or any(
            a is not None and a.level is actor.level for a in sent
        ):
            continue
        at, home = _level(actor.level), _level(level)
        yield Finding(
            step.actor.span,
            Message(
                vi=f"Quyết định ở bước “{step.id.value}” do {actor.title} ({at.vi}) thực hiện, "
                f"trong khi cấp thực hiện của thủ tục là {home.vi}",
                en=f"The decision of step '{step.id.value}' is taken by {step.actor.value} "
                f"({at.en}), but the procedure is implemented at {home.en}",
            ),
            Message(
                vi=f"Giao bước quyết định cho chủ thể {home.vi}, hoặc khai báo bước chuyển hồ sơ "
                f"(`transfer`) hay lấy ý kiến (`consultation`) với {actor.title}",
                en=f"Give the decision to an authority at {home.en}, or declare a `transfer` or "
                f"`consultation` step with {step.actor.value}",
            ),
        )


def _citations(node: ast.Procedure) -> Iterator[ast.Citation]:
    yield from node.basis
    if node.moved is not None:
        yield from node.moved.basis
    for fee in node.fees:
        yield from fee.basis
    for step in node.steps:
        yield from step.basis


def instrument_not_in_force(context: ProcedureContext) -> Iterator[Finding]:
    """A cited legal instrument is not in force on the procedure's effective date.

    What it checks:
        Every citation of the procedure (`basis`, the `basis` of `moved`, of a fee, of a step):
        on the procedure's `effective` date the instrument must be in force: on or after its
        `in_force` date, not after its `until` date, and not replaced by an instrument already
        in force (`replaces`). A procedure with no `effective` date is not judged.
    Why it matters:
        A procedure must rest on law in force (Decree 63/2010 Art. 8(1), BRIEF.md §3.1,
        verified). The 2025 reform replaced many texts: Decree 61/2018 on the one-stop
        mechanism was replaced by Decree 118/2025 from 1 July 2025 (LEGAL-TEXTS.md §1.0,
        partly verified), and the 28 sectoral decrees of June 2025 run only until 1 March 2027
        (BRIEF.md §1.4, verified).
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          field "Hộ tịch"  level commune  effective 2025-07-01  power "ho-tich.dang-ky-khai-sinh"
          basis luat-ho-tich-2014 art 16, nd-61-2018
          channels direct  deadline 5 working_days  result "Giấy khai sinh"
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 1 working_days
            ky decision "Ký Giấy khai sinh" by commune.chairman takes 1 working_days
              basis luat-ho-tich-2014 art 16
            tra result "Trả kết quả" by commune.one_stop takes 1 working_days
          }
          flow { start -> tiep_nhan -> ky -> tra -> end }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          field "Hộ tịch"  level commune  effective 2025-07-01  power "ho-tich.dang-ky-khai-sinh"
          basis luat-ho-tich-2014 art 16, nd-118-2025
          channels direct  deadline 5 working_days  result "Giấy khai sinh"
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 1 working_days
            ky decision "Ký Giấy khai sinh" by commune.chairman takes 1 working_days
              basis luat-ho-tich-2014 art 16
            tra result "Trả kết quả" by commune.one_stop takes 1 working_days
          }
          flow { start -> tiep_nhan -> ky -> tra -> end }
        }
        ```
    """
    on = context.on
    if on is None:
        return
    for citation in _citations(context.procedure.node):
        instrument = context.model.instrument(citation)
        gap = None if instrument is None else instrument_gap(context.model, instrument, on)
        if instrument is None or gap is None:
            continue
        newer = [
            i
            for i in context.model.replaced_by(instrument.id.value)
            if not instrument_gap(context.model, i, on)
        ]
        help = (
            Message(
                vi=f"Viện dẫn văn bản thay thế: {instrument_name(newer[0]).vi} ({newer[0].id.value})",
                en=f"Cite the instrument that replaces it: {newer[0].id.value}",
            )
            if newer
            else Message(
                vi="Viện dẫn văn bản còn hiệu lực vào ngày áp dụng thủ tục, hoặc sửa ngày "
                "`effective` của thủ tục",
                en="Cite an instrument in force on the procedure's date, or correct its "
                "`effective` date",
            )
        )
        yield Finding(
            citation.span,
            Message(
                vi=f"Căn cứ “{citation.instrument.value}” không có hiệu lực vào ngày "
                f"{day(on).vi}: {gap.message.vi}",
                en=f"The cited '{citation.instrument.value}' is not in force on {day(on).en}: "
                f"{gap.message.en}",
            ),
            help,
            (
                Related(
                    span=instrument.id.span,
                    message=Message(
                        vi="Văn bản được khai báo ở đây", en="The instrument is declared here"
                    ),
                ),
            ),
        )


def missing_legal_basis(context: ProcedureContext) -> Iterator[Finding]:
    """A decision step, or the procedure itself, cites no legal basis.

    What it checks:
        The procedure must have a `basis`, and so must every `decision` step (the article that
        gives the decider the power to decide, e.g. `basis luat-ho-tich-2014 art 16`). Signature
        and other steps need none.
    Why it matters:
        Every administrative procedure and every decision in it must rest on a legal normative
        document (Decree 63/2010 Art. 8(1), BRIEF.md §3.1, verified); the legal basis (căn cứ
        pháp lý) is a component of the procedure published in the national database, and the
        decision cites it.
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          field "Hộ tịch"  level commune  effective 2025-07-01  power "ho-tich.dang-ky-khai-sinh"
          basis luat-ho-tich-2014 art 16
          channels direct  deadline 5 working_days  result "Giấy khai sinh"
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 1 working_days
            ky decision "Ký Giấy khai sinh" by commune.chairman takes 1 working_days
            tra result "Trả kết quả" by commune.one_stop takes 1 working_days
          }
          flow { start -> tiep_nhan -> ky -> tra -> end }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          field "Hộ tịch"  level commune  effective 2025-07-01  power "ho-tich.dang-ky-khai-sinh"
          basis luat-ho-tich-2014 art 16
          channels direct  deadline 5 working_days  result "Giấy khai sinh"
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 1 working_days
            ky decision "Ký Giấy khai sinh" by commune.chairman takes 1 working_days
              basis luat-ho-tich-2014 art 16
            tra result "Trả kết quả" by commune.one_stop takes 1 working_days
          }
          flow { start -> tiep_nhan -> ky -> tra -> end }
        }
        ```
    """
    node = context.procedure.node
    if not node.basis:
        yield Finding(
            node.code.span,
            Message(
                vi=f"Thủ tục “{node.name}” không nêu căn cứ pháp lý",
                en=f"The procedure '{node.name}' cites no legal basis",
            ),
            Message(
                vi="Thêm `basis` với các văn bản quy định thủ tục, ví dụ `basis luat-ho-tich-2014 "
                "art 16, nd-118-2025`",
                en="Add a `basis` naming the instruments that set the procedure, e.g. "
                "`basis luat-ho-tich-2014 art 16, nd-118-2025`",
            ),
        )
    for step in context.workflow.steps_of_kind(ast.StepKind.DECISION):
        if not step.basis:
            yield Finding(
                step.id.span,
                Message(
                    vi=f"Bước quyết định “{step.id.value}” không nêu căn cứ pháp lý",
                    en=f"The decision step '{step.id.value}' cites no legal basis",
                ),
                Message(
                    vi="Thêm `basis` với điều khoản giao thẩm quyền quyết định, ví dụ `basis "
                    "luat-ho-tich-2014 art 16`",
                    en="Add a `basis` with the article that gives the power to decide, e.g. "
                    "`basis luat-ho-tich-2014 art 16`",
                ),
            )


def reception_outside_one_stop(context: ProcedureContext) -> Iterator[Finding]:
    """A dossier is received outside the one-stop unit.

    What it checks:
        Every `reception` step: its actor must be declared `one_stop yes` in the registry (the
        Trung tâm Phục vụ hành chính công of the province or commune, or a ministry's Bộ phận
        Tiếp nhận và Trả kết quả).
    Why it matters:
        Decree 118/2025 Art. 1(1) and Art. 14 (partly verified, LEGAL-TEXTS.md §1) organise the
        reception of dossiers and the return of results at the one-stop units; receiving a
        dossier at a specialised office bypasses the receipt, the appointment slip (Mẫu 01) and
        the tracking that the one-stop mechanism guarantees to the applicant.
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          field "Hộ tịch"  level commune  effective 2025-07-01  power "ho-tich.dang-ky-khai-sinh"
          basis luat-ho-tich-2014 art 16
          channels direct  deadline 5 working_days  result "Giấy khai sinh"
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.civil_status_officer takes 1 working_days
            ky decision "Ký Giấy khai sinh" by commune.chairman takes 1 working_days
              basis luat-ho-tich-2014 art 16
            tra result "Trả kết quả" by commune.one_stop takes 1 working_days
          }
          flow { start -> tiep_nhan -> ky -> tra -> end }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          field "Hộ tịch"  level commune  effective 2025-07-01  power "ho-tich.dang-ky-khai-sinh"
          basis luat-ho-tich-2014 art 16
          channels direct  deadline 5 working_days  result "Giấy khai sinh"
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 1 working_days
            ky decision "Ký Giấy khai sinh" by commune.chairman takes 1 working_days
              basis luat-ho-tich-2014 art 16
            tra result "Trả kết quả" by commune.one_stop takes 1 working_days
          }
          flow { start -> tiep_nhan -> ky -> tra -> end }
        }
        ```
    """
    for step in context.workflow.steps_of_kind(ast.StepKind.RECEPTION):
        actor = context.model.actor(step)
        if step.actor is None or actor is None or actor.one_stop:
            continue
        yield Finding(
            step.actor.span,
            Message(
                vi=f"Hồ sơ được tiếp nhận tại {actor.title}, không phải Bộ phận Một cửa",
                en=f"The dossier is received by {step.actor.value}, not by a one-stop unit",
            ),
            Message(
                vi="Giao bước tiếp nhận cho Trung tâm Phục vụ hành chính công (ví dụ "
                "`commune.one_stop`), hoặc khai báo `one_stop yes` nếu đơn vị này là Bộ phận "
                "Một cửa",
                en="Give the reception to the public administration service centre (e.g. "
                "`commune.one_stop`), or declare `one_stop yes` if this unit is a one-stop unit",
            ),
        )


def collective_individual_mismatch(context: ProcedureContext) -> Iterator[Finding]:
    """A step is given to a collective body where the law names an individual, or the reverse.

    What it checks:
        Every `decision` and `signature` step whose actor does not hold the procedure's power
        while the authority it is confused with does: an individual heading or belonging to a
        collective body (`kind person`, `of` the body) when the power is granted to the body,
        or the body when the power is granted to an individual of it. A head is not competent
        for the body's power by being its head: it needs its own grant (phân cấp or ủy quyền).
    Why it matters:
        Law 72/2025/QH15 Art. 11 requires the powers of the People's Committee (a collective
        body, deciding by majority) and of its Chairman to be told apart (LEGAL-TEXTS.md §2,
        partly verified); sector laws name one or the other, e.g. the Law on Civil Status 2014
        gives registration to the commune People's Committee and signing the birth certificate
        to its Chairman (Art. 16), and Decree 151/2025 Art. 5 gives district land powers to the
        commune Chairman (BRIEF.md §6.4, verified).
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          field "Hộ tịch"  level commune  effective 2025-07-01  power "ho-tich.dang-ky-khai-sinh"
          basis luat-ho-tich-2014 art 16
          channels direct  deadline 5 working_days  result "Giấy khai sinh"
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 1 working_days
            ky decision "Ký Giấy khai sinh" by commune.vice_chairman takes 1 working_days
              basis luat-ho-tich-2014 art 16
            tra result "Trả kết quả" by commune.one_stop takes 1 working_days
          }
          flow { start -> tiep_nhan -> ky -> tra -> end }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          field "Hộ tịch"  level commune  effective 2025-07-01  power "ho-tich.dang-ky-khai-sinh"
          basis luat-ho-tich-2014 art 16
          channels direct  deadline 5 working_days  result "Giấy khai sinh"
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 1 working_days
            ky decision "Ký Giấy khai sinh" by commune.people_committee takes 1 working_days
              basis luat-ho-tich-2014 art 16
            tra result "Trả kết quả" by commune.one_stop takes 1 working_days
          }
          flow { start -> tiep_nhan -> ky -> tra -> end }
        }
        ```
    """
    for step, actor, answer in decisions(context):
        if answer.reason not in (Reason.HEAD_OF_HOLDER, Reason.MEMBER_HOLDS):
            continue
        holder = who(context.model, answer.holders[0])
        name = who(context.model, actor.value)
        yield Finding(
            actor.span,
            answer.explanation,
            Message(
                vi=f"Giao bước “{step.id.value}” cho {holder.vi}, hoặc khai báo văn bản phân cấp, "
                f"ủy quyền từ {holder.vi} cho {name.vi}",
                en=f"Give step '{step.id.value}' to {holder.en}, or declare the phân cấp or ủy "
                f"quyền from {holder.en} to {name.en}",
            ),
            _witnesses(context, answer),
        )


RULES: tuple[Rule, ...] = (
    Rule("TT101", "procedure", actor_not_competent),
    Rule("TT102", "procedure", district_actor_after_reform),
    Rule("TT103", "procedure", decision_at_wrong_level),
    Rule("TT104", "procedure", instrument_not_in_force),
    Rule("TT105", "procedure", missing_legal_basis),
    Rule("TT106", "procedure", reception_outside_one_stop),
    Rule("TT107", "procedure", collective_individual_mismatch),
)
