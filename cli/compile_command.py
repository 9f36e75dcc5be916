"""`tthc compile PATH... -o bundle.json`: check the project, then write its deployment bundle.

The checks run first (`tthc.rules.load_and_check`: the diagnostics of `tthc check`, and the model); any error left
means no bundle: the diagnostics are printed and the exit code is 1.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


def run_compile(paths: tuple[str, ...], output: str, calendar_file: str | None, lang: str) -> int:
    from tthc.compiler import bundle
    from tthc.compiler.analysis.calendar import CalendarData
    from tthc.dsl import Severity
    from tthc.rules import load_and_check
    from tthc.rules.report.text import render_diagnostics

    calendar = CalendarData()
    if calendar_file is not None:
        try:
            calendar = CalendarData.from_json(json.loads(Path(calendar_file).read_text("utf-8")))
        except (OSError, ValueError, AttributeError) as error:
            click.echo(f"tthc: {calendar_file}: {error}", err=True)
            return 2
    project, diagnostics = load_and_check(list(paths))
    made = bundle(project.model, diagnostics, calendar)
    errors = [d for d in made.diagnostics if d.severity is Severity.ERROR]
    if made.value is None or errors:
        sys.stderr.write(render_diagnostics(errors, lang))
        message = {
            "vi": f"tthc: không tạo gói: còn {len(errors)} lỗi",
            "en": f"tthc: no bundle written: {len(errors)} error(s) remain",
        }
        click.echo(message[lang], err=True)
        return 1
    try:
        Path(output).write_text(made.value.to_json(), encoding="utf-8")
    except OSError as error:
        click.echo(f"tthc: {output}: {error}", err=True)
        return 2
    count = len(made.value.procedures)
    click.echo(f"{output}: {count} procedure versions, {made.value.version}")
    return 0
