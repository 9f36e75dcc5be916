"""`tthc graph`, `tthc docs`, `tthc export`, `tthc report`: the commands that draw, document or
export procedures and the corpus (`tthc.outputs`). Input: the command line; output: the exit code
of the matching `run_*` function, imported when the command runs.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from tthc.cli.options import LANG, PROCEDURE, REPORT_OUTPUT, form


@click.command()
@click.argument("file", type=click.Path())
@click.option(
    "--format",
    "form",
    type=click.Choice(["json", "dot", "mermaid", "svg"]),
    default="json",
    help="json (the graph's data), dot (Graphviz), mermaid (for Markdown), svg (drawn by tthc).",
)
@PROCEDURE
@LANG
def graph(file: str, form: str, code: str | None, lang: str | None) -> None:
    """Print the workflow graph of a procedure as JSON, DOT, Mermaid or SVG.

    \b
    Exit codes: 0 drawn; 1 the file has errors (names left unresolved for want of the registry
    aside); 2 the file cannot be read, or holds no such procedure, or several and no --procedure.
    """
    from tthc.cli.graph_command import run_graph

    sys.exit(run_graph(file, form, code, lang))


@click.command()
@click.argument("path", type=click.Path())
@form("html", "markdown", default="html")
@click.option(
    "--audience",
    type=click.Choice(["official", "citizen"]),
    default="official",
    help="official: the procedure card; citizen: a plain-language guide for the applicant.",
)
@click.option(
    "-o", "--output", type=click.Path(), default=None, help="File to write (a folder for a site)."
)
@PROCEDURE
@click.option(
    "--registry",
    multiple=True,
    type=click.Path(exists=True),
    help="Registry files or folders (default: tthc.toml's, else the nearest registry above).",
)
def docs(**options: Any) -> None:
    """Write a procedure card (or a citizen guide) of FILE; for a folder, the corpus site."""
    from tthc.cli.docs_command import run_docs

    sys.exit(run_docs(**options))


@click.command()
@click.argument("file", type=click.Path())
@form("bpmn", default="bpmn")
@click.option(
    "--flavour",
    type=click.Choice(["spiff", "camunda8"]),
    default="spiff",
    help="spiff: Python expressions (SpiffWorkflow); camunda8: FEEL and Zeebe user tasks.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None)
@PROCEDURE
def export(file: str, form: str, flavour: str, output: str | None, code: str | None) -> None:
    """Export a procedure as executable BPMN 2.0 with its diagram (lanes per authority)."""
    from tthc.cli.export_command import run_export

    sys.exit(run_export(file, flavour, output, code))


@click.command()
@click.argument("path", type=click.Path(exists=True))
@form("text", "markdown", "json", default="text")
@REPORT_OUTPUT
def report(path: str, form: str, output: str | None) -> None:
    """The corpus report: counts by field and level, district procedures and their successors,
    findings, warnings silenced with their reasons, what is not verified, the 2025 moves."""
    from tthc.cli.report_command import run_report

    sys.exit(run_report(path, form, output))
