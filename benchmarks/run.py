"""`make bench`: the speed of tthc on a generated corpus, beside the targets and the peers.

Input: options (`--quick` for a smoke run, `--json FILE` to keep the figures). Output: a table,
one row per figure, with the target of the issue and what a peer tool measured on the same kind
of machine (`shared/peers/PEERS.md`). The corpus comes from `generate.py` (seeded), written to a
temporary folder so that reading the files is part of what is measured.

Sections (each a function returning rows; a new benchmark is one more function in SECTIONS):
  front end      read + parse + resolve + build per 20-step procedure, and MB/s
  cold start     `tthc --version` and `tthc check FILE` in a fresh process, grammar cache warm
                 and cold, with the slowest imports of `python -X importtime`
  checks         `run_rules` per 20-step procedure on top of the front end
  large          one 500-step procedure fully checked
The scale benchmark of issue 4 (10,000 procedures cold and warm, peak memory, bpmnlint on
the same files exported to BPMN) belongs in SECTIONS as one more function; see README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import generate

from tthc.compiler import build_procedure, load_project, resolve
from tthc.dsl import parse, read_source
from tthc.rules import RULES, check_paths
from tthc.rules.runner import run_rules

BIN = Path(sys.executable).parent


@dataclass
class Row:
    figure: str
    value: float
    unit: str
    target: str = ""  # "<= 2" or ">= 1.5", in the row's unit; empty when the issue sets none
    peer: str = ""
    note: str = ""

    @property
    def verdict(self) -> str:
        if not self.target:
            return ""
        op, bound = self.target.split()
        ok = self.value <= float(bound) if op == "<=" else self.value >= float(bound)
        return "ok" if ok else "MISSED"


@dataclass
class Options:
    quick: bool
    procedures: int
    steps: int
    seed: int
    runs: int  # repetitions of each subprocess or whole-corpus measurement
    work: Path


def ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


# ---- front end ----------------------------------------------------------------------------


def front_end(opt: Options) -> list[Row]:
    corpus = opt.work / "corpus"
    files = generate.write_corpus(corpus, opt.procedures, opt.steps, opt.seed)
    registry = parse(read_source(corpus / "registry.tthc").value).value  # type: ignore[arg-type]
    parse(read_source(files[0]).value)  # type: ignore[arg-type]  # grammar built outside timing
    size = sum(f.stat().st_size for f in files)
    totals, parts, passes = [], {"read+parse": [], "resolve": [], "build": []}, []
    for _ in range(opt.runs):
        started = time.perf_counter()
        for path in files:
            t0 = time.perf_counter()
            document = parse(read_source(path).value).value  # type: ignore[arg-type]
            t1 = time.perf_counter()
            model = resolve([registry, document]).value  # type: ignore[list-item]
            t2 = time.perf_counter()
            build_procedure(model.procedures[0])  # type: ignore[union-attr]
            t3 = time.perf_counter()
            totals.append(t3 - t0)
            parts["read+parse"].append(t1 - t0)
            parts["resolve"].append(t2 - t1)
            parts["build"].append(t3 - t2)
        passes.append(time.perf_counter() - started)
    lines = sum(f.read_text(encoding="utf-8").count("\n") for f in files) / len(files)
    note = f"{len(files)} files × {opt.runs} passes, {lines:.0f} lines and {size / len(files) / 1024:.1f} kB each"
    rows = [
        Row(
            f"front end, per {opt.steps}-step procedure (median)",
            ms(statistics.median(totals)),
            "ms",
            "<= 2",
            "Lark LALR alone, 49-line 20-step file: 1.6 ms (transformer in parser), 2.7 ms (tree first); SpiffWorkflow BPMN parse 1.56–2.03 ms",
            note,
        )
    ]
    for name, values in parts.items():
        rows.append(Row(f"  of which {name}", ms(statistics.median(values)), "ms"))
    rows.append(
        Row(
            "front end throughput",
            round(size / statistics.median(passes) / 1e6, 2),
            "MB/s",
            ">= 1.5",
            "",
            "bytes of .tthc over the wall time of a whole pass",
        )
    )
    return rows


# ---- cold start -------------------------------------------------------------------------


def _wall(command: list[str], runs: int, env: dict[str, str] | None = None) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, env=env, check=False)
        times.append(time.perf_counter() - started)
    return times


def _top_imports(command: list[str], count: int = 6) -> str:
    """The top-level modules that take longest to import, from `python -X importtime`."""
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    cumulative: dict[str, int] = {}
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, total, name = line.split("|")
        if name.startswith("  ") or not total.strip().isdigit():
            continue  # nested imports count in their top-level package
        cumulative[name.strip()] = cumulative.get(name.strip(), 0) + int(total)
    top = sorted(cumulative.items(), key=lambda item: -item[1])[:count]
    return ", ".join(f"{name} {micros / 1000:.0f}" for name, micros in top)


def cold_start(opt: Options) -> list[Row]:
    single = opt.work / "single.tthc"
    single.write_text(generate.standalone(0, opt.steps, opt.seed), encoding="utf-8")
    tthc = str(BIN / "tthc")
    check = [tthc, "check", str(single)]
    runs = max(opt.runs * 3, 5)
    warm_cache = {**os.environ, "TTHC_CACHE_DIR": str(opt.work / "cache")}
    _wall(check, 1, warm_cache)  # fills the grammar cache
    fresh = []
    for run in range(runs):  # an empty cache folder each time: the grammar is built and saved
        fresh += _wall(check, 1, {**os.environ, "TTHC_CACHE_DIR": str(opt.work / f"c{run}")})
    importtime = [sys.executable, "-X", "importtime", tthc, "check", str(single)]
    return [
        Row(
            "cold `tthc --version`",
            ms(statistics.median(_wall([tthc, "--version"], runs))),
            "ms",
            "",
            "SpiffWorkflow parser import alone: 80–120 ms; pm4py import 1.1–2.0 s",
        ),
        Row(
            f"cold `tthc check` one file ({opt.steps} steps + registry)",
            ms(statistics.median(_wall(check, runs, warm_cache))),
            "ms",
            "<= 350",
            "bpmnlint CLI, one file: 175–210 ms",
            f"grammar cache warm; median of {runs}; slowest imports (ms): {_top_imports(importtime)}",
        ),
        Row(
            "  same, grammar cache empty (first run)",
            ms(statistics.median(fresh)),
            "ms",
            "",
            "",
            "the grammar is analysed and the cache written",
        ),
    ]


# ---- checks -------------------------------------------------------------------------------


def checks(opt: Options) -> list[Row]:
    corpus = opt.work / "corpus"
    project = load_project([corpus / "procedures"], registry=[corpus / "registry.tthc"])
    count = len(project.workflows)
    times = []
    for _ in range(opt.runs):
        started = time.perf_counter()
        found = run_rules(project)
        times.append(time.perf_counter() - started)
    scopes = Counter(rule.scope for rule in RULES)
    codes = Counter(d.code for d in [*project.diagnostics, *found])
    findings = ", ".join(f"{code}×{n}" for code, n in sorted(codes.items())) or "none"
    return [
        Row(
            f"checks, per {opt.steps}-step procedure",
            ms(statistics.median(times) / count),
            "ms",
            "<= 1",
            "bpmnlint API, parse + structural lint: 4.0–5.3 ms per BPMN file; pm4py read + WOFLAN: 1.4–4.4 ms",
            f"{len(RULES)} rules ran ({scopes['procedure']} per procedure, {scopes['project']} per project)"
            f" over {count} procedures; findings on the corpus: {findings}",
        )
    ]


# ---- large procedure ----------------------------------------------------------------------


def large(opt: Options) -> list[Row]:
    steps = 500
    path = opt.work / "large.tthc"
    path.write_text(generate.standalone(1, steps, opt.seed), encoding="utf-8")
    check_paths([path])  # warm
    times = []
    for _ in range(max(opt.runs, 3)):
        started = time.perf_counter()
        check_paths([path])
        times.append(time.perf_counter() - started)
    return [
        Row(
            f"one {steps}-step procedure fully checked",
            ms(statistics.median(times)),
            "ms",
            "<= 100",
            "",
            f"read, parse, resolve, build, {len(RULES)} rules; {path.stat().st_size / 1024:.0f} kB",
        )
    ]


SECTIONS: list[Callable[[Options], list[Row]]] = [front_end, cold_start, checks, large]


# ---- output -------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next(line.split(":", 1)[1].strip() for line in handle if "model name" in line)
    except (OSError, StopIteration):
        pass
    return {
        "cpu": f"{os.cpu_count()} × {cpu}",
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def table(rows: list[Row]) -> str:
    header = ("figure", "measured", "target", "", "peer")
    body = [
        (
            r.figure,
            f"{r.value:g} {r.unit}",
            f"{r.target} {r.unit}" if r.target else "",
            r.verdict,
            r.peer,
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(4)]
    out = []
    for line in [header, *body]:
        out.append(
            "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=False)) + "  " + line[4]
        )
    notes = [f"- {r.figure.strip()}: {r.note}" for r in rows if r.note]
    return "\n".join([*out, "", *notes])


def main() -> int:
    parser = argparse.ArgumentParser(description="tthc benchmarks (make bench)")
    parser.add_argument("--quick", action="store_true", help="a fast smoke run on a small corpus")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--procedures", type=int, help="corpus size (default 1000, quick 50)")
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tthc-bench-") as work:
        opt = Options(
            quick=args.quick,
            procedures=args.procedures or (50 if args.quick else 1000),
            steps=args.steps,
            seed=args.seed,
            runs=1 if args.quick else 3,
            work=Path(work),
        )
        rows = [row for section in SECTIONS for row in section(opt)]
    about = machine()
    print(f"tthc benchmarks, {dt.date.today()}, {about['cpu']}, Python {about['python']}")
    print(table(rows))
    if args.json:
        record = {
            "date": dt.date.today().isoformat(),
            "machine": about,
            "options": {k: v for k, v in vars(args).items() if k != "json"},
            "rows": [{**asdict(r), "verdict": r.verdict} for r in rows],
        }
        args.json.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
