"""The comments of a `.tthc` or YAML file, found without parsing it: text → `Comment`s.

Input: the text of a file and whether it is YAML. Output: one `Comment` per line that holds one
(where its `#` stands, its text, and whether it is alone on its line). This is the one scanner
of each form: the formatter (`tthc.dsl.printer`) keeps the comments it finds and the
suppressions (`tthc.rules.engine.suppressions`) read their directives from them, so the two
cannot disagree on what is a comment. It imports nothing, so checking stays off Lark and PyYAML.

A `#` inside a quoted string is not a comment in either form. DSL strings are double-quoted
with backslash escapes and never span a line. In YAML a `#` is a comment only at the start of a
line or after a blank; quoted scalars may span lines; the lines of a block scalar (`|`, `>`)
are text. `tests/dsl/test_comment_scan.py` holds both forms equal to the tokens of the real
parsers (Lark's lexer, PyYAML's scanner) on every procedure file of the repository.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A block scalar header at the end of a YAML line: `key: |`, `- >-`, `key: |2+`.
_BLOCK_HEADER = re.compile(r"(?:^\s*|:\s+|-\s+)[|>][-+]?\d?[-+]?\s*$")


@dataclass(frozen=True)
class Comment:
    line: int  # 1-based
    column: int  # 1-based column of the `#`
    text: str  # what follows the `#`, newline excluded
    alone: bool  # nothing but blanks before the `#`


def find_comments(text: str, yaml: bool) -> Iterator[Comment]:
    """The comments of a file, in line order."""
    scan = _YamlScanner() if yaml else _DslScanner()
    for number, line in enumerate(text.split("\n"), start=1):
        at = scan.comment_start(line.rstrip("\r"))
        if at is not None:
            body = line.rstrip("\r")
            yield Comment(number, at + 1, body[at + 1 :], body[:at].strip() == "")


class _DslScanner:
    """DSL strings never span a line: each line is read on its own."""

    def comment_start(self, line: str) -> int | None:
        return comment_start(line) if "#" in line else None


class _YamlScanner:
    """YAML quoted scalars and flow collections may span lines, so their state carries from line
    to line."""

    def __init__(self) -> None:
        self.quote = ""  # the open quote character, or "" outside quotes
        self.flow = 0  # how deep inside `[...]` / `{...}`
        self.block_indent: int | None = None  # inside a block scalar: the parent's indent

    def comment_start(self, line: str) -> int | None:
        if self.block_indent is not None:
            if line.strip() == "" or _indent(line) > self.block_indent:
                return None  # a line of block text: a `#` here is text
            self.block_indent = None
        found = self._scan(line)
        code = line if found is None else line[:found]
        if not self.quote and _BLOCK_HEADER.search(code):
            self.block_indent = _owner_indent(line)
        return found

    def _scan(self, line: str) -> int | None:
        # A quote opens a quoted scalar only where a node may begin: at the start of a line,
        # after an indicator (`- `, `? `, `: `) or inside a flow collection after `[`, `{` or
        # `,`. Anywhere else it is a character of a plain scalar (`Don't`, `f"`, `Ỵ-'`).
        node_may_begin = True
        index = 0
        while index < len(line):
            char = line[index]
            after = line[index + 1 : index + 2]
            if self.quote == "'":
                if char == "'" and after == "'":
                    index += 1  # '' is an escaped quote
                elif char == "'":
                    self.quote = ""
            elif self.quote == '"':
                if char == "\\":
                    index += 1
                elif char == '"':
                    self.quote = ""
            elif char in " \t":
                pass  # a blank: a node may still begin after it (`- 'x'`, `: "y"`)
            elif char == "#" and (index == 0 or line[index - 1] in " \t"):
                return index
            elif char in "'\"" and node_may_begin:
                self.quote = char
                node_may_begin = False
            elif char in "-?" and node_may_begin and after in ("", " ", "\t"):
                pass  # a sequence entry or a complex key: a node may begin after it
            elif char == ":" and after in ("", " ", "\t"):
                node_may_begin = True  # a value follows its key
            elif char in "&!" and node_may_begin:
                while index + 1 < len(line) and line[index + 1] not in " \t":
                    index += 1  # an anchor or a tag: the node it names may still begin
            elif char == ":" and self.flow and after in ",[]{}":
                node_may_begin = True
            elif char in "[{" and node_may_begin:
                self.flow += 1
            elif char in "]}" and self.flow:
                self.flow -= 1
                node_may_begin = False
            elif char == "," and self.flow:
                node_may_begin = True
            else:
                node_may_begin = False  # a plain scalar, an anchor or a tag has begun
            index += 1
        return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _owner_indent(line: str) -> int:
    """The indent of what owns a block scalar: `key` in `- key: |`, the `-` in `- |`."""
    indent = _indent(line)
    while line[indent : indent + 2] == "- ":
        after = indent + 2 + _indent(line[indent + 2 :])
        if line[after : after + 1] in ("|", ">"):
            return indent
        indent = after
    return indent


def comment_start(line: str) -> int | None:
    """Where a `#` comment starts in a DSL line: strings are double-quoted with backslash
    escapes and never span a line, and a `#` inside one is text."""
    quoted = escaped = False
    for column, char in enumerate(line):
        if quoted:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                quoted = False
        elif char == '"':
            quoted = True
        elif char == "#":
            return column
    return None
