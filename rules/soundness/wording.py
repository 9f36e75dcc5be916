"""How the soundness messages name nodes, joins, moves and runs, in both languages.

Input: the `Workflow`, its nodes and joins, and the moves of the token game
(`tthc.compiler.analysis.soundness.markings.Move`). Output: texts (`start → a → all(b, c)`, long runs shortened)
and `Message`s, and the moves or nodes of a witness as related locations.
"""

from __future__ import annotations

from tthc.compiler import END, START, Join, Workflow
from tthc.compiler.analysis.soundness.net import Move
from tthc.dsl import Message, Related, Span


def node_name(workflow: Workflow, node: str) -> Message:
    """A node as the messages name it: the start, the end, or a step with its title."""
    step = workflow.step(node)
    if node == START:
        return Message(vi="điểm bắt đầu 'start'", en="the start")
    if node == END:
        return Message(vi="điểm kết thúc 'end'", en="the end")
    title = f" ({step.title})" if step is not None else ""
    return Message(vi=f"bước '{node}'{title}", en=f"the step '{node}'{title}")


def titled(workflow: Workflow | None, node: str) -> str:
    """A node as a route shows it to an official: a step by its title (`“Thẩm định”`), the
    start and the end by their names in the flow."""
    step = workflow.step(node) if workflow is not None else None
    return f"“{step.title}”" if step is not None else node


def capitalised(text: str) -> str:
    """The text with its first letter in capitals (a name opening a sentence)."""
    return text[:1].upper() + text[1:]


def join_text(join: Join, workflow: Workflow | None = None) -> str:
    """A join as written in the flow: `all(b, c) -> d` (with `workflow`, by step titles)."""
    sources = ", ".join(titled(workflow, n) for n in dict.fromkeys(join.sources))
    return f"all({sources}) -> {titled(workflow, join.target)}"


def move_text(move: Move, workflow: Workflow | None = None) -> str:
    """One move of the token game: `a → b`, `a → all(b, c)` or `all(b, c) → d`."""
    if move.join is not None:
        sources = ", ".join(titled(workflow, n) for n in dict.fromkeys(move.join.sources))
        return f"all({sources}) → {titled(workflow, move.join.target)}"
    assert move.branch is not None
    return f"{titled(workflow, move.node)} → {targets_text(move.branch.targets, workflow)}"


def move_span(move: Move) -> Span:
    """Where the move is written: its flow line, or its join."""
    if move.join is not None:
        return move.join.span
    assert move.branch is not None
    return move.branch.span


def moves_route(moves: list[Move], workflow: Workflow | None = None) -> str:
    """A run as chains of steps: `start → a → all(b, c); b → d`, long runs shortened; with
    `workflow`, steps are named by their titles (`start → “Tiếp nhận hồ sơ” → …`)."""
    chains: list[list[str]] = []
    last = ""  # the node the last chain ends at
    for move in moves:
        if move.join is None and move.branch is not None and chains and last == move.node:
            chains[-1].append(targets_text(move.branch.targets, workflow))
        elif move.join is None and move.branch is not None:
            node = titled(workflow, move.node)
            chains.append([node, targets_text(move.branch.targets, workflow)])
        else:
            chains.append([move_text(move, workflow)])
        targets = move.branch.targets if move.join is None and move.branch is not None else ()
        last = targets[0] if len(targets) == 1 else ""
    texts = [" → ".join(c if len(c) < 12 else [*c[:5], "…", *c[-5:]]) for c in chains]
    if len(texts) > 8:
        texts = [*texts[:3], "…", *texts[-4:]]
    return "; ".join(texts)


def targets_text(targets: tuple[str, ...], workflow: Workflow | None = None) -> str:
    """The targets of a branch: `b`, or `all(b, c)` for a parallel split."""
    names = [titled(workflow, n) for n in targets]
    return names[0] if len(names) == 1 else f"all({', '.join(names)})"


def moves_witness(moves: list[Move], limit: int = 12) -> tuple[Related, ...]:
    """The moves of a run as related locations, in order (the last `limit`)."""
    shown = moves[-limit:]
    first = len(moves) - len(shown) + 1
    return tuple(
        Related(
            span=move_span(move),
            message=Message(
                vi=f"Đường đi, bước chuyển {number}: {move_text(move)}",
                en=f"Path, move {number}: {move_text(move)}",
            ),
        )
        for number, move in enumerate(shown, start=first)
    )


def node_witnesses(workflow: Workflow, nodes: list[str], vi: str, en: str) -> tuple[Related, ...]:
    """Nodes as related locations, each message saying why it is there."""
    return tuple(
        Related(span=workflow.span_of(n), message=Message(vi=f"{vi}: '{n}'", en=f"{en}: '{n}'"))
        for n in nodes
    )
