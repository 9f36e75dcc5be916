"""`tthc rules`, `tthc explain`, `tthc schema`: the commands that print what tthc knows (its codes
and the JSON Schema of the YAML form). Input: the command line; output: the exit code of the
matching `run_*` function, imported when the command runs.
"""

from __future__ import annotations

import sys

import click


@click.command(name="rules")
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help="Language of titles.")
@click.option("--format", "form", type=click.Choice(["text", "json", "markdown"]), default="text")
def rules_(lang: str | None, form: str) -> None:
    """List every diagnostic code: name, severity, family and title."""
    from tthc.cli.rules_command import run_rules

    sys.exit(run_rules(lang, form))


@click.command()
@click.argument("code")
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help="Language of headings.")
def explain(code: str, lang: str | None) -> None:
    """Explain one code (TT201 or its name): what it checks, why, and an example."""
    from tthc.cli.explain_command import run_explain

    sys.exit(run_explain(code, lang))


@click.command()
@click.option(
    "-o", "--output", default=None, type=click.Path(), help="Write here instead of standard output."
)
@click.option(
    "--write",
    is_flag=True,
    help="Write tthc.schema.json in the project's folder (that of the nearest tthc.toml), where "
    "the $schema line of the YAML files `tthc convert` writes points.",
)
@click.option(
    "--format",
    "form",
    type=click.Choice(["json", "markdown"]),
    default="json",
    help="json: the JSON Schema (draft-07, as VS Code's YAML extension reads it); markdown: the "
    "key reference made from the same descriptions (docs/keys.md).",
)
def schema(output: str | None, write: bool, form: str) -> None:
    """The JSON Schema of the YAML form, for editors: completion, hover help in Vietnamese and
    English, and mistakes flagged as the drafter types."""
    from tthc.cli.schema_command import run_schema

    sys.exit(run_schema(output, write, form))
