"""Source lines for renderers that quote the file (text, SARIF snippets and fingerprints)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=256)
def _lines(path: str) -> tuple[str, ...] | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return tuple(handle.read().split("\n"))
    except OSError:
        return None


def source_line(path: str, line: int) -> str | None:
    """The text of one line (1-based) of a file, or None when it cannot be read."""
    lines = _lines(path)
    if lines is None or not 1 <= line <= len(lines):
        return None
    return lines[line - 1].rstrip("\r")
