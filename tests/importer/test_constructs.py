"""What real records say, written with the language's own constructs (issue 11): "Lãnh đạo X" as
`by head of x`, several receiving units as `by a or b`, "X phối hợp Y" as `coordinates y`, the
phases (giai đoạn) with their budgets, and the spellings of a unit as `aliases` of the authority
the import declares. Every record is real (tests/importer/README.md cites the sources); the
drafts are read back with the parser, so each test sees what a user's file says."""

from __future__ import annotations

from pathlib import Path

import pytest

from tthc.compiler.importer import ImportResult, Status, import_files
from tthc.dsl import ast, decode_source, parse
from tthc.rules.engine.importing import check_import

ROOT = Path(__file__).resolve().parents[2]
RECORDS = Path(__file__).resolve().parent / "records" / "quy-trinh-noi-bo-dat-dai.json"
REGISTRY = [ROOT / "procedures" / "registry"]


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[ImportResult, Path]:
    out = tmp_path_factory.mktemp("drafts")
    result = import_files([RECORDS], None, REGISTRY)
    check_import(result, out, REGISTRY)
    return result, out


def _procedure(result: ImportResult, key: str) -> ast.Procedure:
    draft = next(d for d in result.drafts if d.report.key == key)
    source = decode_source(draft.name, draft.text.encode("utf-8")).value
    assert source is not None
    document = parse(source).value
    assert document is not None
    (procedure,) = document.procedures
    return procedure


def _step(procedure: ast.Procedure, name: str) -> ast.Step:
    return next(s for s in procedure.steps if s.id.value == name)


def test_lanh_dao_of_a_unit_is_its_head(imported: tuple[ImportResult, Path]) -> None:
    # TTHC-TINH-04, "GĐ2 - Bước 3 | Phê duyệt | Lãnh đạo Chi nhánh Văn phòng Đăng ký đất đai"
    step = _step(_procedure(imported[0], "TTHC-TINH-04"), "gd2_b3")
    assert step.actor is not None and step.actor.value == "province.land_registry_branch"
    assert step.head
    # "Chủ tịch UBND tỉnh" is a title, not "Lãnh đạo" of a unit: no head
    assert not _step(_procedure(imported[0], "TTHC-TINH-04"), "gd1_b5").head


def test_every_receiving_unit_named_is_an_alternative(imported: tuple[ImportResult, Path]) -> None:
    # "Trung tâm Phục vụ HCC tỉnh; Trung tâm Phục vụ HCC xã, phường, đặc khu và các Điểm Tiếp
    # nhận và Trả kết quả": reception and the return of the result at either centre.
    procedure = _procedure(imported[0], "TTHC-TINH-04")
    for name in ("gd1_b1", "gd2_b5"):
        step = _step(procedure, name)
        assert step.actor is not None and step.actor.value == "province.one_stop"
        assert [a.value for a in step.alternatives] == ["commune.one_stop"]


def test_a_receiving_unit_that_is_not_a_one_stop_unit_is_reported(
    imported: tuple[ImportResult, Path],
) -> None:
    # TTHC-XA-06 receives at "Trung tâm Phục vụ HCC cấp xã hoặc Uỷ ban nhân dân xã, phường,
    # đặc khu": the people's committee is named as a place of reception (TT106).
    result, _ = imported
    draft = next(d for d in result.drafts if d.report.key == "TTHC-XA-06")
    step = _step(_procedure(result, "TTHC-XA-06"), "b1")
    assert [a.value for a in step.alternatives] == ["commune.people_committee"]
    assert [d.code for d in draft.report.findings if d.code == "TT106"] == ["TT106"]


def test_phoi_hop_is_a_coordination_on_the_step(imported: tuple[ImportResult, Path]) -> None:
    # "Phòng Quy hoạch, kế hoạch đất đai và Quản lý đo đạc, bản đồ, viễn thám phối hợp Văn
    # phòng ĐKĐĐ tỉnh"
    step = _step(_procedure(imported[0], "TTHC-TINH-04"), "gd1_b2")
    assert step.actor is not None
    assert step.actor.value == "province.department.agriculture_environment.planning_division"
    assert [(c.authority.value, c.duration) for c in step.coordinates] == [
        ("province.land_registry", None)
    ]
    assert step.counterpart is None  # `with` is the party a consultation asks, not this


def test_phases_carry_their_budgets_and_an_overrun_is_a_finding_on_the_phase(
    imported: tuple[ImportResult, Path],
) -> None:
    result, out = imported
    procedure = _procedure(result, "TTHC-TINH-04")
    phases = [
        (p.id.value, p.title, p.budget and (p.budget.amount, p.budget.unit.value), len(p.steps))
        for p in procedure.phases
    ]
    assert phases == [
        ("gd1", "Tiếp nhận và thẩm định", (4.5, "days"), 5),
        ("gd2", "Quyết định", (2, "days"), 5),
    ]
    draft = next(d for d in result.drafts if d.report.key == "TTHC-TINH-04")
    (overrun,) = [d for d in draft.report.findings if d.code == "TT505"]
    lines = (out / draft.name).read_text(encoding="utf-8").splitlines()
    line = lines[overrun.span.line - 1]  # the budget the steps overrun, on the phase's line
    assert line[overrun.span.column - 1 : overrun.span.end_column - 1] == "2 days"
    assert line[: overrun.span.column - 1].endswith("budget ")
    assert line.startswith('    gd2  "Quyết định"')


def test_a_phase_without_a_stated_time_has_no_budget_and_is_noted(
    imported: tuple[ImportResult, Path],
) -> None:
    # TTHC-TINH-02: "Giai đoạn 2: Tính tiền sử dụng đất (Tùy trường hợp)"
    result, _ = imported
    phase = _procedure(result, "TTHC-TINH-02").phases[1]
    assert (phase.title, phase.budget, len(phase.steps)) == ("Tính tiền sử dụng đất", None, 5)
    report = next(r for r in result.summary.reports if r.key == "TTHC-TINH-02")
    assert any(
        i.status is Status.NOT_STATED and i.text.endswith("(Tùy trường hợp)") for i in report.items
    )


def test_the_spellings_of_a_declared_unit_are_its_aliases(
    imported: tuple[ImportResult, Path],
) -> None:
    # "Lãnh đạo Phòng ĐK" and "Lãnh đạo phòng Đăng ký và Cấp giấy chứng nhận" name one division
    result, _ = imported
    source = decode_source("imported.tthc", result.registry.encode("utf-8")).value
    assert source is not None
    document = parse(source).value
    assert document is not None
    aliases = {a.id.value: a.aliases for a in document.authorities}
    assert aliases["province.land_registry.registration_division"] == ("Phòng ĐK",)
    assert aliases["province.department.agriculture_environment.planning_division"] == (
        "Phòng QH, KH đất đai",
    )
    assert aliases["commune.office"] == ("Văn phòng HĐND-UBND cấp xã",)
    codes = {d.code for d in result.drafts[0].report.findings}
    assert "TT004" not in codes  # no spelling names two authorities
