"""The HTTP API under load, beside PostgreSQL's own commit rate measured in the same run.

    .venv/bin/python benchmarks/api_load.py            # ~4-6 min: 1, 2, 4 workers; 1,000,000 cases
    .venv/bin/python benchmarks/api_load.py --quick    # smoke run: 1 worker, 5 s, 20,000 cases

Everything runs on this machine, on loopback only: a throw-away PostgreSQL started by
`.ci/postgres.sh`, `tthc serve` with 1, 2 and 4 uvicorn workers over it, and the clients: for
the write load `wrk` (C, one thread, `benchmarks/api_submit.lua` giving each request its own
idempotency key; its Debian package installed when missing), since a portal's clients run on
other machines and the Python client's ~0.4 ms of CPU a request was an eighth of the two cores'
work; the Python client (`benchmarks/api_clients.py`: aiohttp, one asyncio process) once more at
4 workers for its figure (`--client python|wrk` for one of them only), and for the open loop and
the reads. Client, server and PostgreSQL share
the two cores, so every figure is printed with the load average beside it, and with the CPU it
cost per request in each of the three (server, PostgreSQL, client: CPU seconds of each process
tree / requests), which does not depend on what else the machine runs.

Figures, each beside its target (issue 15):
- write load: 64 concurrent clients each submitting dossiers (one command: the case row, its
  first audit event, a notification and the idempotency receipt, one transaction) for a fixed
  time: commands/s, p50/p99 latency, per worker count; target p99 <= 100 ms at 4 workers;
- PostgreSQL's raw commit rate: `pgbench` with 64 clients each committing one small insert per
  transaction, on the same server, the same run; the ratio of the two;
- the arithmetic: CPU per command x rate against the two cores, what latency 64 clients in a
  closed loop must then see (Little's law), and where PostgreSQL's commit rate would be the limit;
- open loop: submits at a fixed rate below saturation (half the slower client's closed-loop
  rate at 4 workers), latency timed from each request's scheduled start;
- a client check: 64 clients against a route that answers at once (401), so that the client's
  own ceiling is known;
- reading at scale: with N cases stored (default 1,000,000, written by COPY, then VACUUM
  ANALYZE), 16 concurrent clients reading an officer's work list (their commune's open cases
  waiting on their role, newest due first, 50 a page) and one case with its history (one
  request, `GET /v1/cases/{id}?include=history`) and a province officer's work list (a token
  granting the whole province, no commune; the `cases_work_province` index of migration 4,
  whose query alone is timed with and without it): p50/p99,
  target p50 <= 20 ms and p99 <= 100 ms; the work-list query alone (EXPLAIN ANALYZE). Open
  Zaak's published figures for its case list over 1,000,000 cases (140-240 ms median with 1
  user, 240-390 ms with 16, ten one-CPU replicas) are printed beside them for scale.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import jwt
import psycopg
from api_clients import (
    Request,
    closed_loop,
    open_loop,
    reads,
    tree_cpu,
    wrk_available,
    wrk_closed_loop,
)
from cryptography.hazmat.primitives.asymmetric import ec
from jwt.algorithms import ECAlgorithm

from tthc.compiler import bundle
from tthc.rules import load_and_check
from tthc.runtime.store.postgres import PostgresStore

ROOT = Path(__file__).resolve().parent.parent
BUSINESS = "1.001612"
COMMUNES = 500  # the communes of a province the stored cases are spread over
OPEN_ZAAK = "Open Zaak (published, 1,000,000 cases, 10 x 1 CPU): median 140-240 ms (1 user), 240-390 ms (16 users)"


def pg_bin(name: str) -> str:
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    if not found:
        raise SystemExit(f"{name} not found: install PostgreSQL (apt-get install postgresql)")
    return str(found[-1])


def start_postgres(folder: str) -> str:
    started = subprocess.run(
        ["bash", str(ROOT / ".ci" / "postgres.sh"), "start", folder],
        capture_output=True,
        text=True,
        check=False,
    )
    if started.returncode != 0:
        raise SystemExit(f"PostgreSQL did not start:\n{started.stderr}")
    return started.stdout.strip()


def raw_commit_rate(url: str, seconds: int, clients: int) -> float:
    """pgbench: each client commits one small insert per transaction."""
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("DROP TABLE IF EXISTS bench_raw")
        connection.execute("CREATE TABLE bench_raw (id BIGSERIAL PRIMARY KEY, body TEXT)")
    script = Path(tempfile.mkstemp(suffix=".sql")[1])
    script.write_text("INSERT INTO bench_raw (body) VALUES ('x');\n")
    port = url.rsplit(":", 1)[1].split("/")[0]
    done = subprocess.run(
        [pg_bin("pgbench"), "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-n",
         "-c", str(clients), "-j", "2", "-T", str(seconds), "-f", str(script), "postgres"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    script.unlink()
    for line in done.stdout.splitlines():
        if line.startswith("tps = "):
            return float(line.split()[2])
    raise SystemExit(f"pgbench gave no rate:\n{done.stdout}")


class Serve:
    def __init__(self, folder: Path, database: str, workers: int, key: Any) -> None:
        self.port = _free_port()
        self.key = key
        command = [
            str(Path(sys.executable).with_name("tthc")), "serve",
            "--bundle", str(folder / "bundle.json"), "--database", database,
            "--jwks", str(folder / "jwks.json"), "--port", str(self.port),
            "--workers", str(workers),
        ]  # fmt: skip
        env = dict(os.environ)
        self.process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            start_new_session=True,
        )
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                answered = httpx.get(f"{self.url}/openapi.json", timeout=2).status_code == 200
            except httpx.HTTPError:
                answered = False
            # Every worker listening (each on a socket of its own, `tthc.server.workers`), so
            # that the load's connections are spread over all of them, not the first started.
            if answered and self.listening() >= workers:
                return
            time.sleep(0.3)
        raise SystemExit("tthc serve did not start")

    def listening(self) -> int:
        """The listening sockets on the port (one a worker; 1 where `ss` is missing)."""
        if shutil.which("ss") is None:
            return 1 << 30
        found = subprocess.run(
            ["ss", "-ltnH", f"( sport = :{self.port} )"], capture_output=True, text=True
        )
        return len([line for line in found.stdout.splitlines() if line.strip()])

    def spread(self) -> str:
        """The established connections per worker, busiest first ("18/16/16/14"): the kernel
        spreads them by a hash, and the clients of the busiest worker wait the longest."""
        if shutil.which("ss") is None:
            return "?"
        found = subprocess.run(
            ["ss", "-tnpH", "state", "established", f"( sport = :{self.port} )"],
            capture_output=True,
            text=True,
        )
        counts = Counter(re.findall(r"pid=(\d+)", found.stdout))
        return "/".join(str(n) for n in sorted(counts.values(), reverse=True)) or "?"

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=60)


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def token(key: Any, role: str, commune: str | None, officer: str = "bench") -> str:
    claims = {
        "sub": officer,
        "role": role,
        "province": "01",
        "commune": commune,
        "exp": int(time.time()) + 3600,
    }
    return jwt.encode(claims, key, algorithm="ES256", headers={"kid": "bench"})


def store_cases(database: str, count: int) -> None:
    """`count` cases spread over the communes, by COPY (the engine's own rows, as it writes them:
    their states are one realistic case's, with the id, commune, dates and holder varied)."""
    rng = random.Random(2025)
    roles = ["commune.one_stop", "commune.business_registry", "commune.chairman"]
    with psycopg.connect(database) as connection, connection.cursor() as cursor:
        template = json.dumps({"note": "bench"})
        with cursor.copy(
            "COPY cases (id, procedure, province, commune, status, filed, closed, on_time, "
            "alarm, holder, handoff_body, handoff_due, version, state) FROM STDIN"
        ) as copy:
            for n in range(count):
                closed = rng.random() < 0.7
                day = f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}"
                copy.write_row(
                    (
                        f"bench-{n:07d}",
                        BUSINESS,
                        "01",
                        f"{rng.randrange(COMMUNES):05d}",
                        "resolved" if closed else "open",
                        day,
                        day if closed else None,
                        1 if closed else None,
                        None if closed else day,
                        "" if closed else rng.choice(roles),
                        None,
                        None,
                        1,
                        template,
                    )
                )
        connection.commit()
    with psycopg.connect(database, autocommit=True) as connection:
        # The table as autovacuum leaves it in service: statistics, and the visibility map
        # that lets the work list be read from its index alone.
        connection.execute("VACUUM ANALYZE cases")


def ms(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else 0.0


def load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


class Meter:
    """CPU seconds of the server's and PostgreSQL's process trees over a `with` block."""

    def __init__(self, server: int, postgres: int) -> None:
        self.server, self.postgres = server, postgres

    def __enter__(self) -> Meter:
        self._began = (tree_cpu(self.server), tree_cpu(self.postgres))
        return self

    def __exit__(self, *_: object) -> None:
        self.server_cpu = tree_cpu(self.server) - self._began[0]
        self.postgres_cpu = tree_cpu(self.postgres) - self._began[1]

    def per(self, requests: int, client_cpu: float) -> tuple[float, float, float]:
        """Milliseconds of CPU a request in the server, PostgreSQL and the client."""
        n = max(1, requests)
        return (
            self.server_cpu / n * 1000,
            self.postgres_cpu / n * 1000,
            client_cpu / n * 1000,
        )


def cpu_text(cpu: tuple[float, float, float]) -> str:
    return f"server {cpu[0]:.2f} + PostgreSQL {cpu[1]:.2f} + client {cpu[2]:.2f} ms"


def submit_request(key: Any, documents: list[str]) -> Request:
    body = {
        "procedure": BUSINESS,
        "applicant": {"name": "Nguyễn Văn A"},
        "channel": "online",
        "province": "01",
        "received_commune": "00004",
        "competent_commune": "00004",
        "documents": documents,
    }
    headers = {"Authorization": f"Bearer {token(key, 'commune.one_stop', '00004')}"}
    return ("POST", "/v1/cases", body, headers)


def submits(
    serve: Serve,
    postmaster: int,
    request: Request,
    clients: int,
    seconds: float,
    wrk: str | None,
    spread: list[str],
) -> tuple[float, float, float, int, tuple[float, float, float]]:
    """`clients` submitting in a closed loop for `seconds` (after a 1 s warm-up), by `wrk`
    when given, else by the Python client: commands/s, p50 and p99 (ms), the requests not
    acknowledged, and the CPU a command in the server, PostgreSQL and the client; with `wrk`,
    the connections per worker halfway through appended to `spread`."""
    if wrk is not None:
        bearer = request[3]["Authorization"].removeprefix("Bearer ")
        wrk_closed_loop(wrk, serve.url, request[2], bearer, clients, 1.0)  # warm up
        # The connections per worker, counted halfway through the load.
        counted = threading.Timer(seconds / 2, lambda: spread.append(serve.spread()))
        counted.start()
        with Meter(serve.process.pid, postmaster) as meter:
            rate, p50, p99, failures, client, n = wrk_closed_loop(
                wrk, serve.url, request[2], bearer, clients, seconds
            )
        counted.join()
        return rate, p50, p99, failures, meter.per(n, client)
    closed_loop(serve.url, request, 201, clients, 1.0)  # warm up
    with Meter(serve.process.pid, postmaster) as meter:
        latencies, failures, client = closed_loop(serve.url, request, 201, clients, seconds)
    rate = len(latencies) / seconds
    cpu = meter.per(len(latencies), client)
    return rate, ms(latencies, 0.5), ms(latencies, 0.99), failures, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument(
        "--client",
        choices=("both", "wrk", "python"),
        default="both",
        help="the write load's client: wrk (installed when missing), and the Python client "
        "once more at the most workers (both, the default); or only one of them",
    )
    options = parser.parse_args()
    workers_list = [1] if options.quick else [1, 2, 4]
    seconds = 5.0 if options.quick else options.seconds
    stored = 20_000 if options.quick else options.cases
    cores = os.cpu_count() or 1
    print(f"{cores} cores, shared by the clients, the server and PostgreSQL; {load()} before")
    folder = Path(tempfile.mkdtemp(prefix="tthc-bench-http-"))
    pg_folder = tempfile.mkdtemp(prefix="tthc-bench-pg-")
    url = start_postgres(pg_folder)
    postmaster = int((Path(pg_folder) / "data" / "postmaster.pid").read_text().split()[0])
    try:
        project, diagnostics = load_and_check([ROOT / "procedures"])
        made = bundle(project.model, diagnostics)
        assert made.value is not None
        (folder / "bundle.json").write_text(made.value.to_json(), encoding="utf-8")
        version = made.value.in_force(BUSINESS, dt.date.today())
        assert version is not None
        documents = list(version.model().components)
        key = ec.generate_private_key(ec.SECP256R1())
        jwk = json.loads(ECAlgorithm.to_jwk(key.public_key()))
        jwk.update({"kid": "bench", "alg": "ES256"})
        (folder / "jwks.json").write_text(json.dumps({"keys": [jwk]}), encoding="utf-8")
        request = submit_request(key, documents)

        raw = raw_commit_rate(url, int(seconds), options.clients)
        print(
            f"PostgreSQL raw commit rate (pgbench, {options.clients} clients, one insert a "
            f"transaction, fsync on): {raw:,.0f}/s  ({load()})"
        )
        wrk = None if options.client == "python" else wrk_available()
        client_name = (
            f"wrk ({subprocess.run([wrk, '-v'], capture_output=True, text=True).stdout.split()[1]}"
            ", C, one thread; benchmarks/api_submit.lua)"
            if wrk
            else "the Python client (aiohttp, one asyncio process; benchmarks/api_clients.py)"
        )
        print(
            f"\nwrite load: {options.clients} clients in a closed loop, {seconds:.0f} s each; "
            f"client: {client_name}"
        )
        print(
            f"{'workers':>7} {'commands/s':>10} {'p50 ms':>7} {'p99 ms':>7} {'target p99':>10} "
            f"{'of raw':>7}  CPU a command"
        )
        last: tuple[float, tuple[float, float, float]] = (0.0, (0.0, 0.0, 0.0))
        serve = None
        for workers in workers_list:
            database = f"{url}?options=-csearch_path%3Dw{workers}"
            with psycopg.connect(url, autocommit=True) as connection:
                connection.execute(f"CREATE SCHEMA IF NOT EXISTS w{workers}")
            PostgresStore(database).close()
            serve = Serve(folder, database, workers, key)
            target = "<= 100" if workers == 4 else "-"
            runs = [("wrk", wrk)] if wrk else []
            if not wrk or (options.client == "both" and workers == workers_list[-1]):
                runs.append(("python", None))
            # The open loop is driven by the Python client: half the slower client's
            # closed-loop rate at the most workers, below the server's ceiling and the client's.
            slowest = float("inf")
            for name, binary in runs:
                spread: list[str] = []
                figures = submits(
                    serve, postmaster, request, options.clients, seconds, binary, spread
                )
                rate, p50, p99, failures, cpu = figures
                if name == runs[0][0]:
                    last = (rate, cpu)
                slowest = min(slowest, rate)
                label = f"{workers}" if len(runs) == 1 else f"{workers} {name}"
                print(
                    f"{label:>7} {rate:>10,.0f} {p50:>7.1f} {p99:>7.1f} {target:>10} "
                    f"{rate / raw:>7.1%}  {cpu_text(cpu)}  ({load()})"
                    + (f"  [connections per worker {spread[0]}]" if spread and workers > 1 else "")
                    + (f"  [{failures} not acknowledged]" if failures else "")
                )
            if workers != workers_list[-1]:
                serve.stop()
        assert serve is not None
        try:
            rate, cpu = last
            total = sum(cpu)
            ceiling = cores * 1000 / total
            print(
                f"\nthe arithmetic (at {workers_list[-1]} worker(s)): {total:.2f} ms of CPU a command "
                f"({cpu_text(cpu)}) on {cores} cores: at most {ceiling:,.0f} commands/s "
                f"with the cores all ours;\n  {options.clients} clients in a closed loop then "
                f"wait >= {options.clients} / {ceiling:,.0f}/s = "
                f"{options.clients / ceiling * 1000:.0f} ms on average (Little's law); a p99 "
                f"<= 100 ms needs > {options.clients / 0.1:,.0f} commands/s, i.e. <= "
                f"{cores * 1000 / (options.clients / 0.1):.2f} ms of CPU a command on these cores"
            )
            print(
                f"  PostgreSQL's commit rate ({raw:,.0f}/s; a command is at most one commit, "
                f"fewer by group commit) is the limit "
                f"only past {raw * cpu[0] / 1000:,.0f} server cores at {cpu[0]:.2f} ms a command "
                f"(and {raw * cpu[1] / 1000:,.1f} cores of PostgreSQL at {cpu[1]:.2f} ms); "
                f"here the limit is CPU: {rate / ceiling:.0%} of the ceiling reached"
            )
            offered = max(1.0, round(slowest / 2))
            with Meter(serve.process.pid, postmaster) as meter:
                latencies, failures, client = open_loop(serve.url, request, 201, offered, seconds)
            cpu = meter.per(len(latencies), client)
            print(
                f"\nopen loop (the Python client), {workers_list[-1]} worker(s), {offered:,.0f} submits/s offered (half "
                f"the slower client's closed-loop rate): p50 {ms(latencies, 0.5):.1f} ms, p99 "
                f"{ms(latencies, 0.99):.1f} ms (target p99 <= 100)  {cpu_text(cpu)}  ({load()})"
                + (f"  [{failures} not acknowledged]" if failures else "")
            )
            probe: Request = ("GET", "/v1/worklist", None, {})
            latencies, _, client = closed_loop(serve.url, probe, 401, options.clients, 3.0)
            print(
                f"client check: {options.clients} clients, a route answering at once (401): "
                f"{len(latencies) / 3.0:,.0f}/s, client CPU "
                f"{client / max(1, len(latencies)) * 1000:.2f} ms a request  ({load()})"
            )
        finally:
            serve.stop()

        database = f"{url}?options=-csearch_path%3Dread"
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("CREATE SCHEMA IF NOT EXISTS read")
        PostgresStore(database).close()
        began = time.perf_counter()
        store_cases(database, stored)
        print(
            f"\nstored {stored:,} cases in {time.perf_counter() - began:.1f} s "
            f"(COPY, VACUUM ANALYZE)  ({load()})"
        )
        first, keyset, offset = work_list_query_ms(database)
        print(
            f"  the work-list query alone (EXPLAIN ANALYZE, median of 20 communes): first page "
            f"{first:.2f} ms; the page after the 150th case by the API's cursor {keyset:.2f} ms "
            f"(by OFFSET {offset:.2f} ms)"
        )
        indexed, unindexed = province_list_query_ms(database)
        print(
            f"  a province officer's first page (no commune; median of 5): {indexed:.2f} ms by "
            f"the cases_work_province index (migration 4), {unindexed:.2f} ms without it"
        )
        serve = Serve(folder, database, 2, key)
        try:
            ids = seed_readable(serve.url, request)
            tokens = [
                {"Authorization": f"Bearer {token(key, 'commune.one_stop', f'{c:05d}')}"}
                for c in range(COMMUNES)
            ]
            mine = {"Authorization": f"Bearer {token(key, 'commune.one_stop', '00004')}"}
            province = {"Authorization": f"Bearer {token(key, 'commune.one_stop', None)}"}
            rng = random.Random(7)
            rounds = 25 if options.quick else 60

            def pick(client: int, i: int) -> list[list[Request]]:
                case_id = ids[(client * rounds + i) % len(ids)]
                return [
                    [("GET", "/v1/worklist?size=50", None, rng.choice(tokens))],
                    [("GET", f"/v1/cases/{case_id}?include=history", None, mine)],
                    [("GET", "/v1/worklist?size=50", None, province)],
                ]

            with Meter(serve.process.pid, postmaster) as meter:
                (work, one, whole), client = reads(serve.url, pick, 16, rounds)
        finally:
            serve.stop()
        cpu = meter.per(len(work) + len(one) + len(whole), client)
        print(f"reading with {stored:,} cases stored, 16 clients, 2 workers  ({load()}):")
        for name, values in (
            ("work list (50 a page)", work),
            ("one case + history", one),
            ("province work list", whole),
        ):
            print(
                f"  {name:<22} p50 {ms(values, 0.5):6.1f} ms (target <= 20), "
                f"p99 {ms(values, 0.99):6.1f} ms (target <= 100)"
            )
        print(f"  CPU a request: {cpu_text(cpu)}")
        print(f"  beside: {OPEN_ZAAK}")
        print(f"{load()} after")
    finally:
        subprocess.run(["bash", str(ROOT / ".ci" / "postgres.sh"), "stop", pg_folder], check=False)
        shutil.rmtree(pg_folder, ignore_errors=True)
        shutil.rmtree(folder, ignore_errors=True)


def work_list_query_ms(database: str) -> tuple[float, float, float]:
    """The work-list query alone, as PostgreSQL times it, over 20 communes (median): the first
    page; the page after the 150th case by the API's keyset cursor; the same page by OFFSET."""
    from tthc.runtime.store import postgres
    from tthc.server import reads

    first, keyset, offset = [], [], []

    def timed(connection: Any, query: str, parameters: dict[str, Any]) -> float:
        plan = connection.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + query, parameters).fetchone()
        assert plan is not None
        return float(plan[0][0]["Execution Time"])

    with psycopg.connect(database, autocommit=True) as connection:
        for c in range(0, COMMUNES, COMMUNES // 20):
            mine = {"p": "01", "c": f"{c:05d}", "r": "commune.one_stop", "n": 50, "o": 0}
            first.append(timed(connection, postgres.WORK_LIST, mine))
            rows = connection.execute(postgres.WORK_LIST, {**mine, "n": 150}).fetchall()
            if not rows:
                continue
            alarm, case_id = rows[-1][4], rows[-1][0]
            keyset.append(timed(connection, reads.NEXT_PAGE, {**mine, "a": alarm, "i": case_id}))
            offset.append(timed(connection, postgres.WORK_LIST, {**mine, "o": len(rows)}))
    return tuple(sorted(t)[len(t) // 2] for t in (first, keyset, offset))  # type: ignore[return-value]


def province_list_query_ms(database: str) -> tuple[float, float]:
    """A province officer's first page (a token granting the whole province, no commune), as
    PostgreSQL times it (median of 5): with the `cases_work_province` index (migration 4), and
    without it (dropped in a transaction rolled back after): every open case of the province
    read and sorted for one page."""
    from tthc.runtime.store import postgres

    mine = {"p": "01", "r": "commune.one_stop", "n": 50, "o": 0}

    def timed(connection: Any) -> float:
        times = []
        for _ in range(5):
            query = "EXPLAIN (ANALYZE, FORMAT JSON) " + postgres.WORK_LIST_PROVINCE
            plan = connection.execute(query, mine).fetchone()
            assert plan is not None
            times.append(float(plan[0][0]["Execution Time"]))
        return sorted(times)[2]

    with psycopg.connect(database) as connection:
        indexed = timed(connection)
        connection.execute("DROP INDEX cases_work_province")
        unindexed = timed(connection)
        connection.rollback()
    return indexed, unindexed


def seed_readable(url: str, request: Request) -> list[str]:
    """A few real cases (submitted through the API, with their audit trail) to read back."""
    ids = []
    with httpx.Client(base_url=url, timeout=30) as client:
        for _ in range(50):
            answer = client.post(
                request[1],
                json=request[2],
                headers={**request[3], "Idempotency-Key": uuid.uuid4().hex},
            )
            ids.append(answer.json()["case"]["id"])
    return ids


if __name__ == "__main__":
    main()
