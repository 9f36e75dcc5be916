"""The `tthc:` directives written in the comments of one file.

Input: a file's path and text. Output: `scan_directives(path, text) -> list[Directive]`: each
comment that starts with `tthc:`, its verb (`allow`, `allow-file`, or what was written), the
codes it names with where each is written (`Mention`), its reason after `--`, and the line it
covers (the comment's own line, or the next line of content when the comment is alone on its
line; none for `allow-file`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from tthc.dsl import Span
from tthc.dsl.comment_scan import find_comments
from tthc.rules.suppression_context import Directive, Mention

_DIRECTIVE = re.compile(r"^\s*tthc\s*:\s*(?P<verb>[A-Za-z-]*)(?P<rest>.*)$")
_CODE = re.compile(r"[A-Za-z]{2}\w*")
# What every directive holds (`_DIRECTIVE`, white space included), searched for in the whole
# text before its comments are found.
_MAY_DIRECT = re.compile(r"tthc\s*:")


def scan_directives(path: str, text: str) -> list[Directive]:
    """The `tthc:` directives in the comments of one file."""
    if _MAY_DIRECT.search(text) is None:
        # No `tthc:` anywhere, so no comment holds a directive; a file that only names the
        # tool ("Bản nháp do tthc import tạo", every imported draft) is not scanned.
        return []
    yaml = path.lower().endswith((".yaml", ".yml"))
    comments = list(find_comments(text, yaml))
    lines = text.split("\n")
    alone = {c.line for c in comments if c.alone}
    directives = []
    for comment in comments:
        match = _DIRECTIVE.match(comment.text)
        if match is None:
            continue
        verb, rest = match.group("verb"), match.group("rest")
        head, dashes, reason = rest.partition("--")
        rest_column = comment.column + 1 + match.start("rest")  # `#` is one column
        if verb == "allow-file":
            target = None
        elif comment.alone:
            target = _next_line(lines, alone, comment.line)
        else:
            target = comment.line
        directives.append(
            Directive(
                span=_span(path, comment.line, comment.column, len(comment.text) + 1),
                verb=verb,
                mentions=tuple(_mentions(path, comment.line, rest_column, head)),
                reason=reason.strip() if dashes else "",
                target=target,
            )
        )
    return directives


def _mentions(path: str, line: int, column: int, head: str) -> Iterator[Mention]:
    """The codes at the start of `head` (which begins at `column`), up to the first word."""
    for token in _CODE.finditer(head):
        if not token.group(0).upper().startswith("TT"):
            return
        width = len(token.group(0))
        yield Mention(token.group(0).upper(), _span(path, line, column + token.start(), width))


def _span(path: str, line: int, column: int, width: int) -> Span:
    return Span(
        path=path, line=line, column=column, end_line=line, end_column=column + max(width, 1)
    )


def _next_line(lines: Sequence[str], comment_lines: set[int], line: int) -> int | None:
    """The first line below that holds content: not blank and not only a comment."""
    for number in range(line + 1, len(lines) + 1):
        if lines[number - 1].strip() and number not in comment_lines:
            return number
    return None
