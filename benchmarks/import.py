"""Import speed: records per second through `tthc import` (read, map, write canonical drafts,
check them), on the real records of tests/importer/records repeated to a larger set.

Input: options (`--records N`, default 1000; `--json FILE` to keep the figures). Output: a
table of wall and CPU time for the import alone, the check alone and both, in records per
second (by wall and by CPU time: the machine is shared, so the CPU figure is the one that
says what one core does), beside the target of issue 11 (>= 500 records/s including the
check) and the load average; then, for every real record set the tests use, what issue 11
asks to show: the share imported with no human decision, the unreadable strings, the drafts
checked without a crash, and whether import -> fmt -> check is stable. The set is the
13 real records with internal processes (tests/importer/README.md), each copy given its own id
so that every draft is a file of its own; the check is `check_import` as `tthc import` runs it
(one process, the project's registry). No other tool imports these records, so the figure
printed beside the import is tthc's own check of the same drafts, measured in the same run.

    python benchmarks/import.py [--records 1000] [--json FILE]
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "tests" / "importer" / "records"
RECORDS = SETS / "quy-trinh-noi-bo-dat-dai.json"
# The real record sets of tests/importer (README.md there cites each source).
REAL_SETS = {
    "quy-trinh-noi-bo-dat-dai.json": [RECORDS],
    "dong-nai-2228.json": [SETS / "dong-nai-2228.json"],
    "csv/": [SETS / "csv" / "ho-so.csv", SETS / "csv" / "quy-trinh-noi-bo.csv"],
}
# Codes that would mean the importer wrote what tthc cannot read, or a check crashed.
CRASH_CODES = {"TT001", "TT002", "TT003", "TT004", "TT999"}
REGISTRY = [ROOT / "procedures" / "registry"]
TARGET = 500.0  # records per second, import and check together


def _records(count: int) -> dict[str, object]:
    data = json.loads(RECORDS.read_text(encoding="utf-8"))
    base = data["records"]
    out = []
    for n in range(count):
        record = copy.deepcopy(base[n % len(base)])
        record["id"] = f"{record['id']}-{n:05d}"
        out.append(record)
    return {"nguon": data["nguon"], "records": out}


def _timed(work: object) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    value = work()  # type: ignore[operator]
    return time.perf_counter() - wall, time.process_time() - cpu, value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--json", default=None)
    options = parser.parse_args()
    from tthc.compiler.importer import import_files
    from tthc.rules.engine.importing import check_import

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "records.json"
        source.write_text(json.dumps(_records(options.records), ensure_ascii=False), "utf-8")
        out = Path(folder) / "out"
        load = os.getloadavg()[0]
        i_wall, i_cpu, result = _timed(lambda: import_files([source], None, REGISTRY))
        c_wall, c_cpu, _ = _timed(lambda: check_import(result, out, REGISTRY))  # type: ignore[arg-type]
    n = options.records
    rows = [
        ("import (read, map, canonical drafts)", i_wall, i_cpu),
        ("check of the drafts (write + check_import)", c_wall, c_cpu),
        ("import + check", i_wall + c_wall, i_cpu + c_cpu),
    ]
    after = os.getloadavg()[0]
    print(f"tthc import: {n} records (13 real records repeated), one process")
    print(f"{'':44} {'wall s':>8} {'cpu s':>8} {'rec/s wall':>11} {'rec/s cpu':>10}")
    for name, wall, cpu in rows:
        print(f"{name:44} {wall:8.2f} {cpu:8.2f} {n / wall:11.0f} {n / max(cpu, 1e-9):10.0f}")
    total, by_cpu = n / (i_wall + c_wall), n / max(i_cpu + c_cpu, 1e-9)
    print(
        f"target (issue 11): >= {TARGET:.0f} records/s including the check, one core: "
        f"{by_cpu:.0f}/s by CPU time ({'met' if by_cpu >= TARGET else 'NOT met'}), "
        f"{total:.0f}/s by wall time ({'met' if total >= TARGET else 'NOT met'}); "
        f"load average {load:.2f} before, {after:.2f} after"
    )
    print()
    shown = _real_sets()
    if options.json:
        Path(options.json).write_text(
            json.dumps(
                {
                    "records": n,
                    "load": [load, after],
                    "rows": [dict(zip(("name", "wall_s", "cpu_s"), r, strict=True)) for r in rows],
                    "real_sets": shown,
                }
            ),
            "utf-8",
        )
    return 0


def _real_sets() -> list[dict[str, object]]:
    """What issue 11 asks `tthc import` to show on every real record set of the tests."""
    from tthc.compiler.importer import import_files
    from tthc.dsl import decode_source
    from tthc.dsl.printer.canonical import format_source
    from tthc.rules.engine.importing import check_import

    print("real record sets (tests/importer/README.md cites each source):")
    print(
        f"{'set':32} {'records':>7} {'no human decision':>18} {'unreadable':>10} "
        f"{'crashes':>7} {'import->fmt->check':>18}"
    )
    shown = []
    for name, files in REAL_SETS.items():
        with tempfile.TemporaryDirectory() as folder:
            result = import_files(files, None, REGISTRY)
            check_import(result, Path(folder), REGISTRY)
            summary = result.summary
            crashes = sum(any(d.code in CRASH_CODES for d in r.findings) for r in summary.reports)
            texts = [(d.name, d.text) for d in result.drafts]
            if result.registry:
                texts.append(("imported.tthc", result.registry))
            formatted = [format_source(decode_source(n, t.encode()).value) for n, t in texts]  # type: ignore[arg-type]
            again = import_files(files, None, REGISTRY)
            check_import(again, Path(folder) / "again", REGISTRY)
            findings = [[(d.code, d.span.line) for d in r.findings] for r in summary.reports]
            repeated = [[(d.code, d.span.line) for d in r.findings] for r in again.summary.reports]
            stable = (
                all(f.value == t for f, (_, t) in zip(formatted, texts, strict=True))
                and findings == repeated
            )
        records = len(summary.reports)
        share = f"{summary.automatic}/{records} ({100 * summary.automatic / records:.0f}%)"
        print(
            f"{name:32} {records:7} {share:>18} {len(summary.unreadable):10} {crashes:7} "
            f"{'stable' if stable else 'NOT stable':>18}"
        )
        for key, text in summary.unreadable:
            print(f"    unreadable in {key}: {' / '.join(text.splitlines())!r}")
        shown.append(
            {
                "set": name,
                "records": records,
                "automatic": summary.automatic,
                "unreadable": summary.unreadable,
                "crashes": crashes,
                "stable": stable,
            }
        )
    return shown


if __name__ == "__main__":
    sys.exit(main())
