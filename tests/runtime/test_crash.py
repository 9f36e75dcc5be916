"""Crash test (SQLite's philosophy: crash at any point, reopen, verify): a child process applies
commands and acknowledges each after its commit; it is killed with SIGKILL at a random moment.
After reopening the store, every acknowledged command is there and every chain verifies.

`make test` runs a few rounds; `make crash` runs many (CRASH_ROUNDS, default 200)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tthc.compiler import Bundle
from tthc.runtime import SQLiteStore, verify_all

CHILD = Path(__file__).resolve().parent / "crash_child.py"
ROUNDS = int(os.environ.get("CRASH_ROUNDS", "3"))


@pytest.fixture
def bundle_file(corpus: Bundle, tmp_path: Path) -> Path:
    path = tmp_path / "bundle.json"
    path.write_text(corpus.to_json(), encoding="utf-8")
    return path


@pytest.mark.parametrize("threads", [1, 4])
def test_every_acknowledged_command_survives_sigkill(
    bundle_file: Path, tmp_path: Path, threads: int
) -> None:
    """With 4 threads in the child, their commands share transactions (group commit): a kill
    in the middle of a group loses none that was acknowledged."""
    store_path = tmp_path / "cases.db"
    chance = random.Random(20260304)
    acknowledged: dict[str, int] = {}
    for round_number in range(ROUNDS):
        child = subprocess.Popen(
            [
                sys.executable,
                str(CHILD),
                str(bundle_file),
                str(store_path),
                str(round_number),
                str(threads),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        # Wait for the first acknowledgement (the child is up), then kill it at a random time.
        first = child.stdout.readline()
        assert first.startswith("ack "), child.stderr.read() if child.stderr else first
        time.sleep(chance.uniform(0.0, 0.4))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
        for line in [first, *rest.splitlines()]:
            if (
                line.startswith("ack ")
                and line.count(" ") == 2
                and line.strip().split()[2].isdigit()
            ):
                _, case_id, version = line.split()
                acknowledged[case_id] = max(acknowledged.get(case_id, 0), int(version))
        store = SQLiteStore(store_path)
        try:
            for case_id, version in acknowledged.items():
                case = store.case(case_id)
                assert case is not None, f"round {round_number}: acknowledged case {case_id} lost"
                assert case.version >= version, f"round {round_number}: {case_id} lost a command"
                assert len(store.events(case_id)) >= version
            assert verify_all(store) == {}
        finally:
            store.close()
    assert len(acknowledged) >= ROUNDS
