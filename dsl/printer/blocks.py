"""The blocks of a procedure in canonical DSL: `dossier`, `steps` and `flow` → `Line`s.

Input: the components, steps or flow lines of one procedure, the comments of the file and the
line length. Output: the lines of the block, each row tagged with its key.

A block is a table when every row fits in the line length: one row a line, in aligned columns.
Otherwise every row of the block is wrapped the same way, so that the block reads evenly:

    tiep_nhan  reception   "Tiếp nhận, kiểm tra, số hóa hồ sơ"
               by commune.one_stop  takes 0.2 working_days  reads to_khai, giay_chung_sinh

the identifier, kind and title on the first line (identifiers and kinds in columns), then the
attributes under the second column, filled by `wrap.fill`. A row that carries a comment
at the end of a line, or a `# tthc:` directive above it, is never wrapped (`Comments.pinned`):
the comment speaks about what is on its line. Flow lines are never wrapped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from tthc.dsl import ast
from tthc.dsl.printer.lines import Comments, Key, Line
from tthc.dsl.printer.values import (
    citation,
    coordination,
    duration,
    endpoint,
    qualifier,
    string,
)
from tthc.dsl.printer.wrap import GAP, Attr, fill, listed

INDENT = 4  # of a block's rows


class Row(NamedTuple):
    """One item of a block: its cells in table order (empty where an attribute is missing;
    the first `lead` of them open the first line when the row is wrapped), then attributes
    that follow the columns freely."""

    cells: tuple[str, ...]
    free: tuple[Attr, ...] = ()
    lead: int = 0

    @property
    def attrs(self) -> list[Attr]:
        return [Attr(cell) for cell in self.cells[self.lead :] if cell] + list(self.free)


def block(word: str, rows: list[Row], key: Key, comments: Comments, width: int) -> list[Line]:
    """`word {`, the rows (a table when they all fit, else all wrapped), `}`."""
    lines = [Line(f"{word} {{", 2, key)]
    # Rows without a lead are never wrapped; others are wrapped as soon as one table line
    # is too long, so the table stops there (a block of long titles is most of a draft).
    table = _table(rows, width - INDENT if any(row.lead for row in rows) else None)
    if table is not None:
        lines.extend(Line(text, INDENT, (*key, index)) for index, text in enumerate(table))
    else:
        lines.extend(_wrapped(rows, key, comments, width))
    lines.append(Line("}", 2, (*key, "}"), comment_indent=INDENT))
    return lines


def _table(rows: list[Row], most: int | None) -> list[str] | None:
    """One line per row, or None as soon as a line is longer than `most` (when given). A
    column is as wide as its widest cell that something follows on its line, so that a long
    cell at the end of one line does not push the other lines apart."""
    if most is not None and any(_shortest(row) > most for row in rows):
        return None  # (most steps blocks: a title and an actor fill a line)
    counts = [_filled(row.cells) for row in rows]
    widths = [0] * max(len(row.cells) for row in rows)
    for row, count in zip(rows, counts, strict=True):
        # The last cell counts only when attributes follow it.
        for column, cell in enumerate(row.cells[: count if row.free else max(count - 1, 0)]):
            if len(cell) > widths[column]:
                widths[column] = len(cell)
    texts = []
    for row, count in zip(rows, counts, strict=True):
        cells = [
            cell.ljust(width)
            for cell, width in zip(row.cells[:count], widths, strict=False)
            if width or cell
        ]
        text = GAP.join([*cells, *(attr.text for attr in row.free)]).rstrip()
        if most is not None and len(text) > most:
            return None
        texts.append(text)
    return texts


def _shortest(row: Row) -> int:
    """The length of the row's table line if every column were as narrow as its cell here: no
    table line of the row is shorter (padding only adds spaces before the line's last
    character that is not one), so a row longer than the limit rules the table out before
    the columns are measured."""
    parts = [cell for cell in row.cells if cell]
    parts.extend(attr.text for attr in row.free)
    return len(GAP.join(parts).rstrip())


def _filled(cells: tuple[str, ...]) -> int:
    """How many cells there are up to the last one that is not empty."""
    count = len(cells)
    while count and not cells[count - 1]:
        count -= 1
    return count


def _wrapped(rows: list[Row], key: Key, comments: Comments, width: int) -> list[Line]:
    lead = rows[0].lead
    widths = [max(len(row.cells[column]) for row in rows) for column in range(lead - 1)]
    under = INDENT + widths[0] + len(GAP) if widths else INDENT
    lines = []
    for index, row in enumerate(rows):
        first = GAP.join(
            [cell.ljust(size) for cell, size in zip(row.cells, widths, strict=False)]
            + [row.cells[lead - 1]]
        )
        own: Key = (*key, index)
        if comments.pinned(own):
            lines.append(Line(GAP.join([first, *(attr.text for attr in row.attrs)]), INDENT, own))
            continue
        lines.append(Line(first, INDENT, own))
        lines.extend(Line(text, column) for column, text in fill(row.attrs, under, width))
    return lines


def component_row(node: ast.Component) -> Row:
    form = f"form {string(node.form)}" if node.form is not None else ""
    required = "required" if node.required else "optional"
    cells = (node.id.value, string(node.title), form, f"copies {node.copies}", required)
    return Row(cells, (Attr("personal"),) if node.personal else (), lead=2)


def step_row(node: ast.Step) -> Row:
    actor = ""
    if node.actor is not None:
        head = "head of " if node.head else ""
        others = "".join(f" or {name.value}" for name in node.alternatives)
        actor = f"by {head}{node.actor.value}{others}"
    takes = f"takes {duration(node.duration)}" if node.duration is not None else ""
    free = []
    if node.reads:
        free.append(listed("reads", [name.value for name in node.reads]))
    if node.signs is not None:
        free.append(Attr(f"signs {node.signs.value}"))
    if node.notifies:
        free.append(Attr("notifies applicant"))
    if node.counterpart is not None:
        free.append(Attr(f"with {node.counterpart.value}"))
    if node.basis:
        free.append(listed("basis", [citation(item) for item in node.basis]))
    if node.coordinates:
        free.append(listed("coordinates", [coordination(item) for item in node.coordinates]))
    if node.day_rule is not None:
        free.append(Attr(f"day_rule {node.day_rule.value}"))
    if not node.counted:
        free.append(Attr("not counted"))
    cells = (node.id.value, node.kind.value, string(node.title), actor, takes)
    return Row(cells, tuple(free), lead=3)


def phase_row(node: ast.Phase) -> Row:
    budget = f"budget {duration(node.budget)}" if node.budget is not None else ""
    free = (listed("steps", [name.value for name in node.steps]),) if node.steps else ()
    return Row((node.id.value, string(node.title), budget), free, lead=2)


def flow_rows(flow: Sequence[ast.FlowLine]) -> list[Row]:
    """`a -> b` lines align their arrows, and their qualifiers (`when`, `otherwise`) after the
    paths. A path through more steps, or a parallel split `all(a, b)`, is not aligned: its
    width would push every other line apart (a join's arrow still aligns)."""

    def plain_source(line: ast.FlowLine) -> bool:
        return len(line.path) == 2 and not line.path[0].parallel

    source_width = max(
        (len(endpoint(line.path[0])) for line in flow if plain_source(line)), default=0
    )
    rows = []
    for line in flow:
        text = qualifier(line)
        if not plain_source(line):
            path = " -> ".join(endpoint(item) for item in line.path)
        else:
            path = f"{endpoint(line.path[0]):<{source_width}} -> {endpoint(line.path[1])}"
            if not line.path[1].parallel:
                rows.append(Row((path,), (Attr(text),) if text else ()))
                continue
        rows.append(Row((GAP.join(part for part in (path, text) if part),)))
    return rows
