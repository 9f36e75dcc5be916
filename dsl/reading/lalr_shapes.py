"""The shape of each reduction, worked out once from the rules' symbols: what the fast driver
may take for granted about a rule's children, so that the commonest reductions skip the checks
the general case makes.

Input: the reductions of the tables (`lalr_actions.Reduction`: children, method, rule, symbols)
and the terminals whose tokens carry a value (`LalrDriver.terminals`). Output: one shape per
reduction (`GENERAL` or one of the others below) and, per spliced rule, whether its place can
ever make a span (`placed`).

What a child can be is read from its symbol: a terminal whose token carries no value is a
keyword (left out of the children, always with a place); one that carries a value is a value
with a place, never a list; a rule may give a list (a spliced rule, or a callback such as
`actor` that returns several items), a dropped declaration (`None`, no place), and a spliced
rule of one child gives what that child gives (a keyword, if the child is one).
`tests/dsl/test_lalr_driver.py` holds the driver with these shapes to Lark's own result.
"""

from __future__ import annotations

from collections.abc import Callable, Container

from tthc.dsl.reading.lalr_actions import Reduction

# `__x_star: __x_star item`, the item never a keyword: a list grows by one child (or by the
# items of a list), in place; `APPEND_UNPLACED` when the list's place can never make a span.
APPEND = 1
APPEND_UNPLACED = 2
# `__x_plus: __x_plus "->" item`, the item never a keyword: as `APPEND`, the keyword left out.
APPEND_AFTER_KEYWORD = 5
# A rule whose first symbol is a keyword and second a child that is never one (`takes: "takes"
# duration`, `actor: "by" NAME`, `__x_plus: "->" item`): its children are that child alone.
KEYWORD_THEN_ONE = 3
# A rule with a method whose children are values of terminals, the last perhaps a rule of any
# kind but a keyword (`duration: NUMBER DURATION_UNIT`, `step: NAME STEP_KIND STRING
# _step_attr*`): its children are the values as they stand, the last spread if it is a list.
VALUES = 4
GENERAL = 0


def _is_terminal(symbol: str) -> bool:
    return symbol.isupper() or symbol.startswith("$")


def shapes(reductions: list[Reduction], terminals: Container[str]) -> list[int]:
    """The shape of each reduction, in order."""
    units: dict[str, set[str]] = {}  # a spliced rule → the symbols it stands for alone
    for size, method, origin, expansion in reductions:
        if size == 1 and method is None:
            units.setdefault(origin, set()).add(expansion[0])

    def may_be_keyword(symbol: str, seen: frozenset[str] = frozenset()) -> bool:
        if _is_terminal(symbol):
            return symbol not in terminals
        if symbol in seen:
            return False
        return any(may_be_keyword(s, seen | {symbol}) for s in units.get(symbol, ()))

    placed = placed_lists(reductions)
    return [
        _shape(size, method, origin, expansion, terminals, may_be_keyword, placed)
        for size, method, origin, expansion in reductions
    ]


def _shape(
    size: int,
    method: str | None,
    origin: str,
    expansion: tuple[str, ...],
    terminals: Container[str],
    may_be_keyword: Callable[[str], bool],
    placed: set[str],
) -> int:
    keyword = size > 0 and _is_terminal(expansion[0]) and expansion[0] not in terminals
    if size == 2 and keyword and not may_be_keyword(expansion[1]):
        return KEYWORD_THEN_ONE  # (spliced or not)
    if method is None:
        grows = size in (2, 3) and expansion[0] == origin and not may_be_keyword(origin)
        if grows and not may_be_keyword(expansion[-1]):
            if size == 2:
                return APPEND if origin in placed else APPEND_UNPLACED
            if _is_terminal(expansion[1]) and expansion[1] not in terminals:
                return APPEND_AFTER_KEYWORD
        return GENERAL
    values = size >= 2 and all(s in terminals for s in expansion[:-1])
    if values and not may_be_keyword(expansion[-1]):
        return VALUES
    return GENERAL


def placed_lists(reductions: list[Reduction]) -> set[str]:
    """The spliced rules whose place may make a span: those that stand somewhere with no
    terminal before them or none after them in a rule (a rule's place runs from its first to
    its last child that has a place, and a token always has one). A spliced rule always
    between tokens (`steps: "steps" "{" step* "}"`) needs no place."""
    placed: set[str] = set()
    for _, _, origin, expansion in reductions:
        for index, symbol in enumerate(expansion):
            if _is_terminal(symbol) or not symbol.startswith("_"):
                continue
            if symbol == origin and index == 0:  # the list itself, growing: its own place
                continue
            before = any(_is_terminal(s) for s in expansion[:index])
            after = any(_is_terminal(s) for s in expansion[index + 1 :])
            if not (before and after):
                placed.add(symbol)
    return placed
