"""The longest timed path a deadline variant governs: the one TT501 holds to that variant.

Input: a `Workflow`, the steps a path must pass (`through`), the outcomes it must take (`via`:
the `when x` of flow lines), the steps it must not pass (`avoid`), and the `Settings`. Output:
`longest_governed(...) -> TimedPath | None`, `None` when no timed path meets them all.

A published procedure may promise several time limits for one internal process ("5 ngày làm
việc nếu không phải xác minh, 8 ngày nếu phải xác minh"); each limit binds the paths of its
case, so each is held to the longest path of its case, the narrower included (issue 11).

What counts is what `longest_path` counts (the same clock: restarts after a supplement, stops
at an apology, loops followed once). A timed path meets `through` and `via` when every named
step is on it and, for every named outcome, it takes an arrow written `when outcome`; the clock
restarting after a supplement starts a new path, which must meet them on its own. The search
keeps, for each node, the longest way in for each set of requirements met so far (a set of the
requirements is a bit mask): at most 2**k entries per node for k requirements, and in practice
far fewer, since only the sets some path reaches are kept.
"""

from __future__ import annotations

from collections.abc import Collection
from decimal import Decimal

from tthc.compiler import Workflow
from tthc.compiler.analysis.durations import Scale, scale_of
from tthc.compiler.analysis.longest_path import TimedPath, clock_of, tidy, weights_of
from tthc.compiler.analysis.settings import Settings

# For each node, each set of requirements met (a mask) → (total, predecessor, its mask).
_Ways = dict[int, tuple[Decimal, str | None, int]]


def longest_governed(
    workflow: Workflow,
    *,
    through: Collection[str] = (),
    via: Collection[str] = (),
    avoid: Collection[str] = (),
    scale: Scale | None = None,
    settings: Settings | None = None,
) -> TimedPath | None:
    """The longest timed path through every step of `through`, taking an arrow of every
    outcome of `via` and passing no step of `avoid`; `None` when there is none."""
    settings = settings or Settings()
    scale = scale or scale_of(workflow.procedure.node)
    clock = clock_of(workflow, frozenset(avoid))
    weights = weights_of(workflow, scale, settings)
    step_bits = {step: 1 << index for index, step in enumerate(dict.fromkeys(through))}
    outcome_bits = {o: 1 << (len(step_bits) + i) for i, o in enumerate(dict.fromkeys(via))}
    full = (1 << (len(step_bits) + len(outcome_bits))) - 1
    arrow_bits: dict[tuple[str, str], int] = {}
    for source, target, branch in workflow.arrows():
        if branch.outcome in outcome_bits:
            key = (source, target)
            arrow_bits[key] = arrow_bits.get(key, 0) | outcome_bits[branch.outcome]
    starts = set(clock.starts)
    ways: dict[str, _Ways] = {}
    for node in clock.order:
        own = step_bits.get(node, 0)
        best: _Ways = {own: (Decimal(0), None, 0)} if node in starts else {}
        for pred in clock.preds.get(node, []):
            for mask, (total, _, _) in ways.get(pred, {}).items():
                met = mask | own | arrow_bits.get((pred, node), 0)
                if met not in best or total > best[met][0]:
                    best[met] = (total, pred, mask)
        weight = weights.get(node) or Decimal(0)
        ways[node] = {met: (t + weight, p, m) for met, (t, p, m) in best.items()}
    reached = [stop for stop in clock.stops if full in ways.get(stop, {})]
    if not reached:
        return None
    last: str | None = max(reached, key=lambda stop: ways[stop][full][0])  # first of equals
    mask, path = full, []
    while last is not None:
        path.append(last)
        _, came, before = ways[last][mask]
        last, mask = came, before
    steps = tuple(n for n in reversed(path) if workflow.step(n) is not None)
    return TimedPath(
        steps=steps,
        total=tidy(ways[path[0]][full][0]),
        scale=scale,
        untimed=tuple(s for s in steps if s not in weights),
        incomparable=tuple(s for s in steps if s in weights and weights[s] is None),
    )
