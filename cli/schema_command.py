"""`tthc schema`: print (or write) the JSON Schema of the YAML form, for editors."""

from __future__ import annotations

import sys
from pathlib import Path

import click


def run_schema(output: str | None) -> int:
    from tthc.dsl.yaml.schema import schema_text

    text = schema_text()
    if output is None:
        sys.stdout.write(text)
        return 0
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        click.echo(f"tthc: cannot write {output}: {error.strerror}", err=True)
        return 2
    return 0
