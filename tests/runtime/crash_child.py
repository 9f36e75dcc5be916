"""The child of the crash test: applies commands to a SQLite store as fast as it can and
acknowledges each one on standard output only after the engine returned it as done (so after
its transaction committed). Usage: crash_child.py BUNDLE STORE SEED [THREADS]: with THREADS,
that many threads apply commands at once through one engine, so their commits share
transactions (group commit) and the kill lands in the middle of groups."""

from __future__ import annotations

import datetime as dt
import random
import sys
import threading
from pathlib import Path

from tthc.compiler import load_bundle
from tthc.runtime import Done, Dossier, Engine, Officer, SQLiteStore
from tthc.runtime.authorise import place_of
from tthc.runtime.moves import outcome_names

CODES = ("1.001193", "1.000894")


_WRITING = threading.Lock()


def ack(case_id: str, version: int) -> None:
    """One whole line per acknowledgement, whatever the thread."""
    with _WRITING:
        sys.stdout.write(f"ack {case_id} {version}\n")
        sys.stdout.flush()


def main(bundle_path: str, store_path: str, seed: int, threads: int = 1) -> None:
    bundle = load_bundle(Path(bundle_path).read_text("utf-8")).value
    assert bundle is not None
    engine = Engine(bundle, SQLiteStore(store_path), clock=lambda: dt.datetime(2026, 3, 4, 9, 0))
    workers = [
        threading.Thread(target=apply, args=(engine, f"{seed}.{n}"), daemon=True)
        for n in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def apply(engine: Engine, seed: str) -> None:
    bundle = engine.bundle
    chance = random.Random(seed)
    while True:
        code = chance.choice(CODES)
        bundled = bundle.in_force(code, dt.date(2026, 3, 4))
        assert bundled is not None
        procedure, workflow = engine._procedure(bundled)
        dossier = Dossier(
            code, {"name": "X"}, "direct", "01", "00004", "00004", tuple(procedure.components)
        )
        result = engine.submit(dossier, key=f"{seed}-{chance.random()}")
        assert isinstance(result, Done), result
        case = result.case
        ack(case.id, case.version)
        while not case.closed and case.open_steps:
            step_id = case.open_steps[0]
            step = procedure.steps[step_id]
            place = place_of(bundle.registry, procedure, step, case)
            role = step.actor.value if step.actor else ""
            officer = Officer(role, role, "01", place)
            outcome = outcome_names(workflow, step_id)[0]
            done = engine.act(
                case.id, step_id, officer, outcome, reasons=["r"], expected_version=case.version
            )
            assert isinstance(done, Done), done
            case = done.case
            ack(case.id, case.version)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 1)
