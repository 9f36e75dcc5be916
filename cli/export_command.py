"""`tthc export FILE --format bpmn`: one procedure as BPMN 2.0 XML with diagram interchange."""

from __future__ import annotations

import sys
from pathlib import Path

import click


def run_export(file: str, flavour: str, output: str | None, code: str | None) -> int:
    from tthc.dsl import Message
    from tthc.outputs.bpmn import to_bpmn
    from tthc.outputs.loading import load
    from tthc.outputs.select import choose
    from tthc.rules.report.text import render_diagnostics

    if not Path(file).exists():
        click.echo(f"tthc: {file}: không tồn tại / does not exist", err=True)
        return 2
    loaded = load([file])
    if loaded.problems:
        sys.stderr.write(render_diagnostics(list(loaded.problems), "en"))
        return 1
    chosen = choose(loaded, code)
    if isinstance(chosen, Message):
        click.echo(f"tthc: {chosen.vi} / {chosen.en}", err=True)
        return 2
    text = to_bpmn(chosen, loaded.project.model, flavour)
    if output is None:
        sys.stdout.write(text)
        return 0
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        click.echo(f"tthc: {output}: {error.strerror}", err=True)
        return 2
    return 0
