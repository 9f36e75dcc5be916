"""Source locations: `Span` (1-based, end exclusive, as Lark and SARIF count) and `SourceFile`.

Input: a path and its text. Output: a `SourceFile` that turns character offsets into
line/column pairs, so every stage can point at the place the person wrote.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from tthc.dsl.frozen import Frozen

_NEWLINE = re.compile("\n")

# A place as the parser carries it before a `Span` is made of it: path, line, column, end
# line, end column (a tuple costs a fifth of a `Span`).
Where = tuple[str, int, int, int, int]


class Span(Frozen):
    """A region of one file. Lines and columns are 1-based; the end is exclusive."""

    __slots__ = ("column", "end_column", "end_line", "line", "path")

    path: str
    line: int
    column: int
    end_line: int
    end_column: int

    def __init__(self, path: str, line: int, column: int, end_line: int, end_column: int) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"

    @classmethod
    def point(cls, path: str, line: int = 1, column: int = 1) -> Span:
        return cls(str(path), line, column, line, column + 1)


@dataclass(frozen=True)
class SourceFile:
    """The decoded text of one file, with an index of where each line starts."""

    path: str
    text: str

    @classmethod
    def from_text(cls, path: str, text: str) -> SourceFile:
        return cls(path=path, text=text)

    @cached_property
    def line_starts(self) -> tuple[int, ...]:
        """Where each line starts: made when a place is asked for by offset (a diagnostic of
        the reader, a syntax error), not for every file read (the parser counts lines itself)."""
        return (0, *(match.end() for match in _NEWLINE.finditer(self.text)))

    @property
    def suffix(self) -> str:
        dot = self.path.rfind(".")
        return self.path[dot:].lower() if dot >= 0 else ""

    @property
    def is_yaml(self) -> bool:
        return self.suffix in {".yaml", ".yml"}

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column (1-based) of a character offset."""
        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def span(self, start: int, end: int) -> Span:
        line, column = self.position(start)
        end_line, end_column = self.position(max(end, start + 1))
        return Span(
            path=self.path, line=line, column=column, end_line=end_line, end_column=end_column
        )

    def line_text(self, line: int) -> str:
        """The text of one line (1-based), without its newline."""
        if not 1 <= line <= len(self.line_starts):
            return ""
        start = self.line_starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start:] if end < 0 else self.text[start:end]
