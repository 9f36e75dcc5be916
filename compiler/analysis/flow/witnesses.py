"""Runs and steps as a person reads them in a message: `start → a → b`, flow lines as witnesses.

Input: arrows of a witness, node names. Output: `route` (the nodes a run passes, long runs
shortened), `witness` (its flow lines as related locations, each with its outcome) and `names`.
"""

from __future__ import annotations

from collections.abc import Iterable

from tthc.compiler import START, Arrow, Branch
from tthc.dsl import Message, Related


def route(arrows: list[Arrow], first: str = START) -> str:
    """`start → a → b`: the nodes a witness passes, long routes shortened in the middle."""
    nodes = [arrows[0].source if arrows else first, *(a.target for a in arrows)]
    if len(nodes) > 14:
        nodes = [*nodes[:6], "…", *nodes[-6:]]
    return " → ".join(nodes)


def witness(arrows: list[Arrow], limit: int = 12) -> tuple[Related, ...]:
    """The flow lines a witness takes, in order, as related locations (the last `limit`)."""
    shown = arrows[-limit:]
    offset = len(arrows) - len(shown)
    related = []
    for number, arrow in enumerate(shown, start=offset + 1):
        how = _qualifier(arrow.branch)
        related.append(
            Related(
                span=arrow.branch.span,
                message=Message(
                    vi=f"Đường đi, mũi tên {number}: {arrow.source} → {arrow.target}{how.vi}",
                    en=f"Path, arrow {number}: {arrow.source} → {arrow.target}{how.en}",
                ),
            )
        )
    return tuple(related)


def _qualifier(branch: Branch) -> Message:
    if branch.outcome is not None:
        return Message(vi=f" (khi {branch.outcome})", en=f" (when {branch.outcome})")
    if branch.default:
        return Message(vi=" (trường hợp còn lại)", en=" (otherwise)")
    return Message(vi="", en="")


def names(nodes: Iterable[str]) -> str:
    """`'a', 'b' and 'c'`-style list for both languages (ids are not translated)."""
    return ", ".join(f"'{node}'" for node in nodes)
