"""`tthc check`: load the project under the paths, run the checks, print, choose the exit code."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from tthc.cli.language import choose_language


def run_check(paths: tuple[str, ...], lang: str | None) -> int:
    from tthc.cli.render_text import render_text
    from tthc.compiler import load_project
    from tthc.dsl import Severity

    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        click.echo(f"tthc: no such file or folder: {', '.join(missing)}", err=True)
        return 2
    project = load_project(paths)
    diagnostics = sorted(project.diagnostics, key=lambda d: d.sort_key())
    language = choose_language(lang)
    sys.stdout.write(render_text(diagnostics, language))
    return 1 if any(d.severity is Severity.ERROR for d in diagnostics) else 0
