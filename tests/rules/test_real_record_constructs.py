"""A real published record encoded faithfully with the constructs it needs (issue 11): the
commune land record TTHC-XA-03 of tests/importer/records/quy-trinh-noi-bo-dat-dai.json (its
source is cited in tests/importer/README.md): several receiving units, "phối hợp Chi nhánh
VPĐKĐĐ", "Lãnh đạo Cơ quan chuyên môn", "05 ngày (15 ngày đối với vùng khó khăn)" and a phase
"Thẩm định (03 ngày)". Its real faults are reported (the phase's steps take 3.5 days, the tax
office's step has no time, no apology step is published) and nothing else."""

from __future__ import annotations

from pathlib import Path

from tthc.rules import Config, check_paths

RECORD = Path(__file__).resolve().parent / "records" / "xa-03"
PROCEDURE = RECORD / "dieu-chinh-giao-dat.tthc"


def _found(path: Path) -> list[tuple[int, str]]:
    _, diagnostics = check_paths([path], Config(), registry=[RECORD / "registry.tthc"])
    return sorted((d.span.line, d.code) for d in diagnostics)


def _line(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_faithful_encoding_gets_its_real_faults_and_no_other() -> None:
    text = PROCEDURE.read_text(encoding="utf-8")
    assert _found(PROCEDURE) == sorted(
        [
            (_line(text, "deadline     5 days"), "TT310"),
            (_line(text, "gd1_b6  review"), "TT502"),
            (_line(text, "budget 3 days"), "TT505"),
        ]
    )


def test_with_the_phase_budget_the_steps_take_the_phase_passes(tmp_path: Path) -> None:
    text = PROCEDURE.read_text(encoding="utf-8").replace("budget 3 days", "budget 3.5 days")
    fixed = tmp_path / PROCEDURE.name
    fixed.write_text(text, encoding="utf-8")
    assert [code for _, code in _found(fixed)] == ["TT310", "TT502"]
