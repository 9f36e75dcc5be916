"""Faults under load, over HTTP: a worker killed with SIGKILL while clients are mid-request,
and PostgreSQL itself restarted. Clients retry as a portal would, with the same idempotency key;
each command is applied exactly once, nothing acknowledged is lost, every chain verifies, and
while the database is down the answer is a clean 503, never a 500."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from tthc.compiler import Bundle
from tthc.runtime import Officer
from tthc.runtime.audit import verify
from tthc.runtime.store.postgres import PostgresStore

ROOT = Path(__file__).resolve().parents[3]
DESK = Officer("commune.one_stop@00004", "commune.one_stop", "01", "00004")
BUSINESS = "1.001612"
CLIENTS, PER_CLIENT = 8, 6


def dossier(corpus: Bundle, client: int) -> dict[str, Any]:
    version = corpus.in_force(BUSINESS, dt.date.today())
    assert version is not None
    return {
        "procedure": BUSINESS,
        "applicant": {"name": f"Người nộp {client}", "id": f"0011900000{client:02d}"},
        "channel": "direct",
        "province": "01",
        "received_commune": "00004",
        "competent_commune": "00004",
        "documents": list(version.model().components),
    }


def submit_until_answered(
    server: Any, body: dict[str, Any], key: str, statuses: list[int]
) -> str | None:
    """Submit as a portal does: on a dropped connection or a 5xx, the same key again."""
    headers = {"Authorization": f"Bearer {server.token(DESK)}", "Idempotency-Key": key}
    for _ in range(200):
        try:
            answer = httpx.post(f"{server.url}/v1/cases", json=body, headers=headers, timeout=10)
        except httpx.HTTPError:
            time.sleep(0.1)
            continue
        statuses.append(answer.status_code)
        if answer.status_code == 201:
            return str(answer.json()["case"]["id"])
        assert answer.status_code in (502, 503), answer.text
        time.sleep(0.1)
    return None


def run_clients(
    server: Any, corpus: Bundle, disturb: Callable[[], None]
) -> tuple[dict[str, str], list[int]]:
    """Clients submit without pause while `disturb` runs, and for a moment after it is done."""
    acknowledged: dict[str, str] = {}
    statuses: list[int] = []
    lock = threading.Lock()
    stop = threading.Event()

    def client(number: int) -> None:
        round_ = 0
        while round_ < PER_CLIENT or not stop.is_set():
            key = f"client-{number}-{round_}"
            case_id = submit_until_answered(server, dossier(corpus, number), key, statuses)
            assert case_id is not None, key
            with lock:
                acknowledged[key] = case_id
            round_ += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    try:
        disturb()
        time.sleep(1.0)
    finally:
        stop.set()
    for thread in threads:
        thread.join(timeout=300)
    return acknowledged, statuses


def assert_exactly_once(database: str, acknowledged: dict[str, str]) -> None:
    store = PostgresStore(database, pool_size=1, migrate=False)
    try:
        assert len(acknowledged) >= CLIENTS * PER_CLIENT
        assert len(set(acknowledged.values())) == len(acknowledged)  # one case per key
        stored = store.case_ids()
        assert sorted(stored) == sorted(acknowledged.values())  # none lost, none applied twice
        for case_id in stored:
            assert verify(store.events(case_id)) == [], case_id
            assert store.case(case_id) is not None
    finally:
        store.close()


def test_a_worker_killed_mid_request_loses_and_repeats_nothing(
    serve: Callable[..., Any], fresh_database: Callable[[], str], corpus: Bundle
) -> None:
    server = serve(fresh_database(), workers=2)
    kills: list[int] = []

    def kill_workers() -> None:
        rng = random.Random(15)
        for _ in range(3):
            time.sleep(rng.uniform(0.2, 0.8))
            workers = server.workers()
            if workers:
                victim = rng.choice(workers)
                os.kill(victim, signal.SIGKILL)
                kills.append(victim)

    acknowledged, statuses = run_clients(server, corpus, kill_workers)
    assert kills, "no worker was killed: the test proves nothing"
    assert 500 not in statuses
    assert_exactly_once(server.database, acknowledged)


@pytest.fixture
def own_postgres() -> Any:
    """A PostgreSQL server of this test's own (it is restarted under load), on a fixed port."""
    folder = tempfile.mkdtemp(prefix="tthc-pg-restart-")
    script = ROOT / ".ci" / "postgres.sh"
    started = subprocess.run(
        ["bash", str(script), "start", folder], capture_output=True, text=True, check=False
    )
    if started.returncode != 0:
        pytest.fail(f"PostgreSQL could not be started:\n{started.stderr}", pytrace=False)
    url = started.stdout.strip()
    port = url.rsplit(":", 1)[1].split("/")[0]

    def restart(down: float) -> None:
        subprocess.run(["bash", str(script), "stop", folder], check=True)
        time.sleep(down)
        again = subprocess.run(
            ["bash", str(script), "start", folder, port], capture_output=True, text=True
        )
        assert again.returncode == 0, again.stderr

    yield url, restart
    subprocess.run(["bash", str(script), "stop", folder], check=False)


def test_postgresql_restarted_under_load_answers_503_then_recovers(
    serve: Callable[..., Any], own_postgres: Any, corpus: Bundle
) -> None:
    url, restart = own_postgres
    PostgresStore(url).close()
    server = serve(url, workers=2)
    acknowledged, statuses = run_clients(server, corpus, lambda: (time.sleep(0.5), restart(5.0)))
    assert 503 in statuses, "the database never went down under the clients"
    assert 500 not in statuses
    assert_exactly_once(url, acknowledged)
