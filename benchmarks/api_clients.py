"""The clients of the HTTP load benchmark, and the CPU accounting of what they load.

Input: a server URL, request bodies and tokens. Output: latencies (seconds) of acknowledged
requests, and CPU seconds per process tree. The clients are aiohttp in one asyncio process:
httpx spent ~9 ms of client CPU a request with 64 connections (its pool), which capped the
earlier benchmark at ~100 requests/s whatever the server did; aiohttp spends ~0.3 ms. Each
figure reports the client's own CPU per request, so its share of the two cores is visible.

- `closed_loop`: N clients, each sending its next request when the last is answered (the
  issue's "64 concurrent clients"); its latency grows with queueing once the cores are full.
- `open_loop`: requests sent on a fixed schedule at a given rate, whatever the answers do;
  latency is timed from each request's scheduled start, so a stall shows up in every request
  it delayed (no coordinated omission).
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp

# (method, path, json body or None, headers) of one request; `Idempotency-Key` added per send.
Request = tuple[str, str, Any, dict[str, str]]


def tree_cpu(root: int) -> float:
    """CPU seconds (user + system) of a process and its descendants, reaped ones included."""
    ticks = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = {}
    stats: dict[int, list[str]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            text = (entry / "stat").read_text()
        except OSError:
            continue
        fields = text.rsplit(")", 1)[1].split()
        pid = int(entry.name)
        stats[pid] = fields
        children.setdefault(int(fields[1]), []).append(pid)
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        fields = stats.get(pid)
        if fields is None:
            continue
        # fields[11:15]: utime, stime, cutime, cstime (stat fields 14-17).
        total += sum(int(f) for f in fields[11:15])
        todo.extend(children.get(pid, []))
    return total / ticks


def _headers(request: Request, idempotent: bool) -> dict[str, str]:
    headers = dict(request[3])
    if idempotent:
        headers["Idempotency-Key"] = uuid.uuid4().hex
    return headers


async def _send(session: aiohttp.ClientSession, request: Request, expect: int) -> bool:
    method, path, body, _ = request
    async with session.request(
        method, path, json=body, headers=_headers(request, method == "POST")
    ) as answer:
        await answer.read()
        return answer.status == expect


def closed_loop(
    url: str, request: Request, expect: int, clients: int, seconds: float
) -> tuple[list[float], int, float]:
    """Latencies of the acknowledged requests, the failures, and the client's CPU seconds."""

    async def run() -> tuple[list[float], int]:
        latencies: list[float] = []
        failures = 0
        connector = aiohttp.TCPConnector(limit=clients)
        async with aiohttp.ClientSession(url, connector=connector) as session:
            end = time.perf_counter() + seconds

            async def one_client() -> None:
                nonlocal failures
                while time.perf_counter() < end:
                    began = time.perf_counter()
                    if await _send(session, request, expect):
                        latencies.append(time.perf_counter() - began)
                    else:
                        failures += 1

            await asyncio.gather(*(one_client() for _ in range(clients)))
        return latencies, failures

    began = time.process_time()
    latencies, failures = asyncio.run(run())
    return latencies, failures, time.process_time() - began


def open_loop(
    url: str, request: Request, expect: int, rate: float, seconds: float
) -> tuple[list[float], int, float]:
    """Requests started every 1/rate s for `seconds`; latency from the scheduled start."""

    async def run() -> tuple[list[float], int]:
        latencies: list[float] = []
        failures = 0
        connector = aiohttp.TCPConnector(limit=256)
        async with aiohttp.ClientSession(url, connector=connector) as session:
            start = time.perf_counter()

            async def one(due: float) -> None:
                nonlocal failures
                if await _send(session, request, expect):
                    latencies.append(time.perf_counter() - due)
                else:
                    failures += 1

            tasks = []
            for n in range(int(rate * seconds)):
                due = start + n / rate
                await asyncio.sleep(max(0.0, due - time.perf_counter()))
                tasks.append(asyncio.ensure_future(one(due)))
            await asyncio.gather(*tasks)
        return latencies, failures

    began = time.process_time()
    latencies, failures = asyncio.run(run())
    return latencies, failures, time.process_time() - began


def reads(
    url: str, pick: Callable[[int, int], list[list[Request]]], clients: int, rounds: int
) -> tuple[list[list[float]], float]:
    """`clients` readers, each making `rounds` rounds; a round is the groups of requests
    `pick(client, round)` gives, each group sent in sequence and timed as one figure."""

    async def run() -> list[list[float]]:
        timings: list[list[float]] = []
        connector = aiohttp.TCPConnector(limit=clients)
        async with aiohttp.ClientSession(url, connector=connector) as session:

            async def reader(number: int) -> None:
                for i in range(rounds):
                    for slot, group in enumerate(pick(number, i)):
                        began = time.perf_counter()
                        for request in group:
                            assert await _send(session, request, 200), request[1]
                        while len(timings) <= slot:
                            timings.append([])
                        timings[slot].append(time.perf_counter() - began)

            await asyncio.gather(*(reader(n) for n in range(clients)))
        return timings

    began = time.process_time()
    timings = asyncio.run(run())
    return timings, time.process_time() - began


WRK_SCRIPT = Path(__file__).with_name("api_submit.lua")


def wrk_available() -> str | None:
    """The `wrk` binary, installed from its Debian package when missing and we are root (as
    `.ci/postgres.sh` installs PostgreSQL); None when it cannot be had."""
    found = shutil.which("wrk")
    if found is None and os.geteuid() == 0 and shutil.which("apt-get"):
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "check": False}
        subprocess.run(["apt-get", "update", "-qq"], **quiet)  # type: ignore[call-overload]
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "wrk"],
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            **quiet,
        )  # type: ignore[call-overload]
        found = shutil.which("wrk")
    return found


def wrk_closed_loop(
    wrk: str, url: str, body: Any, token: str, clients: int, seconds: float
) -> tuple[float, float, float, int, float, int]:
    """Submits by `wrk` (C, one thread): `clients` connections in a closed loop, each request
    with its own idempotency key (`api_submit.lua`). Returns commands/s, p50 and p99 (ms),
    the failures (errors and answers other than 2xx), wrk's CPU seconds and the requests."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
        json.dump(body, file, ensure_ascii=False)
    env = {
        **os.environ,
        "TTHC_WRK_BODY": file.name,
        "TTHC_WRK_TOKEN": token,
        "TTHC_WRK_PREFIX": uuid.uuid4().hex,
    }
    command = [wrk, "-t", "1", "-c", str(clients), "-d", f"{max(1, round(seconds))}s",
               "--timeout", "10s", "-s", str(WRK_SCRIPT), url]  # fmt: skip
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    finally:
        os.unlink(file.name)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    failures = sum(summary[k] for k in ("non2xx", "connect", "read", "write", "timeout"))
    requests = int(summary["requests"])
    return (
        requests / summary["seconds"],
        summary["p50_us"] / 1000,
        summary["p99_us"] / 1000,
        failures,
        cpu,
        requests,
    )
