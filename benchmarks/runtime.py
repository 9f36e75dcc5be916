"""The runtime beside SpiffWorkflow 3.x, in one run, on the same procedure.

    make bench-runtime                       # = .venv/bin/python benchmarks/runtime.py
    .venv/bin/python benchmarks/runtime.py --quick   # a smoke run

SpiffWorkflow 3.x is a development dependency (`.[dev]`); the run takes 2-4 minutes.

The procedure: the peers' hand-written BPMN (`shared/peers/bpmn/admin_procedure.bpmn`: receive,
check completeness, request a supplement, check again, review, approve, return) for Spiff, and
the corpus' birth registration (`1.001193`: the same shape: reception, a supplement request
once, review, decision, result) for tthc, each on its "supplement once" path. Spiff completes 6
user tasks per instance; tthc runs 5 commands (submit — received as a supplement request —,
receive the supplement, review, decide, return the result), each one step completion with its
authorisation, due date, audit event and outbox.

Figures (each beside Spiff or the raw rate measured in the same run, and the issue's target):
in-memory step completions/s; durable commands/s on SQLite at synchronous=FULL (Spiff saving
its serialized instance at every step, to memory as in PEERS.md and to SQLite like ours; the raw
SQLite commit rate of one small row per transaction, the target's measure, and for scale that
of one command's rows without the engine); p50/p99 latency of one durable command; the same
durable rate with 8 threads submitting at once on one store (a portal's HTTP workers): the
SQLite store's group commit lets commands that arrive while a COMMIT waits on the disk share the
next transaction and its fsync, so that figure is printed with its commands per transaction,
beside the single-submitter one (each command its own fsync). The raw loop, Spiff, the single
submitter and the threads run in five alternating rounds of fixed times (1 s for the raw loop
and each Spiff, 2 s for each of ours: the disk of a shared machine swings from one second to
the next); every round is printed with its load, and the totals are the rounds' medians;
bytes stored per case; memory per open case; loading a bundle of 10,000 procedures; the overdue
query over 1,000,000 stored cases.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import hashlib
import json
import os
import sqlite3
import statistics
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tthc.compiler import Bundle, bundle, load_bundle
from tthc.rules import load_and_check
from tthc.runtime import Done, Dossier, Engine, MemoryStore, Officer, SQLiteStore

ROOT = Path(__file__).resolve().parent.parent
BIRTH = "1.001193"
NOW = dt.datetime(2026, 3, 4, 9, 0)
ONE_STOP = Officer("o1", "commune.one_stop", "01", "00004")
CIVIL = Officer("o2", "commune.civil_status_officer", "01", "00004")
CHAIRMAN = Officer("o3", "commune.chairman", "01", "00004")
# Threads submitting commands at once in the second durable figure: a portal's HTTP workers.
SUBMITTERS = 8
# Alternating rounds of the durable figures (the raw loop and Spiff for half a round each, one
# submitter, the threads), each ROUND_SECONDS long: 2,000-8,000 commands a round here.
DURABLE_ROUNDS = 5
ROUND_SECONDS = 2.0


def find_bpmn(given: str | None) -> Path:
    candidates = [Path(given)] if given else []
    for base in (ROOT.parent, ROOT.parent.parent):
        candidates.append(base / "shared" / "peers" / "bpmn" / "admin_procedure.bpmn")
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise SystemExit("admin_procedure.bpmn not found: pass --bpmn PATH")


# -- SpiffWorkflow ----------------------------------------------------------------------------


class Spiff:
    """The peers' harness, as PEERS.md §5 describes it (parser, engine, serializer)."""

    def __init__(self, bpmn: Path) -> None:
        from SpiffWorkflow.bpmn.serializer import BpmnWorkflowSerializer
        from SpiffWorkflow.spiff.parser import SpiffBpmnParser
        from SpiffWorkflow.spiff.serializer import DEFAULT_CONFIG

        parser = SpiffBpmnParser()
        parser.add_bpmn_file(str(bpmn))
        self.spec = parser.get_spec("AdminProcedure")
        self.subprocesses = parser.get_subprocess_specs("AdminProcedure")
        self.serializer = BpmnWorkflowSerializer(BpmnWorkflowSerializer.configure(DEFAULT_CONFIG))

    def new(self) -> Any:
        from SpiffWorkflow.bpmn.workflow import BpmnWorkflow

        workflow = BpmnWorkflow(self.spec, self.subprocesses)
        workflow.do_engine_steps()
        return workflow

    def step(self, workflow: Any, checks: list[bool]) -> bool:
        """Completes one ready user task; False when none is left."""
        from SpiffWorkflow.util.task import TaskState

        ready = workflow.get_tasks(state=TaskState.READY, manual=True)
        if not ready:
            return False
        task = ready[0]
        if task.task_spec.name == "CheckCompleteness":
            task.data["complete"] = checks.pop(0)
        task.run()
        workflow.do_engine_steps()
        return True

    def instance(self) -> int:
        workflow, checks, done = self.new(), [False, True], 0
        while self.step(workflow, checks):
            done += 1
        return done

    def persisted_instance(self, save: Callable[[str], None]) -> tuple[int, list[float]]:
        """Deserialize → one user task → engine steps → serialize, at every step."""
        blob = self.serializer.serialize_json(self.new())
        save(blob)
        checks, done, times = [False, True], 0, []
        while True:
            start = time.perf_counter()
            workflow = self.serializer.deserialize_json(blob)
            if not self.step(workflow, checks):
                break
            blob = self.serializer.serialize_json(workflow)
            save(blob)
            times.append(time.perf_counter() - start)
            done += 1
        return done, times


# -- tthc ---------------------------------------------------------------------------------------


def corpus_bundle() -> Bundle:
    project, diagnostics = load_and_check([ROOT / "procedures"])
    made = bundle(project.model, diagnostics)
    assert made.value is not None
    return made.value


def tthc_case(engine: Engine, times: list[float] | None = None) -> int:
    """One birth registration on the supplement-once path: 5 commands."""
    dossier = Dossier(BIRTH, {"name": "X"}, "direct", "01", "00004", "00004", ("to_khai",))
    commands: list[Callable[[str], Any]] = [
        lambda c: engine.receive_supplement(c, ["giay_chung_sinh"], ONE_STOP),
        lambda c: engine.act(c, "kiem_tra", CIVIL, "eligible"),
        lambda c: engine.act(c, "ky", CHAIRMAN),
        lambda c: engine.return_result(c, ONE_STOP),
    ]
    start = time.perf_counter()
    result = engine.submit(dossier)
    assert isinstance(result, Done), result
    if times is not None:
        times.append(time.perf_counter() - start)
    case_id = result.case.id
    for command in commands:
        start = time.perf_counter()
        done = command(case_id)
        assert isinstance(done, Done), done
        if times is not None:
            times.append(time.perf_counter() - start)
    return 1 + len(commands)


def submitters(engine: Engine, times: list[list[float]], seconds: float) -> tuple[int, float]:
    """Birth registrations in each of `len(times)` threads at once, on one engine, each thread
    starting new ones until `seconds` have passed: the commands done and the wall seconds
    from the first start to the last end."""
    done = [0] * len(times)
    deadline = time.perf_counter() + seconds

    def work(number: int) -> None:
        while time.perf_counter() < deadline:
            done[number] += tthc_case(engine, times[number])

    threads = [threading.Thread(target=work, args=(n,)) for n in range(len(times))]
    gc.collect()
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done), time.perf_counter() - start


def for_seconds(run: Callable[[], int], seconds: float) -> tuple[int, float]:
    """Calls `run` (which returns a count) until `seconds` have passed: the counts' sum and
    the wall seconds taken."""
    gc.collect()
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        count += run()
    return count, time.perf_counter() - start


def rate(count: int, seconds: float) -> float:
    return count / seconds if seconds else float("inf")


def timed(run: Callable[[], int]) -> tuple[int, float, float]:
    """The count `run` returns, the wall seconds and the CPU seconds it took."""
    gc.collect()
    start, cpu = time.perf_counter(), time.process_time()
    count = run()
    return count, time.perf_counter() - start, time.process_time() - cpu


def raw_sqlite_rate(path: Path, seconds: float) -> tuple[int, float]:
    """The raw commit loop (one small row per transaction at FULL) for `seconds`: the commits
    and the wall seconds."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
    body = "x" * 200

    def commit_ten() -> int:
        for _ in range(10):
            db.execute("BEGIN IMMEDIATE")
            db.execute("INSERT INTO t (body) VALUES (?)", (body,))
            db.execute("COMMIT")
        return 10

    done = for_seconds(commit_ten, seconds)
    db.close()
    return done


def raw_command_rate(path: Path, commits: int) -> float:
    """The raw commit rate of the rows one command writes, without the engine: a case row of a
    case's size (its JSON state, updated in place), two events and one notification, into
    three keyed tables, per transaction. Not the target's figure (that is `raw_sqlite_rate`):
    it shows how much of a durable command is the database's own work."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("CREATE TABLE cases (id TEXT PRIMARY KEY, state TEXT)")
    db.execute(
        "CREATE TABLE events (case_id TEXT, seq INTEGER, data TEXT, PRIMARY KEY (case_id, seq))"
    )
    db.execute("CREATE TABLE outbox (id TEXT PRIMARY KEY, data TEXT)")
    state, event, notice = "s" * 1300, "e" * 450, "n" * 150
    start = time.perf_counter()
    for number in range(commits):
        case_id, seq = f"{number // 5:032x}", 2 * (number % 5)
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT OR REPLACE INTO cases VALUES (?, ?)", (case_id, state))
        db.executemany(
            "INSERT INTO events VALUES (?, ?, ?)",
            [(case_id, seq, event), (case_id, seq + 1, event)],
        )
        db.execute("INSERT INTO outbox VALUES (?, ?)", (f"{case_id}:{seq}", notice))
        db.execute("COMMIT")
    seconds = time.perf_counter() - start
    db.close()
    return rate(commits, seconds)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def big_bundle(base: Bundle, count: int) -> str:
    """The corpus' procedures copied under `count` distinct codes, as one bundle's JSON."""
    data = json.loads(base.to_json())
    procedures = data["procedures"]
    copies = []
    for number in range(count):
        entry = dict(procedures[number % len(procedures)])
        code = f"9.{number:06d}"
        entry["ast"] = entry["ast"].replace(f'"value":"{entry["code"]}"', f'"value":"{code}"', 1)
        entry["code"] = code
        entry["digest"] = hashlib.sha256(entry["ast"].encode()).hexdigest()
        copies.append(entry)
    data["procedures"] = copies
    from tthc.compiler.deploy import _version

    data["version"] = _version(data["registry"], base.calendar, [c["digest"] for c in copies])
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def overdue_store(path: Path, cases: int) -> SQLiteStore:
    """`cases` cases written straight into the table (the columns the query reads and a small
    state), 1 in 100 past its date."""
    store = SQLiteStore(path, synchronous="OFF")
    db = store._db
    db.execute("BEGIN")
    rows = []
    for number in range(cases):
        open_case = number % 5 != 0
        late = number % 100 == 1
        alarm = "2026-03-02" if late else ("2026-04-15" if open_case else None)
        rows.append(
            (
                f"c{number:07d}", BIRTH, "01", f"{number % 500:05d}", "open" if open_case else "resolved",
                "2026-03-01", None if open_case else "2026-03-03", None if open_case else 1, alarm,
                "commune.civil_status_officer", None, None, 3, "{}",
            )
        )  # fmt: skip
        if len(rows) == 50_000:
            db.executemany(f"INSERT INTO cases VALUES ({','.join('?' * 14)})", rows)
            rows.clear()
    db.executemany(f"INSERT INTO cases VALUES ({','.join('?' * 14)})", rows)
    db.execute("COMMIT")
    db.execute("ANALYZE")
    return store


def line(name: str, ours: str, other: str = "", verdict: str = "") -> None:
    print(f"  {name:<44} {ours:>18}  {other:<34} {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description="tthc runtime beside SpiffWorkflow")
    parser.add_argument("--bpmn", default=None)
    parser.add_argument("--quick", action="store_true", help="small counts, a smoke run")
    options = parser.parse_args()
    # The stores of a full run take ~300 MB (the million-case one most): removed at the end,
    # an interrupted run included.
    with tempfile.TemporaryDirectory(prefix="tthc-bench-") as folder:
        run(options, Path(folder))


def run(options: argparse.Namespace, workdir: Path) -> None:
    quick = options.quick
    instances = 100 if quick else 1000
    durable = 40 if quick else 300
    print(f"load average {os.getloadavg()[0]:.1f}; {dt.datetime.now():%Y-%m-%d %H:%M} UTC")
    spiff = Spiff(find_bpmn(options.bpmn))
    base = corpus_bundle()
    clock = lambda: NOW  # noqa: E731

    print(f"in memory (step completions per second; load average {os.getloadavg()[0]:.1f})")
    spiff.instance()
    engine = Engine(base, MemoryStore(), clock=clock)
    tthc_case(engine)
    # Alternating rounds, the best of each: on a shared machine a round can lose the CPU,
    # and the peer and tthc must meet the same machine. CPU time beside wall time. Five
    # rounds, as one round of either can run a third faster or slower than the next there; the
    # median of the ratios of rounds run side by side is printed too.
    spiff_rounds, ours_rounds = [], []
    for _ in range(5):
        spiff_rounds.append(timed(lambda: sum(spiff.instance() for _ in range(instances // 5))))
        ours_rounds.append(timed(lambda: sum(tthc_case(engine) for _ in range(instances // 5))))
    for label, index in (("completions/s (wall)", 1), ("completions/s (CPU time)", 2)):
        spiff_rate = max(rate(r[0], r[index]) for r in spiff_rounds)
        ours_rate = max(rate(r[0], r[index]) for r in ours_rounds)
        line(
            label,
            f"{ours_rate:,.0f}",
            f"Spiff {spiff_rate:,.0f} user tasks/s",
            f"{ours_rate / spiff_rate:.1f}x (target >= 10x)",
        )
    paired = statistics.median(
        rate(o[0], o[2]) / rate(s[0], s[2]) for s, o in zip(spiff_rounds, ours_rounds, strict=True)
    )
    line("", "", "median ratio of side-by-side rounds (CPU)", f"{paired:.1f}x")

    rounds, seconds = (2, 0.3) if quick else (DURABLE_ROUNDS, ROUND_SECONDS)
    print(
        f"durable (SQLite, synchronous=FULL, WAL): {rounds} alternating rounds of the raw loop, "
        f"Spiff, one submitter (each command its own transaction and fsync) and {SUBMITTERS} "
        f"submitting threads (group commit), {seconds:g} s each "
        f"(load average {os.getloadavg()[0]:.1f})"
    )
    raw_rows = raw_command_rate(workdir / "raw-rows.db", durable * 5)
    spiff_db = sqlite3.connect(workdir / "spiff.db", isolation_level=None)
    spiff_db.execute("PRAGMA journal_mode = WAL")
    spiff_db.execute("PRAGMA synchronous = FULL")
    spiff_db.execute("CREATE TABLE instances (id INTEGER PRIMARY KEY, blob TEXT)")

    def save(blob: str) -> None:
        spiff_db.execute("INSERT OR REPLACE INTO instances VALUES (1, ?)", (blob,))

    store = SQLiteStore(workdir / "cases.db")
    engine = Engine(base, store, clock=clock)
    grouped = SQLiteStore(workdir / "cases-grouped.db")
    many = Engine(base, grouped, clock=clock)
    tthc_case(many)
    counted = grouped.group.transactions, grouped.group.changes
    times: list[float] = []
    spiff_sql_times: list[float] = []
    thread_times: list[list[float]] = [[] for _ in range(SUBMITTERS)]
    # This machine's disk swings from one second to the next (raw rates of 230 to 4,100
    # commits/s) and Spiff's rate with the CPU left to it: every figure is measured in each
    # round, side by side, and the medians over the rounds are the totals (a round that lost
    # the disk or the CPU moves a median less than a sum).
    measured: dict[str, list[float]] = {k: [] for k in ("raw", "spiff", "sql", "one", "many")}

    def spiff_round(saving: Callable[[str], None], kept: list[float]) -> float:
        spent: list[float] = []

        def instance() -> int:
            done, steps = spiff.persisted_instance(saving)
            spent.extend(steps)
            return done

        for_seconds(instance, seconds / 2)
        kept.extend(spent)
        return rate(len(spent), sum(spent))

    for number in range(rounds):
        measured["raw"].append(rate(*raw_sqlite_rate(workdir / f"raw{number}.db", seconds / 2)))
        measured["spiff"].append(spiff_round(lambda blob: None, []))
        measured["sql"].append(spiff_round(save, spiff_sql_times))
        measured["one"].append(rate(*for_seconds(lambda: tthc_case(engine, times), seconds)))
        measured["many"].append(rate(*submitters(many, thread_times, seconds)))
        r = {k: v[-1] for k, v in measured.items()}
        print(
            f"  round {number + 1}: raw {r['raw']:,.0f}/s, Spiff {r['spiff']:,.0f}/s; one "
            f"submitter {r['one']:,.0f}/s = {r['one'] / r['spiff']:.1f}x, "
            f"{r['one'] / r['raw']:.0%} of raw; {SUBMITTERS} threads {r['many']:,.0f}/s = "
            f"{r['many'] / r['spiff']:.1f}x, {r['many'] / r['raw']:.0%} of raw "
            f"(load average {os.getloadavg()[0]:.1f})"
        )
    median = {k: statistics.median(v) for k, v in measured.items()}

    def side_by_side(ours: str, theirs: str) -> float:
        """The median of the ratios of the rounds (each measured side by side)."""
        pairs = zip(measured[ours], measured[theirs], strict=True)
        return statistics.median(o / t for o, t in pairs)

    def figures(key: str, what: str) -> None:
        line(
            "commands/s (median of the rounds)",
            f"{median[key]:,.0f}",
            f"Spiff saved each step {median['spiff']:,.0f}/s",
            f"{side_by_side(key, 'spiff'):.1f}x (target >= 5x; {what})",
        )
        line(
            "",
            "",
            f"Spiff into SQLite FULL {median['sql']:,.0f}/s",
            f"{side_by_side(key, 'sql'):.1f}x",
        )
        line(
            "share of the raw commit rate",
            f"{side_by_side(key, 'raw'):.0%}",
            f"raw SQLite {median['raw']:,.0f} commits/s",
            "(target >= 60 %; median of the rounds' shares)",
        )

    print(f"durable, one submitter (load average {os.getloadavg()[0]:.1f})")
    figures("one", "median of the rounds' ratios")
    line(
        "",
        f"{median['one'] / raw_rows:.0%}",
        f"raw, a command's rows {raw_rows:,.0f} commits/s",
        "(for scale: the same rows, no engine)",
    )
    line("latency p50 / p99 (ms)", f"{percentile(times, 0.5) * 1000:.2f} / {percentile(times, 0.99) * 1000:.2f}",
         f"Spiff {percentile(spiff_sql_times, 0.5) * 1000:.2f} / {percentile(spiff_sql_times, 0.99) * 1000:.2f}")  # fmt: skip
    stored = len(store.case_ids())
    sizes = {
        table: store._db.execute(f"SELECT SUM(pgsize) FROM dbstat WHERE name = '{table}'").fetchone()[0]
        for table in ("cases", "events", "outbox")
    } if _has_dbstat(store) else {}  # fmt: skip
    total = sum(v or 0 for v in sizes.values()) or os.path.getsize(workdir / "cases.db")
    spiff_blob = spiff_db.execute("SELECT LENGTH(blob) FROM instances").fetchone()[0]
    line(
        "bytes stored per closed case",
        f"{total / stored:,.0f}",
        f"Spiff blob {spiff_blob:,} (no trail)",
        json.dumps(sizes),
    )
    store.close()
    print(
        f"durable, {SUBMITTERS} submitting threads on one store, in the same rounds (group "
        f"commit: commands arriving during a COMMIT share the next one; load average "
        f"{os.getloadavg()[0]:.1f})"
    )
    figures("many", "median of the rounds' ratios")
    commits = grouped.group.transactions - counted[0]
    count = grouped.group.changes - counted[1]
    line(
        "commands per transaction (one fsync each)",
        f"{count / max(1, commits):.1f}",
        f"{commits:,} transactions for {count:,} commands",
        f"one submitter: {median['one']:,.0f}/s, 1.0 per transaction",
    )
    all_times = [t for each in thread_times for t in each]
    line("latency p50 / p99 (ms)", f"{percentile(all_times, 0.5) * 1000:.2f} / {percentile(all_times, 0.99) * 1000:.2f}",
         "each waits for its group's fsync")  # fmt: skip
    grouped.close()
    print(f"storage and scale (load average {os.getloadavg()[0]:.1f})")

    tracemalloc.start()
    memory = Engine(base, MemoryStore(), clock=clock)
    before = tracemalloc.take_snapshot()
    opened = 300 if quick else 2000
    for _ in range(opened):
        memory.submit(
            Dossier(
                BIRTH,
                {"name": "X"},
                "direct",
                "01",
                "00004",
                "00004",
                ("to_khai", "giay_chung_sinh"),
            )
        )
    after = tracemalloc.take_snapshot()
    ours_bytes = sum(s.size_diff for s in after.compare_to(before, "filename")) / opened
    before = tracemalloc.take_snapshot()
    live = [spiff.new() for _ in range(opened // 4)]
    after = tracemalloc.take_snapshot()
    spiff_bytes = sum(s.size_diff for s in after.compare_to(before, "filename")) / len(live)
    tracemalloc.stop()
    line(
        "memory per open case (in-memory store)",
        f"{ours_bytes / 1024:,.1f} KiB",
        f"Spiff live instance {spiff_bytes / 1024:,.1f} KiB",
        "SQLite store: none held",
    )

    text = big_bundle(base, 10_000)
    gc.collect()
    start = time.perf_counter()
    loaded = load_bundle(text).value
    load_seconds = time.perf_counter() - start
    assert loaded is not None and len(loaded.procedures) == 10_000
    start = time.perf_counter()
    Engine(loaded, MemoryStore(), clock=clock)._procedure(loaded.procedures[-1])
    first_use = time.perf_counter() - start
    line(
        "load a bundle of 10,000 procedures",
        f"{load_seconds * 1000:,.0f} ms",
        f"{len(text) / 1e6:,.0f} MB JSON; first use of one {first_use * 1000:.1f} ms",
    )

    million = 100_000 if quick else 1_000_000
    big = overdue_store(workdir / "million.db", million)
    plan = big._db.execute(
        "EXPLAIN QUERY PLAN SELECT id, procedure, commune, alarm, holder, handoff_body, handoff_due FROM cases WHERE alarm IS NOT NULL AND alarm < '2026-03-04' ORDER BY alarm, id"
    ).fetchall()
    samples = []
    for _ in range(5):
        start = time.perf_counter()
        rows = big.overdue(dt.date(2026, 3, 4))
        samples.append(time.perf_counter() - start)
    page = []
    for _ in range(5):
        start = time.perf_counter()
        big.overdue(dt.date(2026, 3, 4), limit=100)
        page.append(time.perf_counter() - start)
    line(
        f"overdue query over {million:,} cases",
        f"{statistics.median(samples) * 1000:,.1f} ms",
        f"{len(rows):,} overdue rows; first 100: {statistics.median(page) * 1000:.1f} ms",
        "(target <= 100 ms)",
    )
    print(f"  plan: {'; '.join(str(p[-1]) for p in plan)}")
    big.close()
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


def _has_dbstat(store: SQLiteStore) -> bool:
    try:
        store._db.execute("SELECT 1 FROM dbstat LIMIT 1").fetchall()
    except sqlite3.Error:
        return False
    return True


if __name__ == "__main__":
    main()
