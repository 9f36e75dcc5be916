"""Import speed: records per second through `tthc import` (read, map, write canonical drafts,
check them), on the real records of tests/importer/records repeated to a larger set.

Input: options (`--records N`, default 1000; `--json FILE` to keep the figures). Output: a
table of wall and CPU time for the import alone, the check alone and both, in records per
second, beside the target of issue 11 (>= 500 records/s including the check). The set is the
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
RECORDS = ROOT / "tests" / "importer" / "records" / "quy-trinh-noi-bo-dat-dai.json"
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
    print(f"tthc import: {n} records (13 real records repeated), load {load:.2f} before the run")
    print(f"{'':44} {'wall s':>8} {'cpu s':>8} {'records/s':>10}")
    for name, wall, cpu in rows:
        print(f"{name:44} {wall:8.2f} {cpu:8.2f} {n / wall:10.0f}")
    total = n / (i_wall + c_wall)
    print(
        f"target (issue 11): >= {TARGET:.0f} records/s including the check: "
        f"{'met' if total >= TARGET else 'NOT met'} ({total:.0f}/s)"
    )
    if options.json:
        Path(options.json).write_text(
            json.dumps(
                {
                    "records": n,
                    "rows": [dict(zip(("name", "wall_s", "cpu_s"), r, strict=True)) for r in rows],
                }
            ),
            "utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
