"""The time bound of the token game (`markings.Deadline`): CPU seconds counted from the first
look at the clock, never later than an outer deadline. Games shorter than one look never read
the clock (a system call); a game past the bound is still stopped (TT407, tests/rules)."""

from __future__ import annotations

import time

from tthc.compiler.analysis.soundness.markings import Deadline


def test_the_seconds_count_from_the_first_look() -> None:
    deadline = Deadline(1.0)
    assert not deadline.passed(now=10.0)  # the first look starts it
    assert not deadline.passed(now=10.9)
    assert deadline.passed(now=11.1)


def test_an_outer_deadline_passed_ends_the_inner_one() -> None:
    outer = Deadline(1.0)
    assert not outer.passed(now=10.0)
    inner = Deadline(5.0, outer=outer)
    assert not inner.passed(now=10.5)
    assert inner.passed(now=11.5)  # inner's own bound is at 15.5


def test_without_a_time_given_the_clock_of_the_process_is_read() -> None:
    deadline = Deadline(0.0)
    assert not deadline.passed()
    started = time.process_time()
    for _ in range(10_000):  # CPU time spent until the clock moves on (bounded)
        if sum(range(10_000)) and time.process_time() > started:
            break
    assert deadline.passed()
