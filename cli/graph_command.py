"""`tthc graph FILE`: the workflow of one procedure as JSON, DOT, Mermaid or SVG."""

from __future__ import annotations

import sys
from pathlib import Path

import click


def run_graph(file: str, form: str, code: str | None, lang: str | None = None) -> int:
    from tthc.cli.language import choose_language
    from tthc.compiler import build_procedure, load_project, to_json
    from tthc.dsl import Severity
    from tthc.outputs.loading import find_registry
    from tthc.rules.report.neutral import one_line
    from tthc.rules.report.text import render_diagnostics

    # The registry gives the drawings the authorities' titles; the JSON never reads it.
    registry = find_registry(file) if form in ("dot", "mermaid", "svg") else []
    language = choose_language(lang)
    project = load_project(
        [file], [r for r in registry if not Path(file).resolve().is_relative_to(r.resolve())]
    )
    # A file drawn alone has no registry: its names are unresolved (TT005) by nature. Any other
    # error (reading, syntax, values, duplicates) means the graph would not be the one checked.
    errors = [d for d in project.diagnostics if d.severity is Severity.ERROR and d.code != "TT005"]
    if errors:
        sys.stderr.write(render_diagnostics(errors, "en"))
        return 1 if project.model.procedures else 2
    procedures = [p for p in project.model.procedures if code is None or p.code == code]
    if not procedures:
        click.echo(f"tthc: no procedure{' ' + code if code else ''} in {one_line(file)}", err=True)
        return 2
    if len(procedures) > 1:
        codes = ", ".join(p.code for p in procedures)
        click.echo(
            f"tthc: {one_line(file)} có {len(procedures)} thủ tục ({codes}): chọn một bằng --procedure "
            f"| holds {len(procedures)} procedures ({codes}): choose one with --procedure",
            err=True,
        )
        return 2
    workflow = build_procedure(procedures[0])
    if form == "mermaid":
        from tthc.outputs.mermaid import to_mermaid

        sys.stdout.write(to_mermaid(workflow, project.model, language))
    elif form == "svg":
        from tthc.outputs.svg import svg_document

        sys.stdout.write(svg_document(workflow, project.model, language))
    elif form == "dot":
        from tthc.outputs.dot import to_labelled_dot

        sys.stdout.write(to_labelled_dot(workflow, project.model, language))
    else:
        sys.stdout.write(to_json(workflow))
    return 0
