"""The `tthc` command: a thin layer over the library. Input: the command line; output: the exit
code (0 clean, 1 findings, 2 usage or I/O error, 3 an internal error: `tthc.cli.crash`).

This module only assembles the group. Each command's options and help texts live in the module
of its job, each command parses its options, calls one library function (imported when it runs,
so `tthc --version` is fast), renders the result and chooses the exit code:

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

from tthc.cli.case_group import case
from tthc.cli.check_commands import check, compile_
from tthc.cli.crash import CrashGuard
from tthc.cli.file_commands import convert, diff, fmt, import_, migrate
from tthc.cli.output_commands import docs, export, graph, report
from tthc.cli.reference_commands import explain, rules_, schema
from tthc.cli.server_commands import db, serve


@click.group(cls=CrashGuard, context_settings={"help_option_names": ["-h", "--help"]})
# The version is looked up only when asked for: importlib.metadata costs ~20 ms at start-up.
@click.version_option(None, "--version", "-V", package_name="tthc", prog_name="tthc")
def main() -> None:
    """tthc: compile and check Vietnamese administrative procedures before deployment."""


# `tthc --help` lists the commands in alphabetical order whatever the order here.
for _command in (check, compile_, rules_, explain, graph, docs, export, fmt, convert, schema):
    main.add_command(_command)
for _command in (migrate, diff, report, import_, case, serve, db):
    main.add_command(_command)
