"""The options several commands share, with their help texts in one place (where a translation of
the help finds them). Input: nothing; output: click decorators."""

from __future__ import annotations

import click

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
LANG = click.option(
    "--lang", type=click.Choice(["vi", "en"]), default=None, help="Language of messages."
)
