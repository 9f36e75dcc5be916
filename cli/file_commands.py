"""`tthc fmt`, `tthc convert`, `tthc migrate`, `tthc diff`, `tthc import`: the commands that write,
rewrite or compare procedure files. Input: the command line; output: the exit code of the matching
`run_*` function, imported when the command runs.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from tthc.cli.options import LANG, day, existing_folder, form, jobs


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--check", is_flag=True, help="Write nothing; list the files that would change.")
@click.option("--diff", is_flag=True, help="Write nothing; print the changes as a unified diff.")
@LANG
def fmt(paths: tuple[str, ...], check: bool, diff: bool, lang: str | None) -> None:
    """Rewrite .tthc and .yaml files (folders recursively) in canonical form, keeping comments.

    DSL lines longer than 100 columns are wrapped between attributes and after the commas of
    lists; a line that ends with a comment (a `# tthc: allow` suppression) is never split.

    \b
    Exit codes: 0 done or nothing to change; 1 a file would change (--check, --diff);
    2 a file could not be read or parsed (it is left as it is, its errors are printed).
    """
    from tthc.cli.fmt_command import run_fmt

    sys.exit(run_fmt(paths, check, diff, lang))


@click.command()
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
@LANG
def convert(file: str, to: str | None, output: str | None, lang: str | None) -> None:
    """Convert a procedure file between the DSL (.tthc) and YAML forms, keeping comments."""
    from tthc.cli.convert_command import run_convert

    sys.exit(run_convert(file, to, output, lang))


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@existing_folder("--registry", help="Registry folder (default: the nearest registry/ above FILE).")
@day("--on", "on", default="2025-07-01", help="Day of the move (default 2025-07-01).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the draft here instead of standard output.",
)
@form("text", "json", default="text")
@click.option("--code", default=None, help="The procedure to migrate when FILE holds several.")
def migrate(
    file: str, registry: str | None, on: Any, output: str | None, form: str, code: str | None
) -> None:
    """District → commune: draft a procedure after the 2025 move, from the registry's transfers.

    The draft goes to standard output (or -o); each decision goes to standard error as TAKEN,
    CHECK (guessed, confirm it) or OPEN (left to the drafter). Exit 1 when a decision is open.
    """
    from tthc.cli.migrate_command import run_migrate

    sys.exit(run_migrate(file, registry, on.date(), output, form, code))


@click.command()
@click.argument("before", type=click.Path(exists=True, dir_okay=False))
@click.argument("after", type=click.Path(exists=True, dir_okay=False))
@form("text", "markdown", "json", default="text")
@click.option("--code", default=None, help="The procedure to compare when a file holds several.")
def diff(before: str, after: str, form: str, code: str | None) -> None:
    """What changed between two versions of a procedure: authority per step, steps, deadline,
    fees, dossier, legal basis. Exit 1 when they differ, as diff(1) does."""
    from tthc.cli.diff_command import run_diff

    sys.exit(run_diff(before, after, form, code))


@click.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder for the drafts.",
)
@click.option(
    "--registry",
    multiple=True,
    type=click.Path(exists=True),
    help="Registry files or folders the drafts resolve against (repeatable; default: procedures/registry if present).",
)
@existing_folder(
    "--tables",
    help="Folder with your own units.csv, kinds.csv, citations.csv (each replaces the shipped one).",
)
@form("text", "json", default="text", help="Report format.")
@click.option("--no-check", is_flag=True, help="Write the drafts without checking them.")
@jobs(help="Worker processes of the check (default: all cores).")
@LANG
def import_(**options: Any) -> None:
    """Import published procedure records (JSON or CSV, national database layout and internal
    process) as .tthc drafts, one per record, with the registry entries they need; then check
    them and print the import report.

    \b
    Exit codes: 0 every record imported with no human decision and no draft has an error;
    1 some record needs a person or some draft has an error; 2 an input could not be read.
    """
    from tthc.cli.import_command import run_import

    sys.exit(run_import(**options))
