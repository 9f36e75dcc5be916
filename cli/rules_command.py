"""`tthc rules`: the catalogue of codes as a table (people) or JSON (machines)."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING

from tthc.cli.language import choose_language

if TYPE_CHECKING:
    from tthc.rules.report.catalogue import Entry


def run_rules(lang: str | None, form: str) -> int:
    from tthc.rules.report.catalogue import catalogue

    if form == "markdown":
        from tthc.rules.report.reference import markdown_reference

        sys.stdout.write(markdown_reference())
        return 0
    language = choose_language(lang, for_machines=form == "json")
    entries = catalogue(language)
    if form == "json":
        rows = [asdict(entry) for entry in entries]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    if language == "vi":
        _table_vi(entries)
    else:
        width = max(len(entry.name) for entry in entries)
        for entry in entries:
            sys.stdout.write(
                f"{entry.code}  {entry.name:<{width}}  {entry.severity:<7}  "
                f"{entry.family} {entry.family_name:<10}  {entry.title}"
                f"{'' if entry.checked_by else ' *'}\n"
            )
    if any(not entry.checked_by for entry in entries):
        sys.stdout.write(
            "* chưa có quy tắc kiểm tra mã này\n"
            if language == "vi"
            else "* no rule checks this code yet\n"
        )
    return 0


def _table_vi(entries: list[Entry]) -> None:
    """The Vietnamese table: severity and family in Vietnamese, no English rule name (a
    Vietnamese reader looks a code up by its number; `tthc explain` gives the name too)."""
    from tthc.rules.report.catalogue import FAMILIES
    from tthc.rules.report.frame import severity_name

    for entry in entries:
        family = FAMILIES[entry.code[:3]][1].vi
        sys.stdout.write(
            f"{entry.code}  {severity_name(entry.severity, 'vi'):<8}  {family:<36}  "
            f"{entry.title}{'' if entry.checked_by else ' *'}\n"
        )
