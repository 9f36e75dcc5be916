"""Timing tools for the benchmarks: wall and CPU time together, in this process or a child.

Input: what to run. Output: `Sample`s (wall seconds, CPU seconds) and their medians. Both are
kept because the benchmark machines are shared: wall time is what a person waits, CPU time is
what tthc itself costs, and the two part when other jobs take the cores.
"""

from __future__ import annotations

import os
import platform
import resource
import statistics
import subprocess
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass


@dataclass(frozen=True)
class Sample:
    wall: float
    cpu: float


def median(samples: list[Sample]) -> Sample:
    return Sample(
        statistics.median(s.wall for s in samples), statistics.median(s.cpu for s in samples)
    )


class Clock:
    """Wall and CPU time of this process since `start`."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def lap(self) -> Sample:
        wall, cpu = time.perf_counter(), time.process_time()
        sample = Sample(wall - self.wall, cpu - self.cpu)
        self.wall, self.cpu = wall, cpu
        return sample


@contextmanager
def timed(into: list[Sample]) -> Iterator[None]:
    clock = Clock()
    yield
    into.append(clock.lap())


def repeat(action: Callable[[], object], runs: int) -> list[Sample]:
    samples: list[Sample] = []
    for _ in range(runs):
        with timed(samples):
            action()
    return samples


def child(command: list[str], env: dict[str, str] | None = None) -> Sample:
    """Runs a command to its end: wall time, and the CPU time of the child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, env=env, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Sample(wall, cpu)


def import_time(command: list[str], env: dict[str, str], count: int = 6) -> str:
    """Where start-up goes, from `python -X importtime`: the self time of every module summed
    by package (`tthc.rules`, `networkx`, `pydantic`…)."""
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    by_package: Counter[str] = Counter()
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            own, _, name = line[len("import time:") :].split("|")
            if own.strip().isdigit():
                parts = name.strip().split(".")
                package = ".".join(parts[:2]) if parts[0] == "tthc" else parts[0].lstrip("_")
                by_package[package] += int(own)
    total = sum(by_package.values())
    top = ", ".join(f"{name} {micros / 1000:.0f}" for name, micros in by_package.most_common(count))
    return f"{total / 1000:.0f} ms in all: {top}"


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    with suppress(OSError), open("/proc/cpuinfo", encoding="utf-8") as handle:
        names = [line.split(":", 1)[1].strip() for line in handle if "model name" in line]
        cpu = names[0] if names else cpu
    return {
        "cpu": f"{os.cpu_count()} × {cpu}",
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def load() -> str:
    """The load average over the last minute (how busy the shared machine is)."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "?"
