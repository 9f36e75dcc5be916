"""Attributes filled onto lines of a given width: `Attr`s → `(column, text)` lines.

Input: the attributes of one item in the order they are printed (`by x`, `takes 1 days`,
`reads a, b, c`), the column they start at and the line length. Output: the lines that hold
them, each with its column. The DSL printer uses this for every item that does not fit on one
line: a step or dossier component after its first line, the value of a header line (`basis`,
`fee`, `applicants`), an authority's attributes.

Attributes are packed greedily, two spaces apart, and a line breaks only between attributes;
an attribute too long for a line of its own is a list (`reads a, b, c`) broken after its
commas, its later lines under its first item. Nothing inside a string is ever broken, so a
line holding one long string may still be longer than the limit. The result depends only on
the attributes, never on how the source was laid out, which keeps `tthc fmt` idempotent.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

GAP = "  "  # between attributes, and between the columns of a block
WIDTH = 100  # the default line length, as for the project's code


class Attr(NamedTuple):
    """`head item, item, ...`: a keyword or a whole value (`head`), and the items of a list,
    which may go on several lines, broken after a comma."""

    head: str
    items: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return " ".join(part for part in (self.head, ", ".join(self.items)) if part)


def listed(head: str, items: Sequence[str]) -> Attr:
    """A list attribute (`reads a, b`, `basis x art 1, y`), or a bare list when `head` is ''."""
    return Attr(head, tuple(items))


def fill(attrs: Sequence[Attr], column: int, width: int, gap: str = GAP) -> list[tuple[int, str]]:
    """The lines holding `attrs`, `gap` apart, all starting at `column` except the later lines
    of a broken list, which stand under the list's first item."""
    lines: list[tuple[int, str]] = []
    current = ""
    for attr in attrs:
        text = attr.text
        if current and column + len(current) + len(gap) + len(text) <= width:
            current += gap + text
            continue
        if current:
            lines.append((column, current))
            current = ""
        if column + len(text) <= width or len(attr.items) < 2:
            current = text
            continue
        # A list that does not fit on a line of its own: the attribute after it starts a line.
        lines.extend(_broken(attr, column, width))
    if current:
        lines.append((column, current))
    return lines


def _broken(attr: Attr, column: int, width: int) -> list[tuple[int, str]]:
    head = attr.head + " " if attr.head else ""
    hanging = column + len(head)
    lines: list[tuple[int, str]] = []
    at, current = column, head + attr.items[0]
    for index, item in enumerate(attr.items[1:], start=2):
        comma = 0 if index == len(attr.items) else 1  # a line that goes on ends with a comma
        if at + len(current) + 2 + len(item) + comma <= width:
            current += ", " + item
            continue
        lines.append((at, current + ","))
        at, current = hanging, item
    lines.append((at, current))
    return lines
