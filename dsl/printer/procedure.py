"""A procedure in canonical DSL: `ast.Procedure` → `Line`s.

Input: one procedure, its key, the comments of the file and the line length. Output: its
lines: the header fields in the order of `ast.Procedure`, keywords in a column
(`fields`), the `moved` block among them, then the `dossier`, `steps`, `phases` and `flow`
blocks, a blank line before each (`blocks`). Defaults are left out except `copies`
and `required`, which a reader of the published decision wants to see.
"""

from __future__ import annotations

from tthc.dsl import ast
from tthc.dsl.printer.blocks import block, component_row, flow_rows, phase_row, step_row
from tthc.dsl.printer.fields import Field, field_lines
from tthc.dsl.printer.lines import Comments, Key, Line
from tthc.dsl.printer.values import (
    channel,
    citation,
    deadline,
    deadline_amount,
    duration,
    string,
)
from tthc.dsl.printer.wrap import Attr, listed

# Keyword columns: the longest keyword each kind of block can hold, plus two spaces.
PROCEDURE_COLUMN = len("two_persons") + 2
MOVED_COLUMN = len("deadline") + 2


def procedure_lines(node: ast.Procedure, key: Key, comments: Comments, width: int) -> list[Line]:
    lines = [Line(f"procedure {string(node.code.value)} {string(node.name)} {{", 0, key)]
    lines.extend(
        field_lines(_header(node, key, comments, width), PROCEDURE_COLUMN, 2, comments, width)
    )
    for word, rows in (
        ("dossier", [component_row(item) for item in node.dossier]),
        ("steps", [step_row(item) for item in node.steps]),
        ("phases", [phase_row(item) for item in node.phases]),
        ("flow", flow_rows(node.flow)),
    ):
        if rows:
            if len(lines) > 1:
                lines.append(Line(""))
            lines.extend(block(word, rows, (*key, word), comments, width))
    lines.append(Line("}", 0, (*key, "}"), comment_indent=2))
    return lines


def _header(node: ast.Procedure, key: Key, comments: Comments, width: int) -> list[Field]:
    fields: list[Field] = []

    def add(word: str, *value: Attr | str, suffix: Key = (), gap: str = " ") -> None:
        attrs = tuple(Attr(part) if isinstance(part, str) else part for part in value)
        own = key + (suffix or (word,))
        # The first of a repeated line also stands for the list (a YAML `result:` key).
        first = len(suffix) == 2 and suffix[1] == 0
        fields.append(Field(word, attrs, own, gap, ((*key, suffix[0]),) if first else ()))

    if node.field is not None:
        add("field", string(node.field))
    if node.level is not None:
        add("level", node.level.value)
    if node.effective is not None:
        add("effective", node.effective.isoformat())
    if node.until is not None:
        add("until", node.until.isoformat())
    if node.power is not None:
        add("power", string(node.power.value))
    if node.moved is not None:
        moved = _moved(node.moved, (*key, "moved"), comments, width)
        fields.append(Field("moved", (), (*key, "moved"), block=tuple(moved)))
    if node.basis:
        add("basis", listed("", [citation(item) for item in node.basis]))
    if node.applicants:
        add("applicants", listed("", [string(text) for text in node.applicants]))
    if node.channels:
        add("channels", listed("", [channel(item) for item in node.channels]))
    if node.anywhere is not None:
        add("anywhere", "yes" if node.anywhere else "no")
    for index, item in enumerate(node.deadlines):
        add("deadline", *_deadline(item), suffix=("deadlines", index))
    if node.day_rule is not None:
        add("day_rule", node.day_rule.value)
    for index, result in enumerate(node.results):
        add("result", string(result), suffix=("results", index))
    for index, fee in enumerate(node.fees):
        value: list[Attr | str] = [f"{fee.amount} {string(fee.description)}"]
        if fee.basis:
            value.append(listed("basis", [citation(item) for item in fee.basis]))
        add("fee", *value, suffix=("fees", index))
    if node.links:
        add("links", listed("", [string(text.value) for text in node.links]))
    if node.two_persons:
        add("two_persons", "yes")
    if node.unstated:
        add("unstated", listed("", [item.value for item in node.unstated]))
    return fields


def _deadline(node: ast.Deadline) -> list[Attr | str]:
    """A deadline, which may break before its condition (`when "..."`) and its flow tie."""
    if node.immediate or node.duration is None:
        return [deadline(node)]
    ties: list[Attr | str] = [
        listed(word, [n.value for n in names])
        for word, names in (
            ("through", node.through),
            ("via", node.via),
            ("avoiding", node.avoiding),
        )
        if names
    ]
    if node.condition is None:
        return [deadline_amount(node), *ties] if ties else [deadline(node)]
    return [deadline_amount(node), f"when {string(node.condition)}", *ties]


def _moved(node: ast.Moved, key: Key, comments: Comments, width: int) -> list[Line]:
    fields = [Field("from", (Attr(node.level.value),), (*key, "level"))]
    if node.basis:
        basis = listed("", [citation(item) for item in node.basis])
        fields.append(Field("basis", (basis,), (*key, "basis")))
    if node.deadline is not None:
        fields.append(Field("deadline", (Attr(duration(node.deadline)),), (*key, "deadline")))
    return [
        Line("moved {", 2, key),
        *field_lines(fields, MOVED_COLUMN, 4, comments, width),
        Line("}", 2, (*key, "}"), comment_indent=4),
    ]
