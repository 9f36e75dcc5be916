"""A line given twice in a block: the second is TT004, pointing back at the first; lines that
may repeat (basis, result, fee…) add up in order instead."""

from __future__ import annotations

from tthc.dsl.reading.parser import parse_dsl


def places(text: str) -> list[tuple[str, int, list[int]]]:
    outcome = parse_dsl("f.tthc", text)
    return [(d.code, d.span.line, [r.span.line for r in d.related]) for d in outcome.diagnostics]


def test_a_scalar_line_given_twice_points_at_the_first() -> None:
    text = 'procedure "1" "x" {\n  level commune\n  field "a"\n  level province\n}\n'
    assert places(text) == [("TT004", 4, [2])]
    document = parse_dsl("f.tthc", text).value
    assert document is not None and document.procedures[0].level == "commune"


def test_a_refused_value_is_not_the_first_given() -> None:
    text = (
        'procedure "1" "x" {\n  effective 2025-02-30\n  effective 2025-03-01\n'
        "  effective 2025-03-02\n}\n"
    )
    assert places(text) == [("TT003", 2, []), ("TT004", 4, [3])]
    document = parse_dsl("f.tthc", text).value
    assert document is not None and str(document.procedures[0].effective) == "2025-03-01"


def test_repeatable_lines_add_up_in_order() -> None:
    text = (
        'procedure "1" "x" {\n  result "a"\n  basis nd-1 art 2, nd-2\n  result "b"\n'
        "  basis nd-3\n}\n"
    )
    document = parse_dsl("f.tthc", text).value
    assert document is not None and places(text) == []
    procedure = document.procedures[0]
    assert procedure.results == ("a", "b")
    assert [c.instrument.value for c in procedure.basis] == ["nd-1", "nd-2", "nd-3"]


def test_a_step_attribute_given_twice() -> None:
    text = (
        'procedure "1" "x" {\n  steps {\n    a review "A" by x takes 1 days\n'
        "      by y notifies applicant notifies applicant\n  }\n}\n"
    )
    assert [(code, line) for code, line, _ in places(text)] == [("TT004", 4), ("TT004", 4)]
    document = parse_dsl("f.tthc", text).value
    assert document is not None
    step = document.procedures[0].steps[0]
    assert step.actor is not None and step.actor.value == "x" and step.notifies
