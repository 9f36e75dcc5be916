"""`tthc rules`: the catalogue of codes as a table (people) or JSON (machines)."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict

from tthc.cli.language import choose_language


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
