"""The canonical DSL form of a document: `ast.Document` (and its comments) → `.tthc` text.

Input: an AST from either front end, and optionally the comments of its source. Output: text
in one canonical layout, so that `tthc fmt` is idempotent and `parse(format(ast)) == ast`
(spans aside). Declarations come in the order authorities, instruments, grants, transfers,
procedures; header fields in the order of `ast.Procedure`; steps, dossier components and flow
lines are aligned in columns. Strings are NFC, with `"` and `\\` escaped; decimals are printed
in their shortest form (`0.5`, `3`). Defaults are left out except `copies`, `required` and
`confidence`, which a reader of the published decision wants to see.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from tthc.dsl import ast
from tthc.dsl.format_lines import Comments, Key, Line, render
from tthc.dsl.format_values import (
    channel,
    citations,
    deadline,
    duration,
    endpoint,
    qualifier,
    string,
)

WIDTH = 100  # an authority stays on one line when it fits in this many columns
# Keyword columns: the longest keyword each kind of block can hold, plus two spaces.
PROCEDURE_COLUMN = len("two_persons") + 2
REGISTRY_COLUMN = len("confidence") + 2
MOVED_COLUMN = len("deadline") + 2
GAP = "  "


def format_dsl(document: ast.Document, comments: Comments | None = None) -> str:
    """The canonical `.tthc` text of `document`, with `comments` put back where they were."""
    comments = comments or Comments()
    lines: list[Line] = []
    one_liner = False
    for kind, index, node in _declarations(document):
        key: Key = (kind, index)
        block = _declaration(node, key, comments)
        single = len(block) == 1
        if lines and not (single and one_liner):
            lines.append(Line(""))
        lines.extend(block)
        one_liner = single
    return render(lines, comments)


def _declarations(document: ast.Document) -> Iterable[tuple[str, int, ast.Node]]:
    for kind in ("authorities", "instruments", "grants", "transfers", "procedures"):
        for index, node in enumerate(getattr(document, kind)):
            yield kind, index, node


def _declaration(node: ast.Node, key: Key, comments: Comments) -> list[Line]:
    if isinstance(node, ast.Procedure):
        return _procedure(node, key)
    if isinstance(node, ast.Authority):
        head = f"authority {node.id.value} {string(node.title)}"
        items = _authority_items(node)
        line = f"{head} {{ {GAP.join(f'{word} {value}' for word, value, _ in items)} }}"
        if not items:
            line = f"{head} {{}}"
        if len(line) <= WIDTH and not comments.inside(key):
            return [Line(line, 0, key)]
        return _registry_block(head, items, key)
    if isinstance(node, ast.Instrument):
        head = f"instrument {node.id.value} {node.kind.value} {string(node.number)}"
        return _registry_block(head, _instrument_items(node), key)
    if isinstance(node, ast.Grant):
        return _registry_block(f"grant {node.id.value}", _grant_items(node), key)
    if isinstance(node, ast.Transfer):
        return _registry_block(f"transfer {node.id.value}", _transfer_items(node), key)
    raise TypeError(f"not a declaration: {type(node).__name__}")


Item = tuple[str, str, Key]  # keyword, value, key suffix


def _registry_block(head: str, items: list[Item], key: Key) -> list[Line]:
    lines = [Line(f"{head} {{", 0, key)]
    lines.extend(
        Line(f"{word:<{REGISTRY_COLUMN}}{value}".rstrip(), 2, key + suffix)
        for word, value, suffix in items
    )
    lines.append(Line("}", 0, (*key, "}"), comment_indent=2))
    return lines


def _authority_items(node: ast.Authority) -> list[Item]:
    items: list[Item] = []
    _add(items, "level", node.level and node.level.value)
    _add(items, "kind", node.kind and node.kind.value)
    _add(items, "of", _name(node.of))
    _add(items, "one_stop", "yes" if node.one_stop else None)
    _add(items, "staff", None if node.staff is None else str(node.staff))
    _add(items, "starts", _date(node.starts))
    _add(items, "until", _date(node.until))
    return items


def _instrument_items(node: ast.Instrument) -> list[Item]:
    items: list[Item] = []
    _add(items, "title", None if node.title is None else string(node.title))
    _add(items, "issuer", None if node.issuer is None else string(node.issuer))
    _add(items, "signed", _date(node.signed))
    _add(items, "in_force", _date(node.in_force))
    _add(items, "until", _date(node.until))
    _add(items, "replaces", ", ".join(name.value for name in node.replaces))
    _add(items, "confidence", node.confidence.value)
    _add(items, "source", None if node.source is None else string(node.source))
    return items


def _grant_items(node: ast.Grant) -> list[Item]:
    items: list[Item] = []
    _add(items, "power", string(node.power.value))
    _add(items, "from", _name(node.giver), "giver")
    _add(items, "to", node.receiver.value, "receiver")
    _add(items, "mode", node.mode.value)
    _add(items, "basis", citations(node.basis))
    _add(items, "starts", _date(node.starts))
    _add(items, "until", _date(node.until))
    _add(items, "conditions", None if node.conditions is None else string(node.conditions))
    _add(items, "resources", None if node.resources is None else string(node.resources))
    _add(items, "confidence", node.confidence.value)
    return items


def _transfer_items(node: ast.Transfer) -> list[Item]:
    items: list[Item] = []
    _add(items, "power", string(node.power.value))
    _add(items, "from", node.giver.value, "giver")
    _add(items, "to", node.receiver.value, "receiver")
    _add(items, "basis", citations(node.basis))
    _add(items, "confidence", node.confidence.value)
    return items


def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _name(value: ast.Name | None) -> str | None:
    return None if value is None else value.value


def _add(items: list[Item], word: str, value: str | None, field: str | None = None) -> None:
    if value:
        items.append((word, value, (field or word,)))


# -- procedures ------------------------------------------------------------------------------


def _procedure(node: ast.Procedure, key: Key) -> list[Line]:
    lines = [Line(f"procedure {string(node.code.value)} {string(node.name)} {{", 0, key)]

    def field(word: str, value: str, *suffix: str | int) -> None:
        lines.append(Line(f"{word:<{PROCEDURE_COLUMN}}{value}", 2, key + (suffix or (word,))))

    if node.field is not None:
        field("field", string(node.field))
    if node.level is not None:
        field("level", node.level.value)
    if node.effective is not None:
        field("effective", node.effective.isoformat())
    if node.until is not None:
        field("until", node.until.isoformat())
    if node.power is not None:
        field("power", string(node.power.value))
    if node.moved is not None:
        lines.extend(_moved(node.moved, (*key, "moved")))
    if node.basis:
        field("basis", citations(node.basis))
    if node.applicants:
        field("applicants", ", ".join(string(text) for text in node.applicants))
    if node.channels:
        field("channels", ", ".join(channel(item) for item in node.channels))
    if node.anywhere is not None:
        field("anywhere", "yes" if node.anywhere else "no")
    for index, item in enumerate(node.deadlines):
        field("deadline", deadline(item), "deadlines", index)
    if node.day_rule is not None:
        field("day_rule", node.day_rule.value)
    for index, result in enumerate(node.results):
        field("result", string(result), "results", index)
    for index, fee in enumerate(node.fees):
        value = f"{fee.amount} {string(fee.description)}"
        field("fee", value + (f" basis {citations(fee.basis)}" if fee.basis else ""), "fees", index)
    if node.links:
        field("links", ", ".join(string(text.value) for text in node.links))
    if node.two_persons:
        field("two_persons", "yes")
    for word, rows in (
        ("dossier", [_component(item) for item in node.dossier]),
        ("steps", [_step(item) for item in node.steps]),
        ("flow", _flow_rows(node.flow)),
    ):
        if rows:
            if len(lines) > 1:
                lines.append(Line(""))
            lines.extend(_block(word, rows, (*key, word)))
    lines.append(Line("}", 0, (*key, "}"), comment_indent=2))
    return lines


def _moved(node: ast.Moved, key: Key) -> list[Line]:
    lines = [
        Line("moved {", 2, key),
        Line(f"{'from':<{MOVED_COLUMN}}{node.level.value}", 4, (*key, "level")),
    ]
    if node.basis:
        lines.append(Line(f"{'basis':<{MOVED_COLUMN}}{citations(node.basis)}", 4, (*key, "basis")))
    if node.deadline is not None:
        value = duration(node.deadline)
        lines.append(Line(f"{'deadline':<{MOVED_COLUMN}}{value}", 4, (*key, "deadline")))
    lines.append(Line("}", 2, (*key, "}"), comment_indent=4))
    return lines


Row = tuple[list[str], list[str]]  # cells aligned in columns, then cells that follow freely


def _block(word: str, rows: list[Row], key: Key) -> list[Line]:
    """One line per row. A column is as wide as its widest cell that something follows on its
    line, so that a long cell at the end of one line does not push the other lines apart."""
    counts = [
        max((i + 1 for i, cell in enumerate(aligned) if cell), default=0) for aligned, _ in rows
    ]
    widths = [0] * len(rows[0][0])
    for (aligned, free), count in zip(rows, counts, strict=True):
        for column in range(count):
            if column < count - 1 or free:
                widths[column] = max(widths[column], len(aligned[column]))
    lines = [Line(f"{word} {{", 2, key)]
    for index, ((aligned, free), count) in enumerate(zip(rows, counts, strict=True)):
        cells = [
            cell.ljust(width)
            for cell, width in zip(aligned[:count], widths, strict=False)
            if width or cell
        ]
        lines.append(Line(GAP.join([*cells, *free]).rstrip(), 4, (*key, index)))
    lines.append(Line("}", 2, (*key, "}"), comment_indent=4))
    return lines


def _component(node: ast.Component) -> Row:
    form = f"form {string(node.form)}" if node.form is not None else ""
    required = "required" if node.required else "optional"
    aligned = [node.id.value, string(node.title), form, f"copies {node.copies}", required]
    return aligned, ["personal"] if node.personal else []


def _step(node: ast.Step) -> Row:
    actor = f"by {node.actor.value}" if node.actor is not None else ""
    takes = f"takes {duration(node.duration)}" if node.duration is not None else ""
    free = []
    if node.reads:
        free.append("reads " + ", ".join(name.value for name in node.reads))
    if node.signs is not None:
        free.append(f"signs {node.signs.value}")
    if node.notifies:
        free.append("notifies applicant")
    if node.counterpart is not None:
        free.append(f"with {node.counterpart.value}")
    if node.basis:
        free.append(f"basis {citations(node.basis)}")
    return [node.id.value, node.kind.value, string(node.title), actor, takes], free


def _flow_rows(flow: Sequence[ast.FlowLine]) -> list[Row]:
    """`a -> b` lines align their arrows; qualifiers (`when`, `otherwise`) align after paths."""
    pairs = [line for line in flow if len(line.path) == 2]
    source_width = max((len(endpoint(line.path[0])) for line in pairs), default=0)
    paths = []
    for line in flow:
        if len(line.path) == 2:
            paths.append(f"{endpoint(line.path[0]):<{source_width}} -> {endpoint(line.path[1])}")
        else:
            paths.append(" -> ".join(endpoint(item) for item in line.path))
    return [
        ([path], [qualifier(line)] if qualifier(line) else [])
        for path, line in zip(paths, flow, strict=True)
    ]
