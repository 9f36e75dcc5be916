"""`tthc report PATH`: the corpus report (counts, successors, findings, confidence, 2025 moves)."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def run_report(path: str, form: str, output: str | None) -> int:
    from tthc.rules import load_and_check
    from tthc.rules.report.corpus import corpus_report
    from tthc.rules.report.corpus_render import render_markdown, render_text, to_json

    project, diagnostics = load_and_check([path])
    folder = Path(path) if Path(path).is_dir() else Path(path).parent
    report = corpus_report(project, diagnostics, folder)
    if form == "json":
        text = json.dumps(to_json(report), ensure_ascii=False, indent=2) + "\n"
    elif form == "markdown":
        text = render_markdown(report)
    else:
        text = render_text(report)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
