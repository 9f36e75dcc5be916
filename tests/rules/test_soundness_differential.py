"""Differential test of the soundness rules (TT401-TT405) against a brute-force oracle.

Random small workflows (at most 16 steps: sequences, choices, parallel splits and joins of up
to six branches, nested, loops, then random breakage) are built as ASTs and checked by `tthc.rules.soundness`. An oracle
written only for this test, from the generator's own lines (not from `Workflow`), replays the
token game with multisets of tokens and answers the same questions by exhaustive search:

- the verdicts of each code, as defined in `tthc.rules.soundness` (structural for TT401,
  TT402, TT404; the token game for TT403, TT405), must be equal; over the exploration's budget,
  what the rules report must be a part of the oracle's verdicts, and TT407 must say so;
- the reduced game alone (`tthc.compiler.analysis.soundness.reduction`), which decides the
  flows too wide for the whole game, finds a place holding two tokens exactly when the whole
  game does, and otherwise the same waiting joins and early ends;
- the rules report nothing exactly when the workflow net is sound in the classical sense
  (van der Aalst): from every reachable marking the case can complete, it completes with a
  single token at `end`, and every step, branch and join can run. Here the oracle plays the game
  without any of the rules' cuts, and counts a place holding more than 3 tokens as unbounded.

1,000 workflows in CI (seeded, deterministic); `HYPOTHESIS_PROFILE=large` runs 20,000.
"""

from __future__ import annotations

import itertools
import os
import random
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from tthc.compiler import Workflow, build_procedure, resolve
from tthc.compiler.analysis.flow.graph import graph_of
from tthc.compiler.analysis.flow.runs import may_reach, run_reach
from tthc.compiler.analysis.settings import Settings
from tthc.compiler.analysis.soundness.markings import Bounds, explore
from tthc.compiler.analysis.soundness.net import Net
from tthc.compiler.analysis.soundness.reduction import reduce
from tthc.compiler.analysis.soundness.structure import decided
from tthc.dsl import Span, ast
from tthc.rules.base import ProcedureContext
from tthc.rules.soundness import RULES, analyse

SAMPLES = 20_000 if os.environ.get("HYPOTHESIS_PROFILE") == "large" else 1_000
MAX_STEPS = 16
PATH = "random.tthc"
FIRST_FLOW_LINE = 100  # steps are on lines 2.., flow line i on line FIRST_FLOW_LINE + i
MAX_ORACLE_STATES = 200_000
# The verdicts are compared, not the speed: no time bound, whatever the load of the machine.
SETTINGS = Settings(max_flow_seconds=600.0)


# --- the generator --------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One arrow: `a -> b`, `all(a, b) -> c` (joined) or `a -> all(b, c)` (parallel)."""

    sources: tuple[str, ...]
    targets: tuple[str, ...]

    @property
    def joined(self) -> bool:
        return len(self.sources) > 1

    def text(self) -> str:
        def end(names: tuple[str, ...]) -> str:
            return names[0] if len(names) == 1 else f"all({', '.join(names)})"

        return f"{end(self.sources)} -> {end(self.targets)}"


@dataclass
class Sample:
    steps: list[str] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)

    def dsl(self) -> str:
        steps = "\n".join(f'    {s} review "Bước {s}"' for s in self.steps)
        flow = "\n".join(f"    {line.text()}" for line in self.lines)
        return (
            f'procedure "1.000001" "Thử" {{\n  steps {{\n{steps}\n  }}\n  flow {{\n{flow}\n  }}\n}}'
        )


def generate(rng: random.Random) -> Sample:
    while True:
        sample = _structured(rng)
        for _ in range(rng.choice([0, 0, 1, 1, 1, 2, 3])):
            _mutate(rng, sample)
        if len(sample.steps) <= MAX_STEPS:
            return sample


def _structured(rng: random.Random) -> Sample:
    sample = Sample()
    names = (f"s{n}" for n in itertools.count(1))

    def new() -> str:
        sample.steps.append(next(names))
        return sample.steps[-1]

    def arrow(sources: tuple[str, ...], targets: tuple[str, ...]) -> None:
        sample.lines.append(Line(sources, targets))

    def block(leaves: int) -> tuple[str, str]:
        kind = "leaf" if leaves <= 1 else rng.choice(["seq", "seq", "xor", "and", "loop"])
        if kind == "leaf":
            step = new()
            return step, step
        if kind == "loop":
            first, last = block(leaves)
            check = new()
            arrow((last,), (check,))
            arrow((check,), (first,))
            return first, check
        left = rng.randint(1, leaves - 1)
        if kind == "seq":
            a, b = block(left), block(leaves - left)
            arrow((a[1],), (b[0],))
            return a[0], b[1]
        # Wide blocks too: up to six branches, each a block of its own (nested shapes).
        width = min(leaves, rng.choice([2, 2, 2, 3, 4, 6]))
        sizes = [1] * width
        for _ in range(leaves - width):
            sizes[rng.randrange(width)] += 1
        split = new()
        children = [block(size) for size in sizes]
        merge = new()
        if kind == "xor":
            for first, last in children:
                arrow((split,), (first,))
                arrow((last,), (merge,))
        else:
            arrow((split,), tuple(first for first, _ in children))
            arrow(tuple(last for _, last in children), (merge,))
        return split, merge

    first, last = block(rng.randint(1, 6))
    sample.lines.insert(0, Line(("start",), (first,)))
    sample.lines.append(Line((last,), ("end",)))
    return sample


def _mutate(rng: random.Random, sample: Sample) -> None:
    steps, lines = sample.steps, sample.lines
    kind = rng.choice(
        ["arrow", "drop", "unjoin", "choose", "parallel", "join", "redirect", "island"]
    )
    if kind == "arrow":
        source = rng.choice(["start", *steps])
        targets = rng.sample([*steps, "end"], k=rng.choice([1, 1, 2]))
        lines.append(Line((source,), tuple(targets)))
    elif kind == "drop" and lines:
        lines.pop(rng.randrange(len(lines)))
    elif kind == "unjoin":
        joins = [n for n, line in enumerate(lines) if line.joined]
        if joins:
            line = lines.pop(rng.choice(joins))
            lines.extend(Line((s,), line.targets) for s in line.sources)
    elif kind == "choose":
        splits = [n for n, line in enumerate(lines) if len(line.targets) > 1]
        if splits:
            line = lines.pop(rng.choice(splits))
            lines.extend(Line(line.sources, (t,)) for t in line.targets)
    elif kind == "parallel":
        by_source: dict[str, list[int]] = {}
        for n, line in enumerate(lines):
            if not line.joined and len(line.targets) == 1:
                by_source.setdefault(line.sources[0], []).append(n)
        choices = [ns for ns in by_source.values() if len(ns) > 1]
        if choices:
            first, second = rng.sample(rng.choice(choices), 2)
            a, b = lines[first], lines[second]
            if a.targets != b.targets:
                lines[first] = Line(a.sources, (*a.targets, *b.targets))
                lines.pop(second)
    elif kind == "join" and len(steps) >= 2:
        sources = tuple(rng.sample(steps, 2))
        lines.append(Line(sources, (rng.choice([*steps, "end"]),)))
    elif kind == "redirect" and lines:
        n = rng.randrange(len(lines))
        lines[n] = Line(lines[n].sources, (rng.choice([*steps, "end"]),))
    elif kind == "island":
        a, b = f"s{len(steps) + 1}", f"s{len(steps) + 2}"
        steps.extend([a, b])
        lines.extend(
            [Line((a,), (b,)), Line((b,), (a,))] if rng.random() < 0.5 else [Line((a,), (b,))]
        )


# --- the workflow, as tthc builds it --------------------------------------------------------


def _span(line: int, column: int = 5) -> Span:
    return Span(path=PATH, line=line, column=column, end_line=line, end_column=column + 1)


def to_ast(sample: Sample) -> ast.Procedure:
    """The procedure as the parser would give it (one step per line, one flow line per line)."""

    def name(value: str, line: int) -> ast.Name:
        return ast.Name(span=_span(line), value=value)

    steps = tuple(
        ast.Step(span=_span(n), id=name(s, n), kind=ast.StepKind.REVIEW, title=f"Bước {s}")
        for n, s in enumerate(sample.steps, start=2)
    )
    branches = Counter(s for line in sample.lines for s in line.sources)
    last = {s: n for n, line in enumerate(sample.lines) for s in line.sources}
    flow = []
    for n, line in enumerate(sample.lines):
        at = FIRST_FLOW_LINE + n
        ends = [
            ast.Endpoint(
                span=_span(at), steps=tuple(name(s, at) for s in names), parallel=len(names) > 1
            )
            for names in (line.sources, line.targets)
        ]
        choice = branches[line.sources[0]] > 1
        default = choice and last[line.sources[0]] == n
        outcome = name(f"c{n}", at) if choice and not default else None
        flow.append(
            ast.FlowLine(span=_span(at, 3), path=tuple(ends), when=outcome, otherwise=default)
        )
    code = ast.Text(span=_span(1), value="1.000001")
    return ast.Procedure(span=_span(1), code=code, name="Thử", steps=steps, flow=tuple(flow))


@dataclass(frozen=True)
class Verdicts:
    unreachable: frozenset[frozenset[str]]
    dead_ends: frozenset[str]
    waits: frozenset[int]  # flow line numbers of the joins
    loops: frozenset[frozenset[str]]
    improper: bool
    twice: frozenset[object]  # a node, or ("slot", flow line, source)

    @property
    def clean(self) -> bool:
        return not (
            self.unreachable
            or self.dead_ends
            or self.waits
            or self.loops
            or self.improper
            or self.twice
        )


def reduced_verdicts(workflow: Workflow) -> tuple[frozenset[int], bool, bool] | None:
    """The reduced game alone (no whole game after it): the joins that can wait, whether the
    end can come early, whether a place can hold two tokens; `None` past its bounds."""
    space = explore(reduce(Net(workflow, graph_of(workflow))), Bounds(seconds=600.0))
    if not space.complete:
        return None
    waits = frozenset(join.span.line - FIRST_FLOW_LINE for join in space.waits)
    return waits, space.improper is not None, bool(space.twice)


def rule_verdicts(
    sample: Sample,
) -> tuple[Verdicts, Counter[str], bool, tuple[frozenset[int], bool, bool] | None]:
    """The verdicts of `tthc.rules.soundness`, how many findings each rule reported, and
    whether the exploration finished within its budget."""
    document = ast.Document(span=_span(1), procedures=(to_ast(sample),))
    model = resolve([document]).value
    assert model is not None
    workflow = build_procedure(model.procedures[0])
    found = analyse(workflow, SETTINGS)
    space = found.space

    def place(bit: int) -> object:
        value = space.places[bit]
        if isinstance(value, str):
            return value
        join, source = value
        return ("slot", join.span.line - FIRST_FLOW_LINE, source)

    verdicts = Verdicts(
        unreachable=frozenset(frozenset(members) for members, _ in found.unreachable),
        dead_ends=frozenset(found.dead_ends),
        waits=frozenset(join.span.line - FIRST_FLOW_LINE for join in space.waits),
        loops=frozenset(frozenset(loop) for loop in found.loops),
        improper=space.improper is not None,
        twice=frozenset(place(bit) for bit in space.twice),
    )
    context = ProcedureContext(model, workflow, SETTINGS)
    counts = Counter(
        rule.code for rule in RULES if rule.code != "TT406" for _ in rule.check(context)
    )
    return verdicts, counts, space.complete, reduced_verdicts(workflow)


# --- the oracle -----------------------------------------------------------------------------

Marking = frozenset[tuple[object, int]]


class Oracle:
    """The token game of a sample, by exhaustive search over multisets of tokens."""

    def __init__(self, sample: Sample) -> None:
        self.nodes = ["start", *sample.steps, "end"]
        self.branches: list[tuple[str, list[object], tuple[int, str]]] = []  # node, arrivals, id
        self.joins: list[tuple[int, list[object], str]] = []  # line, slots, target
        for n, line in enumerate(sample.lines):
            for source in line.sources:
                arrivals: list[object] = [
                    ("slot", n, source) if line.joined else target for target in line.targets
                ]
                self.branches.append((source, arrivals, (n, source)))
            if line.joined:
                self.joins.append((n, [("slot", n, s) for s in line.sources], line.targets[0]))
        self.next: dict[str, set[str]] = {node: set() for node in self.nodes}
        for node, _, (n, _) in self.branches:
            self.next[node].update(sample.lines[n].targets)

    # structure

    def reaches(self, a: str, b: str) -> bool:
        seen, todo = {a}, [a]
        while todo:
            node = todo.pop()
            if node == b:
                return True
            for other in self.next[node] if node != "end" else ():
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        return False

    def structure(
        self,
    ) -> tuple[frozenset[frozenset[str]], frozenset[str], frozenset[frozenset[str]]]:
        reached = {n for n in self.nodes if self.reaches("start", n)}
        lost = [n for n in self.nodes[1:-1] if n not in reached]

        def component(node: str, among: list[str]) -> frozenset[str]:
            return frozenset(m for m in among if self.reaches(node, m) and self.reaches(m, node))

        unreachable = set()
        for node in lost:
            group = component(node, lost)
            fed = any(t in group and m not in group for m in self.nodes[:-1] for t in self.next[m])
            if not fed:
                unreachable.add(group)
        dead_ends = frozenset(n for n in reached if n != "end" and not self.next[n])
        stuck = [n for n in reached if not self.reaches(n, "end")]
        loops = set()
        for node in stuck:
            group = component(node, stuck)
            cyclic = len(group) > 1 or node in self.next[node]
            closed = all(t in group for m in group for t in self.next[m])
            if cyclic and closed:
                loops.add(group)
        return frozenset(unreachable), dead_ends, frozenset(loops)

    # the game

    def moves(
        self, marking: Counter[object]
    ) -> Iterator[tuple[object, Counter[object], list[object]]]:
        for node, arrivals, ident in self.branches:
            if marking[node] >= 1:
                yield ident, Counter({node: 1}), arrivals
        for line, slots, target in self.joins:
            if all(marking[s] >= 1 for s in slots):
                yield ("join", line), Counter(dict.fromkeys(slots, 1)), [target]

    @staticmethod
    def key(marking: Counter[object]) -> Marking:
        return frozenset((p, c) for p, c in marking.items() if c)

    def cut_game(self) -> tuple[frozenset[int], bool, frozenset[object]] | None:
        """The game as the rules define it: `end` is final, a doubled place or a step with no
        way to `end` is a cut that may lead anywhere."""
        dead = {n for n in self.nodes if not self.reaches(n, "end")}
        start = self.key(Counter({"start": 1}))
        states, edges, open_ended = [start], {start: []}, set()
        improper, twice = False, set()
        queue = deque([start])
        if "start" in dead:
            return frozenset(), False, frozenset()
        while queue:
            key = queue.popleft()
            marking = Counter(dict(key))
            for _, consume, produce in self.moves(marking):
                after = marking - consume
                after.update(produce)
                doubled = {p for p, c in after.items() if c >= 2}
                if doubled:
                    twice |= doubled
                    open_ended.add(key)
                elif after["end"] >= 1:
                    improper = improper or sum(after.values()) > 1
                elif any(after[n] for n in dead):
                    open_ended.add(key)
                else:
                    new = self.key(after)
                    edges[key].append(new)
                    if new not in edges:
                        if len(edges) > MAX_ORACLE_STATES:
                            return None
                        edges[new] = []
                        states.append(new)
                        queue.append(new)
        back: dict[Marking, list[Marking]] = {s: [] for s in states}
        for source, targets in edges.items():
            for target in targets:
                back[target].append(source)
        waits = set()
        held = {s: dict(s) for s in states}
        for line, slots, _ in self.joins:
            good = {s for s in states if s in open_ended or all(held[s].get(x, 0) for x in slots)}
            todo = list(good)
            while todo:
                for source in back[todo.pop()]:
                    if source not in good:
                        good.add(source)
                        todo.append(source)
            if any(any(held[s].get(x, 0) for x in slots) and s not in good for s in states):
                waits.add(line)
        return frozenset(waits), improper, frozenset(twice)

    def sound(self) -> bool | None:
        """Classical soundness, with no cut; `None` when the state space is too large."""
        start, final = self.key(Counter({"start": 1})), self.key(Counter({"end": 1}))
        edges: dict[Marking, list[Marking]] = {start: []}
        fired: set[object] = set()
        queue = deque([start])
        while queue:
            key = queue.popleft()
            marking = Counter(dict(key))
            if marking["end"] and key != final:
                return False  # improper completion
            for ident, consume, produce in self.moves(marking):
                fired.add(ident)
                after = marking - consume
                after.update(produce)
                if max(after.values()) > 3:
                    return False  # unbounded: a sound net is bounded
                new = self.key(after)
                edges[key].append(new)
                if new not in edges:
                    if len(edges) > MAX_ORACLE_STATES:
                        return None
                    edges[new] = []
                    queue.append(new)
        if final not in edges:
            return False
        back: dict[Marking, list[Marking]] = {key: [] for key in edges}
        for key, targets in edges.items():
            for target in targets:
                back[target].append(key)
        can_finish, todo = {final}, [final]
        while todo:
            for source in back[todo.pop()]:
                if source not in can_finish:
                    can_finish.add(source)
                    todo.append(source)
        every = {ident for _, _, ident in self.branches} | {("join", j) for j, _, _ in self.joins}
        marked = {place for key in edges for place, _ in key}
        runs = all(step in marked for step in self.nodes)  # every step on a run (a workflow net)
        return len(can_finish) == len(edges) and fired >= every and runs

    def verdicts(self) -> Verdicts | None:
        unreachable, dead_ends, loops = self.structure()
        game = self.cut_game()
        if game is None:
            return None
        waits, improper, twice = game
        return Verdicts(unreachable, dead_ends, waits, loops, improper, twice)


# --- the test -------------------------------------------------------------------------------


def _finding_counts(verdicts: Verdicts) -> Counter[str]:
    counts = Counter(
        {
            "TT401": len(verdicts.unreachable),
            "TT402": len(verdicts.dead_ends),
            "TT403": len(verdicts.waits),
            "TT404": len(verdicts.loops),
            "TT405": int(verdicts.improper) + len(verdicts.twice),
        }
    )
    return +counts


@pytest.mark.property
def test_soundness_rules_agree_with_a_brute_force_token_game() -> None:
    rng = random.Random(20250701)
    seen = Counter[str]()
    for number in range(SAMPLES):
        sample = generate(rng)
        ours, counts, complete, reduced = rule_verdicts(sample)
        where = f"sample {number}:\n{sample.dsl()}"
        oracle = Oracle(sample)
        expected = oracle.verdicts()
        if expected is None:  # too many states for the oracle: nothing to compare
            seen["undecided"] += 1
            continue
        if not complete:
            # Over the rules' budget: what they report is still exact, and they say they stopped.
            seen["undecided"] += 1
            assert ours.waits <= expected.waits and ours.twice <= expected.twice, where
            assert ours.improper <= expected.improper, where
            assert counts["TT405"] == _finding_counts(ours)["TT405"], where
            assert counts["TT407"] == 1, where
            continue
        assert ours == expected, where
        # The reduced game alone (what decides a flow too wide for the whole game): a place
        # holds two tokens in it exactly when in the whole game, and with none, the same joins
        # wait and the end comes early alike.
        if reduced is not None:
            waits, improper, twice = reduced
            assert twice == bool(expected.twice), where
            if not twice:
                assert (waits, improper) == (expected.waits, expected.improper), where
        assert +counts == _finding_counts(ours), where
        sound = oracle.sound()
        if sound is not None:
            assert ours.clean == sound, f"clean={ours.clean}, classically sound={sound}; {where}"
        seen["sound" if ours.clean else "unsound"] += 1
        seen.update(code for code in counts)
    # The generator must exercise every verdict, and both sound and broken workflows.
    wanted = ("sound", "unsound", "TT401", "TT402", "TT403", "TT404", "TT405")
    assert all(seen[k] >= SAMPLES // 50 for k in wanted), seen
    assert seen["undecided"] <= SAMPLES // 200, seen


@pytest.mark.property
def test_may_reach_is_never_no_where_one_case_can_reach() -> None:
    """`may_reach` lets TT301-TT303 stop early: a node it rules out is reached by no run of
    `run_reach`, whatever is blocked and however whole branches are taken."""
    rng = random.Random(20261208)
    for number in range(SAMPLES // 4):
        sample = generate(rng)
        document = ast.Document(span=_span(1), procedures=(to_ast(sample),))
        model = resolve([document]).value
        assert model is not None
        workflow = build_procedure(model.procedures[0])
        if not graph_of(workflow).complete:
            continue
        blocked = {s for s in sample.steps if rng.random() < 0.3}
        for whole in (False, True):
            found = run_reach(workflow, blocked, whole_branches=whole)
            for node in [*graph_of(workflow).nodes]:
                if (node, False) in found or (node, True) in found:
                    assert may_reach(workflow, blocked, {node}), f"sample {number}: {node}"


@pytest.mark.property
def test_a_game_decided_by_its_shape_is_the_clean_game_played() -> None:
    """`structure.decided` skips the game for the commonest shapes: whenever it decides, the
    game played on the whole net within the same bounds ends, with no fault, and it decides
    a good share of the structured samples (and no mutated sample that has a fault)."""
    rng = random.Random(20261209)
    shown = 0
    for number in range(SAMPLES):
        sample = generate(rng)
        document = ast.Document(span=_span(1), procedures=(to_ast(sample),))
        model = resolve([document]).value
        assert model is not None
        workflow = build_procedure(model.procedures[0])
        graph = graph_of(workflow)
        if not graph.complete:
            continue
        for states in (4, 256):
            bounds = Bounds(states=states, megabytes=16, seconds=600.0)
            space = decided(workflow, graph, bounds, 128)
            if space is None:
                continue
            shown += 1
            net = Net(workflow, graph)
            played = explore(net, bounds)
            where = f"sample {number}, {states} states:\n{sample.dsl()}"
            assert len(net.places) <= 128 and played.complete, where
            assert not (played.improper or played.twice or played.waits), where
            assert space.places == net.places and space.complete, where
    assert shown >= SAMPLES // 10
