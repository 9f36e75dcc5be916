"""Source lines for renderers that quote the file (text, SARIF snippets and fingerprints)."""

from __future__ import annotations

import os
import re
from functools import lru_cache

from tthc.dsl.reading.links import link_outside_repository

# The line ends the reader counts (`tthc.dsl.reading.source.decode_source`): CR LF, a lone CR, LF, and
# in YAML also NEL, LINE and PARAGRAPH SEPARATOR, as the YAML parser does.
# Compiled when a line is first quoted (`re` keeps them), never by a clean check.
BREAKS = "\r\n|\r|\n"
YAML_BREAKS = "\r\n|[\r\n\x85\u2028\u2029]"


@lru_cache(maxsize=256)
def _lines(path: str, stamp: tuple[int, int]) -> tuple[str, ...] | None:
    """The lines of a file as it is now (`stamp`: its time and size, so that a process that
    reports many times, a server or a fuzz run, never quotes a file as it was before)."""
    try:
        with open(path, encoding="utf-8", errors="replace", newline="") as handle:
            text = handle.read()
    except OSError:
        return None
    breaks = YAML_BREAKS if path.lower().endswith((".yaml", ".yml")) else BREAKS
    return tuple(re.split(breaks, text))


def source_line(path: str, line: int) -> str | None:
    """The text of one line (1-based) of a file, or None when it cannot be read. A link out
    of the repository is never quoted: its target is what a hostile link would leak."""
    if link_outside_repository(path) is not None:
        return None
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    lines = _lines(path, (status.st_mtime_ns, status.st_size))
    if lines is None or not 1 <= line <= len(lines):
        return None
    return lines[line - 1].rstrip("\r")
