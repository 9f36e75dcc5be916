"""`tthc check`: load the project under the paths, run the checks, print, choose the exit code."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tthc.cli.language import choose_language


def run_check(paths: tuple[str, ...], lang: str | None) -> int:
    from tthc.cli.render_text import render_text
    from tthc.dsl import Severity
    from tthc.rules import check_paths

    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        click.echo(f"tthc: no such file or folder: {', '.join(missing)}", err=True)
        return 2
    _, diagnostics = check_paths(paths)
    language = choose_language(lang)
    sys.stdout.write(render_text(diagnostics, language))
    return 1 if any(d.severity is Severity.ERROR for d in diagnostics) else 0
