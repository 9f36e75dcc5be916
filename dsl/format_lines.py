"""Printed lines tagged with the AST item they print, and comments put back among them.

Input: the `Line`s a printer (DSL or YAML) produced, each tagged with the `Key` of the item it
prints, and the `Comments` read from the source. Output: the final text of the file.

A key is a path into the document that does not depend on the form it is written in:
`("procedures", 0, "steps", 3)` is the fourth step of the first procedure in both the DSL and
the YAML printer, so a comment read from one form lands on the same item in the other.
"""

from __future__ import annotations

from dataclasses import dataclass

Key = tuple[str | int, ...]


@dataclass(frozen=True)
class Line:
    """One output line. `key` is the item it prints (None for blank lines); `comment_indent`
    is where full-line comments before it go when that differs from `indent` (before a `}`,
    comments stay at the indentation of the block's content); `lead` is an item printed on
    a later line whose full-line comments go before this one (a YAML list's first item,
    whose comments belong above the list's key)."""

    text: str
    indent: int = 0
    key: Key | None = None
    comment_indent: int | None = None
    lead: Key | None = None


@dataclass(frozen=True)
class Comment:
    """A comment from the source: `# ...` as written, the item it belongs to, and whether it
    stood on that item's line (trailing) or on lines of its own before it (leading)."""

    text: str
    target: Key
    trailing: bool


@dataclass(frozen=True)
class Comments:
    """The comments of one file: the block at its top, those attached to items, and those
    after the last item."""

    header: tuple[str, ...] = ()
    attached: tuple[Comment, ...] = ()
    footer: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.header or self.attached or self.footer)

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
    present = {line.key for line in lines if line.key is not None}
    leading: dict[Key, list[str]] = {}
    trailing: dict[Key, list[str]] = {}
    footer = list(comments.footer)
    for comment in comments.attached:
        key = _nearest(comment.target, present)
        if key is None:
            footer.append(comment.text)
        elif comment.trailing and key not in trailing:
            trailing[key] = [comment.text]
        else:
            # A line holds one trailing comment; more (from lines merged into one) go above it.
            leading.setdefault(key, []).append(comment.text)
    out = list(comments.header)
    if out and lines:
        out.append("")
    for line in lines:
        for key in (line.lead, line.key):
            if key is not None and key in leading:
                indent = line.indent if line.comment_indent is None else line.comment_indent
                out.extend(" " * indent + text for text in leading.pop(key))
        text = " " * line.indent + line.text if line.text else ""
        if line.key is not None and line.key in trailing:
            text += "  " + trailing.pop(line.key)[0]
        out.append(text)
    if footer:
        if out:
            out.append("")
        out.extend(footer)
    return "\n".join(out) + "\n" if out else ""


def _nearest(key: Key, present: set[Key]) -> Key | None:
    for length in range(len(key), 0, -1):
        if key[:length] in present:
            return key[:length]
    return None
