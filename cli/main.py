"""The `tthc` command: a thin layer over the library. Each command parses its options, calls
one library function, renders the result and chooses the exit code (0 clean, 1 findings,
2 usage or I/O error). Heavy imports happen inside the commands, so `tthc --version` is fast.
"""

from __future__ import annotations

import sys

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
# The version is looked up only when asked for: importlib.metadata costs ~20 ms at start-up.
@click.version_option(None, "--version", "-V", package_name="tthc", prog_name="tthc")
def main() -> None:
    """tthc: compile and check Vietnamese administrative procedures before deployment."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help="Language of messages.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="Configuration file (tthc.toml or pyproject.toml); found upward from the paths if not given.",
)
@click.option(
    "--select", multiple=True, help="Codes or families to check (TT2,TT301); replaces the config's."
)
@click.option("--ignore", multiple=True, help="Codes or families not to check (TT306,TT7).")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning"]),
    default=None,
    help="Lowest severity that makes the exit code 1 (default: error).",
)
def check(
    paths: tuple[str, ...],
    lang: str | None,
    config_file: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
) -> None:
    """Check procedure files (.tthc, .yaml) and folders of them."""
    from tthc.cli.check_command import run_check

    sys.exit(run_check(paths, lang, config_file, select, ignore, fail_on))


@main.command(name="rules")
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help="Language of titles.")
@click.option("--format", "form", type=click.Choice(["text", "json", "markdown"]), default="text")
def rules_(lang: str | None, form: str) -> None:
    """List every diagnostic code: name, severity, family and title."""
    from tthc.cli.rules_command import run_rules

    sys.exit(run_rules(lang, form))


@main.command()
@click.argument("code")
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help="Language of headings.")
def explain(code: str, lang: str | None) -> None:
    """Explain one code (TT201 or its name): what it checks, why, and an example."""
    from tthc.cli.explain_command import run_explain

    sys.exit(run_explain(code, lang))


@main.command()
@click.argument("file", type=click.Path())
@click.option("--format", "form", type=click.Choice(["json", "dot"]), default="json")
@click.option(
    "--procedure", "code", default=None, help="Procedure code, when the file holds several."
)
def graph(file: str, form: str, code: str | None) -> None:
    """Print the workflow graph of a procedure as JSON or Graphviz DOT."""
    from tthc.cli.graph_command import run_graph

    sys.exit(run_graph(file, form, code))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--check", is_flag=True, help="Write nothing; list the files that would change.")
@click.option("--diff", is_flag=True, help="Write nothing; print the changes as a unified diff.")
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help="Language of messages.")
def fmt(paths: tuple[str, ...], check: bool, diff: bool, lang: str | None) -> None:
    """Rewrite .tthc and .yaml files (folders recursively) in canonical form, keeping comments.

    \b
    Exit codes: 0 done or nothing to change; 1 a file would change (--check, --diff);
    2 a file could not be read or parsed (it is left as it is, its errors are printed).
    """
    from tthc.cli.fmt_command import run_fmt

    sys.exit(run_fmt(paths, check, diff, lang))


@main.command()
@click.argument("file", type=click.Path())
@click.option(
    "--to",
    "to",
    type=click.Choice(["yaml", "tthc"]),
    default=None,
    help="Target form (default: from -o, else the other form).",
)
@click.option(
    "-o", "--output", default=None, type=click.Path(), help="Write here instead of standard output."
)
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help="Language of messages.")
def convert(file: str, to: str | None, output: str | None, lang: str | None) -> None:
    """Convert a procedure file between the DSL (.tthc) and YAML forms, keeping comments."""
    from tthc.cli.convert_command import run_convert

    sys.exit(run_convert(file, to, output, lang))


@main.command()
@click.option(
    "-o", "--output", default=None, type=click.Path(), help="Write here instead of standard output."
)
def schema(output: str | None) -> None:
    """Print the JSON Schema of the YAML form (for editors: save it as tthc.schema.json)."""
    from tthc.cli.schema_command import run_schema

    sys.exit(run_schema(output))
