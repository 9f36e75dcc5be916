"""`make bench`: the speed of tthc on a generated corpus, beside the targets and the peers.

Input: options (`--quick` for a smoke run, `--json FILE` to keep the figures). Output: a table,
one row per figure, with wall and CPU time, the target of the issue and what a peer tool
measured on the same kind of machine (`shared/peers/PEERS.md`). The corpus comes from
`generate.py` (seeded) and is written to a temporary folder, so that reading the files is part
of what is measured.

Sections, each a function returning rows (a new benchmark is one more function in SECTIONS):
  front end    read + parse + resolve + build, per 20-step procedure, and MB/s
  cold start   `tthc --version` and `tthc check FILE` in a fresh process, grammar cache warm and
               empty, with where the start-up goes (`python -X importtime`)
  checks       `run_rules` per 20-step procedure, on top of the front end, slowest rules named
  large        one 500-step procedure fully checked
The scale benchmark of issue 4 (10,000 procedures cold and warm, peak memory, bpmnlint on the
same files exported to BPMN) is to be one more section here; README.md says what it measures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import generate
from measure import Clock, Sample, child, import_time, load, machine, median, repeat, timed

from tthc.compiler import build_procedure, load_project, resolve
from tthc.dsl import Diagnostic, ast, parse, read_source
from tthc.rules import RULES, check_paths
from tthc.rules.engine.runner import run_rules

BIN = Path(sys.executable).parent


@dataclass
class Row:
    figure: str
    wall: float
    cpu: float
    unit: str
    target: str = ""  # "<= 2" or ">= 1.5", in the row's unit, judged on wall time
    peer: str = ""
    note: str = ""

    @property
    def verdict(self) -> str:
        if not self.target:
            return ""
        op, bound = self.target.split()
        ok = self.wall <= float(bound) if op == "<=" else self.wall >= float(bound)
        return "ok" if ok else "MISSED"


def ms(figure: str, sample: Sample, **extra: str) -> Row:
    return Row(figure, round(sample.wall * 1000, 3), round(sample.cpu * 1000, 3), "ms", **extra)


@dataclass
class Options:
    procedures: int
    steps: int
    seed: int
    runs: int  # passes over the corpus; each subprocess is run 3 × runs times (at least 5)
    work: Path


# ---- front end ----------------------------------------------------------------------------


def _document(path: Path) -> ast.Document:
    source = read_source(path).value
    assert source is not None
    document = parse(source).value
    assert document is not None
    return document


def front_end(opt: Options) -> list[Row]:
    corpus = opt.work / "corpus"
    files = generate.write_corpus(corpus, opt.procedures, opt.steps, opt.seed)
    registry = _document(corpus / "registry.tthc")
    _document(files[0])  # the grammar is loaded outside the timing (see cold start)
    size = sum(f.stat().st_size for f in files)
    parts: dict[str, list[Sample]] = {"read+parse": [], "resolve": [], "build": []}
    totals, passes = [], []
    for _ in range(opt.runs):
        whole = Clock()
        for path in files:
            clock = Clock()
            document = _document(path)
            parsed = clock.lap()
            model = resolve([registry, document]).value
            resolved = clock.lap()
            assert model is not None
            build_procedure(model.procedures[0])
            built = clock.lap()
            for name, sample in zip(parts, (parsed, resolved, built), strict=True):
                parts[name].append(sample)
            totals.append(
                Sample(
                    parsed.wall + resolved.wall + built.wall, parsed.cpu + resolved.cpu + built.cpu
                )
            )
        passes.append(whole.lap())
    lines = sum(f.read_text(encoding="utf-8").count("\n") for f in files) / len(files)
    rows = [
        ms(
            f"front end, per {opt.steps}-step procedure (median)",
            median(totals),
            target="<= 2",
            peer="Lark LALR alone, 49-line 20-step file: 1.6 ms (transformer in parser), 2.7 ms (tree first); SpiffWorkflow BPMN parse 1.56–2.03 ms",
            note=f"{len(files)} files × {opt.runs} passes; {lines:.0f} lines, {size / len(files) / 1024:.1f} kB each",
        )
    ]
    rows += [ms(f"  of which {name}", median(samples)) for name, samples in parts.items()]
    per_pass = median(passes)
    rows.append(
        Row(
            "front end throughput",
            round(size / per_pass.wall / 1e6, 2),
            round(size / per_pass.cpu / 1e6, 2),
            "MB/s",
            ">= 1.5",
            note="bytes of .tthc over the time of a whole pass (read, parse, resolve, build)",
        )
    )
    return rows


# ---- cold start ---------------------------------------------------------------------------


def cold_start(opt: Options) -> list[Row]:
    single = opt.work / "single.tthc"
    single.write_text(generate.standalone(0, opt.steps, opt.seed), encoding="utf-8")
    tthc = str(BIN / "tthc")
    # `--no-cache`: no results cache (.tthc_cache/), so every run reads and checks the file.
    check = [tthc, "check", "--no-cache", str(single)]
    runs = max(3 * opt.runs, 5)
    # As a user runs it: Python's bytecode cached (here under the work folder), the grammar
    # cached. (This project's shell sets PYTHONDONTWRITEBYTECODE: every run would compile tthc.)
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    warm = {
        **base,
        "PYTHONPYCACHEPREFIX": str(opt.work / "pyc"),
        "TTHC_CACHE_DIR": str(opt.work / "cache"),
    }
    child(check, warm)  # writes the bytecode and the grammar cache
    empty = [
        child(check, {**warm, "TTHC_CACHE_DIR": str(opt.work / f"grammar{n}")}) for n in range(runs)
    ]
    imports = import_time([sys.executable, "-X", "importtime", *check], warm)
    return [
        ms(
            "cold `tthc --version`",
            median([child([tthc, "--version"], warm) for _ in range(runs)]),
            peer="SpiffWorkflow's parser import alone: 80–120 ms; pm4py import: 1.1–2.0 s",
        ),
        ms(
            f"cold `tthc check` one file ({opt.steps} steps + registry)",
            median([child(check, warm) for _ in range(runs)]),
            target="<= 350",
            peer="bpmnlint CLI, one file: 175–210 ms",
            note=f"a fresh process each run, bytecode and grammar cached, median of {runs}; imports (self time by package, ms): {imports}",
        ),
        ms(
            "  same, grammar cache empty",
            median(empty),
            note="the grammar is analysed, its tables written to the cache",
        ),
    ]


# ---- checks -------------------------------------------------------------------------------


def checks(opt: Options) -> list[Row]:
    corpus = opt.work / "corpus"
    # The first pass over freshly built workflows, as `tthc check` pays it: a second pass over
    # the same workflows finds their shared analyses (`Workflow.facts`) done, and would report
    # what no user measures. Each pass gets its own project; loading it is not timed.
    found: list[list[Diagnostic]] = []
    samples: list[Sample] = []
    for _ in range(opt.runs):
        project = load_project([corpus / "procedures"], registry=[corpus / "registry.tthc"])
        with timed(samples):
            found.append(run_rules(project))
    count = len(project.workflows)
    # Each rule alone over the last project, whose shared analyses are done by then: the
    # rule's own cost.
    per_rule = {
        rule.code: median(repeat(lambda r=rule: run_rules(project, rules=[r]), 1)).cpu
        for rule in RULES
    }
    slowest = ", ".join(
        f"{code} {seconds / count * 1000:.2f}"
        for code, seconds in sorted(per_rule.items(), key=lambda item: -item[1])[:5]
    )
    scopes = Counter(rule.scope for rule in RULES)
    codes = Counter(d.code for d in [*project.diagnostics, *found[0]])
    findings = ", ".join(f"{code}×{n}" for code, n in sorted(codes.items())) or "none"
    per = median(samples)
    return [
        ms(
            f"checks, per {opt.steps}-step procedure, first pass",
            Sample(per.wall / count, per.cpu / count),
            target="<= 1",
            peer="bpmnlint API, parse + structural lint: 4.0–5.3 ms per BPMN file; pm4py read + WOFLAN: 1.4–4.4 ms",
            note=f"{len(RULES)} rules ({scopes['procedure']} per procedure, {scopes['project']} per project) over {count} procedures;"
            f" slowest alone, shared analyses done (CPU ms per procedure): {slowest}; findings on the corpus: {findings}",
        )
    ]


# ---- large procedure ----------------------------------------------------------------------


def large(opt: Options) -> list[Row]:
    steps = 500
    path = opt.work / "large.tthc"
    path.write_text(generate.standalone(1, steps, opt.seed), encoding="utf-8")
    check_paths([path])  # warm
    return [
        ms(
            f"one {steps}-step procedure fully checked",
            median(repeat(lambda: check_paths([path]), 2 * opt.runs + 3)),
            target="<= 100",
            note=f"read, parse, resolve, build and {len(RULES)} rules, in a warm process; {path.stat().st_size / 1024:.0f} kB",
        )
    ]


SECTIONS: list[Callable[[Options], list[Row]]] = [front_end, cold_start, checks, large]


# ---- output -------------------------------------------------------------------------------


def table(rows: list[Row]) -> str:
    header = ("figure", "wall", "cpu", "target", "", "peer")
    body = [
        (
            r.figure,
            f"{r.wall:g} {r.unit}",
            f"{r.cpu:g} {r.unit}",
            f"{r.target} {r.unit}" if r.target else "",
            r.verdict,
            r.peer,
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(5)]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=False)) + "  " + line[5]
        for line in [header, *body]
    ]
    notes = [f"- {r.figure.strip()}: {r.note}" for r in rows if r.note]
    return "\n".join([*lines, "", *notes])


def main() -> int:
    parser = argparse.ArgumentParser(description="tthc benchmarks (make bench)")
    parser.add_argument("--quick", action="store_true", help="a fast smoke run on a small corpus")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--procedures", type=int, help="corpus size (default 1000, quick 50)")
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    about = {**machine(), "load before": load()}
    with tempfile.TemporaryDirectory(prefix="tthc-bench-") as work:
        opt = Options(
            procedures=args.procedures or (50 if args.quick else 1000),
            steps=args.steps,
            seed=args.seed,
            runs=1 if args.quick else 3,
            work=Path(work),
        )
        rows = [row for section in SECTIONS for row in section(opt)]
    about["load after"] = load()
    print(
        f"tthc benchmarks, {dt.date.today()}, {about['cpu']}, Python {about['python']},"
        f" load average {about['load before']} → {about['load after']}"
        " (targets are judged on wall time; CPU time is tthc's own cost on a busy machine)"
    )
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
