"""The Vietnamese duration reader reads what records write, and reports what it cannot read
instead of guessing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tthc.compiler.importer import read_duration
from tthc.compiler.importer.durations import ProblemKind, Unit

D = Decimal
WD, DAYS, H = Unit.WORKING_DAYS, Unit.DAYS, Unit.HOURS


@pytest.mark.parametrize(
    ("text", "limits"),
    [
        ("Không quá 17 ngày làm việc", [(D(17), WD, None)]),
        ("Không quá 17 ngày làm việc.", [(D(17), WD, None)]),
        (
            "23 ngày (33 ngày đối với vùng khó khăn).",
            [(D(23), DAYS, None), (D(33), DAYS, "vùng khó khăn")],
        ),
        (
            "10 ngày làm việc (20 ngày cho vùng khó khăn).",
            [(D(10), WD, None), (D(20), DAYS, "vùng khó khăn")],
        ),
        (
            "Không quá 03 ngày làm việc (vùng sâu, xa không quá 13 ngày).",
            [(D(3), WD, None), (D(13), DAYS, "vùng sâu, xa")],
        ),
        (
            "30 ngày (không quá 45 ngày đối với vùng sâu, xa).",
            [(D(30), DAYS, None), (D(45), DAYS, "vùng sâu, xa")],
        ),
        ("không quá 18 ngày đối với vùng sâu, vùng xa", [(D(18), DAYS, "vùng sâu, vùng xa")]),
        (
            "- Không quá 10 ngày làm việc đối với trường hợp A; - Không quá 20 ngày làm việc đối với trường hợp B",
            [(D(10), WD, "trường hợp A"), (D(20), WD, "trường hợp B")],
        ),
        ("03 giờ", [(D(3), H, None)]),
        ("8 giờ làm việc", [(D(8), Unit.WORKING_HOURS, None)]),
        ("0.25 ngày", [(D("0.25"), DAYS, None)]),
        ("0,5 ngày", [(D("0.5"), DAYS, None)]),
        ("0 ngày", [(D(0), DAYS, None)]),
    ],
)
def test_reads_the_forms_records_use(
    text: str, limits: list[tuple[Decimal, Unit, str | None]]
) -> None:
    reading = read_duration(text)
    assert reading.problem is None
    assert [(lim.amount, lim.unit, lim.condition) for lim in reading.limits] == limits


@pytest.mark.parametrize(
    ("text", "low", "high"), [("05-07 ngày", 5, 7), ("30–35 ngày", 30, 35), ("07-10 ngày", 7, 10)]
)
def test_a_range_keeps_both_ends_and_the_upper_one_is_the_limit(
    text: str, low: int, high: int
) -> None:
    (limit,) = read_duration(text).limits
    assert (limit.low, limit.amount) == (D(low), D(high))


@pytest.mark.parametrize(
    "text",
    [
        # Đồng Nai, Quyết định 2228 (tests/importer/README.md): one variant a line, each named
        "17-20 ngày (khu vực thường)\n27-30 ngày (vùng khó khăn, hải đảo...)",
        "17 - 20 ngày (khu vực thường)\n27 - 30 ngày (vùng khó khăn, hải đảo...)",
    ],
)
def test_variants_one_a_line_are_ranges_each_under_its_label(text: str) -> None:
    reading = read_duration(text)
    assert [(lim.low, lim.amount, lim.unit, lim.condition) for lim in reading.limits] == [
        (D(17), D(20), Unit.DAYS, "khu vực thường"),
        (D(27), D(30), Unit.DAYS, "vùng khó khăn, hải đảo..."),
    ]


def test_a_range_the_wrong_way_round_is_not_read() -> None:
    assert read_duration("07-05 ngày").problem is not None


def test_same_day_and_immediately_are_their_own_readings() -> None:
    assert read_duration("Ngay trong ngày").same_day
    assert read_duration("Ngay sau khi nhận đủ giấy tờ").immediate


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Theo quy định tại mục 2", ProblemKind.REFERENCE),
        ("Không nêu rõ", ProblemKind.NOT_STATED),
        ("Tùy trường hợp", ProblemKind.NOT_STATED),
        ("", ProblemKind.NOT_STATED),
        (
            "15 ngày (không kể thời gian niêm yết)\n20 ngày (vùng sâu)",  # a bracket no label
            ProblemKind.UNREADABLE,
        ),
        ("17-20 ngày (khu vực thường)\n27-30 ngày", ProblemKind.UNREADABLE),  # one unlabelled
        (
            "UBND xã thực hiện trong tổng thời gian không quá 20 ngày làm việc (bao gồm xác minh, niêm yết và chuyển hồ sơ).",
            ProblemKind.UNREADABLE,
        ),
        ("+10 ngày", ProblemKind.UNREADABLE),
        ("mười ngày", ProblemKind.UNREADABLE),
    ],
)
def test_what_it_cannot_read_is_a_problem_carrying_the_text(text: str, kind: ProblemKind) -> None:
    reading = read_duration(text)
    assert reading.problem is not None
    assert (reading.problem.kind, reading.problem.text) == (kind, text)
    assert reading.limits == ()


_UNITS = {"ngày": DAYS, "ngày làm việc": WD, "giờ": H, "giờ làm việc": Unit.WORKING_HOURS}


@given(
    amount=st.decimals(min_value=0, max_value=999, places=2),
    unit=st.sampled_from(sorted(_UNITS)),
    prefix=st.sampled_from(["", "Không quá ", "không quá ", "Tối đa ", "Trong vòng "]),
    padded=st.booleans(),
    comma=st.booleans(),
)
def test_any_written_amount_and_unit_is_read_exactly(
    amount: Decimal, unit: str, prefix: str, padded: bool, comma: bool
) -> None:
    number = format(amount, "f")
    if padded and amount < 10 and amount == amount.to_integral():
        number = f"0{int(amount)}"
    if comma:
        number = number.replace(".", ",")
    (limit,) = read_duration(f"{prefix}{number} {unit}.").limits
    assert (limit.amount, limit.unit, limit.condition) == (amount, _UNITS[unit], None)


@given(st.text(max_size=80))
def test_never_guesses_a_number_the_text_does_not_contain(text: str) -> None:
    reading = read_duration(text)
    if reading.problem is not None:
        assert reading.problem.text == text
        return
    digits = text.replace(",", ".")
    for limit in reading.limits:
        assert format(limit.amount.normalize(), "f").split(".")[0] in digits
