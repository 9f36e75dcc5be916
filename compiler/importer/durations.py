"""The Vietnamese duration reader: a time written in a published record → a reading, or the
reason it cannot be read.

Input: one string as a record gives it ("Không quá 17 ngày làm việc", "23 ngày (33 ngày đối với
vùng khó khăn)", "03 giờ", "Ngay trong ngày", "05-07 ngày", "Theo quy định tại mục 2").
Output: a `Reading`: the `Limit`s it states (an amount and a unit, each with the condition it
applies under, if any), whether it is a range, or a `Problem` (not stated, a cross-reference,
words the reader does not know). The reader never guesses: a string is read only when the
whole of it matches one of the forms below; anything else is returned as a problem with the
string, so that the import report can list it for a person.

Forms read (case, spacing, a trailing full stop and "không quá" are free):
    N ngày | N ngày làm việc | N giờ | N giờ làm việc      N = 17, 03, 0.5, 0,5
    A-B ngày (a range: both ends kept; the upper one is what a deadline check must use)
    X (Y đối với|cho|tại <điều kiện>)                       a limit and a conditional one
    X đối với <điều kiện>; Y đối với <điều kiện>           several conditional limits
    X (<điều kiện>) / Y (<điều kiện>), one a line           several limits, each under its label
    ngay trong ngày | trong ngày                           the same working day
    ngay | ngay sau khi …                                   immediately
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache


class Unit(StrEnum):
    """The units of the language (`tthc.dsl.ast.DurationUnit` values)."""

    WORKING_DAYS = "working_days"
    DAYS = "days"
    WORKING_HOURS = "working_hours"
    HOURS = "hours"


@dataclass(frozen=True)
class Limit:
    amount: Decimal
    unit: Unit
    condition: str | None = None  # "vùng khó khăn"; None for the unconditional limit
    low: Decimal | None = None  # the lower end of a range "05-07 ngày"; amount is the upper

    def text(self) -> str:
        """The duration in the language's notation: `0.5 working_days`."""
        return f"{_plain(self.amount)} {self.unit.value}"


class ProblemKind(StrEnum):
    NOT_STATED = "not_stated"  # "Không nêu rõ", "Tùy trường hợp", empty
    REFERENCE = "reference"  # "Theo quy định tại mục 2": the time is elsewhere
    UNREADABLE = "unreadable"  # words the reader does not know


@dataclass(frozen=True)
class Problem:
    kind: ProblemKind
    text: str


@dataclass(frozen=True)
class Reading:
    """What a string states: its limits (several when conditional), or a problem."""

    limits: tuple[Limit, ...] = ()
    immediate: bool = False
    same_day: bool = False
    problem: Problem | None = None

    @property
    def read(self) -> bool:
        return self.problem is None


_NUMBER = r"([0-9]+(?:[.,][0-9]+)?)"
_UNIT = r"(ngày làm việc|ngày|giờ làm việc|giờ)"
_ONE = re.compile(
    rf"^(?:không quá|tối đa|trong vòng|trong thời hạn|trong)?\s*{_NUMBER}\s*{_UNIT}$", re.I
)
_RANGE = re.compile(rf"^(?:từ\s*)?{_NUMBER}\s*(?:-|–|—|đến)\s*{_NUMBER}\s*{_UNIT}$", re.I)
_CONDITIONAL = re.compile(r"^(.+?)\s+(?:đối với|cho|tại|trong trường hợp)\s+(.+)$", re.I)
_INVERTED = re.compile(r"^(.+?)\s+(không quá .+)$", re.I)
_BRACKETED = re.compile(r"^(.+?)\s*\((.+)\)$")
# A bracket that names no case but says what the time counts ("không kể thời gian niêm yết"),
# or holds a time of its own: never a variant's label.
_NOT_A_LABEL = re.compile(r"\d|không kể|chưa kể|kể cả|kể từ|tính từ|bao gồm|trong đó", re.I)
_SAME_DAY = {"ngay trong ngày", "trong ngày", "trong ngày làm việc"}
_IMMEDIATE = re.compile(r"^ngay(?:\s+sau khi .+|\s+khi .+)?$", re.I)
_NOT_STATED = {"", "không nêu rõ", "không quy định", "tùy trường hợp", "tuỳ trường hợp", "-"}
_REFERENCE = re.compile(r"^(?:theo|như|xem)\s.*(?:quy định|mục|điều|khoản|bước|phần)", re.I)
_UNITS = {
    "ngày": Unit.DAYS,
    "ngày làm việc": Unit.WORKING_DAYS,
    "giờ": Unit.HOURS,
    "giờ làm việc": Unit.WORKING_HOURS,
}


@lru_cache(maxsize=4096)
def read_duration(text: str) -> Reading:
    """Reads one time as written in a record; see the module docstring for the forms. Kept
    for the texts met most recently: a record set repeats its times ("0,5 ngày", "01 ngày"),
    and a `Reading` is a frozen value."""
    clean = _normal(text)
    if clean.lower() in _NOT_STATED:
        return Reading(problem=Problem(ProblemKind.NOT_STATED, text))
    if clean.lower() in _SAME_DAY:
        return Reading(same_day=True)
    if _IMMEDIATE.match(clean):
        return Reading(immediate=True)
    if _REFERENCE.match(clean):
        return Reading(problem=Problem(ProblemKind.REFERENCE, text))
    limits = _variants(text) or _limits(clean)
    if limits is None:
        return Reading(problem=Problem(ProblemKind.UNREADABLE, text))
    return Reading(limits=limits)


def _limits(clean: str) -> tuple[Limit, ...] | None:
    one = _limit(clean, None)
    if one is not None:
        return (one,)
    parts = [p.strip(" -–•") for p in re.split(r";|\n", clean) if p.strip(" -–•")]
    if len(parts) > 1:
        several = [_conditional(p) for p in parts]
        return None if any(p is None for p in several) else tuple(p for p in several if p)
    bracketed = _BRACKETED.match(clean)
    if bracketed:
        base = _limit(bracketed.group(1), None)
        extra = _conditional(bracketed.group(2))
        if base is not None and extra is not None and extra.condition is not None:
            return (base, extra)
        return None
    alone = _conditional(clean)
    return (alone,) if alone is not None else None


def _conditional(part: str) -> Limit | None:
    """`X đối với <condition>` or `<condition> không quá X` (a remote-area limit)."""
    found = _CONDITIONAL.match(part)
    if found:
        return _limit(found.group(1), found.group(2).strip())
    inverted = _INVERTED.match(part)
    if inverted:
        return _limit(inverted.group(2), inverted.group(1).strip())
    return None


def _variants(text: str) -> tuple[Limit, ...] | None:
    """Several lines, each `17-20 ngày (khu vực thường)`: a variant whose bracket names its
    case. Read only when every line is one (a lone bracket may qualify the time rather than
    name a case, and the labels must tell the variants apart)."""
    lines = [line for line in map(_normal, text.splitlines()) if line]
    if len(lines) < 2:
        return None
    variants = [_labelled(line) for line in lines]
    return None if None in variants else tuple(v for v in variants if v)


def _labelled(part: str) -> Limit | None:
    """`17-20 ngày (khu vực thường)` → 17 to 20 days when "khu vực thường"."""
    found = _BRACKETED.match(part)
    if found is None or _NOT_A_LABEL.search(found.group(2)):
        return None
    return _limit(found.group(1), found.group(2).strip())


def _limit(part: str, condition: str | None) -> Limit | None:
    part = part.strip()
    found = _ONE.match(part)
    if found:
        return Limit(_number(found.group(1)), _UNITS[found.group(2).lower()], condition)
    ranged = _RANGE.match(part)
    if ranged:
        low, high = _number(ranged.group(1)), _number(ranged.group(2))
        if low > high:
            return None
        return Limit(high, _UNITS[ranged.group(3).lower()], condition, low=low)
    return None


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def _normal(text: str) -> str:
    clean = unicodedata.normalize("NFC", text).strip()
    clean = re.sub(r"\s+", " ", clean)
    return clean.rstrip(" .;")


def _plain(amount: Decimal) -> str:
    """`0.5`, `17`, `0.25`: no exponent, no trailing zeros."""
    return format(amount.normalize(), "f")
