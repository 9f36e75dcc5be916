"""The `tthc` command: a thin layer over the library. Each command parses its options, calls
one library function, renders the result and chooses the exit code (0 clean, 1 findings,
2 usage or I/O error). Heavy imports happen inside the commands, so `tthc --version` is fast.
"""

from __future__ import annotations

import sys
from importlib.metadata import version

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version("tthc"), "--version", "-V", prog_name="tthc")
def main() -> None:
    """tthc: compile and check Vietnamese administrative procedures before deployment."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help="Language of messages.")
def check(paths: tuple[str, ...], lang: str | None) -> None:
    """Check procedure files (.tthc, .yaml) and folders of them."""
    from tthc.cli.check_command import run_check

    sys.exit(run_check(paths, lang))


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
