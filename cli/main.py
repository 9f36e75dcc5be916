"""The `tthc` command: a thin layer over the library. Input: the command line; output: the exit
code (0 clean, 1 findings, 2 usage or I/O error, 3 an internal error: `tthc.cli.crash`).

This module only names the commands. Each command's options and help texts live in the module
of its job, imported when the command is used (`COMMANDS`); each command parses its options,
calls one library function (imported when it runs, so `tthc --version` is fast), renders the
result and chooses the exit code:

    check_commands.py      check, compile
    reference_commands.py  rules, explain, schema
    output_commands.py     graph, docs, export, report
    file_commands.py       fmt, convert, migrate, diff, import
    case_group.py          case ...
    server_commands.py     serve, db ...
"""

from __future__ import annotations

import os

# Before pydantic is first imported: its plugins are found by scanning the entry points of every
# installed distribution when the first model is validated (~20-40 ms of a cold `tthc check`),
# and tthc uses none. A user who sets the variable keeps their own choice.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import click

from tthc.cli.crash import CrashGuard

# Where each command is defined: its module is imported only when the command is used (or
# listed, by `--help`), so that `tthc check FILE` pays for none of the others
# (`tthc.cli.lazy_group`). `tthc --help` lists them in alphabetical order.
COMMANDS = {
    "check": "tthc.cli.check_commands:check",
    "compile": "tthc.cli.check_commands:compile_",
    "rules": "tthc.cli.reference_commands:rules_",
    "explain": "tthc.cli.reference_commands:explain",
    "schema": "tthc.cli.reference_commands:schema",
    "graph": "tthc.cli.output_commands:graph",
    "docs": "tthc.cli.output_commands:docs",
    "export": "tthc.cli.output_commands:export",
    "report": "tthc.cli.output_commands:report",
    "fmt": "tthc.cli.file_commands:fmt",
    "convert": "tthc.cli.file_commands:convert",
    "migrate": "tthc.cli.file_commands:migrate",
    "diff": "tthc.cli.file_commands:diff",
    "import": "tthc.cli.file_commands:import_",
    "case": "tthc.cli.case_group:case",
    "serve": "tthc.cli.server_commands:serve",
    "db": "tthc.cli.server_commands:db",
}


@click.group(
    cls=CrashGuard, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]}
)
# The version is looked up only when asked for: importlib.metadata costs ~20 ms at start-up.
@click.version_option(None, "--version", "-V", package_name="tthc", prog_name="tthc")
def main() -> None:
    """tthc: compile and check Vietnamese administrative procedures before deployment."""
