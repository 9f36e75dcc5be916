"""What `tthc docs`, `tthc export` and `tthc schema` share: a text to standard output or to the
file of `-o`, and one procedure of a file, loaded and chosen. Input: the text, the paths; output:
the exit code (0 written, 1 the file has errors, 2 it cannot be read or written) or the chosen
procedure with its model."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from tthc.compiler import Model, Workflow


def write_output(text: str, output: str | None, failure: str = "") -> int:
    """`failure` words the error before the path (`cannot write `)."""
    if output is None:
        sys.stdout.write(text)
        return 0
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        click.echo(f"tthc: {failure}{output}: {error.strerror}", err=True)
        return 2
    return 0


def load_chosen(
    path: str, code: str | None, registry: tuple[str, ...] = ()
) -> tuple[Model, Workflow] | int:
    """The procedure `code` of the file (the only one when `code` is None), or the exit code."""
    from tthc.dsl import Message
    from tthc.outputs.loading import load
    from tthc.outputs.select import choose
    from tthc.rules.report.text import render_diagnostics

    if not Path(path).exists():
        click.echo(f"tthc: {path}: không tồn tại / does not exist", err=True)
        return 2
    loaded = load([path], registry)
    if loaded.problems:
        sys.stderr.write(render_diagnostics(list(loaded.problems), "en"))
        return 1
    chosen = choose(loaded, code)
    if isinstance(chosen, Message):
        click.echo(f"tthc: {chosen.vi} / {chosen.en}", err=True)
        return 2
    return loaded.project.model, chosen
