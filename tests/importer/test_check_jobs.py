"""The import's check on several cores (`check_import(..., jobs=)`, `tthc import --jobs`)
reports what the check in one process reports: the same diagnostics, each attached to the same
record. The set is the real records of tests/importer/records (README.md there cites them),
four copies of each with their own ids: enough drafts for the check to fork its workers."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from tthc.compiler.importer import import_files
from tthc.rules.engine.importing import check_import
from tthc.rules.engine.repository import PARALLEL_MIN

ROOT = Path(__file__).resolve().parents[2]
RECORDS = Path(__file__).resolve().parent / "records" / "quy-trinh-noi-bo-dat-dai.json"
REGISTRY = [ROOT / "procedures" / "registry"]


def _copies(folder: Path, times: int) -> Path:
    data = json.loads(RECORDS.read_text(encoding="utf-8"))
    records = []
    for n in range(times):
        for record in data["records"]:
            made = copy.deepcopy(record)
            made["id"] = f"{made['id']}-{n}"
            records.append(made)
    data["records"] = records
    path = folder / "records.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_two_jobs_report_what_one_reports(tmp_path: Path) -> None:
    source = _copies(tmp_path, 4)
    runs = {}
    for jobs in (1, 2):
        result = import_files([source], None, REGISTRY)
        assert len(result.drafts) >= PARALLEL_MIN  # the check forks its workers
        diagnostics = check_import(result, tmp_path / f"out-{jobs}", REGISTRY, jobs=jobs)
        per_record = {
            r.key: [(d.code, d.span.line, d.span.column, d.message) for d in r.findings]
            for r in result.summary.reports
        }
        everything = [(Path(d.span.path).name, d.code, d.span.line) for d in diagnostics]
        runs[jobs] = (per_record, everything)
    assert runs[1][0] and any(runs[1][0].values())  # findings there are, to compare
    assert runs[2] == runs[1]
