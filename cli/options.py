"""The options several commands share, with their help texts in one place (where a translation of
the help finds them), and the option kinds they repeat (an existing file, an existing folder, a
day, a number of workers, a language, a format). Input: nothing; output: click decorators."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def existing_file(*declarations: str, **settings: Any) -> Callable[[F], F]:
    """An optional path to a file that must exist (not a folder)."""
    settings.setdefault("default", None)
    return click.option(*declarations, type=click.Path(exists=True, dir_okay=False), **settings)


def existing_folder(*declarations: str, **settings: Any) -> Callable[[F], F]:
    """An optional path to a folder that must exist."""
    settings.setdefault("default", None)
    return click.option(*declarations, type=click.Path(exists=True, file_okay=False), **settings)


def day(*declarations: str, **settings: Any) -> Callable[[F], F]:
    """A day written YYYY-MM-DD (click gives a `datetime`)."""
    settings.setdefault("default", None)
    return click.option(*declarations, type=click.DateTime(formats=["%Y-%m-%d"]), **settings)


def jobs(help: str) -> Callable[[F], F]:
    """`-j N`: how many worker processes (default: None, all cores)."""
    return click.option(
        "-j", "--jobs", metavar="N", type=click.IntRange(min=1), default=None, help=help
    )


def language(default: str | None = None, **settings: Any) -> Callable[[F], F]:
    """`--lang vi|en`."""
    return click.option("--lang", type=click.Choice(["vi", "en"]), default=default, **settings)


def form(*choices: str, **settings: Any) -> Callable[[F], F]:
    """`--format` among `choices`, passed to the command as `form`."""
    return click.option("--format", "form", type=click.Choice(list(choices)), **settings)


REPORT_OUTPUT = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the report to this file instead of standard output.",
)
PROCEDURE = click.option(
    "--procedure", "code", default=None, help="Procedure code, when the file holds several."
)
LANG = language(help="Language of messages.")
