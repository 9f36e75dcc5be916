"""A real published record with two deadline variants and one internal process (issue 11): the
commune land record TTHC-XA-06 of tests/importer/records/quy-trinh-noi-bo-dat-dai.json (its
source is cited in tests/importer/README.md), "30 ngày (không quá 45 ngày đối với vùng sâu,
xa)", whose seven steps add up to 33 days. The process always runs through its verification
step ("Thẩm tra xác minh; … Tổ chức họp hòa giải"), so the 30 days are tied to it: the
narrower variant is really exceeded and reported, naming the variant and the path."""

from __future__ import annotations

from pathlib import Path

from tthc.dsl import Diagnostic
from tthc.rules import Config, check_paths

RECORD = Path(__file__).resolve().parent / "records" / "xa-06"
PROCEDURE = RECORD / "hoa-giai-tranh-chap.tthc"


def _check(path: Path) -> list[Diagnostic]:
    _, diagnostics = check_paths([path], Config(), registry=[RECORD / "registry.tthc"])
    return diagnostics


def _line(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_narrower_variant_is_exceeded_and_reported() -> None:
    text = PROCEDURE.read_text(encoding="utf-8")
    found = _check(PROCEDURE)
    assert sorted((d.span.line, d.code) for d in found) == sorted(
        [
            (_line(text, 'procedure "1.000000"'), "TT607"),  # no code, no channels published
            (_line(text, "deadline     30 days"), "TT310"),  # no apology step published
            (_line(text, "deadline     30 days"), "TT501"),
        ]
    )
    [exceeded] = [d for d in found if d.code == "TT501"]
    assert "33 days, more than the deadline of 30 days" in exceeded.message.en
    assert "(through “Thẩm tra xác minh;" in exceeded.message.en
    assert "33 ngày, vượt thời hạn giải quyết 30 ngày" in exceeded.message.vi
    assert "(qua “Thẩm tra xác minh;" in exceeded.message.vi
    assert "“Tiếp nhận hồ sơ” (1 ngày) → “Tham mưu Thông báo" in exceeded.message.vi


def test_the_wider_variant_holds_the_same_process() -> None:
    text = PROCEDURE.read_text(encoding="utf-8")
    found = [d for d in _check(PROCEDURE) if d.code == "TT501"]
    assert [d.span.line for d in found] == [_line(text, "deadline     30 days")]


def test_untied_the_plain_deadline_keeps_its_documented_meaning(tmp_path: Path) -> None:
    # Without the tie the plain deadline binds only the paths that avoid verification, and this
    # process has none: the 45 days of the remote-area variant are all that is checked.
    untied = tmp_path / PROCEDURE.name
    text = PROCEDURE.read_text(encoding="utf-8").replace("30 days through b4", "30 days")
    untied.write_text(text, encoding="utf-8")
    assert [d.code for d in _check(untied) if d.code == "TT501"] == []


def test_within_the_narrower_promise_the_record_passes(tmp_path: Path) -> None:
    shorter = tmp_path / PROCEDURE.name
    text = PROCEDURE.read_text(encoding="utf-8").replace("takes 22 days", "takes 19 days")
    shorter.write_text(text, encoding="utf-8")
    assert [d.code for d in _check(shorter) if d.code == "TT501"] == []
