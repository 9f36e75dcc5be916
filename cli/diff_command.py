"""`tthc diff A B`: what changed between two versions of a procedure."""

from __future__ import annotations

import json
import sys

import click


def run_diff(before: str, after: str, form: str, code: str | None) -> int:
    from tthc.compiler.diff import diff_procedures, render_markdown, render_text, to_json
    from tthc.dsl import parse_path

    nodes = []
    for path in (before, after):
        outcome = parse_path(path)
        found = (
            []
            if outcome.value is None
            else [p for p in outcome.value.procedures if code is None or p.code.value == code]
        )
        if not found:
            problems = "; ".join(d.message.en for d in outcome.diagnostics[:1])
            click.echo(
                f"tthc: không đọc được thủ tục / no procedure read in {path} {problems}", err=True
            )
            return 2
        nodes.append(found[0])
    changes = diff_procedures(nodes[0], nodes[1])
    if form == "json":
        sys.stdout.write(
            json.dumps(to_json(changes, before, after), ensure_ascii=False, indent=2) + "\n"
        )
    elif form == "markdown":
        sys.stdout.write(render_markdown(changes, before, after))
    else:
        sys.stdout.write(render_text(changes, before, after))
    return 1 if changes else 0
