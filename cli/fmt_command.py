"""`tthc fmt PATH...`: rewrite procedure files in canonical form, in place, as black and ruff do.

The files are those `tthc check` reads (`tthc.rules.engine.discovery`: `.tthc` files, YAML
files that are procedures and not CI configurations, hidden, `.gitignore`d and excluded files
skipped; a file named is always read). Each is printed in canonical form with its comments (DSL
lines wrapped at 100 columns, see `tthc.dsl.printer.dsl`); a file that does not parse cleanly is
left as it is and its
diagnostics are printed. `--check` lists the files that would change and
`--diff` prints what would change; neither writes. Exit codes: 0 done (or nothing to change),
1 some file would change (`--check`, `--diff`), 2 some file could not be read or parsed.
"""

from __future__ import annotations

import difflib
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import click

from tthc.cli.language import choose_language
from tthc.dsl import Diagnostic


@dataclass
class Tally:
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    failed: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def run_fmt(paths: tuple[str, ...], check: bool, diff: bool, lang: str | None) -> int:
    from tthc.rules.engine.discovery import discover_files
    from tthc.rules.report.text import render_diagnostics

    language = choose_language(lang)
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        click.echo(f"tthc: no such file or folder: {', '.join(map(shown, missing))}", err=True)
        return 2
    found = discover_files(paths)
    if found.value is None:
        sys.stderr.write(render_diagnostics(found.diagnostics, language))
        return 2
    tally = Tally()
    for path in found.value:
        _format_file(path, check or diff, diff, tally)
    if tally.diagnostics:
        sys.stderr.write(render_diagnostics(tally.diagnostics, language))
    for path in tally.changed if check else ():
        click.echo(
            ("Sẽ định dạng lại: " if language == "vi" else "Would reformat: ") + shown(path),
            err=True,
        )
    click.echo(_summary(tally, check or diff, language), err=True)
    if tally.failed:
        return 2
    return 1 if (check or diff) and tally.changed else 0


def _format_file(path: str, dry: bool, diff: bool, tally: Tally) -> None:
    from tthc.dsl import read_source
    from tthc.dsl.printer.canonical import FormatterBug, format_source

    read = read_source(path)
    if read.value is None:
        tally.failed.append(path)
        tally.diagnostics.extend(read.diagnostics)
        return
    try:
        outcome = format_source(read.value)
    except FormatterBug as bug:
        tally.failed.append(path)
        click.echo(f"tthc: internal error, {shown(path)} left unchanged: {bug}", err=True)
        return
    if outcome.value is None:
        tally.failed.append(path)
        tally.diagnostics.extend(outcome.diagnostics)
        return
    original = _raw_text(path)
    if outcome.value == original:
        tally.unchanged += 1
        return
    tally.changed.append(path)
    if diff:
        lines = difflib.unified_diff(
            original.splitlines(keepends=True),
            outcome.value.splitlines(keepends=True),
            fromfile=shown(path),
            tofile=shown(path),
        )
        sys.stdout.write("".join(_ended(line) for line in lines))
    if not dry:
        try:
            _write(path, outcome.value)
        except OSError as error:
            tally.changed.remove(path)
            tally.failed.append(path)
            click.echo(f"tthc: cannot write {shown(path)}: {error.strerror}", err=True)


def shown(path: str) -> str:
    """A path as printed: control characters and undecodable bytes written out."""
    if path.isascii() and path.isprintable():
        return path
    from tthc.rules.report.neutral import one_line

    return one_line(path)


def _raw_text(path: str) -> str:
    """The file as stored (a byte-order mark or CRLF line ends count as a change)."""
    return Path(path).read_bytes().decode("utf-8", errors="replace")


def _ended(line: str) -> str:
    return line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"


def _write(path: str, text: str) -> None:
    """Replaces the file in one step, so that an interruption never leaves half a file."""
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tthc-fmt-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def _summary(tally: Tally, dry: bool, language: str) -> str:
    changed, unchanged, failed = len(tally.changed), tally.unchanged, len(tally.failed)
    if language == "vi":
        parts = [
            f"{changed} tệp {'sẽ được' if dry else 'đã được'} định dạng lại",
            f"{unchanged} tệp {'đã đúng định dạng' if dry else 'giữ nguyên'}",
        ]
        if failed:
            parts.append(f"{failed} tệp không định dạng được (có lỗi, xem ở trên)")
        return ", ".join(parts) + "."
    parts = [
        f"{_files(changed)} {'would be' if dry else ''} reformatted".replace("  ", " "),
        f"{_files(unchanged)} {'already formatted' if dry else 'left unchanged'}",
    ]
    if failed:
        parts.append(f"{_files(failed)} could not be formatted (errors above)")
    return ", ".join(parts) + "."


def _files(count: int) -> str:
    return f"{count} file" + ("" if count == 1 else "s")
