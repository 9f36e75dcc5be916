"""Outputs benchmark (issue 14): `tthc docs` and `tthc export` time per corpus procedure,
beside the peers measured in the same run on the same exported files.

Input: options (`--repeat N`, default 20). Output: a table, per procedure, of the median time
to render the card (HTML and Markdown), the citizen guide and the BPMN export (both flavours),
and, as peers on that very BPMN, SpiffWorkflow's parse with XSD validation (PEERS.md §5 setup)
and bpmnlint `recommended` over all exports in one CLI call (time per file; PEERS.md §6: batch
the files, node start-up dominates one file). Then the whole commands in a fresh process
(`tthc docs FILE`, `tthc export FILE`, `tthc docs procedures -o DIR`), as a user runs them.

    python benchmarks/outputs.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE = ROOT / "tests" / "outputs" / "node"
BIN = Path(sys.executable).parent


def _median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _command_ms(args: list[str], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    repeat = parser.parse_args().repeat

    from SpiffWorkflow.bpmn.parser.BpmnParser import BpmnValidator
    from SpiffWorkflow.spiff.parser.process import SpiffBpmnParser

    from tthc.outputs.bpmn import to_bpmn
    from tthc.outputs.card import card_html, card_markdown
    from tthc.outputs.guide import guide_html
    from tthc.outputs.loading import load

    loaded = load([ROOT / "procedures"])
    model = loaded.project.model
    validator = BpmnValidator()
    rows = []
    exports = tempfile.TemporaryDirectory()
    for number, workflow in enumerate(loaded.workflows):
        xml = to_bpmn(workflow, model)
        (Path(exports.name) / f"p{number}.bpmn").write_text(xml, encoding="utf-8")

        def spiff_parse(xml: str = xml) -> object:
            spiff = SpiffBpmnParser(validator=validator)
            spiff.add_bpmn_str(xml.encode("utf-8"))
            return spiff.get_spec(spiff.get_process_ids()[0])

        rows.append(
            {
                "procedure": f"{workflow.procedure.code} {Path(workflow.procedure.path).stem}"[:52],
                "card_html": _median_ms(lambda w=workflow: card_html(model, w), repeat),
                "card_md": _median_ms(lambda w=workflow: card_markdown(model, w), repeat),
                "guide": _median_ms(lambda w=workflow: guide_html(model, w), repeat),
                "bpmn": _median_ms(lambda w=workflow: to_bpmn(w, model), repeat),
                "bpmn_c8": _median_ms(lambda w=workflow: to_bpmn(w, model, "camunda8"), repeat),
                "spiff_parse": _median_ms(spiff_parse, repeat),
            }
        )
    lint_ms = float("nan")
    binary = NODE / "node_modules" / ".bin" / "bpmnlint"
    if binary.exists():
        rc = Path(exports.name) / ".bpmnlintrc"
        rc.write_text(json.dumps({"extends": "bpmnlint:recommended"}), encoding="utf-8")
        files = sorted(str(p) for p in Path(exports.name).glob("*.bpmn"))
        lint_ms = _command_ms([str(binary), "-c", str(rc), *files]) / len(files)
    columns = ["card_html", "card_md", "guide", "bpmn", "bpmn_c8", "spiff_parse"]
    print(f"median of {repeat} runs, milliseconds per procedure; peers: SpiffWorkflow parse")
    print(f"(+XSD) of our BPMN, bpmnlint recommended CLI over all {len(rows)} exports\n")
    print(f"{'procedure':52} " + " ".join(f"{c:>11}" for c in columns))
    for row in rows:
        print(f"{row['procedure']:52} " + " ".join(f"{row[c]:11.2f}" for c in columns))
    print(
        f"{'median':52} "
        + " ".join(f"{statistics.median(r[c] for r in rows):11.2f}" for c in columns)
    )
    print(f"\nbpmnlint (peer), one CLI call for all files: {lint_ms:.1f} ms per file")
    sample = str(ROOT / "procedures" / "ho-tich" / "dang-ky-khai-sinh.tthc")
    tthc = str(BIN / "tthc")
    with tempfile.TemporaryDirectory() as site:
        commands = {
            "tthc docs FILE (fresh process)": [tthc, "docs", sample],
            "tthc export FILE (fresh process)": [tthc, "export", sample],
            "tthc docs procedures -o DIR (whole site)": [tthc, "docs", "procedures", "-o", site],
            "tthc --version (start-up, for scale)": [tthc, "--version"],
        }
        for name, args in commands.items():
            print(f"{name:44} {_command_ms(args):8.0f} ms")
    exports.cleanup()


if __name__ == "__main__":
    main()
