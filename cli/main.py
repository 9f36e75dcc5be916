"""The `tthc` command: a thin layer over the library. Each command parses its options, calls
one library function, renders the result and chooses the exit code (0 clean, 1 findings,
2 usage or I/O error, 3 an internal error: `tthc.cli.crash`). Heavy imports happen inside the commands, so `tthc --version` is fast.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from typing import Any

# Before pydantic is first imported: its plugins are found by scanning the entry points of every
# installed distribution when the first model is validated (~20-40 ms of a cold `tthc check`),
# and tthc uses none. A user who sets the variable keeps their own choice.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import click

from tthc.cli.case_group import case
from tthc.cli.crash import CrashGuard
from tthc.cli.server_commands import db, serve


@click.group(cls=CrashGuard, context_settings={"help_option_names": ["-h", "--help"]})
# The version is looked up only when asked for: importlib.metadata costs ~20 ms at start-up.
@click.version_option(None, "--version", "-V", package_name="tthc", prog_name="tthc")
def main() -> None:
    """tthc: compile and check Vietnamese administrative procedures before deployment."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "form",
    type=click.Choice(["text", "concise", "json", "sarif", "junit", "github"]),
    default=None,
    help="Output format (default: text; github when GITHUB_ACTIONS=true).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--lang",
    type=click.Choice(["vi", "en"]),
    default=None,
    help="Language of messages (default: vi for text and concise, en for the other formats).",
)
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
@click.option("--exit-zero", is_flag=True, help="Exit with 0 even when there are findings.")
@click.option(
    "--changed-since",
    metavar="REV",
    default=None,
    help="Report only files changed since this git revision (and untracked ones); the whole "
    "project is still read.",
)
@click.option(
    "--on",
    metavar="DATE",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Check against the law of this day (YYYY-MM-DD): of several versions of a procedure, "
    "only the one in force that day; a procedure not in force that day is not checked.",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write .tthc_cache/.")
@click.option(
    "-j",
    "--jobs",
    metavar="N",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: all cores).",
)
@click.option(
    "-q", "--quiet", is_flag=True, help="Findings only: no summary line, no progress bar."
)
@click.option(
    "--statistics",
    "--summary",
    "statistics",
    is_flag=True,
    help="Count the findings of each code instead of listing them (text, concise).",
)
@click.option(
    "--color",
    "colour",
    type=click.Choice(["auto", "always", "never"]),
    default=None,
    help="Colour in text and concise output (default auto: on a terminal, unless NO_COLOR is "
    "set; FORCE_COLOR forces it).",
)
def check(
    paths: tuple[str, ...],
    form: str | None,
    output: str | None,
    lang: str | None,
    config_file: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    exit_zero: bool,
    changed_since: str | None,
    on: dt.datetime | None,
    no_cache: bool,
    jobs: int | None,
    quiet: bool,
    statistics: bool,
    colour: str | None,
) -> None:
    """Check procedure files (.tthc, .yaml) and folders of them.

    In a folder every .tthc file is read, and a .yaml/.yml file whose first key is one of
    tthc's (procedure, procedures, authorities, instruments, grants, transfers); files named
    here are always read. Results are cached in .tthc_cache/ at the project root.

    \b
    Exit codes:
      0  no finding at or above the fail level (--fail-on), or --exit-zero
      1  findings at or above the fail level
      2  usage, configuration or I/O error: a bad option, a path that does not
         exist, a named file that cannot be read, an unusable configuration,
         an unknown --changed-since revision, an output file that cannot be written
      3  internal error: a bug in tthc (a check that crashed, TT999, or the
         command itself); the report is still written when it can be
      4  nothing was checked: no procedure file under the paths (a warning says
         so), unless --exit-zero
    """
    from tthc.cli.check_command import CheckOptions, run_check

    options = CheckOptions(
        paths=paths,
        lang=lang,
        config_file=config_file,
        select=select,
        ignore=ignore,
        fail_on=fail_on,
        form=form,
        output=output,
        exit_zero=exit_zero,
        no_cache=no_cache,
        changed_since=changed_since,
        on=on.date() if on is not None else None,
        jobs=jobs,
        quiet=quiet,
        statistics=statistics,
        colour=colour,
    )
    sys.exit(run_check(options))


@main.command(name="compile")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), help="The bundle to write."
)
@click.option(
    "--calendar",
    "calendar_file",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help='Extra days off and working days: JSON {"days_off": {"2026-03-10": "why"}, '
    '"working_days": {...}}.',
)
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", help="Language of messages.")
def compile_(paths: tuple[str, ...], output: str, calendar_file: str | None, lang: str) -> None:
    """Check the procedures and registry under PATHS and write their deployment bundle.

    \b
    Exit codes: 0 bundle written; 1 errors remain (printed, nothing written);
    2 a file could not be read or written.
    """
    from tthc.cli.compile_command import run_compile

    sys.exit(run_compile(paths, output, calendar_file, lang))


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
@click.option(
    "--format",
    "form",
    type=click.Choice(["json", "dot", "mermaid", "svg"]),
    default="json",
    help="json (the graph's data), dot (Graphviz), mermaid (for Markdown), svg (drawn by tthc).",
)
@click.option(
    "--procedure", "code", default=None, help="Procedure code, when the file holds several."
)
def graph(file: str, form: str, code: str | None) -> None:
    """Print the workflow graph of a procedure as JSON, DOT, Mermaid or SVG.

    \b
    Exit codes: 0 drawn; 1 the file has errors (names left unresolved for want of the registry
    aside); 2 the file cannot be read, or holds no such procedure, or several and no --procedure.
    """
    from tthc.cli.graph_command import run_graph

    sys.exit(run_graph(file, form, code))


@main.command()
@click.argument("path", type=click.Path())
@click.option("--format", "form", type=click.Choice(["html", "markdown"]), default="html")
@click.option(
    "--audience",
    type=click.Choice(["official", "citizen"]),
    default="official",
    help="official: the procedure card; citizen: a plain-language guide for the applicant.",
)
@click.option(
    "-o", "--output", type=click.Path(), default=None, help="File to write (a folder for a site)."
)
@click.option(
    "--procedure", "code", default=None, help="Procedure code, when the file holds several."
)
@click.option(
    "--registry",
    multiple=True,
    type=click.Path(exists=True),
    help="Registry files or folders (default: tthc.toml's, else the nearest registry above).",
)
def docs(
    path: str,
    form: str,
    audience: str,
    output: str | None,
    code: str | None,
    registry: tuple[str, ...],
) -> None:
    """Write a procedure card (or a citizen guide) of FILE; for a folder, the corpus site."""
    from tthc.cli.docs_command import run_docs

    sys.exit(run_docs(path, form, audience, output, code, registry))


@main.command()
@click.argument("file", type=click.Path())
@click.option("--format", "form", type=click.Choice(["bpmn"]), default="bpmn")
@click.option(
    "--flavour",
    type=click.Choice(["spiff", "camunda8"]),
    default="spiff",
    help="spiff: Python expressions (SpiffWorkflow); camunda8: FEEL and Zeebe user tasks.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None)
@click.option(
    "--procedure", "code", default=None, help="Procedure code, when the file holds several."
)
def export(file: str, form: str, flavour: str, output: str | None, code: str | None) -> None:
    """Export a procedure as executable BPMN 2.0 with its diagram (lanes per authority)."""
    from tthc.cli.export_command import run_export

    sys.exit(run_export(file, flavour, output, code))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--check", is_flag=True, help="Write nothing; list the files that would change.")
@click.option("--diff", is_flag=True, help="Write nothing; print the changes as a unified diff.")
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help="Language of messages.")
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


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--registry",
    type=click.Path(exists=True, file_okay=False),
    default=None,
    help="Registry folder (default: the nearest registry/ above FILE).",
)
@click.option(
    "--on",
    "on",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default="2025-07-01",
    help="Day of the move (default 2025-07-01).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the draft here instead of standard output.",
)
@click.option("--format", "form", type=click.Choice(["text", "json"]), default="text")
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


@main.command()
@click.argument("before", type=click.Path(exists=True, dir_okay=False))
@click.argument("after", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "form", type=click.Choice(["text", "markdown", "json"]), default="text")
@click.option("--code", default=None, help="The procedure to compare when a file holds several.")
def diff(before: str, after: str, form: str, code: str | None) -> None:
    """What changed between two versions of a procedure: authority per step, steps, deadline,
    fees, dossier, legal basis. Exit 1 when they differ, as diff(1) does."""
    from tthc.cli.diff_command import run_diff

    sys.exit(run_diff(before, after, form, code))


@main.command()
@click.argument("path", type=click.Path(exists=True))
@click.option("--format", "form", type=click.Choice(["text", "markdown", "json"]), default="text")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the report to this file instead of standard output.",
)
def report(path: str, form: str, output: str | None) -> None:
    """The corpus report: counts by field and level, district procedures and their successors,
    findings, warnings silenced with their reasons, what is not verified, the 2025 moves."""
    from tthc.cli.report_command import run_report

    sys.exit(run_report(path, form, output))


@main.command(name="import")
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
@click.option(
    "--tables",
    type=click.Path(exists=True, file_okay=False),
    default=None,
    help="Folder with your own units.csv, kinds.csv, citations.csv (each replaces the shipped one).",
)
@click.option(
    "--format", "form", type=click.Choice(["text", "json"]), default="text", help="Report format."
)
@click.option("--no-check", is_flag=True, help="Write the drafts without checking them.")
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help="Language of messages.")
def import_(
    files: tuple[str, ...],
    out: str,
    registry: tuple[str, ...],
    tables: str | None,
    form: str,
    no_check: bool,
    lang: str | None,
) -> None:
    """Import published procedure records (JSON or CSV, national database layout and internal
    process) as .tthc drafts, one per record, with the registry entries they need; then check
    them and print the import report.

    \b
    Exit codes: 0 every record imported with no human decision and no draft has an error;
    1 some record needs a person or some draft has an error; 2 an input could not be read.
    """
    from tthc.cli.import_command import run_import

    sys.exit(run_import(files, out, registry, tables, form, no_check, lang))


main.add_command(case)
main.add_command(serve)
main.add_command(db)
