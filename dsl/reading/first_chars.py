"""Which ASCII characters a terminal's match can begin with, worked out once from its regex.

Input: a regex (a terminal's pattern, as Lark writes it). Output: the ASCII characters that can
be the first character of a match, as a string, or `None` when the analysis cannot tell (a
pattern that may match the empty string, a back-reference, an operator it does not know) or
when every ASCII character can.

Why: the fast parser's lexers try a state's terminals in turn, each compiling its regex when
first tried (`lalr_driver._InTurn`). A procedure written with the English keywords never
matches the Vietnamese ones, but a state tries them all the same, and the case-insensitive
Vietnamese alternatives are the slowest regexes to compile (a few milliseconds each of a
one-file check). A terminal whose first characters exclude the character at hand cannot
match there, so it is passed over without compiling it.

The answer is a superset, so that passing a terminal over never changes what is read: what a
pattern may begin with is gathered up to the first element that must consume a character
(zero-width assertions and look-arounds only narrow the matches, and are passed over), and
whether an ASCII character belongs to that set is decided by `re` itself, compiling each
gathered element as a one-character regex under the flags in force there (so case-insensitive
matching, `\\w` and the like are exactly `re`'s). A character outside ASCII is never used to
pass a terminal over. Called when the grammar's tables are built, never on a check.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

ASCII = "".join(map(chr, range(128)))
_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
_ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")


class _Unknown(Exception):
    """An element the analysis does not know: no answer for the whole pattern."""


def first_ascii(pattern: str) -> str | None:
    """The ASCII characters a match of `pattern` can begin with, or None (see the module)."""
    parser: Any = importlib.import_module("re._parser")  # re's own parser (no public API)
    try:
        parsed = parser.parse(pattern)
        firsts: list[tuple[str, int]] = []
        if _gather(list(parsed), parsed.state.flags, firsts):
            return None  # it may match the empty string: no character is required
    except (_Unknown, re.error, RecursionError):
        return None
    found = "".join(c for c in ASCII if any(_matches(one, flags, c) for one, flags in firsts))
    return None if found == ASCII else found


def _matches(one: str, flags: int, char: str) -> bool:
    return re.compile(one, flags & ~re.VERBOSE).fullmatch(char) is not None


def _gather(items: list[tuple[Any, Any]], flags: int, firsts: list[tuple[str, int]]) -> bool:
    """Adds to `firsts` the one-character regexes (with their flags) that can begin a match
    of the sequence; True when the whole sequence may match the empty string."""
    # `all` stops at the first element that must consume a character, as a match does.
    return all(_gather_one(str(op), value, flags, firsts) for op, value in items)


def _gather_one(op: str, value: Any, flags: int, firsts: list[tuple[str, int]]) -> bool:
    """`_gather` for one element: True when it may match the empty string."""
    if op == "LITERAL":
        firsts.append((re.escape(chr(value)), flags))
        return False
    if op == "NOT_LITERAL":
        firsts.append((f"[^{re.escape(chr(value))}]", flags))
        return False
    if op == "ANY":
        firsts.append((".", flags))
        return False
    if op == "IN":
        firsts.append((_char_class(value), flags))
        return False
    if op == "BRANCH":
        empty = False
        for alternative in value[1]:
            empty |= _gather(list(alternative), flags, firsts)
        return empty
    if op == "SUBPATTERN":
        _, add, remove, inner = value
        return _gather(list(inner), (flags | add) & ~remove, firsts)
    if op == "ATOMIC_GROUP":
        return _gather(list(value), flags, firsts)
    if op in _REPEATS:
        least, _, inner = value
        return _gather(list(inner), flags, firsts) or least == 0
    if op in _ZERO_WIDTH:
        return True
    raise _Unknown(op)


def _char_class(items: list[tuple[Any, Any]]) -> str:
    parts: list[str] = []
    for op, value in items:
        name = str(op)
        if name == "NEGATE":
            parts.insert(0, "^")
        elif name == "LITERAL":
            parts.append(re.escape(chr(value)))
        elif name == "RANGE":
            parts.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif name == "CATEGORY" and str(value) in _CATEGORIES:
            parts.append(_CATEGORIES[str(value)])
        else:
            raise _Unknown(name)
    return f"[{''.join(parts)}]"
