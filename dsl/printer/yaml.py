"""The canonical YAML form of a document: `ast.Document` (and its comments) → `.yaml` text.

Input: an AST from either front end, and optionally the comments of its source. Output: the
YAML that `tthc.dsl.yaml.loader` reads back into the same AST. Keys are the AST field aliases (`by`,
`takes`, `from`, `to`, `deadline`, `result`, `fee`); durations, citations, channels, deadlines
and flow lines are written in DSL notation. One procedure goes under `procedure:`, several
under `procedures:`. The first line names the JSON schema for editors.

Mappings are block mappings, one key a line: a change to one attribute is a change to one
line, and a comment can stand on any attribute. Short lists are flow lists (`[a, b]`); the
deadlines, results and flow lines are one item a line (each matches a DSL line), or a single
value (`result: Giấy khai sinh`) when there is one deadline or one result. A list item written
on one line with a comment at its end (`- {id: a, ...}  # tthc: allow ...`) stays a one-line
flow mapping, as the DSL keeps such an item on one line.

The printer is written by hand rather than with PyYAML's emitter, to control the layout; every
string that YAML would read as something else (`yes`, `1.001193`, `2025-07-01`, text with `: `
or ` #`) is quoted, and the property tests check that each value reads back unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from typing import Any

import yaml

from tthc.dsl import ast
from tthc.dsl.frozen import fields_of
from tthc.dsl.printer.lines import Comments, Key, Line, render
from tthc.dsl.printer.values import (
    channel,
    citation,
    coordination,
    deadline,
    duration,
    flow_line,
)

SCHEMA_FILE = "tthc.schema.json"
MODELINE = "# yaml-language-server: $schema="
WIDTH = 100  # a list of short values stays on one line `[a, b]` when it fits

_RESOLVER = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"
# Numbers that YAML 1.2 (editors) reads but PyYAML's YAML 1.1 does not, such as 0o17.
_NUMBER_12 = re.compile(
    r"[-+]?(0o[0-7]+|0x[0-9a-fA-F]+|\.?[0-9][0-9_.]*([eE][-+]?[0-9]+)?|\.(inf|nan))", re.I
)
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_INDICATORS = set(",?[]{}:")
# The characters YAML prints as they are; others go in a double-quoted string as escapes.
_PRINTABLE = re.compile("[\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]*")


def format_yaml(
    document: ast.Document, comments: Comments | None = None, schema: str = SCHEMA_FILE
) -> str:
    """The canonical `.yaml` text of `document`; `schema` is the path the modeline names."""
    comments = comments or Comments()
    lines: list[Line] = []
    for word, field in (
        ("authorities", "authorities"),
        ("instruments", "instruments"),
        ("grants", "grants"),
        ("transfers", "transfers"),
    ):
        nodes = getattr(document, field)
        if nodes:
            if lines:
                lines.append(Line(""))
            lines.append(Line(f"{word}:", 0, (field,), lead=(field, 0)))
            for index, node in enumerate(nodes):
                lines.extend(_mapping(node, 2, (field, index), True, comments))
    if document.procedures:
        if lines:
            lines.append(Line(""))
        if len(document.procedures) == 1:
            lines.append(Line("procedure:", 0, ("procedures", 0)))
            lines.extend(_mapping(document.procedures[0], 2, ("procedures", 0), False, comments))
        else:
            lines.append(Line("procedures:", 0, ("procedures",), lead=("procedures", 0)))
            for index, node in enumerate(document.procedures):
                lines.extend(_mapping(node, 2, ("procedures", index), True, comments))
    top = comments.header or ("",)  # the modeline alone is set apart from the document
    header = Comments((f"{MODELINE}{schema}", *top), comments.attached, comments.footer)
    return render(lines, header)


def _mapping(node: ast.Node, indent: int, key: Key, item: bool, comments: Comments) -> list[Line]:
    """A node as a block mapping at `indent`; as a list item (`- first: ...`) when `item` is
    set, its first line then keyed by the node itself. A list item that was written on one
    line with a comment at its end stays a one-line flow mapping `- {id: a, kind: b}`, so
    that what the comment speaks about stays on its line (as in the DSL form)."""
    if item and comments.pinned(key, inner=False) and _flat(node):
        pairs = ", ".join(f"{alias}: {_flow(value)}" for _, alias, value in _fields(node))
        return [Line(f"- {{{pairs}}}", indent, key)]
    lines: list[Line] = []
    body = indent + 2 if item else indent
    for name, alias, value in _fields(node):
        own: Key = (*key, name)
        first = item and not lines
        head = ("- " if first else "") + f"{alias}:"
        at, line_key = (indent, key) if first else (body, own)
        if isinstance(value, tuple) and value and _is_model(value[0]):
            lines.append(Line(head, at, line_key))
            for index, element in enumerate(value):
                lines.extend(_mapping(element, body + 2, (*own, index), True, comments))
        elif isinstance(value, ast.Node) and _is_model(value):
            lines.append(Line(head, at, line_key))
            lines.extend(_mapping(value, body + 2, own, False, comments))
        elif isinstance(value, tuple):
            lines.extend(_sequence(head, value, at, body + 2, line_key, own, name))
        else:
            lines.append(Line(f"{head} {_value(value)}", at, line_key))
    return lines


def _flat(node: ast.Node) -> bool:
    """Whether every field of `node` is a scalar or a list of scalars (it fits a flow mapping)."""
    return not any(
        _is_model(value) or (isinstance(value, tuple) and value and _is_model(value[0]))
        for _, _, value in _fields(node)
    )


def _flow(value: Any) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(_value(item, flow=True) for item in value) + "]"
    return _value(value, flow=True)


# Lists printed one item per line, each item keyed like the DSL line it matches.
COUNTED = {"deadlines", "results", "flow"}
# Of those, the ones written as a single value when they hold one (`result: Giấy khai sinh`).
SINGLE = {"deadlines", "results"}


def _sequence(
    head: str, values: tuple[Any, ...], at: int, inner: int, key: Key, own: Key, name: str
) -> list[Line]:
    if name in SINGLE and len(values) == 1:
        return [Line(f"{head} {_value(values[0])}", at, key, aliases=((*own, 0),))]
    flow = _flow(values)
    if name not in COUNTED and at + len(head) + 1 + len(flow) <= WIDTH:
        return [Line(f"{head} {flow}", at, key)]
    lines = [Line(head, at, key)]
    lines.extend(
        Line(f"- {_value(value)}", inner, (*own, index)) for index, value in enumerate(values)
    )
    return lines


def _is_model(node: Any) -> bool:
    """Nodes written as a mapping; the others are one scalar in DSL notation or plain text."""
    return isinstance(node, ast.Node) and not isinstance(
        node,
        ast.Name
        | ast.Text
        | ast.Citation
        | ast.Duration
        | ast.Channel
        | ast.Deadline
        | ast.FlowLine
        | ast.Coordination,
    )


def _fields(node: ast.Node) -> list[tuple[str, str, Any]]:
    """(field, key, value) for every field to print, in model order. Defaults are left out,
    except the ones the DSL form prints too (copies, required)."""
    out = []
    for name, info in fields_of(type(node)).items():
        value = getattr(node, name)
        if name == "span" or (
            name not in {"copies", "required"} and not info.required and value == info.default
        ):
            continue
        out.append((name, info.alias or name, value))
    return out


def _value(value: Any, flow: bool = False) -> str:
    """One value as YAML text: yes/no, numbers and dates as YAML types, the rest as strings."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | dt.date):
        return str(value.isoformat() if isinstance(value, dt.date) else value)
    text_of = next((text_of for kind, text_of in _TEXT_OF if isinstance(value, kind)), str)
    return plain_or_quoted(unicodedata.normalize("NFC", text_of(value)), flow)


# How a value of each node written as one string reads: the text the DSL form writes.
_TEXT_OF: tuple[tuple[type, Callable[[Any], str]], ...] = (
    (ast.Name, lambda node: node.value),
    (ast.Text, lambda node: node.value),
    (ast.Citation, citation),
    (ast.Duration, duration),
    (ast.Channel, channel),
    (ast.Deadline, deadline),
    (ast.FlowLine, flow_line),
    (ast.Coordination, coordination),
)


def plain_or_quoted(text: str, flow: bool = False) -> str:
    """`text` as a YAML scalar that reads back as the same string, plain when it can be."""
    if _plain_safe(text, flow):
        return text
    return quoted(text)


def _plain_safe(text: str, flow: bool) -> bool:
    if not text or text != text.strip() or not _PRINTABLE.fullmatch(text):
        return False
    if text[0] in _INDICATORS or ": " in text or " #" in text or text.endswith(":"):
        return False
    if flow and any(char in _FLOW_INDICATORS for char in text):
        return False
    if _NUMBER_12.fullmatch(text):
        return False
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return tag == _STR


def quoted(text: str) -> str:
    """A double-quoted YAML string: `\\` and `"` escaped, characters YAML cannot print as
    escapes."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif _PRINTABLE.fullmatch(char):
            out.append(char)
        elif ord(char) <= 0xFF:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) <= 0xFFFF:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return '"' + "".join(out) + '"'
