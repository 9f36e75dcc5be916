"""Import speed: records per second through `tthc import` (read, map, write canonical drafts,
check them), on the real records of tests/importer/records repeated to a larger set.

Input: options (`--records N`, default 1000; `--json FILE` to keep the figures). Output: for
the check on one core and on two (`check_import(..., jobs=)`, as `tthc import --jobs`), a
table of wall and CPU time for the import alone, the check alone and both, in records per
second (by wall and by CPU time, workers' CPU included: the machine is shared, so the CPU
figure says what the cores did), each row beside the target of issue 11 (>= 500 records/s
including the check) and the load average when it was measured; then, for every real record set the tests use, what issue 11
asks to show: the share imported with no human decision, the unreadable strings, the drafts
checked without a crash, and whether import -> fmt -> check is stable. The set is the
13 real records with internal processes (tests/importer/README.md), each copy given its own id
so that every draft is a file of its own; the check is `check_import` as `tthc import` runs it
(the project's registry; it parses no draft: `located` gives the importer's syntax tree the
spans of the written text). No other tool imports these records, so the figure
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
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

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
T = TypeVar("T")


def _records(count: int) -> dict[str, object]:
    data = json.loads(RECORDS.read_text(encoding="utf-8"))
    base = data["records"]
    out = []
    for n in range(count):
        record = copy.deepcopy(base[n % len(base)])
        record["id"] = f"{record['id']}-{n:05d}"
        out.append(record)
    return {"nguon": data["nguon"], "records": out}


def _timed(work: Callable[[], T]) -> tuple[float, float, T]:
    """Wall and CPU seconds of `work`, the CPU of the workers it forked (and waited for)
    included."""
    before = os.times()
    wall = time.perf_counter()
    value = work()
    wall = time.perf_counter() - wall
    after = os.times()
    cpu = sum(
        getattr(after, f) - getattr(before, f)
        for f in ("user", "system", "children_user", "children_system")
    )
    return wall, cpu, value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--json", default=None)
    options = parser.parse_args()
    from tthc.compiler.importer import import_files
    from tthc.rules.engine.importing import check_import

    n = options.records
    print(f"tthc import: {n} records (13 real records repeated), target (issue 11) >= {TARGET:.0f}")
    print("records/s including the check; CPU includes the check's workers")
    print(
        f"{'cores':>5} {'':38} {'wall s':>8} {'cpu s':>8} {'rec/s wall':>11} {'rec/s cpu':>10} "
        f"{'target':>7} {'load 1m':>8}"
    )
    figures = []
    for jobs in (1, 2):
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "records.json"
            source.write_text(json.dumps(_records(n), ensure_ascii=False), "utf-8")
            out = Path(folder) / "out"
            load = os.getloadavg()[0]
            i_wall, i_cpu, result = _timed(partial(import_files, [source], None, REGISTRY))
            c_wall, c_cpu, _ = _timed(partial(check_import, result, out, REGISTRY, jobs=jobs))
        rows = [
            ("import (read, map, canonical drafts)", i_wall, i_cpu),
            (f"check of the drafts (write, {jobs} job{'s' if jobs > 1 else ''})", c_wall, c_cpu),
            ("import + check", i_wall + c_wall, i_cpu + c_cpu),
        ]
        for name, wall, cpu in rows:
            rate_wall, rate_cpu = n / wall, n / max(cpu, 1e-9)
            print(
                f"{jobs:5} {name:38} {wall:8.2f} {cpu:8.2f} {rate_wall:11.0f} {rate_cpu:10.0f} "
                f"{TARGET:7.0f} {load:8.2f}"
            )
        total = n / (i_wall + c_wall)
        print(
            f"{jobs:5} import + check by wall time: {total:.0f} records/s against the target "
            f"{TARGET:.0f}: {'met' if total >= TARGET else 'NOT met'} (load average {load:.2f})"
        )
        figures.append(
            {
                "jobs": jobs,
                "load": load,
                "rows": [dict(zip(("name", "wall_s", "cpu_s"), r, strict=True)) for r in rows],
            }
        )
    print()
    shown = _real_sets()
    if options.json:
        Path(options.json).write_text(
            json.dumps({"records": n, "runs": figures, "real_sets": shown}), "utf-8"
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
