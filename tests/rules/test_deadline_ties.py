"""Deadline variants tied to the flow (issue 11): `longest_governed` finds the longest timed path
a variant governs (`through` steps, `via` outcomes, `avoiding` steps), and TT501 holds each tied
variant to it, the narrower included, naming the variant and the path in both languages.

Each test writes a small procedure body (steps without actors: only the flow and the times
matter) as tests/rules/test_deadlines.py does.
"""

from __future__ import annotations

from decimal import Decimal

from tthc.compiler import build_procedure, resolve
from tthc.compiler.analysis import longest_governed, longest_path
from tthc.dsl import SourceFile, parse
from tthc.rules import ProcedureContext
from tthc.rules.deadlines import deadline_exceeded


def procedure(body: str, header: str = "deadline 30 working_days") -> ProcedureContext:
    text = f'procedure "1.000001" "Thủ tục thử" {{\n{header}\n{body}\n}}\n'
    parsed = parse(SourceFile.from_text("case.tthc", text))
    assert parsed.value is not None and parsed.diagnostics == [], parsed.diagnostics
    model = resolve([parsed.value]).value
    assert model is not None
    return ProcedureContext(model, build_procedure(model.procedures[0]))


def governed(body: str, **tie: list[str]) -> tuple[tuple[str, ...], Decimal] | None:
    found = longest_governed(procedure(body).workflow, **tie)  # type: ignore[arg-type]
    return None if found is None else (found.steps, found.total)


# Verification (3 days) or a database check (1.5); a late dossier gets an apology.
CHOICE = """
steps {
  a reception "Tiếp nhận" takes 0.5 working_days
  k review "Kiểm tra" takes 2 working_days
  v verification "Xác minh" takes 3 working_days
  c review "Đối chiếu" takes 1.5 working_days
  d decision "Quyết định" takes 1 working_days
  r result "Trả kết quả" takes 0.5 working_days
}
flow {
  start -> a -> k
  k -> v when needs_check
  k -> c when no_check
  v -> d
  c -> d
  d -> r -> end
}
"""


def test_through_keeps_the_paths_that_pass_every_named_step() -> None:
    assert governed(CHOICE, through=["v"]) == (("a", "k", "v", "d", "r"), Decimal(7))
    assert governed(CHOICE, through=["c"]) == (("a", "k", "c", "d", "r"), Decimal("5.5"))
    assert governed(CHOICE, through=["a", "c", "r"]) == (("a", "k", "c", "d", "r"), Decimal("5.5"))


def test_via_keeps_the_paths_that_take_an_arrow_of_the_outcome() -> None:
    assert governed(CHOICE, via=["no_check"]) == (("a", "k", "c", "d", "r"), Decimal("5.5"))
    assert governed(CHOICE, via=["needs_check"]) == (("a", "k", "v", "d", "r"), Decimal(7))


def test_avoiding_leaves_the_named_steps_out() -> None:
    assert governed(CHOICE, avoid=["v"]) == (("a", "k", "c", "d", "r"), Decimal("5.5"))


def test_requirements_no_path_meets_govern_nothing() -> None:
    assert governed(CHOICE, through=["v", "c"]) is None  # two exclusive branches
    assert governed(CHOICE, via=["needs_check"], avoid=["v"]) is None
    assert governed(CHOICE, via=["late"]) is None  # an outcome the flow does not have


def test_untied_the_governed_path_is_the_longest_path() -> None:
    context = procedure(CHOICE)
    found, longest = longest_governed(context.workflow), longest_path(context.workflow)
    assert found is not None and longest is not None
    assert (found.steps, found.total) == (longest.steps, longest.total)


def test_a_path_restarted_after_a_supplement_meets_the_tie_on_its_own() -> None:
    body = """
    steps {
      a reception "Tiếp nhận" takes 1 working_days
      s supplement "Bổ sung" takes 2 working_days
      b review "Thẩm định" takes 4 working_days
      d decision "Quyết định" takes 1 working_days
    }
    flow {
      start -> a
      a -> d when complete
      a -> s otherwise
      s -> b clock paused
      b -> d
      d -> end
    }
    """
    # The clock restarts at b: the path after the supplement is b, d, and it does not pass a.
    assert governed(body) == (("b", "d"), Decimal(5))
    assert governed(body, through=["a"]) == (("a", "d"), Decimal(2))
    assert governed(body, via=["otherwise"]) is None  # `otherwise` is no outcome name


HEADER = (
    'deadline 8 working_days\ndeadline 5 working_days when "hồ sơ không phải xác minh" via no_check'
)


def messages(context: ProcedureContext) -> list[tuple[str, str]]:
    return [(f.message.vi, f.message.en) for f in deadline_exceeded(context)]


def test_the_narrower_variant_is_checked_on_its_paths_and_named() -> None:
    [(vi, en)] = messages(procedure(CHOICE, HEADER))
    assert en == (
        "The longest run of steps (taking 'no_check') takes 5.5 working days, more than the "
        'deadline of 5 working days when "hồ sơ không phải xác minh": “Tiếp nhận” (0.5 working '
        "days) → “Kiểm tra” (2 working days) → “Đối chiếu” (1.5 working days) → “Quyết định” (1 "
        "working day) → “Trả kết quả” (0.5 working days)"
    )
    assert vi.startswith(
        "Các bước nối tiếp dài nhất (theo nhánh 'no_check') mất 5.5 ngày làm việc, vượt thời "
        'hạn giải quyết 5 ngày làm việc khi "hồ sơ không phải xác minh": “Tiếp nhận”'
    )


def test_untied_the_same_variant_is_not_checked_on_that_branch() -> None:
    # Today's meaning: the plain 8 off verification, the widest 8 everywhere; 5 is never used.
    header = 'deadline 8 working_days\ndeadline 5 working_days when "hồ sơ không phải xác minh"'
    assert messages(procedure(CHOICE, header)) == []


def test_through_and_avoiding_are_named_by_step_title() -> None:
    header = (
        'deadline 6 working_days when "phải xác minh" through v\n'
        'deadline 6 working_days when "không phải xác minh" avoiding v\n'
    )
    [(vi, en)] = messages(procedure(CHOICE, header))
    assert en.startswith("The longest run of steps (through “Xác minh”) takes 7 working days")
    assert vi.startswith("Các bước nối tiếp dài nhất (qua “Xác minh”) mất 7 ngày làm việc")
    header = 'deadline 5 working_days when "không phải xác minh" through a via no_check avoiding v'
    [(vi, en)] = messages(procedure(CHOICE, header))
    assert "(through “Tiếp nhận”; taking 'no_check'; not through “Xác minh”)" in en
    assert "(qua “Tiếp nhận”; theo nhánh 'no_check'; không qua “Xác minh”)" in vi


def test_a_path_over_two_promises_is_reported_once_at_the_tied_one() -> None:
    header = 'deadline 6 working_days when "phải xác minh" through v'
    found = list(deadline_exceeded(procedure(CHOICE, header)))
    assert [f.span.line for f in found] == [2]  # the header's first line
    assert found[0].message.en.startswith("The longest run of steps (through “Xác minh”)")


def test_a_tied_extension_adds_to_the_plain_deadline_on_its_paths() -> None:
    header = 'deadline 5.5 working_days\ndeadline +1 working_days when "xác minh" through v'
    [(_, en)] = messages(procedure(CHOICE, header))
    assert (
        "(through “Xác minh”) takes 7 working days, more than the deadline of 6.5 working days "
        '(1 working day more when "xác minh")' in en
    )
    header = 'deadline 5.5 working_days\ndeadline +1.5 working_days when "xác minh" through v'
    assert messages(procedure(CHOICE, header)) == []


def test_a_tie_naming_what_the_flow_lacks_is_left_to_tt005() -> None:
    header = 'deadline 8 working_days\ndeadline 5 working_days when "x" through w via nowhere'
    assert (
        messages(procedure(CHOICE.replace("takes 3 working_days", "takes 1 working_days"), header))
        == []
    )


def test_a_new_tie_is_a_changed_deadline_in_the_diff_of_two_versions() -> None:
    from tthc.compiler.diff import diff_procedures

    before = procedure(CHOICE, HEADER.replace(" via no_check", "")).procedure.node
    after = procedure(CHOICE, HEADER).procedure.node
    changes = [(c.aspect, c.before, c.after) for c in diff_procedures(before, after)]
    assert changes == [
        ("deadline", '5 working_days when "hồ sơ không phải xác minh"', None),
        ("deadline", None, '5 working_days when "hồ sơ không phải xác minh" via no_check'),
    ]
