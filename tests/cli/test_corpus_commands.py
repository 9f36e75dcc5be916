"""`tthc migrate`, `tthc diff` and `tthc report` on the real corpus: exit codes, formats, and
the draft of a migration that `tthc check` then reads."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from click.testing import CliRunner

from tthc.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
PROCEDURES = ROOT / "procedures"
OLD_PERMIT = PROCEDURES / "xay-dung" / "cap-giay-phep-xay-dung-nha-o-rieng-le-truoc-2025-07-01.tthc"
OLD_GUARDIAN = PROCEDURES / "ho-tich" / "dang-ky-giam-ho-co-yeu-to-nuoc-ngoai-cap-huyen.tthc"
NEW_GUARDIAN = PROCEDURES / "ho-tich" / "dang-ky-giam-ho-co-yeu-to-nuoc-ngoai.tthc"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_migrate_reports_a_step_whose_actor_disappears_and_exits_1(tmp_path: Path) -> None:
    draft = tmp_path / "draft.tthc"
    code, _, err = invoke("migrate", str(OLD_PERMIT), "-o", str(draft))
    assert code == 1
    assert "OPEN step.actor [tham_dinh]" in err
    assert "TAKEN step.actor [cap]: district.people_committee → commune.people_committee" in err
    text = draft.read_text(encoding="utf-8")
    assert "level        commune" in text and "effective    2025-07-01" in text
    # The draft is a normal source file: `tthc check` reads it and points at what is left.
    code, out, _ = invoke("check", str(draft), str(PROCEDURES / "registry"), "--format", "concise")
    assert code == 1
    assert out.count("TT102") == 3  # the three steps of the construction division


def test_migrate_with_every_actor_transferred_exits_0_in_json() -> None:
    code, out, _ = invoke("migrate", str(OLD_GUARDIAN), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["draft"].startswith("# Bản nháp do `tthc migrate` tạo")
    assert {d["status"] for d in data["decisions"]} == {"taken", "check"}


def test_migrate_refuses_a_commune_procedure() -> None:
    code, out, err = invoke("migrate", str(NEW_GUARDIAN))
    assert code == 2 and out == ""
    assert "not at district level" in err


def test_diff_text_markdown_json_and_exit_codes() -> None:
    code, out, _ = invoke("diff", str(OLD_GUARDIAN), str(NEW_GUARDIAN))
    assert code == 1
    assert "level: district → commune" in out
    code, out, _ = invoke("diff", str(OLD_GUARDIAN), str(NEW_GUARDIAN), "--format", "markdown")
    assert "| step.actor | ky | district.chairman | commune.chairman |" in out
    code, out, _ = invoke("diff", str(OLD_GUARDIAN), str(NEW_GUARDIAN), "--format", "json")
    changes = json.loads(out)["changes"]
    assert {"aspect": "deadline", "item": "", "before": None, "after": None} not in changes
    assert any(c["aspect"] == "basis" and c["after"] == "nd-120-2025 art 4" for c in changes)
    code, out, _ = invoke("diff", str(NEW_GUARDIAN), str(NEW_GUARDIAN))
    assert code == 0 and out.startswith("Không có thay đổi / No changes")


def test_diff_of_an_unreadable_file_is_a_usage_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.tthc"
    broken.write_text('procedure "1.001193" {', encoding="utf-8")
    code, _, err = invoke("diff", str(broken), str(NEW_GUARDIAN))
    assert code == 2 and "no procedure read" in err


def test_report_counts_successors_and_moved_procedures() -> None:
    code, out, _ = invoke("report", str(PROCEDURES), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["findings"] == []
    assert all(d["successor"] for d in data["district_procedures"])
    moved = {m["code"]: m["status"] for m in data["moved_in_2025"] if m["code"]}
    assert moved["2.000806"] == "encoded" and moved["2.000756"] == "not yet"
    assert data["registry_marks"]["verified"] >= 1
    assert all(s["reason"] for s in data["silenced_with_reason"])
    code, out, _ = invoke("report", str(PROCEDURES), "--format", "markdown")
    assert "## Thủ tục cấp huyện chuyển năm 2025 / Moved in 2025" in out


def test_the_moved_table_holds_the_district_certification_procedures_with_their_sources() -> None:
    # Decree 23/2015 Art. 5(1): what the district Justice Division certified; the commune-level
    # list of Hà Tĩnh Decision 2873/QĐ-UBND (19/11/2025) gives the codes after the move.
    table = tomllib.loads((PROCEDURES / "chuyen-cap-2025.toml").read_text(encoding="utf-8"))
    rows = [r for r in table["procedures"] if r["field"] == "Chứng thực"]
    assert {r["code"] for r in rows} == {
        "2.000992",
        "2.001008",
        "2.000815",
        "2.000884",
        "2.001035",
        "2.001406",
    }
    assert all("2873/QĐ-UBND" in r["source"] and "Điều 5 khoản 1" in r["source"] for r in rows)
    _, out, _ = invoke("report", str(PROCEDURES), "--format", "json")
    moved = {m["code"]: m["status"] for m in json.loads(out)["moved_in_2025"] if m["code"]}
    assert moved["2.000815"] == "encoded" and moved["2.000992"] == "not yet"


def test_every_moved_row_says_how_far_it_can_be_trusted() -> None:
    # No annex of the June-2025 decrees was read in an official text: no row may claim `verified`,
    # and a row whose code came from third-party data stays `unverified`.
    table = tomllib.loads((PROCEDURES / "chuyen-cap-2025.toml").read_text(encoding="utf-8"))
    marks = {(r["field"], r["code"]): r["confidence"] for r in table["procedures"]}
    assert set(marks.values()) <= {"partial", "unverified"}
    assert marks[("Hộ kinh doanh", "1.001612")] == "unverified"
    assert marks[("Đất đai", "1.013978")] == "unverified"
    assert marks[("Hộ tịch", "2.000806")] == "partial"
