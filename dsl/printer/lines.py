"""Printed lines tagged with the AST item they print, and comments put back among them.

Input: the `Line`s a printer (DSL or YAML) produced, each tagged with the `Key` of the item it
prints, and the `Comments` read from the source. Output: the final text of the file.

A key is a path into the document that does not depend on the form it is written in:
`("procedures", 0, "steps", 3)` is the fourth step of the first procedure in both the DSL and
the YAML printer, so a comment read from one form lands on the same item in the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

Key = tuple[str | int, ...]


# `Line`, `Comment` and the printer's other values made per item (`Attr`, `Row`, `Field`) are
# named tuples: a printed draft makes ~100 of them, and a frozen dataclass is made through
# `object.__setattr__` for each field, several times slower.
class Line(NamedTuple):
    """One output line. `key` is the item it prints (None for blank lines); `comment_indent`
    is where full-line comments before it go when that differs from `indent` (before a `}`,
    comments stay at the indentation of the block's content); `lead` is an item printed on
    a later line whose full-line comments go before this one (a YAML list's first item,
    whose comments belong above the list's key); `aliases` are items that have no line of
    their own in this form and are printed with this one (the list of a single YAML
    `result:`, or in the DSL the list that a first `result` line opens)."""

    text: str
    indent: int = 0
    key: Key | None = None
    comment_indent: int | None = None
    lead: Key | None = None
    aliases: tuple[Key, ...] = ()


class Comment(NamedTuple):
    """A comment from the source: `# ...` as written, the item it belongs to, whether it
    stood on that item's line (trailing) or on lines of its own before it (leading), and
    whether a blank line followed it (a heading set apart from what it introduces)."""

    text: str
    target: Key
    trailing: bool
    blank_after: bool = False
    companions: tuple[Key, ...] = ()  # a trailing comment's line also held these items
    whole: bool = False  # the item was written on one line (the comment's, or the next one)


DIRECTIVE = re.compile(r"#\s*tthc\s*:")  # `# tthc: allow ...` covers the next line of content


@dataclass(frozen=True)
class Comments:
    """The comments of one file: the block at its top, those attached to items, and those
    after the last item, as written: "" in `header` and `footer` stands for a blank line
    (between groups, after the header, before the footer).
    `spaced` holds the declarations that a blank line preceded in the source."""

    header: tuple[str, ...] = ()
    attached: tuple[Comment, ...] = ()
    footer: tuple[str, ...] = ()
    spaced: frozenset[Key] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.header or self.attached or self.footer)

    def pinned(self, key: Key, inner: bool = True) -> bool:
        """Whether the item `key` must be printed on one line, never wrapped: a comment at the
        end of one of its lines, or a `# tthc:` directive above it, speaks about that line
        (a suppression covers the diagnostics that start on it, a test's `# expect:` marker
        names them), so the item's attributes must all stay on the line the comment is on.
        With `inner` unset (the YAML form, which keeps each attribute of an item written in
        block style on a line of its own), only comments on the item itself count, and only
        when the item was written on one line."""
        return any(
            (
                comment.target[: len(key)] == key
                if inner
                else comment.target == key and comment.whole
            )
            for comment in self._pinning
        )

    @cached_property
    def _pinning(self) -> tuple[Comment, ...]:
        """The comments that may pin an item: those at the end of a line, and directives
        (found once, not for every item asked about: an imported draft has a comment on each
        step and none of these)."""
        return tuple(
            comment
            for comment in self.attached
            if comment.trailing or DIRECTIVE.match(comment.text) is not None
        )

    def together(self, keys: list[Key]) -> list[list[Key]]:
        """`keys` (the attributes of one item, in print order) in groups to print on one line
        each: attributes that shared a line with a comment at its end stay on that line, at
        the place of the first of them; every other attribute has a line of its own."""
        group_of: dict[Key, tuple[Key, ...]] = {}
        for comment in self.attached:
            shared = [key for key in keys if key in comment.companions]
            if comment.trailing and len(shared) > 1 and not any(k in group_of for k in shared):
                group_of.update((key, tuple(shared)) for key in shared)
        groups: list[list[Key]] = []
        for key in keys:
            group = group_of.get(key, (key,))
            if key == group[0]:
                groups.append(list(group))
        return groups

    def inside(self, key: Key) -> bool:
        """Whether a comment belongs to an item nested in `key` (the printer then keeps the
        item in block form, one line per attribute, so that the comment has a line to go on)."""
        return any(
            len(comment.target) > len(key) and comment.target[: len(key)] == key
            for comment in self.attached
        )


def render(lines: list[Line], comments: Comments) -> str:
    """Joins the lines, each comment before or after the line of its item. A comment whose
    item is not printed on a line of its own goes with the nearest enclosing item that is;
    one with no enclosing item goes to the end of the file, so no comment is ever lost."""
    present = {line.key: line.key for line in lines if line.key is not None}
    for line in lines:
        if line.key is not None:
            for alias in line.aliases:
                present.setdefault(alias, line.key)
    leading: dict[Key, list[Comment]] = {}
    trailing: dict[Key, str] = {}
    footer = list(comments.footer)
    for comment in comments.attached:
        key = _nearest(comment.target, present)
        if key is None:
            footer.append(comment.text)
        elif comment.trailing and key not in trailing:
            trailing[key] = comment.text
        else:
            # A line holds one trailing comment; more (from lines merged into one) go above it.
            leading.setdefault(key, []).append(comment)
    out = list(comments.header)
    for line in lines:
        for key in (line.lead, line.key):
            if key is not None and key in leading:
                indent = line.indent if line.comment_indent is None else line.comment_indent
                for comment in leading.pop(key):
                    out.append(" " * indent + comment.text)
                    if comment.blank_after and not comment.trailing:
                        out.append("")
        text = " " * line.indent + line.text if line.text else ""
        if line.key is not None and line.key in trailing:
            text += "  " + trailing.pop(line.key)
        out.append(text)
    if footer and not out:
        footer = footer[1:] if footer[0] == "" else footer
    out.extend(footer)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n" if out else ""


def _nearest(key: Key, present: dict[Key, Key]) -> Key | None:
    for length in range(len(key), 0, -1):
        if key[:length] in present:
            return present[key[:length]]
    return None
