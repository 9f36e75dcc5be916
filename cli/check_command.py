"""`tthc check`: find the configuration, load the project under the paths, run the checks,
print, choose the exit code (0 clean, 1 findings at or above `fail-on`, 2 usage, I/O or an
unusable configuration)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tthc.cli.language import choose_language


def run_check(
    paths: tuple[str, ...],
    lang: str | None,
    config_file: str | None = None,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    fail_on: str | None = None,
) -> int:
    from tthc.cli.render_text import render_text
    from tthc.rules import check_paths, discover_config, load_config
    from tthc.rules.config import option_problems

    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        click.echo(f"tthc: no such file or folder: {', '.join(missing)}", err=True)
        return 2
    found = load_config(config_file) if config_file else discover_config(paths)
    language = choose_language(lang or (found.value.lang if found.value else None))
    if found.value is None:
        sys.stderr.write(render_text(found.diagnostics, language))
        return 2
    select, ignore = _codes(select), _codes(ignore)
    problems = option_problems(select, ignore)
    if problems:
        for problem in problems:
            click.echo(f"tthc: {problem.text(language)}", err=True)
        return 2
    config = found.value.with_options(
        select=select or None,
        ignore=ignore,
        fail_on=fail_on,
    )
    _, diagnostics = check_paths(paths, config)
    sys.stdout.write(render_text(diagnostics, language))
    return 1 if config.fails(diagnostics) else 0


def _codes(values: tuple[str, ...]) -> tuple[str, ...]:
    """`--select TT2,TT301 --select TT5` → ("TT2", "TT301", "TT5")."""
    return tuple(code.strip() for value in values for code in value.split(",") if code.strip())
