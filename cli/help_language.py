"""`--help` in the user's language (issue 19). Input: the `tthc` group and a language; output:
every command's and option's help set to that language's text, and a help formatter that writes
click's headings ("Usage:", "Options") in it.

The English texts are the ones written with each command; the Vietnamese come from
`tthc.cli.help_texts`. This module is imported only when help is asked for, so the start-up of
every other command is unchanged (tests/test_startup.py). Setting the language is reversible:
the English texts are kept on first use and put back for `en`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import click

from tthc.cli.help_texts import COMMANDS, HEADINGS, OPTIONS
from tthc.cli.lazy_group import LazyGroup

_ENGLISH = "_tthc_help_en"


class VietnameseHelpFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, HEADINGS["Usage:"] + " ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(HEADINGS.get(heading, heading))

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        # The help option is made by click on demand, so its text is worded here.
        worded = [(term, HEADINGS.get(text, text)) for term, text in rows]
        super().write_dl(worded, col_max, col_spacing)


class VietnameseContext(click.Context):
    formatter_class = VietnameseHelpFormatter


def commands(root: click.Command, path: str = "tthc") -> Iterator[tuple[str, click.Command]]:
    """Every command under `root` with its path (`tthc case act`)."""
    yield path, root
    if isinstance(root, click.Group):
        listed = root.all_commands() if isinstance(root, LazyGroup) else root.commands
        for name, command in sorted(listed.items()):
            yield from commands(command, f"{path} {name}")


def _set(thing: Any, field: str, text: object, english: bool) -> None:
    kept: dict[str, Any] = thing.__dict__.setdefault(_ENGLISH, {})
    kept.setdefault(field, getattr(thing, field))
    setattr(thing, field, kept[field] if english or text is None else text)


def use_language(root: click.Command, lang: str) -> None:
    english = lang != "vi"
    for path, command in commands(root):
        _set(command, "help", COMMANDS.get(path), english)
        _set(command, "short_help", None if english else _short(COMMANDS.get(path)), english)
        _set(command, "context_class", None if english else VietnameseContext, english)
        for param in command.params:
            # Only an option that has an English help gets a Vietnamese one (same meaning).
            if isinstance(param, click.Option) and param.name and _english_help(param):
                text = OPTIONS.get((path, param.name)) or OPTIONS.get(("*", param.name))
                _set(param, "help", text, english)


def _english_help(param: click.Option) -> bool:
    kept: dict[str, Any] = param.__dict__.get(_ENGLISH, {})
    return bool(kept.get("help", param.help))


def _short(text: str | None) -> str | None:
    return text.split("\n", 1)[0] if text else None
