"""What the pieces of a draft share: the `Declarations` of one import (an authority or instrument
missing from the registry is declared once), a record's text on one line, and the note a range of
days leaves in the report. Input: text and table rows; output: text and report notes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tthc.compiler.importer.durations import Limit
from tthc.compiler.importer.mapping import (
    Citation,
)
from tthc.compiler.importer.report import RecordReport, Status
from tthc.compiler.importer.tables import RegistryIndex, UnitRow


@dataclass
class Declarations:
    authorities: dict[str, UnitRow] = field(default_factory=dict)
    # The spellings the records gave each declared authority (the patterns of units.csv that
    # matched), written as its `aliases`.
    spellings: dict[str, list[str]] = field(default_factory=dict)
    instruments: dict[str, tuple[Citation, str]] = field(default_factory=dict)


def declare(row: UnitRow, registry: RegistryIndex, declared: Declarations) -> None:
    if row.authority not in registry.authorities and row.title:
        declared.authorities.setdefault(row.authority, row)
        seen = declared.spellings.setdefault(row.authority, [])
        if row.pattern not in seen:
            seen.append(row.pattern)


def range_note(limit: Limit, where: str, text: str, report: RecordReport) -> None:
    if limit.low is not None:
        report.note(
            Status.MAPPED,
            where,
            text,
            f"khoảng '{text}': ghi cận trên {limit.text()}",
            f"range '{text}': the upper end {limit.text()} written",
        )


def one_line(text: str) -> str:
    """The text on one line, each run of white space one space (`str.split` splits where the
    pattern `\\s+` matches, without the regular-expression engine)."""
    return " ".join(text.split())
