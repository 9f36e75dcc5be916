"""DSL notation of single values, shared by both printers: AST value → text.

Input: AST values (strings, decimals, durations, citations, channels, deadlines, flow lines).
Output: their DSL text, the notation the YAML form uses too for the same values. Strings are
NFC with `"` and `\\` escaped; decimals are in their shortest form (`0.5`, `3`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from decimal import Decimal

from tthc.dsl import ast


def string(text: str) -> str:
    """A DSL string literal: NFC, with backslashes and quotes escaped."""
    body = unicodedata.normalize("NFC", text).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{body}"'


def decimal(value: Decimal) -> str:
    """The shortest plain form of a decimal: `0.5`, `3`, never `3.0` or `1E+1`."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def duration(node: ast.Duration) -> str:
    return f"{decimal(node.amount)} {node.unit.value}"


def citation(node: ast.Citation) -> str:
    text = node.instrument.value
    if node.article is not None:
        text += f" art {node.article}"
        if node.clause is not None:
            text += f" clause {node.clause}"
    return text


def citations(nodes: Sequence[ast.Citation]) -> str:
    return ", ".join(citation(node) for node in nodes)


def coordination(node: ast.Coordination) -> str:
    text = node.authority.value
    return text + (f" for {duration(node.duration)}" if node.duration is not None else "")


def channel(node: ast.Channel) -> str:
    return node.kind.value + (f" {node.online.value}" if node.online is not None else "")


def deadline_amount(node: ast.Deadline) -> str:
    """A deadline without its condition: `immediately`, `3 working_days`, `30 to 35 days`,
    `+10 days`."""
    if node.immediate or node.duration is None:
        return "immediately"
    text = duration(node.duration)
    if node.least is not None:
        text = f"{decimal(node.least)} to {text}"
    return f"+{text}" if node.extension else text


def deadline(node: ast.Deadline) -> str:
    text = deadline_amount(node)
    text += f" when {string(node.condition)}" if node.condition is not None else ""
    return " ".join([text, *deadline_tie(node)])


def deadline_tie(node: ast.Deadline) -> list[str]:
    """The paths a variant governs, in canonical order: `through a, b`, `via x`, `avoiding c`."""
    parts = (("through", node.through), ("via", node.via), ("avoiding", node.avoiding))
    return [f"{word} {', '.join(n.value for n in names)}" for word, names in parts if names]


def endpoint(node: ast.Endpoint) -> str:
    names = [name.value for name in node.steps]
    return f"all({', '.join(names)})" if node.parallel else names[0]


def qualifier(node: ast.FlowLine) -> str:
    words = []
    if node.when is not None:
        words.append(f"when {node.when.value}")
    elif node.otherwise:
        words.append("otherwise")
    if node.paused:
        words.append("clock paused")
    return " ".join(words)


def flow_line(node: ast.FlowLine) -> str:
    """One flow line without alignment: the notation the YAML form uses."""
    text = " -> ".join(endpoint(item) for item in node.path)
    return text + (f" {qualifier(node)}" if qualifier(node) else "")
