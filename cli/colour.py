"""Whether to print in colour: `--color auto|always|never`, then the conventions every terminal
tool reads (NO_COLOR, https://no-color.org; FORCE_COLOR), then whether the output is a
terminal. Input: the option and the stream written to; output: a yes or no."""

from __future__ import annotations

import os
from typing import TextIO

CHOICES = ("auto", "always", "never")


def use_colour(choice: str | None, stream: TextIO) -> bool:
    """`always` and `never` decide; under `auto` a non-empty NO_COLOR turns colour off, a
    non-empty FORCE_COLOR turns it on, and otherwise a terminal (not TERM=dumb) gets it."""
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"
