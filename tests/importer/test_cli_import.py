"""`tthc import` from the command line: the report, its JSON form and the exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tthc.cli.main import main

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CSV = [
    str(HERE / "records" / "csv" / "ho-so.csv"),
    str(HERE / "records" / "csv" / "quy-trinh-noi-bo.csv"),
]
REGISTRY = str(ROOT / "procedures" / "registry")


def test_imports_checks_and_reports(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = CliRunner().invoke(
        main, ["import", *CSV, "-o", str(out), "--registry", REGISTRY, "--lang", "en"]
    )
    assert run.exit_code == 1  # the drafts have errors (TT501 among them)
    assert sorted(p.name for p in out.glob("*.tthc")) == ["tthc-tinh-09.tthc", "tthc-xa-06.tthc"]
    assert "TT501 error" in run.output
    assert run.output.endswith(
        "2 records; 2 imported with no human decision; 0 unreadable time strings; "
        "2 drafts with errors when checked.\n"
    )


def test_the_json_report(tmp_path: Path) -> None:
    run = CliRunner().invoke(
        main, ["import", *CSV, "-o", str(tmp_path), "--registry", REGISTRY, "--format", "json"]
    )
    data = json.loads(run.output)
    assert (data["records"], data["automatic"], data["unreadable"]) == (2, 2, [])
    assert {f["code"] for f in data["reports"][1]["findings"]} >= {"TT501"}


def test_a_missing_input_is_exit_2(tmp_path: Path) -> None:
    run = CliRunner().invoke(main, ["import", str(tmp_path / "none.json"), "-o", str(tmp_path)])
    assert run.exit_code == 2


def test_the_report_is_the_same_whatever_the_jobs_of_the_check(tmp_path: Path) -> None:
    reports = []
    for jobs in ("1", "2"):
        out = tmp_path / jobs
        command = ["import", *CSV, "-o", str(out), "--registry", REGISTRY, "--format", "json"]
        run = CliRunner().invoke(main, [*command, "--jobs", jobs])
        assert run.exit_code == 1, run.output
        reports.append(json.loads(run.output.replace(str(out), "OUT")))
    assert reports[0] == reports[1]
    assert CliRunner().invoke(main, ["import", *CSV, "-o", str(tmp_path), "-j", "0"]).exit_code == 2
