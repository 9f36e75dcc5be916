"""`tthc convert FILE`: the same procedure file in the other form (`.tthc` ↔ `.yaml`).

Comments are carried over. A YAML result opens with a `# yaml-language-server: $schema=…` line
naming the project's `tthc.schema.json` (the one `tthc schema --write` writes), relative to
where the YAML file is written. The result goes to standard output, or to `-o FILE`; the target
form is `--to`, else the suffix of `-o`, else the form the file is not in.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tthc.cli.language import choose_language


def run_convert(file: str, to: str | None, output: str | None, lang: str | None) -> int:
    from tthc.dsl import read_source
    from tthc.dsl.printer.canonical import FormatterBug, form_of, format_source
    from tthc.rules.engine.editor_schema import schema_reference
    from tthc.rules.report.neutral import one_line
    from tthc.rules.report.text import render_diagnostics

    language = choose_language(lang)
    read = read_source(file)
    if read.value is None:
        sys.stderr.write(render_diagnostics(read.diagnostics, language))
        return 2
    target = to or _form_of_path(output) or ("tthc" if form_of(read.value) == "yaml" else "yaml")
    # The modeline of a new YAML file names the project's schema, where `tthc schema --write`
    # puts it; the YAML file goes to -o, or is printed for the folder of the source.
    schema = schema_reference(output or file) if target == "yaml" else None
    try:
        outcome = format_source(read.value, "yaml" if target == "yaml" else "tthc", schema=schema)
    except FormatterBug as bug:
        click.echo(f"tthc: internal error, nothing written: {bug}", err=True)
        return 2
    if outcome.value is None:
        sys.stderr.write(render_diagnostics(outcome.diagnostics, language))
        return 2
    if output is None:
        sys.stdout.write(outcome.value)
        return 0
    try:
        Path(output).write_text(outcome.value, encoding="utf-8")
    except OSError as error:
        click.echo(f"tthc: cannot write {one_line(output)}: {error.strerror}", err=True)
        return 2
    return 0


def _form_of_path(path: str | None) -> str | None:
    if path is None:
        return None
    suffix = Path(path).suffix.lower()
    return "yaml" if suffix in (".yaml", ".yml") else "tthc" if suffix == ".tthc" else None
