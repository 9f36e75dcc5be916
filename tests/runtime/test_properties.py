"""Property: random sequences of valid and invalid commands on the real procedures never break
the invariants — the audit chain verifies, every open step is reachable in the workflow, the
due date is the calendar's count from the day the complete dossier arrived, a refused command
changes nothing — and a procedure that `tthc check` passes never leaves an open case with no
action open to anyone (the static soundness verdict holds at run time)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from tthc.compiler import Bundle, BundledProcedure
from tthc.runtime import Done, Dossier, Engine, Officer, Refused, SQLiteStore
from tthc.runtime.authorise import place_of
from tthc.runtime.deadlines import case_due
from tthc.runtime.moves import outcome_names

pytestmark = pytest.mark.property

COMMAND = st.tuples(
    st.sampled_from(
        ["act"] * 8
        + ["wrong", "supplement", "receive", "receive", "apology", "wait", "replay"]
        + ["stale", "withdraw"]
    ),
    st.integers(0, 5),
    st.integers(0, 5),
)


class Clock:
    def __init__(self, day: dt.date) -> None:
        self.now = dt.datetime.combine(day, dt.time(9, 0))

    def __call__(self) -> dt.datetime:
        return self.now


def in_force_day(version: BundledProcedure) -> dt.date:
    """A working day on which the version is in force (early March 2026 when it is)."""
    last = version.until or dt.date.max
    day = min(max(dt.date(min(last.year, 2026), 3, 4), version.effective or dt.date.min), last)
    while day.weekday() >= 5 and day < last:
        day += dt.timedelta(days=1)
    return day


def snapshot(engine: Engine, case_id: str) -> str:
    case = engine.case(case_id)
    assert case is not None
    return json.dumps([case.to_json(), [e.hash for e in engine.history(case_id)]], default=str)


def officer_for(engine: Engine, case_id: str, step_id: str) -> Officer:
    case = engine.case(case_id)
    assert case is not None
    procedure, _ = engine._procedure(engine.bundle.in_force(case.procedure, case.filed_at.date()))  # type: ignore[arg-type]
    step = procedure.steps[step_id]
    place = place_of(engine.bundle.registry, procedure, step, case)
    role = step.actor.value if step.actor else ""
    return Officer(f"{role}@{place}", role, case.province, place)


@given(
    which=st.integers(0, 1000),
    complete=st.booleans(),
    commands=st.lists(COMMAND, min_size=15, max_size=40),
)
def test_random_commands_keep_the_invariants(
    corpus: Bundle, pki: Any, which: int, complete: bool, commands: list[tuple[str, int, int]]
) -> None:
    bundled = corpus.procedures[which % len(corpus.procedures)]
    code = bundled.code
    clock = Clock(in_force_day(bundled))
    engine = Engine(corpus, SQLiteStore(":memory:"), clock=clock, signatures=pki.policy())
    assert corpus.in_force(code, clock.now.date()) is bundled, code
    procedure, workflow = engine._procedure(bundled)
    components = tuple(procedure.components)
    documents = components if complete else components[1:]
    result = engine.submit(
        Dossier(code, {"name": "X"}, "direct", "01", "00007", "00004", documents)
    )
    if isinstance(result, Refused):  # a procedure that cannot be filed in another commune
        result = engine.submit(
            Dossier(code, {"name": "X"}, "direct", "01", "00004", "00004", documents)
        )
    assert isinstance(result, Done), result
    case_id = result.case.id
    reachable = workflow.reachable_from_start()
    last_key: str | None = None
    for number, (kind, a, b) in enumerate(commands):
        case = engine.case(case_id)
        assert case is not None
        before = snapshot(engine, case_id)
        key = f"k{number}"
        outcome: Any = None
        if kind in ("act", "wrong") and case.open_steps:
            step = case.open_steps[a % len(case.open_steps)]
            names = outcome_names(workflow, step)
            officer = officer_for(engine, case_id, step)
            if kind == "wrong":
                officer = Officer(officer.id, officer.role, officer.province, "09999")
            extra: dict[str, Any] = {}
            if procedure.steps[step].signs is not None:
                extra["signature"] = pki.sign(officer.id, b"result")
            if procedure.steps[step].kind.value == "apology":
                after = max(clock.now.date(), case.effective_due or clock.now.date())
                extra["new_due"] = engine.calendar.next_working_day(after, 1 + b)
            if procedure.steps[step].kind.value in ("refusal", "supplement"):
                extra["reasons"] = ["Lý do"] if b % 3 else []
            chosen = "no-such-outcome" if b == 5 else names[b % len(names)]
            outcome = engine.act(case_id, step, officer, chosen, key=key, **extra)
        elif kind == "supplement" and case.open_steps:
            officer = officer_for(engine, case_id, case.open_steps[0])
            outcome = engine.request_supplement(case_id, officer, ["Thiếu giấy tờ"], key=key)
        elif kind == "receive":
            outcome = engine.receive_supplement(
                case_id, components[: a % (len(components) + 1)], key=key
            )
        elif kind == "apology" and case.open_steps:
            officer = officer_for(engine, case_id, case.open_steps[0])
            new_due = clock.now.date() + dt.timedelta(days=a + b - 2)
            outcome = engine.apologise(case_id, officer, new_due, key=key)
        elif kind == "wait":
            clock.now += dt.timedelta(days=a, hours=b * 3)
        elif kind == "replay" and last_key is not None:
            replayed = engine.act(
                case_id,
                "x",
                officer_for(engine, case_id, next(iter(procedure.steps))),
                key=last_key,
            )
            assert isinstance(replayed, Refused) or replayed.replayed
            assert snapshot(engine, case_id) == before
        elif kind == "stale" and case.open_steps:
            step = case.open_steps[0]
            stale = engine.act(
                case_id, step, officer_for(engine, case_id, step), expected_version=case.version - 1
            )
            assert isinstance(stale, Refused)
        elif kind == "withdraw" and a == 0:
            outcome = engine.withdraw(case_id, "rút", key=key)
        if isinstance(outcome, Done):
            last_key = key
        if isinstance(outcome, Refused):
            assert snapshot(engine, case_id) == before, outcome
        # The invariants, after every command.
        case = engine.case(case_id)
        assert case is not None
        assert engine.verify(case_id) == []
        assert set(case.open_steps) <= reachable
        if case.waiting is not None:
            assert case.waiting in reachable
        if case.counts_from is not None:
            expected = case_due(engine.calendar, procedure, case.counts_from, engine.settings)
            trail = engine.history(case_id)
            kinds = [e.kind for e in trail]
            started = len(kinds) - 1 - kinds[::-1].index("clock_started")
            stood = sum(
                e.data["working_days"] for e in trail[started:] if e.kind == "clock_resumed"
            )
            if stood and expected is not None:
                expected = engine.calendar.next_working_day(expected, stood)
            assert case.due == expected
            assert case.due is None or engine.calendar.is_working_day(case.due)
        if not case.closed:
            # Someone may act now: the officer of an open step, or the applicant supplementing.
            able = [
                s
                for s in case.open_steps
                if engine.actions(case_id, officer_for(engine, case_id, s))
            ]
            assert able or case.waiting is not None, "an open case nobody can move"
    event(f"ended {case.status}")  # shown by --hypothesis-show-statistics
