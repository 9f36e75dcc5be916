"""`tthc import FILES -o OUT`: records → drafts (`tthc.compiler.importer`), written and checked
(`tthc.rules.engine.importing`), the report printed as text or JSON. Thin: no mapping here."""

from __future__ import annotations

import json
from pathlib import Path

import click

from tthc.cli.language import choose_language

DEFAULT_REGISTRY = Path("procedures/registry")


def run_import(
    files: tuple[str, ...],
    out: str,
    registry: tuple[str, ...],
    tables: str | None,
    form: str,
    no_check: bool,
    lang: str | None,
    jobs: int | None = None,
) -> int:
    from tthc.compiler.importer import as_data, import_files, render_text, write_result
    from tthc.rules.engine.importing import check_import

    language = choose_language(lang, for_machines=form == "json")
    missing = [f for f in files if not Path(f).is_file()]
    if missing:
        click.echo(f"tthc: no such file: {', '.join(missing)}", err=True)
        return 2
    registries = [Path(r) for r in registry] or (
        [DEFAULT_REGISTRY] if DEFAULT_REGISTRY.is_dir() else []
    )
    result = import_files([Path(f) for f in files], Path(tables) if tables else None, registries)
    for problem in result.problems:
        click.echo(f"{problem.origin}: {problem.vi if language == 'vi' else problem.en}", err=True)
    if no_check:
        write_result(result, Path(out))
    else:
        check_import(result, Path(out), registries, jobs=jobs or 0)
    summary = result.summary
    if form == "json":
        click.echo(json.dumps(as_data(summary), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(summary, language), nl=False)
    if result.problems:
        return 2
    errors = any(d.severity.value == "error" for r in summary.reports for d in r.findings)
    return 1 if errors or summary.automatic < len(summary.reports) else 0
