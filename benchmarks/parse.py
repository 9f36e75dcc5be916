"""`python benchmarks/parse.py`: the CPU time of parsing a `.tthc` file, beside Lark's LALR parser.

Input: a corpus from `generate.py` (seeded: by default 1,000 procedures of 20 steps), decoded
once, so that only parsing is measured. Output: per file, the CPU and wall time of tthc's parse
(`tthc.dsl.reading.parser.parse_dsl`: the lexer, the LALR driver and the AST with its spans)
and, on the same texts in the same run, of the peer: Lark's LALR parser on the same grammar
with the same transformer (the parser tthc ran before it had a driver of its own, and the one
it falls back to). Medians over the rounds; the load average is printed beside each figure.

The tables and each lexer's regex are built by a first untimed pass, as a long run has them;
`--cold` times that first pass instead. The figures of CPU time move with the machine's speed;
for a figure that does not, count instructions (docs/development.md, "Reading speed"):

    valgrind --tool=cachegrind --cache-sim=no python benchmarks/parse.py --files 200 --rounds 1
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import generate
from measure import Clock, Sample, load

from tthc.dsl.reading.grammar import grammar_text, options
from tthc.dsl.reading.grammar_cache import cached_lark
from tthc.dsl.reading.parser import parse_dsl
from tthc.dsl.reading.transformer import ToAst


def one_pass(parse: Callable[[str, str], object], texts: list[tuple[str, str]]) -> Sample:
    clock = Clock()
    for path, text in texts:
        parse(path, text)
    return clock.lap()


def tthc_parse(path: str, text: str) -> object:
    outcome = parse_dsl(path, text)
    if outcome.value is None:
        raise SystemExit(f"{path} does not parse: {outcome.diagnostics}")
    return outcome.value


def lark_parse() -> Callable[[str, str], object]:
    transformer = ToAst()
    lark = cached_lark(grammar_text(), transformer, **options(True))

    def parse(path: str, text: str) -> object:
        transformer.path, transformer.problems = path, []
        return lark.parse(text, start="start")

    return parse


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cold", action="store_true", help="time the first pass too")
    parser.add_argument("--no-peer", action="store_true", help="tthc alone (for instructions)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        files = generate.write_corpus(Path(folder), args.files, args.steps, args.seed)
        texts = [(str(f), f.read_text(encoding="utf-8")) for f in files]
    size = sum(len(text.encode()) for _, text in texts) / len(texts)
    print(
        f"parse: {len(texts)} procedures of {args.steps} steps ({size / 1000:.1f} kB each),"
        f" {args.rounds} rounds, load {load()}"
    )
    rows: list[tuple[str, Callable[[str, str], object]]] = [("tthc (lalr_driver)", tthc_parse)]
    if not args.no_peer:
        rows.append(("peer: Lark LALR, same transformer", lark_parse()))
    medians: dict[str, float] = {}
    for name, parse in rows:
        first = one_pass(parse, texts)
        samples = [first] if args.cold else []
        samples += [one_pass(parse, texts) for _ in range(args.rounds)]
        cpu = statistics.median(s.cpu for s in samples) / len(texts) * 1000
        wall = statistics.median(s.wall for s in samples) / len(texts) * 1000
        medians[name] = cpu
        print(f"  {name:<36} {cpu:6.3f} ms CPU  {wall:6.3f} ms wall per file   load {load()}")
    if len(medians) == 2:
        ours, peer = medians.values()
        print(f"  tthc parses in {ours / peer:.2f}x the CPU time of the peer")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
