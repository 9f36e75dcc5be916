"""The standing fuzz run of every command: `make fuzz` (FUZZ_INPUTS=N, FUZZ_SEED=S, FUZZ_JOBS=J).

    python tests/fuzz/drive.py --inputs 100000 --seed 18 --jobs 2 [--bound 20] [--minutes M]
                               [--skip globs]

Input: a seed and a number of inputs. Each input (`inputs.make_case`) is a scratch project of
mutated procedure files with hostile names, perhaps a hostile configuration, a cache folder left
from the inputs before and perhaps damaged, and one command: `check` in one of the six formats
(to standard output or `--output`), `fmt --check/--diff`, `convert` or `graph`. Output: the
figures of the run, per command and format, and exit code 1 when any input failed:

    traceback   an exception escaped, or the command exited 3 (`oracle.judge`)
    invalid     output that is not UTF-8, fails its schema (JSON, SARIF 2.1.0), is not
                well-formed XML (JUnit), or forges a workflow command
    cache       a `check` whose answer (exit code and output) differs between a run with the
                cache (cold, then once more, after damaging the cache again) and `--no-cache`
    hang        an input that used `--bound` seconds of processor time (or ten times that of
                wall-clock time) without an answer: the worker is killed, the run goes on

Commands run in-process (click's test runner) in worker processes, one input after another; a
worker that hangs or dies is replaced and the input recorded. Failing inputs are saved under
`--failures` (default `.fuzz-failures/`) with their command, to be made regression tests.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from multiprocessing import get_context
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from inputs import CATEGORIES, Case, make_case
from oracle import judge

from tthc.rules.engine.cache import LAYOUT

REPORT = "report.out"


def run_case(runner: Any, case: Case, project: Path) -> tuple[list[str], float]:
    """Writes the case into the project folder, runs its command, and judges the answers."""
    from tthc.cli.main import main

    started = time.perf_counter()
    first = _write(case, project)
    rng = random.Random(case.number)
    command = tuple(os.fsdecode(first) if part == "{0}" else part for part in case.command)
    runs = [command]
    if command[0] == "check":
        runs = [command, command, (command[0], "--no-cache", *command[1:])]
    answers = []
    problems: list[str] = []
    for number, args in enumerate(runs):
        _damage(project, case.cache if number < 2 else "keep", rng)
        Path(REPORT).unlink(missing_ok=True)
        result = runner.invoke(main, list(args), catch_exceptions=True)
        report = Path(REPORT).read_bytes() if case.output_file and Path(REPORT).exists() else None
        exception = result.exception if not isinstance(result.exception, SystemExit) else None
        # The output of a run with the cache is judged whole only when it differs from the
        # run without (which is always judged whole): the schemas cost a third of a check.
        found = judge(
            args, case.form if number == len(runs) - 1 else "", result.exit_code, exception,
            result.stdout_bytes, result.stderr_bytes, report,
        )  # fmt: skip
        problems.extend(p for p in found if p not in problems)
        answers.append((result.exit_code, result.stdout_bytes, report))
    if len(answers) == 3 and not (answers[0] == answers[1] == answers[2]):
        problems.append("cache: the answer differs from --no-cache")
    return problems, time.perf_counter() - started


def _write(case: Case, project: Path) -> bytes:
    for entry in os.scandir(project):
        if entry.name != ".tthc_cache":
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
    first = b""
    for name, data in case.files:
        try:
            with open(name, "wb") as handle:
                handle.write(data)
        except OSError:  # a name this file system refuses
            name = b"p" + name[-5:].rsplit(b".", 1)[-1].join((b"", b""))
            with open(b"p.tthc", "wb") as handle:
                handle.write(data)
            name = b"p.tthc"
        first = first or name
    if case.config is not None:
        Path("tthc.toml").write_bytes(case.config.encode("utf-8", "surrogateescape"))
    return first


def _damage(project: Path, how: str, rng: random.Random) -> None:
    """Does to the cache folder what a pull request or a crash can do to it."""
    folder = project / ".tthc_cache"
    database = folder / LAYOUT / "entries.sqlite3"
    if how == "remove" or (how == "file" and folder.is_dir()):
        shutil.rmtree(folder, ignore_errors=True)
        if how == "file":
            folder.write_bytes(b"not a folder")
        return
    if folder.is_file() and how != "file":
        folder.unlink()
    if not database.is_file():
        return
    data = bytearray(database.read_bytes())
    if how == "flip" and data:
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        database.write_bytes(bytes(data))
    elif how == "truncate":
        database.write_bytes(bytes(data[: rng.randrange(len(data) + 1)]))
    elif how == "garbage":
        try:  # the database may already be damaged past reading: then it stays as it is
            with sqlite3.connect(database, isolation_level=None) as connection:
                keys = connection.execute("SELECT kind, key FROM entries").fetchall()
                for kind, key in rng.sample(keys, min(len(keys), rng.randint(1, 5))):
                    value = rng.randbytes(rng.randint(0, 300))
                    connection.execute(
                        "UPDATE entries SET value = ? WHERE kind = ? AND key = ?",
                        (value, kind, key),
                    )
            connection.close()
        except (sqlite3.Error, ValueError):
            pass


def _work(
    conn: Connection, seed: int, numbers: range, skip: frozenset[str], deadline: float
) -> None:
    from click.testing import CliRunner

    # In memory where the machine has it: the cache's SQLite syncs to disk at every run.
    memory = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    scratch = Path(tempfile.mkdtemp(prefix="tthc-fuzz-", dir=memory))
    os.environ["XDG_CACHE_HOME"] = str(scratch / "user-cache")
    for name in ("GITHUB_ACTIONS", "TTHC_TRACEBACK"):
        os.environ.pop(name, None)
    project = scratch / "project"
    project.mkdir()
    os.chdir(project)
    runner = CliRunner()
    try:
        for count, number in enumerate(numbers):
            if time.monotonic() > deadline:
                break
            conn.send(("start", number))
            case = make_case(seed, number, skip)
            problems, elapsed = run_case(runner, case, project)
            conn.send(("done", number, problems, elapsed, case.tags[0], case.form))
            if count % 64 == 63:  # `tthc check` freezes its heap for speed: let it go now
                gc.unfreeze()
                gc.collect()
        conn.send(("end",))
    finally:
        os.chdir("/")
        shutil.rmtree(scratch, ignore_errors=True)


class Tally:
    def __init__(self) -> None:
        self.inputs = 0
        self.kinds: Counter[str] = Counter()
        self.failures: Counter[str] = Counter()
        self.failed: list[tuple[int, list[str]]] = []
        self.slowest = (0.0, -1)

    def done(self, number: int, problems: list[str], elapsed: float, kind: str, form: str) -> None:
        self.inputs += 1
        self.kinds[f"{kind} {form}".strip()] += 1
        self.slowest = max(self.slowest, (elapsed, number))
        for problem in problems:
            self.failures[problem.split(":", 1)[0]] += 1
        if problems:
            self.failed.append((number, problems))
            print(f"  #{number} {kind} {form}: {problems[0][:300]}", flush=True)


def _drive(
    seed: int, numbers: range, bound: float, skip: frozenset[str], tally: Tally, deadline: float
) -> None:
    """Runs the numbers in worker processes, one after another, replacing a worker that hangs
    or dies."""
    context = get_context("fork")
    start = numbers.start
    while start < numbers.stop:
        receiving, sending = context.Pipe(duplex=False)
        worker = context.Process(
            target=_work, args=(sending, seed, range(start, numbers.stop), skip, deadline)
        )
        worker.start()
        worker.started = time.monotonic()  # type: ignore[attr-defined]
        sending.close()
        current, spent = start, _cpu_seconds(worker.pid)
        while True:
            if not receiving.poll(bound):
                if _cpu_seconds(worker.pid) - spent < bound and _waited(worker, bound):
                    continue  # slowed by other work on the machine, not stuck: the bound is CPU
                worker.kill()
                tally.done(current, [f"hang: no answer within {bound:g} s"], bound, "hang", "")
                start = current + 1
                break
            try:
                message = receiving.recv()
            except EOFError:
                tally.done(current, ["traceback: the worker died"], 0.0, "died", "")
                start = current + 1
                break
            if message[0] == "start":
                current, spent = message[1], _cpu_seconds(worker.pid)
                worker.started = time.monotonic()  # type: ignore[attr-defined]
            elif message[0] == "done":
                tally.done(*message[1:])
                start = message[1] + 1
                if tally.inputs % 1000 == 0:
                    print(
                        f"  … {tally.inputs} of {numbers} answered, failed {len(tally.failed)}",
                        flush=True,
                    )
            else:
                start = numbers.stop
                break
        worker.join(5)
        if worker.is_alive():
            worker.kill()
        receiving.close()


def _cpu_seconds(pid: int | None) -> float:
    """The processor time a process has used (Linux), or 0 where it cannot be read."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def _waited(worker: Any, bound: float) -> bool:
    """Whether an input may still be waited for: at most ten bounds of wall-clock time."""
    return bool(time.monotonic() - worker.started < 10 * bound)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--bound", type=float, default=20.0, help="seconds one input may take")
    parser.add_argument("--skip", default="", help=f"categories to leave out: {CATEGORIES}")
    parser.add_argument("--failures", default=".fuzz-failures")
    parser.add_argument(
        "--minutes", type=float, default=0, help="stop starting inputs after this long (0: never)"
    )
    args = parser.parse_args(argv)
    skip = frozenset(filter(None, args.skip.split(",")))
    started = time.monotonic()
    stop = args.start + args.inputs
    share = -(-args.inputs // max(1, args.jobs))
    ranges = [range(s, min(s + share, stop)) for s in range(args.start, stop, share)]
    deadline = started + args.minutes * 60 if args.minutes else float("inf")
    tally = _run_all(args.seed, ranges, args.bound, skip, deadline)
    seconds = time.monotonic() - started
    _report(tally, args, seconds)
    _save(tally, args.seed, skip, Path(args.failures))
    return 1 if tally.failed else 0


def _run_all(
    seed: int, ranges: list[range], bound: float, skip: frozenset[str], deadline: float
) -> Tally:
    """Each range in a process of its own (`--jobs`), their tallies added up."""
    if len(ranges) == 1:
        tally = Tally()
        _drive(seed, ranges[0], bound, skip, tally, deadline)
        return tally
    context = get_context("fork")
    pipes = []
    for numbers in ranges:
        receiving, sending = context.Pipe(duplex=False)

        def job(numbers: range = numbers, sending: Connection = sending) -> None:
            part = Tally()
            _drive(seed, numbers, bound, skip, part, deadline)
            sending.send(part)

        process = context.Process(target=job)
        process.start()
        sending.close()
        pipes.append((process, receiving))
    total = Tally()
    for process, receiving in pipes:
        part: Tally = receiving.recv()
        process.join()
        total.inputs += part.inputs
        total.kinds.update(part.kinds)
        total.failures.update(part.failures)
        total.failed.extend(part.failed)
        total.slowest = max(total.slowest, part.slowest)
    return total


def _report(tally: Tally, args: argparse.Namespace, seconds: float) -> None:
    print(f"tthc fuzz: seed {args.seed}, inputs {args.start}..{args.start + args.inputs - 1}")
    print(
        f"  inputs answered: {tally.inputs} of {args.inputs} asked, in {seconds:.0f} s"
        f" ({args.jobs} process(es){', stopped by --minutes' if tally.inputs < args.inputs else ''})"
    )
    for kind, count in sorted(tally.kinds.items()):
        print(f"    {kind:<16} {count}")
    print(
        f"  slowest input: {tally.slowest[0]:.2f} s (number {tally.slowest[1]}), bound {args.bound:g} s"
    )
    for kind in ("traceback", "invalid", "encoding", "schema", "forged", "exit", "cache", "hang"):
        print(f"  {kind:<10} {tally.failures.get(kind, 0)}")
    print(
        f"  failed inputs: {len(tally.failed)}" + (f" (skipped: {args.skip})" if args.skip else "")
    )
    for number, problems in tally.failed[:20]:
        print(f"    #{number}: {problems[0][:300]}")


def _save(tally: Tally, seed: int, skip: frozenset[str], folder: Path) -> None:
    """Each failing input as written, to be replayed (`make_case(seed, number)`)."""
    for number, problems in tally.failed[:200]:
        case = make_case(seed, number, skip)
        target = folder / f"{seed}-{number}"
        target.mkdir(parents=True, exist_ok=True)
        for name, data in case.files:
            (target / name.hex()).write_bytes(data)
        summary = {
            "seed": seed, "number": number, "problems": problems, "command": case.command,
            "names": [name.decode("utf-8", "backslashreplace") for name, _ in case.files],
            "config": case.config, "cache": case.cache,
        }  # fmt: skip
        (target / "case.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
