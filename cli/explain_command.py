"""`tthc explain CODE`: one rule's documentation, with its title in Vietnamese and English."""

from __future__ import annotations

import sys

import click

from tthc.cli.language import choose_language


def run_explain(code: str, lang: str | None) -> int:
    from tthc.rules.report.catalogue import explain, lookup, suggest

    language = choose_language(lang)
    found = lookup(code)
    if found is None:
        close = suggest(code)
        if language == "vi":
            hint = f"; có phải '{close}'?" if close else ""
            click.echo(f"tthc: không có mã '{code}'{hint} (xem 'tthc rules')", err=True)
        else:
            hint = f"; did you mean '{close}'?" if close else ""
            click.echo(f"tthc: no code '{code}'{hint} (see 'tthc rules')", err=True)
        return 2
    sys.stdout.write(explain(found, language))
    return 0
