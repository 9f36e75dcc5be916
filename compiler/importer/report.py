"""The import report: what happened to each field of each record.

Input: the `Item`s the importer notes while it writes a draft, and (once the drafts are
checked) the diagnostics of each draft. Output: `RecordReport`s and `ImportSummary`, rendered
as text (Vietnamese or English) or as plain data for JSON.

Every field of a record ends in exactly one item: `mapped` (written into the draft by a rule or
a table), `needs_person` (the importer could not decide: an unreadable time, a unit or citation
no table knows), `not_stated` (the source does not give it), `kept` (no construct of the
language holds it: kept as a comment in the draft) or `finding` (the record contradicts itself,
e.g. a phase whose steps exceed its stated time). Nothing is dropped silently.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from tthc.dsl import Diagnostic


class Status(StrEnum):
    MAPPED = "mapped"
    NEEDS_PERSON = "needs_person"
    NOT_STATED = "not_stated"
    KEPT = "kept"
    FINDING = "finding"


_LABELS = {
    Status.MAPPED: ("đã chuyển", "mapped"),
    Status.NEEDS_PERSON: ("cần người quyết định", "needs a person"),
    Status.NOT_STATED: ("nguồn không nêu", "not stated in the source"),
    Status.KEPT: ("giữ làm chú thích", "kept as a comment"),
    Status.FINDING: ("mâu thuẫn trong bản ghi", "finding in the record"),
}


@dataclass(frozen=True)
class Item:
    status: Status
    field: str  # the record's field: "thoi_han_giai_quyet", "quy_trinh_noi_bo[3].thoi_gian"
    text: str  # the source text the item is about
    vi: str
    en: str
    unreadable: bool = False  # a time the duration reader could not read


@dataclass
class RecordReport:
    key: str
    origin: str
    source: str
    draft: str = ""  # the draft's file name
    items: list[Item] = field(default_factory=list)
    findings: list[Diagnostic] = field(default_factory=list)

    @property
    def automatic(self) -> bool:
        """Imported with no human decision: no item needs a person."""
        return not any(i.status is Status.NEEDS_PERSON for i in self.items)

    def note(self, status: Status, where: str, text: str, vi: str, en: str) -> None:
        self.items.append(Item(status, where, text, vi, en))

    def not_stated(self, where: str, vi: str, en: str) -> None:
        """A field the record leaves empty."""
        self.note(Status.NOT_STATED, where, "", vi, en)

    def unreadable_time(self, where: str, text: str, vi: str, en: str) -> None:
        self.items.append(Item(Status.NEEDS_PERSON, where, text, vi, en, unreadable=True))


@dataclass
class ImportSummary:
    reports: list[RecordReport]

    @property
    def automatic(self) -> int:
        return sum(r.automatic for r in self.reports)

    @property
    def unreadable(self) -> list[tuple[str, str]]:
        """Every time string the reader could not read: (record, text)."""
        return [(r.key, i.text) for r in self.reports for i in r.items if i.unreadable]

    def counts(self) -> Counter[str]:
        return Counter(i.status.value for r in self.reports for i in r.items)


def render_text(summary: ImportSummary, language: str) -> str:
    vi = language == "vi"
    lines: list[str] = []
    for report in summary.reports:
        head = f"{report.key} → {report.draft or '-'}  ({report.origin})"
        lines.append(head)
        for item in report.items:
            if item.status is Status.MAPPED:
                continue
            label = _LABELS[item.status][0 if vi else 1]
            lines.append(f"  [{label}] {item.field}: {item.vi if vi else item.en}")
        for d in report.findings:
            message = d.message.vi if vi else d.message.en
            lines.append(f"  {d.code} {d.severity.value} {d.span.line}: {message}")
    total = len(summary.reports)
    errors = sum(any(d.severity.value == "error" for d in r.findings) for r in summary.reports)
    if vi:
        lines.append(
            f"{total} bản ghi; {summary.automatic} chuyển không cần người quyết định; "
            f"{len(summary.unreadable)} chuỗi thời gian không đọc được; "
            f"{errors} bản nháp có lỗi khi kiểm tra."
        )
    else:
        lines.append(
            f"{total} records; {summary.automatic} imported with no human decision; "
            f"{len(summary.unreadable)} unreadable time strings; "
            f"{errors} drafts with errors when checked."
        )
    return "\n".join(lines) + "\n"


def as_data(summary: ImportSummary) -> dict[str, Any]:
    """The summary as plain data (the JSON report)."""
    return {
        "records": len(summary.reports),
        "automatic": summary.automatic,
        "unreadable": [{"record": k, "text": t} for k, t in summary.unreadable],
        "counts": dict(sorted(summary.counts().items())),
        "reports": [
            {
                "key": r.key,
                "origin": r.origin,
                "source": r.source,
                "draft": r.draft,
                "automatic": r.automatic,
                "items": [
                    {
                        "status": i.status.value,
                        "field": i.field,
                        "text": i.text,
                        "vi": i.vi,
                        "en": i.en,
                    }
                    for i in r.items
                ],
                "findings": [
                    {
                        "code": d.code,
                        "severity": d.severity.value,
                        "line": d.span.line,
                        "vi": d.message.vi,
                        "en": d.message.en,
                    }
                    for d in r.findings
                ],
            }
            for r in summary.reports
        ],
    }
