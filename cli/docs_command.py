"""`tthc docs PATH`: a procedure card or a citizen guide (HTML or Markdown), or the corpus site."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

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
    from tthc.dsl import Message
    from tthc.outputs.loading import load
    from tthc.rules.report.text import render_diagnostics

    if not Path(path).exists():
        click.echo(f"tthc: {path}: không tồn tại / does not exist", err=True)
        return 2
    if Path(path).is_dir():
        return _site(path, output, registry)
    loaded = load([path], registry)
    if loaded.problems:
        sys.stderr.write(render_diagnostics(list(loaded.problems), "en"))
        return 1
    from tthc.outputs.select import choose

    chosen = choose(loaded, code)
    if isinstance(chosen, Message):
        click.echo(f"tthc: {chosen.vi} / {chosen.en}", err=True)
        return 2
    text = _render(loaded.project.model, chosen, form, audience)
    if output is None:
        sys.stdout.write(text)
    else:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as error:
            click.echo(f"tthc: {output}: {error.strerror}", err=True)
            return 2
    return 0


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
