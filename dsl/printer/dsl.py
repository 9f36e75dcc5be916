"""The canonical DSL form of a document: `ast.Document` (and its comments) → `.tthc` text.

Input: an AST from either front end, optionally the comments of its source, and the line
length (100 by default). Output: text in one canonical layout, so that `tthc fmt` is idempotent
and `parse(format(ast)) == ast` (spans aside). Declarations come in the order authorities,
instruments, grants, transfers, procedures; header fields in the order of `ast.Procedure`;
keywords and the columns of blocks are aligned. What does not fit in the line length is
wrapped between attributes and after the commas of lists (`wrap`, `blocks`);
an item with a comment at the end of its line stays on that line. Strings are NFC, with `"`
and `\\` escaped; decimals are printed in their shortest form (`0.5`, `3`). Defaults are left
out except `copies` and `required`, which a reader of the published decision wants to see; a
`confidence` is printed only when the source states one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from tthc.dsl import ast
from tthc.dsl.printer.fields import Field, field_lines
from tthc.dsl.printer.lines import Comments, Key, Line, render
from tthc.dsl.printer.procedure import procedure_lines
from tthc.dsl.printer.values import citation, string
from tthc.dsl.printer.wrap import GAP, WIDTH, Attr, fill, listed

REGISTRY_COLUMN = len("confidence") + 2  # the longest keyword of a registry block, plus two


def format_dsl(document: ast.Document, comments: Comments | None = None, width: int = WIDTH) -> str:
    """The canonical `.tthc` text of `document`, with `comments` put back where they were.

    A blank line follows every declaration written as a block; between two authorities that
    are not written one attribute a line, the blank lines of the source are kept."""
    comments = comments or Comments()
    lines: list[Line] = []
    compact_before = False
    for kind, index, node in _declarations(document):
        key: Key = (kind, index)
        block_lines, compact = _declaration(node, key, comments, width)
        if lines and (not (compact and compact_before) or key in comments.spaced):
            lines.append(Line(""))
        lines.extend(block_lines)
        compact_before = compact
    return render(lines, comments)


def _declarations(document: ast.Document) -> Iterable[tuple[str, int, ast.Node]]:
    for kind in ("authorities", "instruments", "grants", "transfers", "procedures"):
        for index, node in enumerate(getattr(document, kind)):
            yield kind, index, node


def _declaration(
    node: ast.Node, key: Key, comments: Comments, width: int
) -> tuple[list[Line], bool]:
    """The lines of one declaration, and whether it is compact (not one attribute a line)."""
    if isinstance(node, ast.Procedure):
        return procedure_lines(node, key, comments, width), False
    if isinstance(node, ast.Authority):
        return _authority(node, key, comments, width)
    if isinstance(node, ast.Instrument):
        head = f"instrument {node.id.value} {node.kind.value} {string(node.number)}"
        return _registry_block(head, _instrument_items(node), key, comments, width), False
    if isinstance(node, ast.Grant):
        items = _grant_items(node)
        return _registry_block(f"grant {node.id.value}", items, key, comments, width), False
    if isinstance(node, ast.Transfer):
        items = _transfer_items(node)
        return _registry_block(f"transfer {node.id.value}", items, key, comments, width), False
    raise TypeError(f"not a declaration: {type(node).__name__}")


Item = tuple[str, Attr, Key]  # keyword, value, key suffix


def _authority(
    node: ast.Authority, key: Key, comments: Comments, width: int
) -> tuple[list[Line], bool]:
    """On one line when it fits (or a comment at its end pins it); else its attributes on the
    lines between the braces; one attribute a line when a comment belongs inside it, so that
    the comment has its line."""
    head = f"authority {node.id.value} {string(node.title)}"
    items = _authority_items(node)
    if comments.inside(key):
        return _registry_block(head, items, key, comments, width), False
    attrs = [Attr(f"{word} {value.text}") for word, value, _ in items]
    line = f"{head} {{ {GAP.join(attr.text for attr in attrs)} }}" if items else f"{head} {{}}"
    if len(line) <= width or comments.pinned(key):
        return [Line(line, 0, key)], True
    lines = [Line(f"{head} {{", 0, key)]
    lines.extend(Line(text, column) for column, text in fill(attrs, 2, width))
    lines.append(Line("}", 0, (*key, "}"), comment_indent=2))
    return lines, True


def _registry_block(
    head: str, items: list[Item], key: Key, comments: Comments, width: int
) -> list[Line]:
    fields = [Field(word, (value,), key + suffix) for word, value, suffix in items]
    return [
        Line(f"{head} {{", 0, key),
        *field_lines(fields, REGISTRY_COLUMN, 2, comments, width),
        Line("}", 0, (*key, "}"), comment_indent=2),
    ]


def _authority_items(node: ast.Authority) -> list[Item]:
    items: list[Item] = []
    _add(items, "level", node.level and node.level.value)
    _add(items, "kind", node.kind and node.kind.value)
    _add(items, "of", _name(node.of))
    _add(items, "one_stop", "yes" if node.one_stop else None)
    _add(items, "staff", None if node.staff is None else str(node.staff))
    _add(items, "starts", _date(node.starts))
    _add(items, "until", _date(node.until))
    _add(items, "aliases", [string(text) for text in node.aliases])
    return items


def _instrument_items(node: ast.Instrument) -> list[Item]:
    items: list[Item] = []
    _add(items, "title", None if node.title is None else string(node.title))
    _add(items, "issuer", None if node.issuer is None else string(node.issuer))
    _add(items, "signed", _date(node.signed))
    _add(items, "in_force", _date(node.in_force))
    _add(items, "until", _date(node.until))
    _add(items, "replaces", [name.value for name in node.replaces])
    _add(items, "confidence", None if node.confidence is None else node.confidence.value)
    _add(items, "source", None if node.source is None else string(node.source))
    return items


def _grant_items(node: ast.Grant) -> list[Item]:
    items: list[Item] = []
    _add(items, "power", string(node.power.value))
    _add(items, "from", _name(node.giver), "giver")
    _add(items, "to", node.receiver.value, "receiver")
    _add(items, "mode", node.mode.value)
    _add(items, "basis", [citation(item) for item in node.basis])
    _add(items, "starts", _date(node.starts))
    _add(items, "until", _date(node.until))
    _add(items, "conditions", None if node.conditions is None else string(node.conditions))
    _add(items, "resources", None if node.resources is None else string(node.resources))
    _add(items, "confidence", None if node.confidence is None else node.confidence.value)
    return items


def _transfer_items(node: ast.Transfer) -> list[Item]:
    items: list[Item] = []
    _add(items, "power", string(node.power.value))
    _add(items, "from", node.giver.value, "giver")
    _add(items, "to", node.receiver.value, "receiver")
    _add(items, "basis", [citation(item) for item in node.basis])
    _add(items, "confidence", None if node.confidence is None else node.confidence.value)
    return items


def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _name(value: ast.Name | None) -> str | None:
    return None if value is None else value.value


def _add(
    items: list[Item], word: str, value: str | list[str] | None, field: str | None = None
) -> None:
    """Adds an attribute that has a value; a list value may be wrapped after its commas."""
    if value:
        attr = Attr(value) if isinstance(value, str) else listed("", value)
        items.append((word, attr, (field or word,)))
