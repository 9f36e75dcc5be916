"""Where a key of a TOML file was written, so that a configuration problem names its line.

Input: the TOML text and the table the configuration lives in (`tool.tthc` in pyproject.toml,
the root of tthc.toml). Output: a `Span` for a table, a key in it, or a string value of that
key. `tomllib` keeps no positions; reading table headers and `key =` lines is enough for the
files people write by hand. When a place cannot be found, the span falls back to the table's
header, then to the first line.
"""

from __future__ import annotations

import re

from tthc.dsl import Span

_PART = re.compile(r"""\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(\.|$)""")


def dotted(text: str) -> tuple[str, ...] | None:
    """The parts of a dotted TOML key (`tool.tthc."per-path"`), or None if it is not one."""
    parts: list[str] = []
    index = 0
    while index < len(text):
        match = _PART.match(text, index)
        if match is None:
            return None
        parts.append(next(group for group in match.groups()[:3] if group is not None))
        index = match.end()
    return tuple(parts)


class Locator:
    def __init__(self, path: str, text: str, base: tuple[str, ...]) -> None:
        self.path = path
        self.base = base
        self.lines = text.split("\n")
        self.headers: list[tuple[int, tuple[str, ...]]] = []  # (0-based line, table path)
        for number, line in enumerate(self.lines):
            stripped = line.strip()
            if stripped.startswith("[") and "]" in stripped:
                inner = stripped.strip("[").split("]", 1)[0]
                table = dotted(inner)
                if table is not None:
                    self.headers.append((number, table))

    def span(
        self, table: tuple[str, ...], key: str | None = None, value: str | None = None
    ) -> Span:
        """The place of `value` (a string) in `key` of `table`, of `key`, or of the table."""
        found = self._find(table, key)
        if found is None:
            return Span.point(self.path)
        line, column, width = found
        if value is not None:
            end = self._section_end(line)
            for number in range(line, end):
                for quoted in (f'"{value}"', f"'{value}'"):
                    at = self.lines[number].find(quoted, column - 1 if number == line else 0)
                    if at >= 0:
                        return self._span(number, at + 1, len(quoted))
        return self._span(line, column, width)

    def _span(self, line: int, column: int, width: int) -> Span:
        return Span(
            path=self.path,
            line=line + 1,
            column=column,
            end_line=line + 1,
            end_column=column + max(width, 1),
        )

    def _find(self, table: tuple[str, ...], key: str | None) -> tuple[int, int, int] | None:
        """(0-based line, 1-based column, width) of a key in a table, or of the table itself."""
        full = (*self.base, *table)
        header = next((n for n, t in self.headers if t == full), None)
        if header is not None or not full:
            whole = (header, 1, len(self.lines[header])) if header is not None else None
            if key is None:
                return whole
            first = header + 1 if header is not None else 0
            end = self._section_end(header) if header is not None else self._first_header()
            return self._key_line(first, end, key) or whole
        if not table:
            return None
        # The table is written inline (`severity = { TT201 = "off" }`) or as a dotted key.
        parent = self._find(table[:-1], table[-1])
        if parent is None or key is None:
            return parent
        pattern = re.compile(rf"""(?:^|[\s{{,])(["']?{re.escape(key)}["']?)\s*=""")
        for number in range(parent[0], self._section_end(parent[0])):
            match = pattern.search(self.lines[number])
            if match is not None:
                return number, match.start(1) + 1, len(match.group(1))
        return parent

    def _key_line(self, first: int, end: int, key: str) -> tuple[int, int, int] | None:
        pattern = re.compile(rf"""^(\s*)["']?{re.escape(key)}["']?\s*=""")
        for number in range(first, end):
            match = pattern.match(self.lines[number])
            if match is not None:
                return number, len(match.group(1)) + 1, len(key)
        return None

    def _first_header(self) -> int:
        return self.headers[0][0] if self.headers else len(self.lines)

    def _section_end(self, line: int) -> int:
        """The 0-based line of the next table header after `line`, or the end of the file."""
        return next((n for n, _ in self.headers if n > line), len(self.lines))
