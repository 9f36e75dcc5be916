"""Comments of a source file, each attached to the item it belongs to: text → `Comments`.

Input: the text of a `.tthc` or `.yaml` file that parses without errors. Output: `Comments`
keyed by the same paths the printers use (`lines.Key`), so that `tthc fmt` and
`tthc convert` keep them. The rules, the ones formatters such as black and ruff follow:

- comments above the first declaration stay at the top of the file;
- a comment on lines of its own belongs to the next item (declaration, header line, step,
  dossier component, flow line, attribute) or, at the end of a block, to its closing brace;
- a comment at the end of a line belongs to the item written on that line: the whole item when
  it fits on that line, else the innermost item the line is part of;
- comments after the last item stay at the end of the file.
The column of trailing comments is not kept. Blank lines are kept (several as one) where they
set comments apart: between two comments, after a comment, before the comments at the end,
and before a declaration (the printer uses that one only between declarations written on one
line). The rest of the layout is canonical.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache

from lark import Lark, Token, Tree

from tthc.dsl.comment_scan import find_comments
from tthc.dsl.printer.lines import Comment, Comments, Key
from tthc.dsl.reading.grammar import grammar_text

DECLARATIONS = {
    "procedure": "procedures", "authority": "authorities", "instrument": "instruments",
    "grant": "grants", "transfer": "transfers",
}  # fmt: skip
# Grammar rules whose AST field has another name; the counted ones are printed one per line.
FIELD_OF = {
    "authority_kind": "kind", "moved_from": "level", "moved_deadline": "deadline",
    "deadline": "deadlines", "result": "results", "fee": "fees",
}  # fmt: skip
COUNTED = {"deadlines", "results", "fees"}
BLOCKS = {"dossier", "steps", "phases", "flow"}


@dataclass(frozen=True)
class Anchor:
    """An item of the source and where it is written (1-based, end inclusive of its line)."""

    key: Key
    line: int
    column: int
    end_line: int


@dataclass(frozen=True)
class Found:
    line: int
    text: str
    trailing: bool


def dsl_comments(text: str) -> Comments:
    """The comments of a `.tthc` text that parses (it is parsed again here, as a plain tree)."""
    return attach(_dsl_anchors(_tree_parser().parse(text)), scan_dsl(text), blank_lines(text))


def blank_lines(text: str) -> frozenset[int]:
    """The numbers (1-based) of the lines that hold nothing but white space."""
    return frozenset(
        number for number, line in enumerate(text.split("\n"), start=1) if not line.strip()
    )


def scan_dsl(text: str) -> list[Found]:
    """Every `#` comment outside a string literal, as `comment_scan` finds it (the scanner the
    suppressions read too)."""
    return [
        Found(comment.line, _clean("#" + comment.text), not comment.alone)
        for comment in find_comments(text, yaml=False)
    ]


def _clean(comment: str) -> str:
    return unicodedata.normalize("NFC", comment.rstrip())


def attach(
    anchors: list[Anchor], found: list[Found], blank: frozenset[int] = frozenset()
) -> Comments:
    """Gives each comment its item by the rules in the module docstring; `blank` holds the
    numbers of the source's blank lines."""
    if not anchors:
        return Comments(header=_grouped(found, blank))
    ordered = sorted(anchors, key=lambda anchor: (anchor.line, anchor.column, len(anchor.key)))
    first = ordered[0].line
    header: list[Found] = []
    footer: list[Found] = []
    attached: list[Comment] = []
    for comment in found:
        owner = _owner(anchors, comment.line) if comment.trailing else None
        if owner is not None:
            shared = _sharing(anchors, comment.line, owner)
            whole = any(a.key == owner and a.line == a.end_line for a in anchors)
            attached.append(Comment(comment.text, owner, True, False, shared, whole))
        elif comment.line < first:
            header.append(comment)
        else:
            following = next((a for a in ordered if a.line > comment.line), None)
            if following is None:
                footer.append(comment)
            else:
                spaced = comment.line + 1 in blank
                whole = following.line == following.end_line
                attached.append(Comment(comment.text, following.key, False, spaced, (), whole))
    top = _grouped(header, blank)
    if header and header[-1].line + 1 in blank:
        top += ("",)
    end = _grouped(footer, blank)
    if footer and footer[0].line - 1 in blank:
        end = ("", *end)
    return Comments(top, tuple(attached), end, _spaced(ordered, found, blank))


def _grouped(found: list[Found], blank: frozenset[int]) -> tuple[str, ...]:
    """Comments on lines of their own, with "" where blank lines stood between them."""
    out: list[str] = []
    for index, comment in enumerate(found):
        if index and any(line in blank for line in range(found[index - 1].line, comment.line)):
            out.append("")
        out.append(comment.text)
    return tuple(out)


def _spaced(ordered: list[Anchor], found: list[Found], blank: frozenset[int]) -> frozenset[Key]:
    """The declarations that a blank line precedes, above the comments on lines of their own
    written right above them."""
    alone = {comment.line for comment in found if not comment.trailing}
    spaced = set()
    for anchor in ordered:
        if len(anchor.key) == 2 and isinstance(anchor.key[1], int):
            line = anchor.line - 1
            while line in alone:
                line -= 1
            if line in blank:
                spaced.add(anchor.key)
    return frozenset(spaced)


def _sharing(anchors: list[Anchor], line: int, owner: Key) -> tuple[Key, ...]:
    """The items beside `owner` written wholly on `line` (several attributes of a registry
    block, or header lines, written on one line): the printer keeps them on one line."""
    shared = tuple(
        a.key
        for a in sorted(anchors, key=lambda a: a.column)
        if a.line == line == a.end_line and len(a.key) == len(owner) and a.key[:-1] == owner[:-1]
    )
    return shared if len(shared) > 1 else ()


def _owner(anchors: list[Anchor], line: int) -> Key | None:
    """The outermost item written wholly on `line`, else the innermost item spanning it (a
    line with no item, such as a YAML list's key, gives its comment to the next item)."""
    whole = [a for a in anchors if a.line == line == a.end_line]
    if whole:
        return min(whole, key=lambda a: (len(a.key), a.column)).key
    spanning = [a for a in anchors if a.line <= line <= a.end_line]
    return max(spanning, key=lambda a: (len(a.key), -a.line)).key if spanning else None


# -- the items of a DSL text -----------------------------------------------------------------


@cache
def _tree_parser() -> Lark:
    """A parser that keeps every token (braces included) with its position."""
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer="contextual",
        start="start",
        propagate_positions=True,
        keep_all_tokens=True,
        maybe_placeholders=False,
    )


def _dsl_anchors(tree: Tree[Token]) -> list[Anchor]:
    anchors: list[Anchor] = []
    counts: Counter[str] = Counter()
    for declaration in _trees(tree):
        kind = DECLARATIONS[str(declaration.data)]
        key: Key = (kind, counts[kind])
        counts[kind] += 1
        _block_anchors(declaration, key, anchors)
        _items(declaration, key, anchors)
    return anchors


def _items(node: Tree[Token], key: Key, anchors: list[Anchor]) -> None:
    counts: Counter[str] = Counter()
    for child in _trees(node):
        name = FIELD_OF.get(str(child.data), str(child.data))
        if name == "code":
            continue
        if name in BLOCKS:
            _block_anchors(child, (*key, name), anchors)
            for item in _trees(child):
                anchors.append(_anchor((*key, name, counts[name]), item))
                counts[name] += 1
        elif name == "moved":
            _block_anchors(child, (*key, name), anchors)
            _items(child, (*key, name), anchors)
        elif name in COUNTED:
            anchors.append(_anchor((*key, name, counts[name]), child))
            counts[name] += 1
        else:
            anchors.append(_anchor((*key, name), child))


def _block_anchors(node: Tree[Token], key: Key, anchors: list[Anchor]) -> None:
    anchors.append(_anchor(key, node))
    brace = node.children[-1]
    if isinstance(brace, Token) and brace == "}" and brace.line is not None:
        anchors.append(Anchor((*key, "}"), brace.line, brace.column or 1, brace.line))


def _anchor(key: Key, node: Tree[Token]) -> Anchor:
    meta = node.meta
    return Anchor(key, meta.line, meta.column, meta.end_line)


def _trees(node: Tree[Token]) -> list[Tree[Token]]:
    return [child for child in node.children if isinstance(child, Tree)]
