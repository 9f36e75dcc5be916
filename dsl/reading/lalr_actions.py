"""The parse table as the fast parser runs it, worked out when the grammar's tables are built.

Input: Lark's parse table as plain data (per state: a symbol → shift to a state, or reduce by
a rule: its number of children, the transformer method or `None` for a rule spliced into its
parent, the rule's name, its symbols). Output: the reductions in a list, and per state each symbol's action
as one number: the state to shift (or go) to, or `~index` of its reduction; with every shift
into a state that only splices one child into a `_rule` sent on (`past_unit_splices`).

Why here: done on every run by the driver, this was ~3 ms of a cold one-file check; stored with
the tables (`lalr_tables.Tables`), the driver only looks up each reduction's method. The
symbol names are shared strings, so the cache file stores each once.
"""

from __future__ import annotations

from typing import Any

# A reduction: how many children, the transformer method (`None`: spliced into the parent),
# the rule's name, the names of its symbols (so that the driver knows which children are
# keywords, lists or values: `lalr_driver.shape_of`).
Reduction = tuple[int, str | None, str, tuple[str, ...]]


def numbered(
    states: list[dict[str, tuple[bool, Any]]],
) -> tuple[list[dict[str, int]], list[Reduction]]:
    """Each state's actions as numbers, and the reductions they name, in order of first use."""
    reductions: list[Reduction] = []
    numbers: dict[Reduction, int] = {}
    names: dict[str, str] = {}
    actions: list[dict[str, int]] = []
    for state in states:
        row: dict[str, int] = {}
        for symbol, (shift, action) in state.items():
            symbol = names.setdefault(symbol, symbol)
            if shift:
                row[symbol] = action
                continue
            if action not in numbers:
                numbers[action] = len(reductions)
                size, method, origin, expansion = action
                symbols = tuple(names.setdefault(symbol, symbol) for symbol in expansion)
                reductions.append((size, method, names.setdefault(origin, origin), symbols))
            row[symbol] = ~numbers[action]
        actions.append(row)
    return past_unit_splices(actions, reductions), reductions


def past_unit_splices(
    states: list[dict[str, int]], reductions: list[Reduction]
) -> list[dict[str, int]]:
    """The table with every shift or goto into a state that only splices one child into a
    `_rule` (`_proc_item: field`) sent on to where that reduction would go. Such a reduction
    changes neither values nor places, only the state, and a quarter of all reductions are
    of this kind.

    A token such a state would refuse is refused by the state it would go to as well (an LALR
    state reached by `_rule` accepts only what may follow `_rule`, which is what the skipped
    state accepts), and no callback runs in between: the text is refused at the same token
    with the same problems found."""

    def splice(state: int) -> str | None:
        actions = set(states[state].values())
        if len(actions) != 1:
            return None
        (action,) = actions
        if action >= 0:
            return None
        size, method, origin, _ = reductions[~action]
        return origin if size == 1 and method is None else None

    unit = {state: origin for state in range(len(states)) if (origin := splice(state))}
    skipped = []
    for actions in states:
        onward = dict(actions)
        for symbol, target in actions.items():
            while target in unit:  # `_a: _b`, `_b: c`: a chain of splices
                target = actions[unit[target]]
            onward[symbol] = target
        skipped.append(onward)
    return skipped
