"""`tthc case submit|act|show|history|overdue|stats|verify` against a SQLite store: exit codes
and output, a refused command, a tampered trail found by `verify`."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from tthc.cli.main import main

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_a_case_by_hand(bundle_file: str, tmp_path: Path) -> None:
    store = str(tmp_path / "cases.db")
    common = ["--store", store, "--bundle", bundle_file, "--now", "2026-03-04T09:00"]
    officer = ["--officer", "o1", "--role", "commune.one_stop", "--province", "01"]
    code, out, _ = run(
        "case", "submit", *common, "--procedure", "1.001193", "--applicant", "name=An",
        "--province", "01", "--commune", "00004", "--document", "to_khai",
        "--document", "giay_chung_sinh", "--id", "HS-1",
    )  # fmt: skip
    assert code == 0
    assert json.loads(out)["open_steps"] == ["tiep_nhan"]
    code, out, _ = run(
        "case", "act", *common, "HS-1", "tiep_nhan", *officer, "--commune", "00004",
        "--outcome", "complete",
    )  # fmt: skip
    assert code == 0 and json.loads(out)["open_steps"] == ["kiem_tra"]
    code, _, err = run(
        "case", "act", *common, "--lang", "en", "HS-1", "kiem_tra", *officer,
        "--commune", "00004", "--outcome", "eligible",
    )  # fmt: skip
    assert code == 1 and err.startswith("wrong-role: ")
    code, out, _ = run("case", "show", "--store", store, "HS-1")
    assert code == 0 and json.loads(out)["version"] == 2
    code, out, _ = run("case", "history", "--store", store, "HS-1")
    assert [json.loads(line)["kind"] for line in out.splitlines()] == [
        "submitted",
        "step_done",
        "clock_started",
    ]
    code, out, _ = run("case", "overdue", "--store", store, "--now", "2026-03-06T09:00")
    [late] = [json.loads(line) for line in out.splitlines()]
    assert (late["case_id"], late["late_body"], late["days_late"]) == (
        "HS-1",
        "commune.civil_status_officer",
        2,
    )
    code, out, _ = run(
        "case", "stats", "--store", store, "--from", "2026-03-01", "--to", "2026-03-31",
        "--now", "2026-03-06T09:00",
    )  # fmt: skip
    assert json.loads(out) == {
        "procedure": "1.001193", "commune": "00004", "received": 1, "on_time": 0, "late": 0,
        "pending": 1, "overdue": 1,
    }  # fmt: skip
    code, out, _ = run("case", "verify", "--store", store, "--lang", "en")
    assert code == 0 and out.strip() == "1 case(s), 0 broken chains"
    with sqlite3.connect(store) as db:
        db.execute('UPDATE events SET data = \'{"step":"forged"}\' WHERE seq = 2')
    code, out, err = run("case", "verify", "--store", store, "--lang", "en", "HS-1")
    assert code == 1
    assert "HS-1: Event 2 was altered (its hash does not match)" in err


def test_a_damaged_bundle_is_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bundle.json"
    bad.write_text("{}", encoding="utf-8")
    code, _, err = run(
        "case", "submit", "--store", str(tmp_path / "c.db"), "--bundle", str(bad),
        "--procedure", "1.001193", "--province", "01", "--commune", "00004",
    )  # fmt: skip
    assert code == 2
    assert "Tệp không phải gói triển khai tthc" in err


def test_an_unknown_case(tmp_path: Path) -> None:
    assert run("case", "show", "--store", str(tmp_path / "c.db"), "nope")[0] == 1
