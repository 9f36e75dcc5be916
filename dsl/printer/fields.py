"""Keyword lines of a block in canonical DSL: `Field`s → `Line`s.

Input: the keyword lines of one block (a procedure's header, a registry declaration, a
`moved` block) in print order, the keyword column, the comments of the file and the line
length. Output: one line per field, `keyword  value` with the values in a column:

    basis        luat-xay-dung-2014 art 102, luat-xay-dung-2014 art 103, nd-140-2025 art 4,
                 nd-118-2025
    fee          0 "Miễn lệ phí khi đăng ký đúng hạn" basis luat-ho-tich-2014 art 11

A value that does not fit is wrapped under itself (`wrap.fill`). Two exceptions keep
what a comment at the end of a line speaks about on that line: such a field is not wrapped,
and fields that were written together on the line of such a comment stay together, at the
place of the first of them (`Comments.together`).
"""

from __future__ import annotations

from typing import NamedTuple

from tthc.dsl.printer.lines import Comments, Key, Line
from tthc.dsl.printer.wrap import GAP, Attr, fill


class Field(NamedTuple):
    """A keyword line: its keyword, its value (attributes `gap` apart, which the line may
    break between), its key and the keys it also stands for (`Line.aliases`)."""

    word: str
    value: tuple[Attr, ...]
    key: Key
    gap: str = " "
    aliases: tuple[Key, ...] = ()
    block: tuple[Line, ...] = ()  # a nested block printed as it is (`moved`)


def field_lines(
    fields: list[Field], column: int, indent: int, comments: Comments, width: int
) -> list[Line]:
    by_key = {item.key: item for item in fields if not item.block}
    groups = {group[0]: group for group in comments.together(list(by_key))}
    lines: list[Line] = []
    for item in fields:
        if item.block:
            lines.extend(item.block)
        elif len(groups.get(item.key, ())) > 1:
            lines.append(_group([by_key[key] for key in groups[item.key]], column, indent))
        elif item.key in groups:
            lines.extend(_one(item, column, indent, comments, width))
    return lines


def _text(item: Field) -> str:
    return item.gap.join(attr.text for attr in item.value)


def _group(items: list[Field], column: int, indent: int) -> Line:
    first, *others = items
    text = GAP.join([f"{first.word:<{column}}{_text(first)}"] + [
        f"{item.word} {_text(item)}" for item in others
    ])  # fmt: skip
    aliases = first.aliases + tuple(key for item in others for key in (item.key, *item.aliases))
    return Line(text, indent, first.key, aliases=aliases)


def _one(item: Field, column: int, indent: int, comments: Comments, width: int) -> list[Line]:
    text = _text(item)
    if indent + column + len(text) <= width or comments.pinned(item.key):
        return [Line(f"{item.word:<{column}}{text}", indent, item.key, aliases=item.aliases)]
    filled = fill(item.value, indent + column, width, item.gap)
    head = Line(f"{item.word:<{column}}{filled[0][1]}", indent, item.key, aliases=item.aliases)
    return [head, *(Line(text, at) for at, text in filled[1:])]
