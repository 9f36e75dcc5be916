"""`make bench-parallel`: 10,000 procedures from cold on one core and on two, in one run
(issue 17).

Input: options (`--procedures 10000`, `--steps 20`, `--seed 2025`, `--rounds 3`, `--corpus DIR`
to reuse a generated corpus, `--json FILE`). Output, printed:

1. `tthc check corpus --jobs 1` and `--jobs 2`, each in a fresh process with an empty cache
   (as the first CI run of a project: read, parse, resolve, build, check, fill the cache),
   interleaved (1, 2, then 2, 1, ...) so that both see the same load; medians of wall and CPU
   time (user + system, the workers included: `os.wait4`), the speed-up of two cores over one
   (target >= 1.7) and the two-core wall (target <= 10 s on a quiet machine). The load
   average is printed beside every run: on a shared machine, other work takes cores from the
   run, and the speed-up measured then is pessimistic.
2. Where the CPU goes (Amdahl), which the load hardly changes: the same check on two cores in
   a process of this benchmark with every phase of `tthc.rules.engine.repository` timed, the
   CPU of this process per phase (the serial ones: discovery, reading and hashing, the
   registry, the project-scope rules, the end) and inside the parallel part (its own share of
   the files, decoding the worker's results, the cache), and the worker's CPU; from these,
   the serial fraction and the two-core wall time a quiet machine would give.

The corpus comes from `generate.py` (seeded: the same corpus every time).

    python benchmarks/speedup.py [--procedures 10000] [--rounds 3] [--corpus DIR] [--json F]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TTHC = Path(sys.executable).parent / "tthc"
SPEED_UP_TARGET = 1.7
WALL_TARGET_S = 10.0


def timed(command: list[str], cwd: Path) -> dict[str, float]:
    """Wall and CPU seconds of one fresh process and the workers it waited for."""
    with tempfile.TemporaryFile() as out:
        load = os.getloadavg()[0]
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            out.seek(0)
            sys.exit(f"tthc check failed ({code}):\n{out.read().decode(errors='replace')}")
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "load": load}


def generate(folder: Path, procedures: int, steps: int, seed: int) -> None:
    sizes = ["--procedures", str(procedures), "--steps", str(steps), "--seed", str(seed)]
    subprocess.run(
        [sys.executable, str(HERE / "generate.py"), str(folder), *sizes],
        check=True,
        capture_output=True,
    )


def cold_runs(root: Path, rounds: int) -> dict[int, list[dict[str, float]]]:
    runs: dict[int, list[dict[str, float]]] = {1: [], 2: []}
    for number in range(rounds):
        for jobs in (1, 2) if number % 2 == 0 else (2, 1):
            shutil.rmtree(root / ".tthc_cache", ignore_errors=True)
            command = [str(TTHC), "check", "corpus", "--quiet", "--format", "concise"]
            run = timed([*command, "--jobs", str(jobs)], root)
            runs[jobs].append(run)
            print(
                f"  round {number + 1}, {jobs} core{'s' if jobs > 1 else ' '}: "
                f"{run['wall_s']:6.2f} s wall {run['cpu_s']:6.2f} s CPU  "
                f"(load average {run['load']:.1f})",
                flush=True,
            )
    shutil.rmtree(root / ".tthc_cache", ignore_errors=True)
    return runs


def phases(root: Path, jobs: int) -> dict[str, float]:
    """CPU seconds per phase of one check in a child process of this benchmark."""
    result = subprocess.run(
        [sys.executable, __file__, "--phases-of", str(root), "--jobs", str(jobs)],
        check=True,
        capture_output=True,
        text=True,
    )
    shutil.rmtree(root / ".tthc_cache", ignore_errors=True)
    return dict(json.loads(result.stdout.splitlines()[-1]))


def measure_phases(root: Path, jobs: int) -> None:
    """Runs in the child: `tthc check corpus` as the command runs it (the collector off, the
    cache filled), every phase of the repository timed in CPU of this process."""
    import gc
    import resource
    from collections import Counter
    from collections.abc import Callable
    from typing import Any

    started = time.process_time()
    import tthc.rules.engine.cache as cache_module
    import tthc.rules.engine.file_check as file_check
    import tthc.rules.engine.pickling as pickling
    import tthc.rules.engine.repository as repository
    from tthc.rules.engine.config_file import discover_config

    spent: Counter[str] = Counter()
    inside: list[str] = []

    def timing(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed_call(*args: Any, **kwargs: Any) -> Any:
            begin = time.process_time()
            inside.append(name)
            try:
                return function(*args, **kwargs)
            finally:
                inside.pop()
                used = time.process_time() - begin
                spent[name] += used
                if inside:  # counted in the phase around it too: keep that one's own time
                    spent[inside[-1]] -= used

        return timed_call

    for name in ("project_files", "read_files", "parse_data", "resolve_registry"):
        setattr(repository, name, timing(name, getattr(repository, name)))
    for name in ("run_project_rules", "finish", "_from_worker", "fork_each"):
        setattr(repository, name, timing(name, getattr(repository, name)))
    # The repository imports `loads` when a worker's first result arrives (off a one-file
    # check's start-up), so it is timed where it is looked up.
    pickling.loads = timing("loads", pickling.loads)
    checker = file_check.FileChecker
    checker.check = timing("check files here", checker.check)  # type: ignore[method-assign]
    for name in ("put_encoded", "write", "save"):
        setattr(
            cache_module.Cache, name, timing(f"cache {name}", getattr(cache_module.Cache, name))
        )
    imported = time.process_time() - started
    found = discover_config([str(root / "corpus")]).value
    assert found is not None
    gc.disable()
    begin = time.process_time()
    shutil.rmtree(root / ".tthc_cache", ignore_errors=True)
    request = repository.CheckRequest(("corpus",), found, jobs=jobs, cache_root=root)
    os.chdir(root)
    repository.check(request)
    total = time.process_time() - begin
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    figures = {"imports": imported, "total here": total, **spent}
    figures["workers"] = workers.ru_utime + workers.ru_stime
    print(json.dumps(figures))


SERIAL = {
    "project_files": "discovery",
    "read_files": "read and hash every file",
    "parse_data": "read the registry",
    "resolve_registry": "resolve the registry",
    "run_project_rules": "project-scope rules",
    "finish": "configuration, suppressions, sort",
    "cache save": "the cache's last write, pruning",
}
PARALLEL = {
    "check files here": "its own share of the files",
    "loads": "decode the worker's results",
    "_from_worker": "rebuild them",
    "cache put_encoded": "keep them for the cache",
    "cache write": "write them to the cache as they come",
    "fork_each": "start and feed the worker, wait",
}


def print_phases(one: dict[str, float], two: dict[str, float]) -> dict[str, float]:
    print("\nwhere the CPU goes (this process, seconds; load hardly changes CPU time):")
    print(f"  {'phase':<44} {'1 core':>8} {'2 cores':>8}")
    serial_one = serial_two = 0.0
    for key, name in SERIAL.items():
        serial_one += one.get(key, 0.0)
        serial_two += two.get(key, 0.0)
        print(f"  serial   {name:<35} {one.get(key, 0.0):8.2f} {two.get(key, 0.0):8.2f}")
    rest_one = one["total here"] - sum(one.get(k, 0.0) for k in (*SERIAL, *PARALLEL))
    rest_two = two["total here"] - sum(two.get(k, 0.0) for k in (*SERIAL, *PARALLEL))
    serial_one += rest_one
    serial_two += rest_two
    print(f"  serial   {'the rest (run key, cache keys...)':<35} {rest_one:8.2f} {rest_two:8.2f}")
    parallel_here = 0.0
    for key, name in PARALLEL.items():
        parallel_here += two.get(key, 0.0)
        print(f"  parallel {name:<35} {one.get(key, 0.0):8.2f} {two.get(key, 0.0):8.2f}")
    print(f"  parallel {'the worker process':<35} {'':>8} {two['workers']:8.2f}")
    total_one = one["total here"]
    serial_fraction = serial_one / total_one
    # On two idle cores the run takes its serial part, then the longer of the two halves.
    quiet_two = serial_two + max(parallel_here, two["workers"])
    print(
        f"\n  serial fraction (1 core): {serial_fraction:.1%} -> Amdahl's bound on 2 cores "
        f"{1 / (serial_fraction + (1 - serial_fraction) / 2):.2f}x"
    )
    print(
        f"  CPU on 2 cores / CPU on 1: {(two['total here'] + two['workers']) / total_one:.2f} "
        f"(the cost of a second process: fork, results sent back, per-process caches)"
    )
    print(
        f"  expected on 2 idle cores: {quiet_two:.2f} s against {total_one:.2f} s on one "
        f"(imports {one['imports']:.2f} s apart): {total_one / quiet_two:.2f}x"
    )
    return {"serial_fraction": serial_fraction, "expected_speed_up": total_one / quiet_two}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--procedures", type=int, default=10_000)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpus", type=Path, help="a corpus made by generate.py, kept")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--phases-of", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=2, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.phases_of:
        measure_phases(options.phases_of, options.jobs)
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    with tempfile.TemporaryDirectory(prefix="tthc-speedup-") as work:
        root = Path(work)
        if options.corpus:
            (root / "corpus").symlink_to(options.corpus.resolve(), target_is_directory=True)
        else:
            generate(root / "corpus", options.procedures, options.steps, options.seed)
        files = sum(1 for _ in (root / "corpus").rglob("*.tthc"))
        print(
            f"tthc check on {files} files, cold (empty cache, filled by the run), 1 core "
            f"against 2, {options.rounds} interleaved rounds, {cores} cores on this machine"
        )
        runs = cold_runs(root, options.rounds)
        one, two = (
            {k: statistics.median(r[k] for r in runs[j]) for k in ("wall_s", "cpu_s", "load")}
            for j in (1, 2)
        )
        speed_up = one["wall_s"] / two["wall_s"]
        print(f"\n{'median':<10} {'wall s':>8} {'CPU s':>8} {'load':>6}  target")
        print(f"{'1 core':<10} {one['wall_s']:8.2f} {one['cpu_s']:8.2f} {one['load']:6.1f}")
        wall_ok = "ok" if two["wall_s"] <= WALL_TARGET_S else "MISSED"
        print(
            f"{'2 cores':<10} {two['wall_s']:8.2f} {two['cpu_s']:8.2f} {two['load']:6.1f}  "
            f"<= {WALL_TARGET_S:g} s on a quiet machine: {wall_ok}"
        )
        ratio_ok = "ok" if speed_up >= SPEED_UP_TARGET else "MISSED"
        print(f"speed-up  {speed_up:8.2f}x{'':>16}  >= {SPEED_UP_TARGET}x: {ratio_ok}")
        amdahl = print_phases(phases(root, 1), phases(root, 2))
    if options.json:
        figures = {"files": files, "one_core": one, "two_cores": two, "speed_up": speed_up}
        options.json.write_text(json.dumps({**figures, **amdahl}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
