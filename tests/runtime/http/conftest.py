"""What the HTTP tests share: `tthc serve` started for real (uvicorn workers on a loopback
port, in a process group of its own so that a test can kill workers and the teardown leaves
none behind), officers authenticated by JWTs the test signs, and an engine of the test's own
over the server's database, to know who must act next."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import jwt
import psycopg
import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from jwt.algorithms import ECAlgorithm

from tthc.compiler import Bundle
from tthc.runtime import Engine, Officer
from tthc.runtime.store.postgres import PostgresStore


class Server:
    """A running `tthc serve`, the key its tokens are signed with, and the database it uses."""

    def __init__(
        self, url: str, database: str, key: ec.EllipticCurvePrivateKey, process: Any
    ) -> None:
        self.url, self.database, self.key, self.process = url, database, key, process
        self.client = httpx.Client(base_url=url, timeout=30.0)

    def token(self, officer: Officer, expires: int = 600, key: Any = None) -> str:
        claims = {
            "sub": officer.id,
            "role": officer.role,
            "province": officer.province,
            "commune": officer.commune,
            "exp": int(time.time()) + expires,
            "iss": "sso.test",
        }
        return jwt.encode(claims, key or self.key, algorithm="ES256", headers={"kid": "test"})

    def call(
        self, method: str, path: str, officer: Officer | None, body: Any = None, **headers: str
    ) -> httpx.Response:
        if officer is not None:
            headers["Authorization"] = f"Bearer {self.token(officer)}"
        return self.client.request(method, path, json=body, headers=headers)

    def workers(self) -> list[int]:
        """The worker processes' ids (the children of the uvicorn supervisor)."""
        found = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True, check=False
        )
        return [int(pid) for pid in found.stdout.split()]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def new_schema(postgres_url: str) -> str:
    """A URL over a fresh schema of the server, its tables created before workers start."""
    schema = "http_" + uuid.uuid4().hex[:10]
    with psycopg.connect(postgres_url, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in postgres_url else "?"
    database = f"{postgres_url}{separator}options=-csearch_path%3D{schema}"
    PostgresStore(database).close()
    return database


@pytest.fixture(scope="module")
def serve(
    corpus: Bundle, pki: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[..., Server]]:
    """Starts `tthc serve` over a database with so many workers; all stop at the end."""
    folder = tmp_path_factory.mktemp("serve")
    (folder / "bundle.json").write_text(corpus.to_json(), encoding="utf-8")
    key = ec.generate_private_key(ec.SECP256R1())
    jwk = json.loads(ECAlgorithm.to_jwk(key.public_key()))
    jwk.update({"kid": "test", "alg": "ES256", "use": "sig"})
    (folder / "jwks.json").write_text(json.dumps({"keys": [jwk]}), encoding="utf-8")
    policy = pki.policy()
    (folder / "anchors.pem").write_text("".join(policy.anchors), encoding="ascii")
    registered = {officer: sorted(prints) for officer, prints in policy.registered.items()}
    (folder / "certificates.json").write_text(json.dumps(registered), encoding="utf-8")
    started: list[subprocess.Popen[bytes]] = []

    def start(database: str, workers: int = 2) -> Server:
        port = _free_port()
        command = [
            str(Path(sys.executable).with_name("tthc")),
            "serve",
            "--bundle", str(folder / "bundle.json"),
            "--database", database,
            "--jwks", str(folder / "jwks.json"),
            "--issuer", "sso.test",
            "--trust-anchors", str(folder / "anchors.pem"),
            "--certificates", str(folder / "certificates.json"),
            "--port", str(port),
            "--workers", str(workers),
        ]  # fmt: skip
        log = folder / f"server-{port}.log"
        process = subprocess.Popen(
            command,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            env=os.environ.copy(),
            start_new_session=True,
        )
        started.append(process)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(f"{url}/openapi.json", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("tthc serve did not start:\n" + log.read_text())
            time.sleep(0.2)
        return Server(url, database, key, process)

    yield start
    for process in started:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture
def fresh_database(postgres_url: str) -> Callable[[], str]:
    return lambda: new_schema(postgres_url)


@pytest.fixture(scope="module")
def server(serve: Callable[..., Server], postgres_url: str) -> Server:
    return serve(new_schema(postgres_url), workers=2)


@pytest.fixture
def local(server: Server, corpus: Bundle, pki: Any) -> Iterator[Engine]:
    """An engine of the test's own over the server's database, to know who must act next."""
    store = PostgresStore(server.database, pool_size=1, migrate=False)
    yield Engine(corpus, store, signatures=pki.policy())
    store.close()
