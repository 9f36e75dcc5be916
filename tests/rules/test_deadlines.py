"""`longest_path`: what the legal clock counts on a workflow, and how TT501 applies deadlines.

Each test writes a small procedure body (steps without actors: only the flow and the times
matter here) and reads the longest timed path: its steps in order and its total in days.
"""

from __future__ import annotations

from decimal import Decimal

from tthc.compiler import Workflow, build_procedure, resolve
from tthc.dsl import SourceFile, parse
from tthc.dsl.ast import DayRule
from tthc.rules import ProcedureContext, Settings
from tthc.rules.deadlines import (
    Scale,
    deadline_exceeded,
    in_days,
    longest_at_most,
    longest_path,
    step_without_duration,
    timed_steps,
)


def procedure(body: str, header: str = "deadline 3 working_days") -> ProcedureContext:
    text = f'procedure "1.000001" "Thủ tục thử" {{\n{header}\n{body}\n}}\n'
    parsed = parse(SourceFile.from_text("case.tthc", text))
    assert parsed.value is not None and parsed.diagnostics == [], parsed.diagnostics
    model = resolve([parsed.value]).value
    assert model is not None
    return ProcedureContext(model, build_procedure(model.procedures[0]))


def workflow(body: str, header: str = "deadline 3 working_days") -> Workflow:
    return procedure(body, header).workflow


def path_of(body: str, **options: object) -> tuple[tuple[str, ...], Decimal]:
    found = longest_path(workflow(body), **options)  # type: ignore[arg-type]
    assert found is not None
    return found.steps, found.total


SEQUENCE = """
steps {
  a reception "A" takes 0.5 working_days
  b review "B" takes 1 working_days
  c result "C" takes 0.25 working_days
}
flow { start -> a -> b -> c -> end }
"""


def test_a_sequence_adds_its_steps_from_reception_to_the_result() -> None:
    assert path_of(SEQUENCE) == (("a", "b", "c"), Decimal("1.75"))


def test_an_exclusive_choice_counts_its_longest_branch() -> None:
    body = """
    steps {
      a reception "A" takes 1 working_days
      ok decision "Duyệt" takes 2 working_days
      no refusal "Từ chối" takes 0.5 working_days
      r result "Trả" takes 1 working_days
    }
    flow {
      start -> a
      a -> ok when eligible
      a -> no otherwise
      ok -> r -> end
      no -> end
    }
    """
    assert path_of(body) == (("a", "ok", "r"), Decimal(4))


def test_parallel_branches_count_as_the_slowest_branch_not_their_sum() -> None:
    body = """
    steps {
      a reception "A" takes 1 working_days
      x consultation "Ý kiến thuế" takes 3 working_days
      y consultation "Ý kiến đất đai" takes 5 working_days
      d decision "Quyết định" takes 1 working_days
    }
    flow {
      start -> a -> all(x, y)
      all(x, y) -> d -> end
    }
    """
    assert path_of(body) == (("a", "y", "d"), Decimal(7))


def test_a_supplement_restarts_the_clock_so_the_loop_counts_once() -> None:
    body = """
    steps {
      a reception "Tiếp nhận" takes 1 working_days
      s supplement "Bổ sung" takes 2 working_days
      b review "Thẩm định" takes 1 working_days
    }
    flow {
      start -> a
      a -> b when complete
      a -> s otherwise
      s -> a clock paused
      b -> end
    }
    """
    assert path_of(body) == (("a", "b"), Decimal(2))


def test_a_supplement_that_goes_on_forward_restarts_the_clock_at_its_target() -> None:
    body = """
    steps {
      a reception "Tiếp nhận" takes 1 working_days
      s supplement "Bổ sung" takes 2 working_days
      b review "Thẩm định" takes 1 working_days
    }
    flow {
      start -> a
      a -> b when complete
      a -> s otherwise
      s -> b clock paused
      b -> end
    }
    """
    assert path_of(body) == (("a", "b"), Decimal(2))


def test_a_supplement_without_a_paused_clock_is_counted() -> None:
    body = """
    steps {
      a reception "Tiếp nhận" takes 1 working_days
      s supplement "Bổ sung" takes 2 working_days
      b review "Thẩm định" takes 1 working_days
    }
    flow {
      start -> a
      a -> b when complete
      a -> s otherwise
      s -> b
      b -> end
    }
    """
    assert path_of(body) == (("a", "s", "b"), Decimal(4))


def test_a_pause_after_another_step_stops_the_clock_but_keeps_the_time_before() -> None:
    body = """
    steps {
      a reception "Tiếp nhận" takes 1 working_days
      f fee "Thu phí" takes 0.5 working_days
      d decision "Quyết định" takes 1 working_days
    }
    flow {
      start -> a -> f
      f -> d clock paused
      d -> end
    }
    """
    assert path_of(body) == (("a", "f", "d"), Decimal("2.5"))


def test_an_apology_ends_the_timed_path() -> None:
    body = """
    steps {
      a reception "Tiếp nhận" takes 1 working_days
      b review "Thẩm định" takes 1 working_days
      late apology "Xin lỗi, hẹn lại" takes 0.5 working_days
      d decision "Quyết định" takes 10 working_days
    }
    flow {
      start -> a -> b
      b -> d when on_time
      b -> late otherwise
      late -> d
      d -> end
    }
    """
    assert path_of(body) == (("a", "b", "d"), Decimal(12))
    context = procedure(body, "deadline 20 working_days")
    assert "late" in timed_steps(context.workflow)


def test_an_apology_path_is_not_compared_with_the_deadline() -> None:
    body = """
    steps {
      a reception "Tiếp nhận" takes 1 working_days
      late apology "Xin lỗi, hẹn lại" takes 0.5 working_days
      d decision "Quyết định sau khi hẹn lại" takes 10 working_days
    }
    flow {
      start -> a -> late -> d -> end
    }
    """
    assert path_of(body) == (("a", "late"), Decimal("1.5"))


def test_another_loop_counts_each_of_its_steps_once() -> None:
    body = """
    steps {
      a reception "Tiếp nhận" takes 1 working_days
      b review "Thẩm định" takes 2 working_days
      c review "Làm lại" takes 1 working_days
      d decision "Quyết định" takes 1 working_days
    }
    flow {
      start -> a -> b
      b -> c when rework
      b -> d otherwise
      c -> b
      d -> end
    }
    """
    assert path_of(body) == (("a", "b", "d"), Decimal(4))


def test_steps_left_out_are_not_on_any_path() -> None:
    body = """
    steps {
      a reception "Tiếp nhận" takes 1 working_days
      v verification "Xác minh" takes 3 working_days
      d decision "Quyết định" takes 1 working_days
    }
    flow {
      start -> a
      a -> v when unclear
      a -> d otherwise
      v -> d
      d -> end
    }
    """
    assert path_of(body) == (("a", "v", "d"), Decimal(5))
    assert path_of(body, avoid={"v"}) == (("a", "d"), Decimal(2))


def test_no_path_to_an_end_gives_none() -> None:
    body = 'steps { a reception "A" takes 1 working_days }\nflow { start -> a }'
    assert longest_path(workflow(body)) is None


def test_a_step_without_duration_counts_zero_and_is_named() -> None:
    body = """
    steps {
      a reception "A" takes 1 working_days
      b review "B"
    }
    flow { start -> a -> b -> end }
    """
    found = longest_path(workflow(body))
    assert found is not None and found.total == 1 and found.untimed == ("b",)


def test_working_hours_are_eight_to_the_working_day_by_default() -> None:
    body = """
    steps {
      a reception "A" takes 4 working_hours
      b review "B" takes 1 working_days
    }
    flow { start -> a -> b -> end }
    """
    assert path_of(body)[1] == Decimal("1.5")
    assert path_of(body, settings=Settings(working_hours_per_day=Decimal(4)))[1] == 2


def test_hours_are_twenty_four_to_the_calendar_day() -> None:
    body = """
    steps {
      a reception "A" takes 12 hours
      b review "B" takes 2 days
    }
    flow { start -> a -> b -> end }
    """
    found = longest_path(workflow(body, "deadline 15 days"))
    assert found is not None and found.scale is Scale.CALENDAR and found.total == Decimal("2.5")


def test_totals_are_kept_to_a_millionth_of_a_day_and_written_plainly() -> None:
    steps = "\n".join(f's{i} review "B{i}" takes 1 hours' for i in range(24))
    chain = " -> ".join(f"s{i}" for i in range(24))
    body = f"steps {{\n{steps}\n}}\nflow {{ start -> {chain} -> end }}"
    found = longest_path(workflow(body, "deadline 1 days"))
    assert found is not None and found.total == 1 and str(found.total) == "1"


def test_a_day_of_zero_working_hours_converts_nothing() -> None:
    body = 'steps { a reception "A" takes 4 working_hours }\nflow { start -> a -> end }'
    found = longest_path(workflow(body), settings=Settings(working_hours_per_day=Decimal(0)))
    assert found is not None and found.total == 0 and found.incomparable == ("a",)


def test_calendar_and_working_days_compare_under_the_day_rule_unless_strict() -> None:
    three_days = workflow(
        'steps { a reception "A" takes 3 days }\nflow { start -> a -> end }'
    ).step("a")
    assert three_days is not None and three_days.duration is not None
    assert in_days(three_days.duration, Scale.WORKING) is None
    assert in_days(three_days.duration, Scale.WORKING, calendar_as_working=True) == 3
    mixed = """
    steps {
      a reception "A" takes 2 days
      b review "B" takes 1 working_days
    }
    flow { start -> a -> b -> end }
    """
    # No day_rule: the project's setting, by default calendar_as_working (issue 11).
    found = longest_path(workflow(mixed))
    assert found is not None and found.total == 3 and found.incomparable == ()
    strict = longest_path(workflow(mixed, "deadline 3 working_days\nday_rule strict"))
    assert strict is not None and strict.total == 1 and strict.incomparable == ("a",)
    by_setting = longest_path(workflow(mixed), settings=Settings(day_rule=DayRule.STRICT))
    assert by_setting is not None and by_setting.total == 1
    ruled = longest_path(
        workflow(mixed, "deadline 3 working_days\nday_rule calendar_as_working"),
        settings=Settings(day_rule=DayRule.STRICT),
    )
    assert ruled is not None and ruled.total == 3 and ruled.incomparable == ()


VERIFIED = """
steps {
  a reception "Tiếp nhận" takes 1 working_days
  v verification "Xác minh" takes 3 working_days
  d decision "Quyết định" takes 1 working_days
}
flow {
  start -> a
  a -> v when unclear
  a -> d otherwise
  v -> d
  d -> end
}
"""


def codes(context: ProcedureContext) -> list[str]:
    return [f.message.en for f in deadline_exceeded(context)]


def test_verification_may_use_the_conditional_deadline() -> None:
    header = 'deadline 3 working_days\ndeadline 6 working_days when "cần xác minh"'
    assert codes(procedure(VERIFIED, header)) == []


def test_without_a_conditional_deadline_verification_must_fit_the_plain_one() -> None:
    found = codes(procedure(VERIFIED, "deadline 3 working_days"))
    assert found == [
        "The longest run of steps takes 5 working days, more than the deadline of 3 working "
        "days: “Tiếp nhận” (1 working day) → “Xác minh” (3 working days) → “Quyết định” (1 "
        "working day)"
    ]


def test_a_path_without_verification_must_fit_the_unconditional_deadline() -> None:
    body = VERIFIED.replace('d decision "Quyết định" takes 1', 'd decision "Quyết định" takes 3')
    header = 'deadline 3 working_days\ndeadline 10 working_days when "cần xác minh"'
    assert codes(procedure(body, header)) == [
        "The longest run of steps (not through verification) takes 4 working days, more than "
        "the deadline of 3 working days: “Tiếp nhận” (1 working day) → “Quyết định” (3 working "
        "days)"
    ]


def test_immediately_means_within_one_working_day_by_default() -> None:
    body = """
    steps {
      a reception "Tiếp nhận" takes 0.5 working_days
      d decision "Ký" takes 1 working_days
    }
    flow { start -> a -> d -> end }
    """
    assert codes(procedure(body, "deadline immediately")) == [
        "The longest run of steps takes 1.5 working days, more than the deadline of "
        "'immediately' (counted as 1 working day): “Tiếp nhận” (0.5 working days) → “Ký” (1 "
        "working day)"
    ]
    lenient = procedure(body, "deadline immediately")
    lenient = ProcedureContext(
        lenient.model, lenient.workflow, Settings(immediate_deadline_days=Decimal(2))
    )
    assert codes(lenient) == []


def test_only_steps_on_a_timed_path_need_a_duration() -> None:
    body = """
    steps {
      a reception "Tiếp nhận" takes 1 working_days
      s supplement "Bổ sung"
      b review "Thẩm định"
    }
    flow {
      start -> a
      a -> b when complete
      a -> s otherwise
      s -> a clock paused
      b -> end
    }
    """
    context = procedure(body)
    assert timed_steps(context.workflow) == ["a", "b"]
    assert [f.span.line for f in step_without_duration(context)] == [7]


CHOICE_OF_TWO = """
steps {
  a reception "A" takes 1 working_days
  ok decision "Duyệt" takes 1 working_days
  no refusal "Từ chối" takes 1 working_days
}
flow {
  start -> a
  a -> ok when eligible
  a -> no otherwise
  ok -> end
  no -> end
}
"""


def test_no_timed_path_takes_longer_than_every_step_one_after_the_other() -> None:
    context = procedure(CHOICE_OF_TWO)
    found = longest_path(context.workflow)
    assert found is not None and found.total == Decimal(2)
    assert longest_at_most(context.workflow) == Decimal("3.000001")


def test_a_deadline_shorter_than_every_step_in_turn_is_judged_on_the_longest_path() -> None:
    # Every step one after the other (3 days) exceeds these deadlines: the paths are followed.
    assert codes(procedure(CHOICE_OF_TWO, "deadline 2 working_days")) == []
    assert codes(procedure(CHOICE_OF_TWO, "deadline 1.5 working_days")) == [
        "The longest run of steps takes 2 working days, more than the deadline of 1.5 working "
        "days: “A” (1 working day) → “Duyệt” (1 working day)"
    ]


def test_a_fully_timed_flow_has_no_untimed_step_and_one_missing_duration_is_found() -> None:
    context = procedure(SEQUENCE)
    assert list(step_without_duration(context)) == []
    untimed = procedure(SEQUENCE.replace('b review "B" takes 1 working_days', 'b review "B"'))
    assert [f.span.line for f in step_without_duration(untimed)] == [6]


def test_the_bound_leaves_out_the_steps_a_path_avoids() -> None:
    context = procedure(CHOICE_OF_TWO)
    assert longest_at_most(context.workflow, avoid={"no"}) == Decimal("2.000001")
