"""Several portal processes acting on the same cases at once through one PostgreSQL database:
no acknowledged command is lost, none is applied twice, every case's audit chain verifies, and
every refusal is a clean stale-version (or step-no-longer-open) answer."""

from __future__ import annotations

import multiprocessing
import os
from typing import Any

from tthc.compiler import Bundle
from tthc.runtime import Done, Engine, Refused
from tthc.runtime.audit import verify
from tthc.runtime.moves import outcome_names
from tthc.runtime.store.postgres import PostgresStore

WORKERS = 4
CASES = 2  # fewer cases than processes: they must race
BUSINESS = "1.001612"


def _work(
    url: str, corpus: Bundle, pki: Any, desk_type: Any, happy: Any, cases: list[str], out: Any
) -> None:
    """One portal process: drive every case forward, as fast as it can, racing the others."""
    store = PostgresStore(url, pool_size=1, migrate=False)
    engine = Engine(corpus, store, signatures=pki.policy())
    desk = desk_type(engine, pki)
    acknowledged: list[tuple[str, str, tuple[str, ...]]] = []
    refusals: list[str] = []
    for attempt in range(400):
        open_cases = [c for c in cases if not store.case(c).closed]  # type: ignore[union-attr]
        if not open_cases:
            break
        case_id = open_cases[(attempt + os.getpid()) % len(open_cases)]
        case = store.case(case_id)
        assert case is not None
        if case.closed or not case.open_steps:
            continue
        step = case.open_steps[0]
        moves = engine._moves(case, engine.clock())
        outcome = happy(step, outcome_names(moves.workflow, step))  # type: ignore[union-attr]
        key = f"{os.getpid()}-{attempt}"
        result = desk.perform(case_id, step, outcome, key=key, expected_version=case.version)
        if isinstance(result, Done):
            acknowledged.append((case_id, key, tuple(e.hash for e in result.events)))
        else:
            assert isinstance(result, Refused)
            refusals.append(result.reason.value)
    store.close()
    out.put((acknowledged, refusals))


def test_racing_processes_lose_nothing_and_apply_nothing_twice(
    corpus: Bundle, pki: Any, postgres_schema: str, happy: Any, desk_type: Any
) -> None:
    from tthc.runtime import Dossier

    setup = PostgresStore(postgres_schema)
    engine = Engine(corpus, setup, signatures=pki.policy())
    version = corpus.in_force(BUSINESS, engine.clock().date())
    assert version is not None
    cases = []
    for _ in range(CASES):
        done = engine.submit(
            Dossier(
                BUSINESS,
                {"name": "Trần Văn B"},
                "direct",
                "01",
                "00004",
                "00004",
                tuple(version.model().components),
            )
        )
        assert isinstance(done, Done)
        cases.append(done.case.id)
    context = multiprocessing.get_context("fork")
    out = context.Queue()
    workers = [
        context.Process(
            target=_work, args=(postgres_schema, corpus, pki, desk_type, happy, cases, out)
        )
        for _ in range(WORKERS)
    ]
    for worker in workers:
        worker.start()
    reports = [out.get(timeout=300) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    acknowledged = [a for report, _ in reports for a in report]
    refusals = [r for _, report in reports for r in report]
    stored: dict[str, list[str]] = {}
    for case_id in cases:
        events = setup.events(case_id)
        assert verify(events) == [], case_id
        stored[case_id] = [e.hash for e in events]
        assert setup.case(case_id).status == "resolved"  # type: ignore[union-attr]
    every_hash = [h for hashes in stored.values() for h in hashes]
    assert len(every_hash) == len(set(every_hash))
    for case_id, key, hashes in acknowledged:
        assert hashes, key
        for event_hash in hashes:  # every acknowledged event is stored, exactly once
            assert stored[case_id].count(event_hash) == 1, (case_id, key)
    # Every step of every case was done by exactly one acknowledged command.
    done_events = sum(len(h) for _, _, h in acknowledged)
    assert done_events == sum(len(h) - 1 for h in stored.values())  # all but "submitted"
    assert set(refusals) <= {"stale-version", "step-not-open", "case-closed"}
    assert refusals, "the processes never raced: the test proves nothing"
    setup.close()
