"""`tthc`'s commands are imported when used (`tthc.cli.lazy_group`): the table in
`tthc.cli.main` names each where it is defined, and what lists the commands — `tthc --help`,
the "did you mean" of a misspelt command — sees every one of them."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from tthc.cli.lazy_group import LazyGroup
from tthc.cli.main import COMMANDS, main


def test_every_command_of_the_table_is_defined_where_the_table_says() -> None:
    context = click.Context(main)
    for name in COMMANDS:
        command = main.get_command(context, name)
        assert command is not None and command.name == name


def test_help_lists_every_command_of_the_table() -> None:
    result = CliRunner().invoke(main, ["--help"], env={"TTHC_LANG": "en", "LANG": "C"})
    listed = result.output.split("Commands:\n", 1)[1]
    names = [
        line.split()[0] for line in listed.splitlines() if line.startswith("  ") and line[2] != " "
    ]
    assert names == sorted(COMMANDS)


def test_a_misspelt_command_is_answered_with_the_close_names() -> None:
    group = LazyGroup(name="demo", lazy={"check": "tthc.cli.check_commands:check"})
    result = CliRunner().invoke(group, ["chek"])
    assert result.exit_code == 2
    assert "No such command 'chek'" in result.output and "'check'" in result.output


def test_a_table_entry_that_names_another_command_is_refused() -> None:
    group = LazyGroup(name="demo", lazy={"check": "tthc.cli.check_commands:compile_"})
    with pytest.raises(LookupError, match="is not the command 'check'"):
        group.get_command(click.Context(group), "check")
