"""The registry's meaning (`tthc.compiler.analysis.competence`): who holds which power on which date, by
which chain of grants, and why not. Each test writes the small registry it needs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tthc.compiler import Model, load_project, resolve
from tthc.compiler.analysis.competence import Reason, competence, covers, grant_flaws, overlaps
from tthc.compiler.analysis.memo import Memo
from tthc.compiler.analysis.settings import Settings
from tthc.dsl import SourceFile, parse
from tthc.rules.engine.runner import run_rules
from tthc.rules.registry import BY_CODE

AUTHORITIES = """
authority national_assembly "Quốc hội" { level central kind collective }
authority government "Chính phủ" { level central kind collective }
authority province.people_committee "Ủy ban nhân dân cấp tỉnh" { level province kind collective }
authority province.department.justice "Sở Tư pháp" { level province kind unit of province.people_committee }
authority district.people_committee "Ủy ban nhân dân cấp huyện" { level district kind collective until 2025-06-30 }
authority district.chairman "Chủ tịch Ủy ban nhân dân cấp huyện" { level district kind person of district.people_committee }
authority commune.people_committee "Ủy ban nhân dân cấp xã" { level commune kind collective }
authority commune.chairman "Chủ tịch Ủy ban nhân dân cấp xã" { level commune kind person of commune.people_committee }
authority commune.vice_chairman "Phó Chủ tịch Ủy ban nhân dân cấp xã" { level commune kind person of commune.people_committee }
authority commune.officer "Công chức tư pháp - hộ tịch" { level commune kind person }
authority commune.economic_division "Phòng Kinh tế" { level commune kind unit of commune.people_committee }

instrument luat law "60/2014/QH13" { in_force 2016-01-01 }
instrument nd-cu decree "61/2018/NĐ-CP" { in_force 2018-06-21 }
instrument nd-moi decree "118/2025/NĐ-CP" { in_force 2025-07-01 replaces nd-cu }
instrument nd-120 decree "120/2025/NĐ-CP" { in_force 2025-07-01 until 2027-03-01 }
instrument qd-xa decision "01/2025/QĐ-UBND" { in_force 2025-07-01 }
instrument cv dispatch "9600/BXD-KTQLXD" { in_force 2025-09-08 }
instrument uq act "02/QĐ-UBND" { in_force 2025-07-01 }
"""
LAW = """
grant ho_tich_xa {
  power "ho-tich"  from national_assembly  to commune.people_committee  mode devolution  basis luat art 7
}
"""
CHAIRMAN = """
grant ho_tich_chu_tich {
  power "ho-tich"  from commune.people_committee  to commune.chairman  mode decentralization
  basis nd-120 art 4
}
"""
JULY = dt.date(2025, 7, 1)


def registry(*parts: str) -> Model:
    source = SourceFile.from_text("registry.tthc", AUTHORITIES + "".join(parts))
    document = parse(source).value
    assert document is not None
    outcome = resolve([document])
    assert outcome.diagnostics == [], outcome.diagnostics
    assert outcome.value is not None
    return outcome.value


def chain_of(model: Model, authority: str, power: str, on: dt.date | None = JULY) -> list[str]:
    return [link.id.value for link in competence(model, authority, power, on).chain]


# --- powers ---------------------------------------------------------------------------------


def test_a_power_covers_its_sub_powers_by_whole_segments() -> None:
    assert covers("ho-tich", "ho-tich")
    assert covers("ho-tich", "ho-tich.dang-ky-khai-sinh")
    assert not covers("ho-tich", "ho-tich-moi.dang-ky")
    assert not covers("ho-tich.dang-ky-khai-sinh", "ho-tich")
    assert overlaps("ho-tich.dang-ky-khai-sinh", "ho-tich")
    assert not overlaps("ho-tich.khai-sinh", "ho-tich.ket-hon")


# --- holding a power ------------------------------------------------------------------------


def test_a_direct_grant_by_law_makes_its_receiver_competent() -> None:
    answer = competence(registry(LAW), "commune.people_committee", "ho-tich", JULY)
    assert answer.competent and answer.reason is Reason.COMPETENT
    assert [link.id.value for link in answer.chain] == ["ho_tich_xa"]


def test_a_grant_of_a_field_covers_each_procedure_of_it() -> None:
    model = registry(LAW)
    assert competence(
        model, "commune.people_committee", "ho-tich.dang-ky-khai-sinh", JULY
    ).competent


def test_a_phan_cap_holds_through_the_chain_from_the_original_holder() -> None:
    assert chain_of(registry(LAW, CHAIRMAN), "commune.chairman", "ho-tich.khai-sinh") == [
        "ho_tich_xa",
        "ho_tich_chu_tich",
    ]


def test_a_grant_from_a_central_body_starts_a_chain() -> None:
    model = registry("""
        grant dat_dai {
          power "dat-dai"  from government  to commune.chairman  mode decentralization
          basis nd-120 art 5
        }
    """)
    assert chain_of(model, "commune.chairman", "dat-dai.giao-dat") == ["dat_dai"]


def test_the_shortest_lawful_chain_is_chosen() -> None:
    direct = """
        grant ho_tich_chu_tich_luat {
          power "ho-tich"  from national_assembly  to commune.chairman  mode devolution  basis luat
        }
    """
    assert chain_of(registry(LAW, CHAIRMAN, direct), "commune.chairman", "ho-tich") == [
        "ho_tich_chu_tich_luat"
    ]


def test_without_a_date_no_date_is_tested() -> None:
    expired = """
        grant ho_tich_cu {
          power "ho-tich"  from national_assembly  to district.people_committee  mode devolution
          basis luat  until 2025-06-30
        }
    """
    model = registry(expired)
    assert competence(model, "district.people_committee", "ho-tich", None).competent
    assert not competence(model, "district.people_committee", "ho-tich", JULY).competent


# --- not holding it, and why ----------------------------------------------------------------


def test_an_unknown_power_is_granted_to_no_one() -> None:
    answer = competence(registry(LAW), "commune.people_committee", "xay-dung.giay-phep", JULY)
    assert not answer.competent and answer.reason is Reason.NO_GRANT
    assert (
        answer.explanation.en
        == "No grant in the registry gives the power 'xay-dung.giay-phep' to anyone"
    )
    assert "không ghi thẩm quyền “xay-dung.giay-phep”" in answer.explanation.vi


def test_a_power_granted_to_another_authority_names_the_holder() -> None:
    answer = competence(registry(LAW), "commune.economic_division", "ho-tich", JULY)
    assert answer.reason is Reason.OTHER_HOLDER
    assert answer.holders == ("commune.people_committee",)
    assert answer.explanation.en == (
        "The registry records no grant of 'ho-tich' to commune.economic_division; it records it "
        "for commune.people_committee"
    )
    assert "sổ đăng ký ghi thẩm quyền này cho Ủy ban nhân dân cấp xã" in answer.explanation.vi


def test_a_grant_not_yet_in_force_does_not_hold() -> None:
    later = """
        grant ho_tich_xa_moi {
          power "ho-tich"  from national_assembly  to commune.people_committee  mode devolution
          basis luat  starts 2025-08-01
        }
    """
    answer = competence(registry(later), "commune.people_committee", "ho-tich", JULY)
    assert answer.reason is Reason.NOT_IN_FORCE
    assert "is in force only from 2025-08-01" in answer.explanation.en


def test_a_grant_whose_only_instrument_has_ended_does_not_hold() -> None:
    model = registry(LAW, CHAIRMAN)
    assert competence(model, "commune.chairman", "ho-tich", dt.date(2027, 3, 1)).competent
    answer = competence(model, "commune.chairman", "ho-tich", dt.date(2027, 3, 2))
    assert answer.reason is Reason.NOT_IN_FORCE
    assert "decree 120/2025/NĐ-CP ceased to be in force after 2027-03-01" in answer.explanation.en


def test_a_grant_holds_while_one_of_its_instruments_is_in_force() -> None:
    both = CHAIRMAN.replace("basis nd-120 art 4", "basis nd-120 art 4, luat art 16")
    assert competence(
        registry(LAW, both), "commune.chairman", "ho-tich", dt.date(2028, 1, 1)
    ).competent


def test_a_replaced_instrument_is_no_longer_in_force() -> None:
    old = """
        grant mot_cua {
          power "mot-cua"  from government  to commune.people_committee  mode decentralization
          basis nd-cu
        }
    """
    model = registry(old)
    assert competence(model, "commune.people_committee", "mot-cua", dt.date(2025, 6, 30)).competent
    answer = competence(model, "commune.people_committee", "mot-cua", JULY)
    assert answer.reason is Reason.NOT_IN_FORCE
    assert "is replaced by decree 118/2025/NĐ-CP since 2025-07-01" in answer.explanation.en


def test_a_giver_that_holds_nothing_gives_nothing() -> None:
    model = registry(
        LAW,
        """
        grant tu_phong {
          power "ho-tich"  from commune.economic_division  to commune.vice_chairman
          mode decentralization  basis luat art 13
        }
    """,
    )
    answer = competence(model, "commune.vice_chairman", "ho-tich", JULY)
    assert answer.reason is Reason.GIVER_NOT_COMPETENT
    assert (
        "but the giver does not hold it: The registry records no grant of 'ho-tich' to commune.economic_division"
        in (answer.explanation.en)
    )


# --- dates of authorities -------------------------------------------------------------------

DISTRICT = """
grant ho_tich_huyen {
  power "ho-tich.nuoc-ngoai"  from national_assembly  to district.people_committee  mode devolution
  basis luat art 7  until 2025-06-30
}
grant ho_tich_chu_tich_huyen {
  power "ho-tich.nuoc-ngoai"  from district.people_committee  to district.chairman
  mode decentralization  basis luat art 37  until 2025-06-30
}
"""


def test_a_district_authority_is_competent_until_the_reform_only() -> None:
    model = registry(DISTRICT)
    assert competence(
        model, "district.chairman", "ho-tich.nuoc-ngoai", dt.date(2025, 6, 30)
    ).competent
    answer = competence(model, "district.chairman", "ho-tich.nuoc-ngoai", JULY)
    assert answer.reason is Reason.AUTHORITY_NOT_VALID
    # district.chairman has no `until`: the end of the district level (Settings) applies.
    assert "district level, which ended on 2025-06-30" in answer.explanation.en


def test_the_end_of_the_district_level_is_a_setting() -> None:
    model = registry("""
        grant g {
          power "x"  from national_assembly  to district.chairman  mode devolution  basis luat
          until 2025-12-31
        }
    """)
    answer = competence(model, "district.chairman", "x", JULY)
    assert answer.reason is Reason.AUTHORITY_NOT_VALID
    later = Settings(district_level_ends=dt.date(2025, 12, 31))
    assert competence(model, "district.chairman", "x", JULY, later).competent


def test_a_transfer_makes_the_new_holder_competent_from_its_instrument() -> None:
    model = registry(
        DISTRICT,
        """
        transfer nuoc_ngoai_xa {
          power "ho-tich.nuoc-ngoai"  from district.people_committee  to commune.people_committee
          basis nd-120 art 4
        }
    """,
    )
    assert chain_of(model, "commune.people_committee", "ho-tich.nuoc-ngoai.ket-hon") == [
        "nuoc_ngoai_xa"
    ]
    before = competence(
        model, "commune.people_committee", "ho-tich.nuoc-ngoai", dt.date(2025, 6, 30)
    )
    assert before.reason is Reason.NOT_IN_FORCE


def test_a_transfer_without_an_instrument_has_no_date_of_effect() -> None:
    model = registry("""
        transfer nuoc_ngoai_xa {
          power "ho-tich.nuoc-ngoai"  from district.people_committee  to commune.people_committee
        }
    """)
    answer = competence(model, "commune.people_committee", "ho-tich.nuoc-ngoai", JULY)
    assert answer.reason is Reason.NOT_IN_FORCE
    assert "cites no instrument" in answer.explanation.en


# --- ủy quyền ---------------------------------------------------------------------------------

AUTHORIZATION = """
grant uq_pho {
  power "ho-tich"  from commune.people_committee  to commune.vice_chairman  mode authorization
  basis uq  until 2025-12-31
}
"""


def test_an_authorization_holds_within_its_term() -> None:
    model = registry(LAW, AUTHORIZATION)
    assert chain_of(model, "commune.vice_chairman", "ho-tich", dt.date(2025, 12, 31)) == [
        "ho_tich_xa",
        "uq_pho",
    ]


def test_an_expired_authorization_is_a_dated_flaw() -> None:
    answer = competence(
        registry(LAW, AUTHORIZATION), "commune.vice_chairman", "ho-tich", dt.date(2026, 1, 1)
    )
    assert answer.reason is Reason.ILLEGAL_LINK
    assert [(f.code, f.detail, f.dated) for f in answer.flaws] == [("TT202", "expired", True)]
    assert "(TT202)" in answer.explanation.en


def test_an_authorization_without_act_or_term_is_unlawful_whatever_the_date() -> None:
    model = registry(
        LAW,
        """
        grant uq_pho {
          power "ho-tich"  from commune.people_committee  to commune.vice_chairman  mode authorization
        }
    """,
    )
    answer = competence(model, "commune.vice_chairman", "ho-tich", None)
    assert [(f.code, f.detail, f.dated) for f in answer.flaws] == [
        ("TT202", "no-act-no-term", False)
    ]


def test_the_term_of_an_authorization_may_be_its_acts() -> None:
    model = registry(
        LAW,
        """
        grant uq_pho {
          power "ho-tich"  from commune.people_committee  to commune.vice_chairman  mode authorization
          basis nd-120
        }
    """,
    )
    assert competence(model, "commune.vice_chairman", "ho-tich", JULY).competent


# --- onward delegation ------------------------------------------------------------------------

ONWARD = """
grant ho_tich_pho {
  power "ho-tich.khai-sinh"  from commune.chairman  to commune.vice_chairman  mode decentralization
  basis qd-xa
}
"""


def test_a_receiver_of_phan_cap_may_not_pass_it_on_by_default() -> None:
    answer = competence(
        registry(LAW, CHAIRMAN, ONWARD), "commune.vice_chairman", "ho-tich.khai-sinh", JULY
    )
    assert answer.reason is Reason.ILLEGAL_LINK
    flaw = answer.flaws[0]
    assert (flaw.code, flaw.grant.id.value, flaw.witness and flaw.witness.id.value) == (
        "TT201",
        "ho_tich_pho",
        "ho_tich_chu_tich",
    )


def test_an_instrument_listed_in_the_settings_allows_onward_phan_cap() -> None:
    allowed = Settings(onward_delegation_allowed_by=frozenset({"nd-120"}))
    model = registry(LAW, CHAIRMAN, ONWARD)
    answer = competence(model, "commune.vice_chairman", "ho-tich.khai-sinh", JULY, allowed)
    assert answer.competent
    assert [link.id.value for link in answer.chain] == [
        "ho_tich_xa",
        "ho_tich_chu_tich",
        "ho_tich_pho",
    ]


def test_a_receiver_of_uy_quyen_may_not_authorize_again() -> None:
    model = registry(
        LAW,
        AUTHORIZATION,
        """
        grant uq_cong_chuc {
          power "ho-tich"  from commune.vice_chairman  to commune.officer  mode authorization
          basis uq  until 2025-12-31
        }
    """,
    )
    answer = competence(model, "commune.officer", "ho-tich", JULY)
    assert [f.code for f in answer.flaws] == ["TT203"]


def test_a_cycle_of_grants_gives_no_one_the_power() -> None:
    model = registry("""
        grant di { power "x" from commune.chairman to commune.vice_chairman mode authorization basis uq until 2026-01-01 }
        grant ve { power "x" from commune.vice_chairman to commune.chairman mode authorization basis uq until 2026-01-01 }
    """)
    answer = competence(model, "commune.chairman", "x", JULY)
    assert not answer.competent


# --- individual and collective (TT107) --------------------------------------------------------


def test_the_head_of_a_collective_does_not_hold_the_collectives_power() -> None:
    answer = competence(registry(LAW), "commune.chairman", "ho-tich", JULY)
    assert answer.reason is Reason.HEAD_OF_HOLDER and answer.holders == (
        "commune.people_committee",
    )
    assert "records the power 'ho-tich' for the collective body commune.people_committee" in (
        answer.explanation.en
    )


def test_a_collective_does_not_hold_the_power_of_its_head() -> None:
    model = registry("""
        grant dat_dai { power "dat-dai" from government to commune.chairman mode decentralization basis nd-120 art 5 }
    """)
    answer = competence(model, "commune.people_committee", "dat-dai", JULY)
    assert answer.reason is Reason.MEMBER_HOLDS and answer.holders == ("commune.chairman",)


# --- explanations -----------------------------------------------------------------------------


def test_the_explanation_reads_the_chain_in_both_languages() -> None:
    answer = competence(registry(LAW, CHAIRMAN), "commune.chairman", "ho-tich.khai-sinh", JULY)
    assert answer.explanation.en == (
        "commune.chairman is competent for 'ho-tich.khai-sinh' on 2025-07-01: national_assembly "
        "devolves it to commune.people_committee (grant 'ho_tich_xa', basis luat art 7); "
        "commune.people_committee decentralizes it to commune.chairman (grant 'ho_tich_chu_tich', "
        "basis nd-120 art 4)"
    )
    assert answer.explanation.vi == (
        "Chủ tịch Ủy ban nhân dân cấp xã có thẩm quyền “ho-tich.khai-sinh” vào ngày 01/07/2025: "
        "Quốc hội phân quyền cho Ủy ban nhân dân cấp xã (giao quyền “ho_tich_xa”, căn cứ luat "
        "Điều 7); Ủy ban nhân dân cấp xã phân cấp cho Chủ tịch Ủy ban nhân dân cấp xã (giao quyền "
        "“ho_tich_chu_tich”, căn cứ nd-120 Điều 4)"
    )


def test_an_unknown_authority_is_not_competent() -> None:
    assert competence(registry(LAW), "commune.nobody", "ho-tich").reason is Reason.UNKNOWN_AUTHORITY


# --- the lawfulness of one grant, date aside ------------------------------------------------


def flaws(model: Model, grant: str) -> list[tuple[str, str]]:
    return [(f.code, f.detail) for f in grant_flaws(model, model.grants[grant], Settings())]


@pytest.mark.parametrize(
    ("giver", "receiver", "expected"),
    [
        ("commune.people_committee", "commune.chairman", []),  # to its own head
        ("commune.people_committee", "commune.economic_division", []),  # to its own division
        ("commune.chairman", "commune.officer", []),  # to an official
        ("province.people_committee", "commune.people_committee", []),  # to a lower level
        ("commune.people_committee", "province.department.justice", [("TT204", "upward")]),
        ("commune.chairman", "commune.people_committee", [("TT204", "sideways")]),
        ("commune.economic_division", "commune.people_committee", [("TT204", "sideways")]),
        ("province.people_committee", "district.people_committee", [("TT204", "abolished")]),
    ],
)
def test_a_delegation_goes_downward(
    giver: str, receiver: str, expected: list[tuple[str, str]]
) -> None:
    model = registry(f"""
        grant goc {{ power "x" from national_assembly to {giver} mode devolution basis luat }}
        grant giao {{ power "x" from {giver} to {receiver} mode decentralization basis qd-xa }}
    """)
    assert flaws(model, "giao") == expected


def test_a_delegation_to_the_district_that_ended_with_it_is_history() -> None:
    model = registry("""
        grant goc { power "x" from national_assembly to province.people_committee mode devolution basis luat }
        grant cu { power "x" from province.people_committee to district.people_committee mode decentralization basis qd-xa until 2025-06-30 }
    """)
    assert flaws(model, "cu") == []


@pytest.mark.parametrize(
    ("mode", "basis", "expected"),
    [
        ("devolution", "luat", []),
        ("devolution", "nd-120", [("TT205", "wrong-kind")]),
        ("decentralization", "qd-xa", []),
        ("decentralization", "cv", [("TT205", "wrong-kind")]),
        ("decentralization", "uq", [("TT205", "wrong-kind")]),
        ("authorization", "cv until 2026-01-01", []),
    ],
)
def test_each_mode_needs_an_instrument_that_can_carry_it(
    mode: str, basis: str, expected: list[tuple[str, str]]
) -> None:
    model = registry(f"""
        grant g {{ power "x" from government to province.people_committee mode {mode} basis {basis} }}
    """)
    assert flaws(model, "g") == expected


def test_a_devolution_without_instrument_cannot_be_carried() -> None:
    model = registry(
        'grant g { power "x" from national_assembly to commune.people_committee mode devolution }'
    )
    assert flaws(model, "g") == [("TT205", "no-carrier")]


def test_a_lower_instrument_cannot_reallocate_what_a_higher_one_gave_to_another() -> None:
    model = registry("""
        grant dat_dai { power "dat-dai" from government to commune.chairman mode decentralization basis nd-120 art 5 }
        grant lay_lai { power "dat-dai.giao-dat" from commune.people_committee to commune.economic_division mode decentralization basis qd-xa }
    """)
    assert flaws(model, "lay_lai") == [("TT205", "outranked")]


# --- the rules on a project: one problem, one report ------------------------------------------


def test_the_onward_delegation_setting_reaches_the_rules() -> None:
    case = Path(__file__).parent / "cases" / "TT201_fail_chain.tthc"
    project = load_project([case], [Path(__file__).parent / "registry"])
    rules = [BY_CODE["TT101"], BY_CODE["TT201"]]
    assert [d.code for d in run_rules(project, rules)] == ["TT201"]
    allowed = Settings(onward_delegation_allowed_by=frozenset({"nd-120-2025"}))
    assert run_rules(project, rules, allowed) == []


def test_a_flawed_grant_is_reported_once_with_the_steps_that_rely_on_it() -> None:
    case = Path(__file__).parent / "cases" / "TT201_fail_chain.tthc"
    project = load_project([case], [Path(__file__).parent / "registry"])
    [finding] = run_rules(project, [BY_CODE["TT201"]])
    assert finding.span.line == 4
    relying = [r for r in finding.related if r.span.path == str(case)]
    lines = case.read_text(encoding="utf-8").splitlines()
    step = next(n for n, line in enumerate(lines, 1) if "decision" in line)
    assert [r.span.line for r in relying] == [step]
    assert relying[0].message.en == "Procedure 1.001193, step 'ky' relies on this grant"


def test_a_chain_never_names_its_own_asker_as_holding_the_power() -> None:
    """The vice-chairman asks through the economic division, which holds nothing: the
    division's answer names the other holders, never the vice-chairman whose chain it is."""
    model = registry(
        LAW,
        """
        grant tu_phong {
          power "ho-tich"  from commune.economic_division  to commune.vice_chairman
          mode decentralization  basis luat art 13
        }
    """,
    )
    answer = competence(model, "commune.vice_chairman", "ho-tich", JULY)
    assert answer.reason is Reason.GIVER_NOT_COMPETENT
    assert "records it for commune.people_committee" in answer.explanation.en
    assert "commune.vice_chairman" not in answer.explanation.en.split("records it for")[1]


# --- answers shared across the dates of one validity window ----------------------------------


def test_an_answer_shared_by_a_memo_is_the_answer_searched_on_its_own_date() -> None:
    """A memo keeps a competent answer for every date of its validity window (no date of the
    registry falls between them); asked day by day across every date the registry names, each
    answer, wording included, is the one a search on that date alone gives."""
    model = registry(LAW, CHAIRMAN, DISTRICT, AUTHORIZATION)
    memo, settings = Memo(), Settings()
    start = dt.date(2025, 6, 1)
    days = [start + dt.timedelta(days=n) for n in range(0, 700, 3)] + [
        dt.date(2025, 6, 30),
        dt.date(2025, 7, 1),
        dt.date(2025, 12, 31),
        dt.date(2026, 1, 1),
        dt.date(2027, 3, 1),
        dt.date(2027, 3, 2),
    ]
    asked = [
        ("commune.chairman", "ho-tich"),
        ("commune.vice_chairman", "ho-tich"),
        ("district.chairman", "ho-tich.nuoc-ngoai"),
        ("commune.people_committee", "ho-tich.khai-sinh"),
    ]
    shared_competent = 0
    for on in days:
        for authority, power in asked:
            shared = competence(model, authority, power, on, settings, memo)
            alone = competence(model, authority, power, on, settings)
            assert (shared.competent, shared.chain, shared.reason) == (
                alone.competent,
                alone.chain,
                alone.reason,
            )
            assert (shared.flaws, shared.holders) == (alone.flaws, alone.holders)
            assert shared.explanation == alone.explanation
            shared_competent += shared.competent
    assert 0 < shared_competent < len(days) * len(asked)
