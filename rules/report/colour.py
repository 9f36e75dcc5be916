"""Colour for the human formats (text, concise): ANSI styles on the severity, the code and the
caret, as ruff and rustc print them. Input: a piece of text and its role; output: the text,
styled when the report asks for colour (`Report.colour`, chosen by `tthc.cli.colour`)."""

from __future__ import annotations

import click

STYLES: dict[str, tuple[str | None, bool]] = {  # role: (foreground, bold)
    "error": ("red", True),
    "warning": ("yellow", True),
    "info": ("cyan", True),
    "path": (None, True),
    "code": ("red", False),
    "caret": ("red", True),
    "help": ("cyan", False),
    "gutter": ("blue", False),
}


def paint(text: str, role: str, on: bool) -> str:
    """The text in the style of its role when `on`; as it is otherwise."""
    if not on:
        return text
    foreground, bold = STYLES[role]
    return click.style(text, fg=foreground, bold=bold)
