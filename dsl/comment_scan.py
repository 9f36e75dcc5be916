"""Where a `#` comment starts in a line of a `.tthc` file, without parsing it.

Input: one line. Output: the column (0-based) of the `#`, or None. Used by the formatter and by
the suppressions (`tthc.rules.engine.comments`); it imports nothing, so checking stays off Lark.
"""

from __future__ import annotations


def comment_start(line: str) -> int | None:
    """Where a `#` comment starts in a DSL line: strings are double-quoted with backslash
    escapes and never span a line, and a `#` inside one is text."""
    quoted = escaped = False
    for column, char in enumerate(line):
        if quoted:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                quoted = False
        elif char == '"':
            quoted = True
        elif char == "#":
            return column
    return None
