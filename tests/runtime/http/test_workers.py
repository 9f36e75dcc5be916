"""Several workers, each accepting on a listening socket of its own (`tthc.server.workers`):
the kernel spreads connections over all of them, where one shared socket let the first worker
awake take the connections opened at once."""

from __future__ import annotations

import re
import socket
import subprocess
import time
from collections.abc import Callable

from .conftest import Server, new_schema


def _listeners(port: int) -> dict[int, int]:
    """Listening sockets on the port, by the process id holding each."""
    found = subprocess.run(
        ["ss", "-ltnpH", f"( sport = :{port} )"], capture_output=True, text=True, check=True
    )
    pids = [int(p) for p in re.findall(r"pid=(\d+)", found.stdout)]
    return {pid: pids.count(pid) for pid in pids}


def test_each_worker_listens_and_answers_on_a_socket_of_its_own(
    serve: Callable[..., Server], postgres_url: str
) -> None:
    server = serve(new_schema(postgres_url), workers=3)
    port = int(server.url.rsplit(":", 1)[1])
    deadline = time.monotonic() + 60
    while len(_listeners(port)) < 3 and time.monotonic() < deadline:
        time.sleep(0.2)
    listeners = _listeners(port)
    # Three processes, children of the supervisor (which also has multiprocessing's helper).
    assert len(listeners) == 3 and set(listeners) <= set(server.workers()), listeners
    assert set(listeners.values()) == {1}
    assert server.process.pid not in listeners  # the supervisor's socket is only the address

    # 30 connections held open at once (each answered once, so accepted by a worker): the
    # kernel's hash gives each of the three workers some (one left without: a chance of 3 in 10^5).
    held = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(30)]
    try:
        for connection in held:
            connection.sendall(b"GET /v1/worklist HTTP/1.1\r\nHost: test\r\n\r\n")
        for connection in held:
            assert connection.recv(65536).startswith(b"HTTP/1.1 401")
        found = subprocess.run(
            ["ss", "-tnpH", "state", "established", f"( sport = :{port} )"],
            capture_output=True,
            text=True,
            check=True,
        )
        holders = {int(p) for p in re.findall(r"pid=(\d+)", found.stdout)}
    finally:
        for connection in held:
            connection.close()
    assert holders == set(listeners), (holders, listeners)
