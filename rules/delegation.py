"""TT2xx — decentralization and delegation (phân quyền, phân cấp, ủy quyền): lawful chains.

Input: a `ProjectContext` (the whole registry and every workflow) or, for TT206, a
`ProcedureContext`. Output: `Finding`s for TT201–TT208. The lawfulness of a grant is decided
once, in `tthc.rules.competence.grant_flaws`; these rules report each flaw once, at the grant
in the registry, whether or not a procedure relies on it. The one flaw that depends on a date,
an ủy quyền whose term has ended (TT202), is reported at each decision step that relies on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from tthc.compiler import Model
from tthc.dsl import Message, Related, ast
from tthc.rules.authority.decisions import decisions
from tthc.rules.base import Finding, ProcedureContext, ProjectContext, Rule
from tthc.rules.competence import Flaw, Link, grant_flaws, overlaps
from tthc.rules.competence.names import (
    LEVEL_EN,
    LEVEL_VI,
    MODE_EN,
    MODE_VI,
    citation,
    day,
    instrument_name,
    link_name,
    who,
)

Mode = ast.GrantMode


def _flaws(context: ProjectContext, code: str) -> Iterator[tuple[Flaw, tuple[Related, ...]]]:
    """The flaws of one code in the registry, each with the decision steps that rely on it."""
    relied = _reliance(context)
    for grant in context.model.grants.values():
        for flaw in grant_flaws(context.model, grant, context.settings):
            if flaw.code == code:
                yield flaw, tuple(relied.get(grant.id.value, ()))


def _reliance(context: ProjectContext) -> dict[str, list[Related]]:
    """For each grant, the decision steps whose actor's chain runs through it."""
    relied: dict[str, list[Related]] = {}
    for workflow in context.workflows:
        procedure = ProcedureContext(context.model, workflow, context.settings)
        code = procedure.procedure.code
        for step, actor, answer in decisions(procedure):
            for link in answer.chain:
                if isinstance(link, ast.Grant):
                    relied.setdefault(link.id.value, []).append(
                        Related(
                            span=actor.span,
                            message=Message(
                                vi=f"Thủ tục {code}, bước “{step.id.value}” dựa vào giao quyền này",
                                en=f"Procedure {code}, step '{step.id.value}' relies on this grant",
                            ),
                        )
                    )
    return relied


def _also(finding: Finding, steps: tuple[Related, ...]) -> Finding:
    return replace(finding, related=(*finding.related, *steps))


def _witness(link: Link, vi: str, en: str) -> tuple[Related, ...]:
    return (Related(span=link.id.span, message=Message(vi=vi, en=en)),)


def _names(model: Model, grant: ast.Grant) -> tuple[Message, Message, Message]:
    giver = who(model, grant.giver.value) if grant.giver else Message(vi="—", en="—")
    mode = Message(vi=MODE_VI[grant.mode], en=MODE_EN[grant.mode].removesuffix("s"))
    return giver, who(model, grant.receiver.value), mode


def re_decentralization(context: ProjectContext) -> Iterator[Finding]:
    """A receiver of phân cấp passes the same power on again.

    What it checks:
        Every phân cấp or ủy quyền grant whose giver holds the power (or part of it) by a phân
        cấp it received, and not in its own right (by phân quyền, by a transfer, or as a central
        body). The default is the 2015 rule: no onward delegation. When an instrument allows it
        (a specialised decree, or Law 72/2025 if read so), list its id in the setting
        `onward_delegation_allowed_by`; a grant that cites it, or whose received phân cấp cites
        it, is then accepted. Reported once, at the grant's giver (`from`).
    Why it matters:
        Under the Law on Organisation of Local Government 2015 Art. 13 the decentralised level
        could not delegate or authorise again (BRIEF.md §2.2, verified in a secondary source);
        the parallel Law 63/2025 Art. 8(5) says the receiver "không được phân cấp tiếp" (partly
        verified). Law 72/2025 may allow onward delegation under conditions not read
        (LEGAL-TEXTS.md §2, unverified), hence the setting.
    Example:
        ```tthc
        grant ho_tich_pho_chu_tich {
          power "ho-tich"  from commune.chairman  to commune.vice_chairman  mode decentralization
          basis nd-120-2025 art 4  resources "Công chức hộ tịch"
        }
        ```
    Use instead:
        ```tthc
        grant ho_tich_pho_chu_tich {
          power "ho-tich"  from commune.people_committee  to commune.vice_chairman
          mode decentralization  basis nd-120-2025 art 4  resources "Công chức hộ tịch"
        }
        ```
    """
    for flaw, steps in _flaws(context, "TT201"):
        yield _also(_onward(context.model, flaw, "phân cấp", "decentralization"), steps)


def _onward(model: Model, flaw: Flaw, how_vi: str, how_en: str) -> Finding:
    grant, received = flaw.grant, flaw.witness
    giver, receiver, mode = _names(model, grant)
    origin = who(model, received.giver.value) if received and received.giver else giver
    given = link_name(received) if received else Message(vi="", en="")
    return Finding(
        flaw.span,
        Message(
            vi=f"{giver.vi} nhận thẩm quyền “{grant.power.value}” do {how_vi} ({given.vi}), nên "
            f"không được {mode.vi} tiếp cho {receiver.vi}",
            en=f"{giver.en} holds '{grant.power.value}' by {how_en} ({given.en}), so it may not "
            f"{mode.en} it again to {receiver.en}",
        ),
        Message(
            vi=f"Bỏ giao quyền “{grant.id.value}”, hoặc để {origin.vi} giao trực tiếp cho "
            f"{receiver.vi}",
            en=f"Remove the grant '{grant.id.value}', or let {origin.en} give the power to "
            f"{receiver.en} directly",
        ),
        _witness(received, f"{how_vi.capitalize()} được nhận ở đây", f"The {how_en} received")
        if received
        else (),
    )


def invalid_authorization(context: ProjectContext) -> Iterator[Finding]:
    """An ủy quyền has no written instrument or no term, or its term has ended.

    What it checks:
        Every `authorization` grant in the registry must cite its written act (`basis`) and
        have a term: its own `until`, or the `until` of its act. Reported once at the grant.
        And every `decision` or `signature` step whose actor is competent only through an ủy
        quyền whose term (or act) has ended on the procedure's `effective` date: reported at
        the step's actor, with the grant as witness.
    Why it matters:
        Law 72/2025/QH15 Art. 14(2)(a): "Việc ủy quyền phải thực hiện bằng văn bản"; Art. 14(1):
        the authorization runs "trong khoảng thời gian xác định kèm theo các điều kiện cụ thể"
        (LEGAL-TEXTS.md §2, partly verified); Decree 30/2020 Art. 13(3) limits signing by
        authorization in time and content (partly verified). Past its term, the authorized
        body acts without competence.
    Example:
        ```tthc
        grant uq_pho_chu_tich {
          power "ho-tich"  from commune.people_committee  to commune.vice_chairman
          mode authorization  resources "Công chức hộ tịch"
        }
        ```
    Use instead:
        ```tthc
        grant uq_pho_chu_tich {
          power "ho-tich"  from commune.people_committee  to commune.vice_chairman
          mode authorization  basis qd-uq-2025-01  until 2026-12-31  resources "Công chức hộ tịch"
        }
        ```
    """
    for flaw, steps in _flaws(context, "TT202"):
        missing = {
            "no-act": Message(vi="văn bản ủy quyền", en="written act"),
            "no-term": Message(vi="thời hạn", en="term"),
            "no-act-no-term": Message(
                vi="văn bản ủy quyền và thời hạn", en="written act and no term"
            ),
        }[flaw.detail]
        finding = Finding(
            flaw.span,
            Message(
                vi=f"Ủy quyền “{flaw.grant.id.value}” không có {missing.vi}",
                en=f"The authorization '{flaw.grant.id.value}' has no {missing.en}",
            ),
            Message(
                vi="Nêu văn bản ủy quyền (`basis`, ví dụ quyết định ủy quyền) và thời hạn ủy "
                "quyền (`until`)",
                en="Cite the act of authorization (`basis`) and give its term (`until`)",
            ),
        )
        yield _also(finding, steps)
    for workflow in context.workflows:
        procedure = ProcedureContext(context.model, workflow, context.settings)
        reported: set[str] = set()
        for step, actor, answer in decisions(procedure):
            for flaw in answer.flaws:
                if flaw.code != "TT202" or flaw.gap is None or flaw.grant.id.value in reported:
                    continue
                reported.add(flaw.grant.id.value)
                on = day(procedure.on) if procedure.on else Message(vi="?", en="?")
                yield Finding(
                    actor.span,
                    Message(
                        vi=f"Bước “{step.id.value}” dựa vào ủy quyền “{flaw.grant.id.value}”, "
                        f"nhưng vào ngày áp dụng thủ tục ({on.vi}) ủy quyền đã hết hạn: "
                        f"{flaw.gap.message.vi}",
                        en=f"Step '{step.id.value}' relies on the authorization "
                        f"'{flaw.grant.id.value}', which has ended by the procedure's date "
                        f"({on.en}): {flaw.gap.message.en}",
                    ),
                    Message(
                        vi="Ban hành văn bản ủy quyền mới có thời hạn bao gồm ngày áp dụng, hoặc "
                        "giao bước cho bên ủy quyền",
                        en="Issue a new authorization whose term covers the procedure's date, or "
                        "give the step back to the authorizing body",
                    ),
                    _witness(flaw.grant, "Ủy quyền đã hết hạn", "The expired authorization"),
                )


def re_authorization(context: ProjectContext) -> Iterator[Finding]:
    """A receiver of ủy quyền authorizes (or delegates) the same power to someone else.

    What it checks:
        Every phân cấp or ủy quyền grant whose giver holds the power (or part of it) only by an
        ủy quyền it received. Reported once, at the grant's giver (`from`).
    Why it matters:
        The authorized person "không được ủy quyền lại cho người khác" (Decree 30/2020/NĐ-CP
        Art. 13(3), partly verified); the parallel Law 63/2025 Art. 9(6) and provincial
        authorizations under Law 72/2025 repeat "không được ủy quyền tiếp" (LEGAL-TEXTS.md §2,
        partly verified; Law 72's own wording unverified).
    Example:
        ```tthc
        grant uq_pho_chu_tich {
          power "ho-tich"  from commune.people_committee  to commune.vice_chairman
          mode authorization  basis qd-uq-2025-01  until 2026-12-31  resources "Công chức hộ tịch"
        }
        grant uq_cong_chuc {
          power "ho-tich"  from commune.vice_chairman  to commune.civil_status_officer
          mode authorization  basis qd-uq-2025-01  until 2026-12-31
        }
        ```
    Use instead:
        ```tthc
        grant uq_pho_chu_tich {
          power "ho-tich"  from commune.people_committee  to commune.vice_chairman
          mode authorization  basis qd-uq-2025-01  until 2026-12-31  resources "Công chức hộ tịch"
        }
        grant uq_cong_chuc {
          power "ho-tich"  from commune.people_committee  to commune.civil_status_officer
          mode authorization  basis qd-uq-2025-01  until 2026-12-31
        }
        ```
    """
    for flaw, steps in _flaws(context, "TT203"):
        yield _also(_onward(context.model, flaw, "ủy quyền", "authorization"), steps)


def delegation_not_downward(context: ProjectContext) -> Iterator[Finding]:
    """A delegation goes to the same or a higher level, or to the abolished district level.

    What it checks:
        Every grant with a giver: the receiver must be at a lower level than the giver (central,
        province, district, commune), or at the same level and inside the giver's apparatus (not
        a collective body, and not a body the giver itself belongs to through `of`: a People's
        Committee may give to its Chairman or its divisions, a Chairman to an official, but not
        to the Committee). A grant to a district-level receiver must end by the last day of that
        level (`until`, at the latest `Settings.district_level_ends`). Reported at the receiver
        (`to`).
    Why it matters:
        Phân cấp and ủy quyền go from a superior to a lower body or to bodies under the giver
        (Law 72/2025/QH15 Arts. 13(1), 14(1), partly verified, LEGAL-TEXTS.md §2); the district
        level was dissolved on 1 July 2025 (BRIEF.md §1.1, verified).
    Example:
        ```tthc
        grant ho_tich_so {
          power "ho-tich"  from commune.people_committee  to province.department.justice
          mode decentralization  basis nd-120-2025 art 4
        }
        ```
    Use instead:
        ```tthc
        grant ho_tich_pho_chu_tich {
          power "ho-tich"  from commune.people_committee  to commune.vice_chairman
          mode decentralization  basis nd-120-2025 art 4  resources "Công chức hộ tịch"
        }
        ```
    """
    model, ends = context.model, day(context.settings.district_level_ends)
    for flaw, steps in _flaws(context, "TT204"):
        grant = flaw.grant
        giver, receiver, _ = _names(model, grant)
        if flaw.detail == "abolished":
            message = Message(
                vi=f"Giao quyền “{grant.id.value}” cho {receiver.vi}, thuộc cấp huyện đã kết thúc "
                f"hoạt động sau ngày {ends.vi}, mà không kết thúc cùng cấp huyện",
                en=f"The grant '{grant.id.value}' gives to {receiver.en}, at the district level "
                f"that ended on {ends.en}, and does not end with it",
            )
            help = Message(
                vi=f"Giao cho chủ thể cấp xã hoặc cấp tỉnh (và khai báo `transfer`), hoặc ghi "
                f"`until {context.settings.district_level_ends}` cho giao quyền trước cải cách",
                en="Give the power to a commune- or province-level authority (and declare the "
                f"`transfer`), or write `until {context.settings.district_level_ends}` for a "
                "grant from before the reform",
            )
        else:
            levels = [model.authority(n) for n in (grant.giver, grant.receiver)]
            at = [
                Message(vi=LEVEL_VI[a.level.value], en=LEVEL_EN[a.level.value])
                if a is not None and a.level is not None
                else Message(vi="?", en="?")
                for a in levels
            ]
            where = (
                Message(vi="cấp cao hơn", en="a higher level")
                if flaw.detail == "upward"
                else Message(
                    vi="cùng cấp, không trực thuộc bên giao", en="the same level, outside the giver"
                )
            )
            message = Message(
                vi=f"Giao quyền “{grant.id.value}” đi từ {giver.vi} ({at[0].vi}) đến {receiver.vi} "
                f"({at[1].vi}): {where.vi}",
                en=f"The grant '{grant.id.value}' goes from {giver.en} ({at[0].en}) to "
                f"{receiver.en} ({at[1].en}): {where.en}",
            )
            help = Message(
                vi="Phân cấp, ủy quyền chỉ giao cho cấp dưới hoặc cho cơ quan, người thuộc bên "
                "giao; nếu cấp trên phải giải quyết, khai báo căn cứ giao thẩm quyền cho cấp trên",
                en="Phân cấp and ủy quyền go to a lower level or to a body or person under the "
                "giver; if the higher level must decide, declare the grant that gives it the power",
            )
        yield _also(Finding(flaw.span, message, help), steps)


def instrument_cannot_delegate(context: ProjectContext) -> Iterator[Finding]:
    """The instrument kind cannot carry this delegation.

    What it checks:
        Every grant's `basis`: a phân quyền (`devolution`) needs a law or a National Assembly
        resolution; a phân cấp (`decentralization`) needs a normative document (law,
        resolution, decree, circular, decision, local_resolution), not a dispatch or an
        individual act; an ủy quyền needs any written act (TT202 reports one with none). And a
        grant whose giver holds nothing of the power cannot re-allocate, by a lower-ranked
        instrument, a power that a higher-ranked instrument gives to someone else (e.g. a commune
        decision handing on a power a decree gives to the province). Reported at the citation.
    Why it matters:
        Law 72/2025/QH15 Art. 12: phân quyền "phải được quy định trong luật, nghị quyết của Quốc
        hội"; Art. 13: phân cấp by a "văn bản quy phạm pháp luật"; Art. 14(2)(a): ủy quyền "bằng
        văn bản" (LEGAL-TEXTS.md §2, partly verified). A lower document cannot set aside a
        higher one (Law on Promulgation of Legal Documents).
    Example:
        ```tthc
        grant chung_thuc_xa {
          power "chung-thuc"  from national_assembly  to commune.people_committee  mode devolution
          basis nd-120-2025 art 4
        }
        ```
    Use instead:
        ```tthc
        grant chung_thuc_xa {
          power "chung-thuc"  from national_assembly  to commune.people_committee  mode devolution
          basis luat-tccqdp-2025 art 12
        }
        ```
    """
    model = context.model
    for flaw, steps in _flaws(context, "TT205"):
        grant = flaw.grant
        giver, _, mode = _names(model, grant)
        if flaw.detail == "no-carrier":
            message = Message(
                vi=f"{mode.vi.capitalize()} “{grant.id.value}” không nêu văn bản nào làm căn cứ",
                en=f"The {grant.mode.value} '{grant.id.value}' cites no instrument",
            )
        elif flaw.detail == "wrong-kind":
            kinds = [i for c in grant.basis if (i := model.instrument(c)) is not None]
            name = instrument_name(kinds[0]) if kinds else Message(vi="?", en="?")
            message = Message(
                vi=f"{name.vi} không đủ để {mode.vi} (“{grant.id.value}”)",
                en=f"{name.en} cannot carry the {grant.mode.value} '{grant.id.value}'",
            )
        else:
            other = flaw.witness
            holder = who(model, other.receiver.value) if other else giver
            message = Message(
                vi=f"{giver.vi} không có thẩm quyền “{grant.power.value}”, và văn bản của giao "
                f"quyền “{grant.id.value}” thấp hơn văn bản đã giao thẩm quyền này cho "
                f"{holder.vi}",
                en=f"{giver.en} holds no '{grant.power.value}', and the instrument of grant "
                f"'{grant.id.value}' ranks below the one that gives this power to {holder.en}",
            )
        finding = Finding(
            flaw.span,
            message,
            Message(
                vi="Phân quyền phải bằng luật, nghị quyết của Quốc hội; phân cấp bằng văn bản quy "
                "phạm pháp luật; ủy quyền bằng văn bản của bên ủy quyền, và chỉ về thẩm quyền "
                "bên đó đang có",
                en="Devolution needs a law or National Assembly resolution; decentralization a "
                "normative document; authorization a written act of the giver, and only of a "
                "power the giver holds",
            ),
            _witness(flaw.witness, "Giao bởi văn bản cao hơn", "Given by a higher instrument")
            if flaw.witness
            else (),
        )
        yield _also(finding, steps)


def move_without_instrument(context: ProcedureContext) -> Iterator[Finding]:
    """A procedure marked as moved from another level cites no instrument that moved it.

    What it checks:
        A procedure with a `moved { from ... }` block must cite, inside it, the instrument that
        moved it (`basis`, e.g. the sector decree of June 2025 and its article). The help names
        the instrument of the registry's `transfer` for the procedure's power when there is one.
    Why it matters:
        The 2025 reform moved 278 district procedures to communes and 18 to provinces by the
        sectoral decrees of June 2025 (Official Dispatch 90/CĐ-TTg; e.g. Decree 120/2025 Art. 4
        for civil status; BRIEF.md §1.2, §6, verified). The authority of the new level rests on
        that instrument; without it the move cannot be checked, nor dated.
    Example:
        ```tthc
        procedure "2.000806" "Đăng ký kết hôn có yếu tố nước ngoài" {
          field "Hộ tịch"  level commune  effective 2025-07-01
          power "ho-tich.yeu-to-nuoc-ngoai.ket-hon"
          moved { from district }
          basis luat-ho-tich-2014 art 37
          channels direct  deadline 5 working_days  result "Giấy chứng nhận kết hôn"
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 1 working_days
            ky decision "Ký Giấy chứng nhận kết hôn" by commune.chairman takes 1 working_days
              basis luat-ho-tich-2014 art 37
            tra result "Trả kết quả" by commune.one_stop takes 1 working_days
          }
          flow { start -> tiep_nhan -> ky -> tra -> end }
        }
        ```
    Use instead:
        ```tthc
        procedure "2.000806" "Đăng ký kết hôn có yếu tố nước ngoài" {
          field "Hộ tịch"  level commune  effective 2025-07-01
          power "ho-tich.yeu-to-nuoc-ngoai.ket-hon"
          moved { from district  basis nd-120-2025 art 4 }
          basis luat-ho-tich-2014 art 37
          channels direct  deadline 5 working_days  result "Giấy chứng nhận kết hôn"
          steps {
            tiep_nhan reception "Tiếp nhận hồ sơ" by commune.one_stop takes 1 working_days
            ky decision "Ký Giấy chứng nhận kết hôn" by commune.chairman takes 1 working_days
              basis luat-ho-tich-2014 art 37
            tra result "Trả kết quả" by commune.one_stop takes 1 working_days
          }
          flow { start -> tiep_nhan -> ky -> tra -> end }
        }
        ```
    """
    node = context.procedure.node
    if node.moved is None or node.moved.basis:
        return
    level = node.moved.level.value
    power = node.power.value if node.power else None
    transfers = [
        t
        for t in context.model.transfers.values()
        if power and t.basis and overlaps(t.power.value, power)
    ]
    cited = ", ".join(citation(c).en for c in transfers[0].basis) if transfers else ""
    example = cited or "nd-120-2025 art 4"
    yield Finding(
        node.moved.span,
        Message(
            vi=f"Thủ tục “{node.name}” được chuyển từ {LEVEL_VI[level]} nhưng không nêu văn bản "
            "chuyển giao",
            en=f"The procedure '{node.name}' moved from the {LEVEL_EN[level]} but cites no "
            "instrument that moved it",
        ),
        Message(
            vi=f"Thêm `basis` trong khối `moved`, ví dụ `moved {{ from {level} basis {example} }}`",
            en=f"Add a `basis` inside `moved`, e.g. `moved {{ from {level} basis {example} }}`",
        ),
        _witness(transfers[0], "Chuyển giao trong sổ đăng ký", "The registry's transfer")
        if transfers
        else (),
    )


def delegation_cycle(context: ProjectContext) -> Iterator[Finding]:
    """A chain of grants comes back to where it started.

    What it checks:
        Grants are arrows from giver to receiver, for a power; a chain follows arrows whose
        powers overlap (the power passed on narrows to the more specific of the two). A chain
        that comes back to its first giver is a cycle. Each cycle is reported once, at the
        first of its grants in declaration order, with the others as witnesses.
    Why it matters:
        Phân cấp and ủy quyền go from the holder downward (Law 72/2025/QH15 Arts. 13, 14,
        partly verified); in a cycle no one is the original holder, and the receiver answers to
        itself, which the responsibility of giver and receiver (Art. 13; BRIEF.md §2.2) excludes.
    Example:
        ```tthc
        grant chung_thuc_chu_tich {
          power "chung-thuc"  from national_assembly  to commune.chairman  mode devolution
          basis luat-tccqdp-2025 art 12
        }
        grant chung_thuc_pho {
          power "chung-thuc"  from national_assembly  to commune.vice_chairman  mode devolution
          basis luat-tccqdp-2025 art 12
        }
        grant uq_di {
          power "chung-thuc"  from commune.chairman  to commune.vice_chairman  mode authorization
          basis qd-uq-2025-01  until 2026-12-31  resources "Công chức tư pháp"
        }
        grant uq_ve {
          power "chung-thuc"  from commune.vice_chairman  to commune.chairman  mode authorization
          basis qd-uq-2025-01  until 2026-12-31  resources "Công chức tư pháp"
        }
        ```
    Use instead:
        ```tthc
        grant chung_thuc_chu_tich {
          power "chung-thuc"  from national_assembly  to commune.chairman  mode devolution
          basis luat-tccqdp-2025 art 12
        }
        grant uq_di {
          power "chung-thuc"  from commune.chairman  to commune.vice_chairman  mode authorization
          basis qd-uq-2025-01  until 2026-12-31  resources "Công chức tư pháp"
        }
        ```
    """
    model = context.model
    seen: set[frozenset[str]] = set()
    for first in model.grants.values():
        cycle = _back_to_giver(model, first)
        key = frozenset(g.id.value for g in cycle)
        if not cycle or key in seen:
            continue
        seen.add(key)
        names = " → ".join(
            [first.giver.value if first.giver else ""] + [g.receiver.value for g in cycle]
        )
        yield Finding(
            first.id.span,
            Message(
                vi=f"Chuỗi giao quyền “{first.power.value}” khép vòng: {names}",
                en=f"The chain of grants of '{first.power.value}' is a cycle: {names}",
            ),
            Message(
                vi="Bỏ một mắt xích để thẩm quyền đi một chiều, từ chủ thể được luật giao xuống "
                "bên nhận",
                en="Remove a link so that the power flows one way, from its holder by law down "
                "to the receivers",
            ),
            tuple(
                Related(
                    span=g.id.span,
                    message=Message(vi="Mắt xích của vòng", en="A link of the cycle"),
                )
                for g in cycle[1:]
            ),
        )


def _back_to_giver(model: Model, first: ast.Grant) -> list[ast.Grant]:
    """The grants of a cycle starting with `first`, or `[]` when none comes back to its giver."""
    if first.giver is None:
        return []
    start = first.giver.value
    stack: list[tuple[str, str, list[ast.Grant]]] = [
        (first.receiver.value, first.power.value, [first])
    ]
    visited: set[tuple[str, str]] = set()
    while stack:
        holder, power, path = stack.pop()
        if holder == start:
            return path
        if (holder, power) in visited:
            continue
        visited.add((holder, power))
        for grant in reversed(model.grants_from(holder)):
            if overlaps(grant.power.value, power):
                narrower = max(grant.power.value, power, key=lambda p: p.count("."))
                stack.append((grant.receiver.value, narrower, [*path, grant]))
    return []


def delegation_without_resources(context: ProjectContext) -> Iterator[Finding]:
    """A delegation's receiver has no staff or resources declared for it.

    What it checks:
        Every phân cấp and ủy quyền grant: either its receiver declares its staff (`staff`, more
        than zero) or the grant states the conditions given with it (`resources`: funding,
        staff, equipment). Reported at the receiver (`to`). A warning. Grants that ended with
        the district level (`until` on or before `Settings.district_level_ends`) are history and
        are not judged.
    Why it matters:
        The giver "must ensure finance, human resources and other conditions" for the task it
        decentralises (Law on Organisation of Local Government 2015 Art. 13, verified; BRIEF.md
        §2.2), and bodies given a superior's tasks "must be guaranteed the necessary
        conditions" (2025 law Art. 11(2), verified; BRIEF.md §2.1). Communes merged from several
        had only a few receiving staff in 2025 (BRIEF.md §7, verified).
    Example:
        ```tthc
        grant ho_tich_pho_chu_tich {
          power "ho-tich"  from commune.people_committee  to commune.vice_chairman
          mode decentralization  basis nd-120-2025 art 4
        }
        ```
    Use instead:
        ```tthc
        grant ho_tich_pho_chu_tich {
          power "ho-tich"  from commune.people_committee  to commune.vice_chairman
          mode decentralization  basis nd-120-2025 art 4  resources "Công chức hộ tịch"
        }
        ```
    """
    model = context.model
    for grant in model.grants.values():
        receiver = model.authority(grant.receiver)
        if grant.mode is Mode.DEVOLUTION or receiver is None or grant.resources:
            continue
        if grant.until is not None and grant.until <= context.settings.district_level_ends:
            continue
        if receiver.staff is not None and receiver.staff > 0:
            continue
        mode = MODE_VI[grant.mode]
        yield Finding(
            grant.receiver.span,
            Message(
                vi=f"{receiver.title} nhận {mode} “{grant.id.value}” nhưng không khai báo biên chế "
                "(`staff`), và giao quyền không nêu điều kiện thực hiện (`resources`)",
                en=f"{grant.receiver.value} receives the {grant.mode.value} '{grant.id.value}' "
                "but declares no staff (`staff`), and the grant states no resources (`resources`)",
            ),
            Message(
                vi="Khai báo `staff` của bên nhận, hoặc `resources` của giao quyền (kinh phí, nhân "
                "lực, điều kiện bảo đảm)",
                en="Declare the receiver's `staff`, or the grant's `resources` (funding, staff, "
                "conditions provided)",
            ),
        )


RULES: tuple[Rule, ...] = (
    Rule("TT201", "project", re_decentralization),
    Rule("TT202", "project", invalid_authorization),
    Rule("TT203", "project", re_authorization),
    Rule("TT204", "project", delegation_not_downward),
    Rule("TT205", "project", instrument_cannot_delegate),
    Rule("TT206", "procedure", move_without_instrument),
    Rule("TT207", "project", delegation_cycle),
    Rule("TT208", "project", delegation_without_resources),
)
