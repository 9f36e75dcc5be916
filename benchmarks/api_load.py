"""The HTTP API under load, beside PostgreSQL's own commit rate measured in the same run.

    .venv/bin/python benchmarks/api_load.py            # ~3-6 min: 1, 2, 4 workers; 1,000,000 cases
    .venv/bin/python benchmarks/api_load.py --quick    # smoke run: 1 worker, 5 s, 20,000 cases

Everything runs on this machine, on loopback only: a throw-away PostgreSQL started by
`.ci/postgres.sh`, `tthc serve` with 1, 2 and 4 uvicorn workers over it, and the clients (asyncio
with httpx, one process; their own CPU is part of what the two cores share, and is said so).

Figures:
- write load: 64 concurrent clients each submitting dossiers (one command: the case row, its
  first audit event, a notification and the idempotency receipt, one transaction) for a fixed
  time: commands/s, p50/p99 latency, per worker count;
- PostgreSQL's raw commit rate: `pgbench` with 64 clients each committing one small insert per
  transaction, on the same server, the same run; the ratio of the two;
- reading at scale: with N cases stored (default 1,000,000, written by COPY), 16 concurrent
  clients reading an officer's work list (their commune's open cases waiting on their role,
  newest due first, 50 a page) and one case with its history: p50/p99 each. Open Zaak's
  published figures for its case list over 1,000,000 cases (140-240 ms median with 1 user,
  240-390 ms with 16, ten one-CPU replicas) are printed beside them for scale.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import jwt
import psycopg
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
                if httpx.get(f"{self.url}/openapi.json", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.3)
        raise SystemExit("tthc serve did not start")

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=60)


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def token(key: Any, role: str, commune: str, officer: str = "bench") -> str:
    claims = {
        "sub": officer,
        "role": role,
        "province": "01",
        "commune": commune,
        "exp": int(time.time()) + 3600,
    }
    return jwt.encode(claims, key, algorithm="ES256", headers={"kid": "bench"})


async def write_load(
    url: str, key: Any, documents: list[str], clients: int, seconds: float
) -> list[float]:
    headers = {"Authorization": f"Bearer {token(key, 'commune.one_stop', '00004')}"}
    body = {
        "procedure": BUSINESS,
        "applicant": {"name": "Nguyễn Văn A"},
        "channel": "online",
        "province": "01",
        "received_commune": "00004",
        "competent_commune": "00004",
        "documents": documents,
    }
    latencies: list[float] = []
    failures = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as client:
        end = time.perf_counter() + seconds

        async def one_client() -> None:
            nonlocal failures
            while time.perf_counter() < end:
                began = time.perf_counter()
                answer = await client.post(
                    "/v1/cases",
                    json=body,
                    headers={**headers, "Idempotency-Key": uuid.uuid4().hex},
                )
                if answer.status_code == 201:
                    latencies.append(time.perf_counter() - began)
                else:
                    failures += 1

        await asyncio.gather(*(one_client() for _ in range(clients)))
    if failures:
        print(f"  ({failures} commands not acknowledged)")
    return latencies


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
        cursor.execute("ANALYZE cases")
        connection.commit()


async def read_load(
    url: str, key: Any, case_ids: list[str], clients: int, requests: int
) -> tuple[list[float], list[float]]:
    work: list[float] = []
    one: list[float] = []
    rng = random.Random(7)
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:

        async def one_client(number: int) -> None:
            for i in range(requests):
                commune = f"{rng.randrange(COMMUNES):05d}"
                role = "commune.one_stop"
                headers = {"Authorization": f"Bearer {token(key, role, commune)}"}
                began = time.perf_counter()
                answer = await client.get("/v1/worklist?size=50", headers=headers)
                assert answer.status_code == 200, answer.text
                work.append(time.perf_counter() - began)
                case_id = case_ids[(number * requests + i) % len(case_ids)]
                mine = {"Authorization": f"Bearer {token(key, role, '00004')}"}
                began = time.perf_counter()
                answer = await client.get(f"/v1/cases/{case_id}", headers=mine)
                history = await client.get(f"/v1/cases/{case_id}/history", headers=mine)
                assert answer.status_code == history.status_code == 200, answer.text
                one.append(time.perf_counter() - began)

        await asyncio.gather(*(one_client(n) for n in range(clients)))
    return work, one


def ms(values: list[float], q: float) -> str:
    ordered = sorted(values)
    return f"{ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--cases", type=int, default=1_000_000)
    options = parser.parse_args()
    workers_list = [1] if options.quick else [1, 2, 4]
    seconds = 5.0 if options.quick else options.seconds
    stored = 20_000 if options.quick else options.cases
    print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores shared with the clients)")
    folder = Path(tempfile.mkdtemp(prefix="tthc-bench-http-"))
    pg_folder = tempfile.mkdtemp(prefix="tthc-bench-pg-")
    url = start_postgres(pg_folder)
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

        raw = raw_commit_rate(url, int(seconds), options.clients)
        print(f"PostgreSQL raw commit rate (pgbench, {options.clients} clients): {raw:,.0f}/s")
        print(f"{'workers':>7} {'commands/s':>11} {'p50':>10} {'p99':>10} {'of raw':>7}")
        for workers in workers_list:
            database = f"{url}?options=-csearch_path%3Dw{workers}"
            with psycopg.connect(url, autocommit=True) as connection:
                connection.execute(f"CREATE SCHEMA IF NOT EXISTS w{workers}")
            PostgresStore(database).close()
            serve = Serve(folder, database, workers, key)
            try:
                asyncio.run(write_load(serve.url, key, documents, options.clients, 1.0))
                latencies = asyncio.run(
                    write_load(serve.url, key, documents, options.clients, seconds)
                )
            finally:
                serve.stop()
            rate = len(latencies) / seconds
            print(
                f"{workers:>7} {rate:>11,.0f} {ms(latencies, 0.5):>10} {ms(latencies, 0.99):>10}"
                f" {rate / raw:>7.0%}"
            )

        database = f"{url}?options=-csearch_path%3Dread"
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("CREATE SCHEMA IF NOT EXISTS read")
        PostgresStore(database).close()
        began = time.perf_counter()
        store_cases(database, stored)
        print(f"stored {stored:,} cases in {time.perf_counter() - began:.1f} s (COPY)")
        serve = Serve(folder, database, 2, key)
        try:
            ids = asyncio.run(seed_readable(serve.url, key, documents))
            work, one = asyncio.run(read_load(serve.url, key, ids, 16, 25 if options.quick else 60))
        finally:
            serve.stop()
        print(f"reading with {stored:,} cases stored, 16 clients, 2 workers:")
        print(f"  work list (50 a page): p50 {ms(work, 0.5)}, p99 {ms(work, 0.99)}")
        print(f"  one case + history:    p50 {ms(one, 0.5)}, p99 {ms(one, 0.99)}")
        print(f"  beside: {OPEN_ZAAK}")
        print(f"load average after: {os.getloadavg()[0]:.2f}")
    finally:
        subprocess.run(["bash", str(ROOT / ".ci" / "postgres.sh"), "stop", pg_folder], check=False)
        shutil.rmtree(pg_folder, ignore_errors=True)
        shutil.rmtree(folder, ignore_errors=True)


async def seed_readable(url: str, key: Any, documents: list[str]) -> list[str]:
    """A few real cases (submitted through the API, with their audit trail) to read back."""
    headers = {"Authorization": f"Bearer {token(key, 'commune.one_stop', '00004')}"}
    body = {
        "procedure": BUSINESS,
        "applicant": {"name": "Lê Thị C"},
        "channel": "online",
        "province": "01",
        "received_commune": "00004",
        "competent_commune": "00004",
        "documents": documents,
    }
    ids = []
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        for _ in range(50):
            answer = await client.post("/v1/cases", json=body, headers=headers)
            ids.append(answer.json()["case"]["id"])
    return ids


if __name__ == "__main__":
    main()
