"""`tthc docs PATH`: a procedure card or a citizen guide (HTML or Markdown), or the corpus site."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tthc.cli.output_file import load_chosen, write_output

if TYPE_CHECKING:
    from tthc.compiler import Model, Workflow


def run_docs(
    path: str,
    form: str,
    audience: str,
    output: str | None,
    code: str | None,
    registry: tuple[str, ...],
) -> int:
    if Path(path).is_dir():
        return _site(path, output, registry)
    chosen = load_chosen(path, code, registry)
    if isinstance(chosen, int):
        return chosen
    return write_output(_render(*chosen, form, audience), output)


def _site(path: str, output: str | None, registry: tuple[str, ...]) -> int:
    from tthc.outputs.site import build_site
    from tthc.rules.report.text import render_diagnostics

    if output is None:
        click.echo("tthc: một thư mục cần -o THƯ_MỤC / a folder needs -o FOLDER", err=True)
        return 2
    try:
        site = build_site([path], Path(output), registry)
    except OSError as error:
        click.echo(f"tthc: {output}: {error.strerror}", err=True)
        return 2
    if site.problems:
        sys.stderr.write(render_diagnostics(list(site.problems), "en"))
    click.echo(f"tthc: {site.pages} trang / pages → {output}", err=True)
    return 1 if site.problems else 0


def _render(model: Model, workflow: Workflow, form: str, audience: str) -> str:
    from tthc.outputs.card import card_html, card_markdown
    from tthc.outputs.guide import guide_html, guide_markdown

    if audience == "citizen":
        return (
            guide_markdown(model, workflow) if form == "markdown" else guide_html(model, workflow)
        )
    return card_markdown(model, workflow) if form == "markdown" else card_html(model, workflow)
