"""`tthc schema`: the JSON Schema of the YAML form, for editors — printed, written to a file
(`-o`), or written where the `$schema` lines of the project's YAML files point (`--write`:
`tthc.schema.json` in the folder of the nearest configuration); or, with `--format markdown`,
the key reference made from the same table (`docs/keys.md`).
"""

from __future__ import annotations

from pathlib import Path

import click

from tthc.cli.output_file import write_output


def run_schema(output: str | None, write: bool, form: str) -> int:
    from tthc.dsl.yaml.keys import keys_markdown
    from tthc.dsl.yaml.schema import schema_text
    from tthc.rules.engine.editor_schema import schema_file

    text = keys_markdown() if form == "markdown" else schema_text()
    if write and output is None:
        output = str(schema_file(Path.cwd()))
    written = write_output(text, output, "cannot write ")
    if written == 0 and write:
        click.echo(output, err=True)
    return written
