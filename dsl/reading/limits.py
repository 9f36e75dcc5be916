"""Safety limits on input (TT006), so that a hostile or broken file is refused quickly.

Input: optional overrides from configuration. Output: a frozen `Limits` value every reader uses,
and the brace scan of DSL text (`braces`), shared by the nesting check (`nesting_problem`, TT006)
and by the syntax-error wording that points at a block left open.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields, replace

from tthc.dsl.codes import make_diagnostic
from tthc.dsl.diagnostics import Diagnostic, Message
from tthc.dsl.span import SourceFile


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 1024 * 1024  # 1 MiB: the largest real procedure file is a few kB
    max_depth: int = 64  # nesting of YAML collections or DSL blocks
    max_yaml_nodes: int = 200_000  # nodes after alias expansion ("billion laughs")
    max_steps: int = 2_000  # steps in one procedure
    max_findings_per_file: int = 1_000  # findings reported for one file (the rest are counted)
    max_findings: int = 10_000  # findings reported in one run

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(item.name for item in fields(cls))

    def with_overrides(self, overrides: Mapping[str, object]) -> Limits:
        """These limits with some raised or lowered, e.g. from `[tool.tthc.limits]`.

        Raises `ValueError` for an unknown name or a value that is not a positive whole number:
        the caller that reads the configuration turns it into its own diagnostic.
        """
        unknown = sorted(set(overrides) - set(self.names()))
        if unknown:
            raise ValueError(f"unknown limits {unknown}; known: {list(self.names())}")
        for name, value in overrides.items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"limit {name} must be a positive whole number: {value!r}")
        return replace(self, **overrides)  # type: ignore[arg-type]


DEFAULT_LIMITS = Limits()


def braces(text: str) -> Iterator[tuple[int, str]]:
    """Offsets of the `{` and `}` of DSL text, skipping those inside strings and comments."""
    index, length = 0, len(text)
    while index < length:
        char = text[index]
        if char == '"':
            index += 1
            while index < length and text[index] not in '"\n':
                index += 2 if text[index] == "\\" else 1
        elif char == "#":
            newline = text.find("\n", index)
            index = length if newline < 0 else newline
        elif char in "{}":
            yield index, char
        index += 1


def brace_depth_exceeded(text: str, limit: int) -> int | None:
    """The offset of the first `{` that opens a block deeper than `limit`, if any."""
    depth = 0
    for offset, char in braces(text):
        depth += 1 if char == "{" else -1
        if depth > limit:
            return offset
        depth = max(depth, 0)
    return None


def unclosed_brace(text: str, end: int) -> int | None:
    """The `{` before `end` whose block was most likely left open.

    Braces pair up last-in first-out, so a missing `}` is noticed only at the end of an outer
    block. Indentation tells the real culprit: a `}` at the start of a line that is indented
    less than the line of the `{` it closes belongs to an outer block.
    """
    stack: list[tuple[int, int]] = []
    suspect: int | None = None
    for offset, char in braces(text[:end]):
        indent = _indent_of_line(text, offset)
        if char == "{":
            stack.append((offset, indent))
        elif stack:
            opened, opened_indent = stack.pop()
            starts_line = text[text.rfind("\n", 0, offset) + 1 : offset].strip() == ""
            if suspect is None and starts_line and indent < opened_indent:
                suspect = opened
    if suspect is not None:
        return suspect
    return stack[-1][0] if stack else None


def _indent_of_line(text: str, offset: int) -> int:
    start = text.rfind("\n", 0, offset) + 1
    line = text[start:offset]
    return len(line) - len(line.lstrip(" \t"))


def nesting_problem(path: str, text: str, limits: Limits) -> Diagnostic | None:
    """TT006 when braces nest deeper than the limit (the grammar itself nests three deep)."""
    offset = brace_depth_exceeded(text, limits.max_depth)
    if offset is None:
        return None
    return make_diagnostic(
        "TT006",
        SourceFile.from_text(path, text).span(offset, offset + 1),
        Message(
            vi=f"Các khối lồng nhau sâu hơn giới hạn {limits.max_depth}",
            en=f"Blocks nest deeper than the limit of {limits.max_depth}",
        ),
        Message(
            vi="Kiểm tra các dấu { và }; giới hạn max_depth có thể nâng trong cấu hình",
            en="Check the '{' and '}' braces; the max_depth limit can be raised in the configuration",
        ),
    )
