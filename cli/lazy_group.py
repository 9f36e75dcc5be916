"""A click group whose commands are imported when one is used. Input: a table of command names
and where each is defined (`"tthc.cli.check_commands:check"`); output: the group that `tthc`
runs, which imports only the module of the command asked for.

`tthc check FILE` thus never imports the options and help texts of the case, server, file and
output commands (a cold one-file check pays for every module it imports, issue 17). What
lists or searches the commands — `tthc --help`, click's "did you mean" of a misspelt command,
the help in the user's language — loads them all (`all_commands`), so what it prints is what
an eager group prints.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, MutableMapping
from typing import Any

import click


class LazyGroup(click.Group):
    """A group whose commands are named in `lazy` (name -> "module:attribute") and imported on
    first use; commands added with `add_command` are kept as click keeps them."""

    def __init__(self, *args: Any, lazy: Mapping[str, str] | None = None, **extra: Any) -> None:
        super().__init__(*args, **extra)
        self.lazy: dict[str, str] = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            module, _, attribute = self.lazy[cmd_name].partition(":")
            command = getattr(importlib.import_module(module), attribute)
            if not isinstance(command, click.Command) or command.name != cmd_name:
                raise LookupError(f"{self.lazy[cmd_name]} is not the command {cmd_name!r}")
            self.commands[cmd_name] = command
        return self.commands.get(cmd_name)

    def all_commands(self) -> MutableMapping[str, click.Command]:
        """Every command, imported, by name (what click's own `commands` holds)."""
        for name in self.lazy:
            self.get_command(click.Context(self), name)
        return self.commands

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in self.lazy:
            self.all_commands()  # click suggests the close names from the loaded commands
        return super().resolve_command(ctx, args)
