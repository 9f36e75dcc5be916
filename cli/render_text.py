"""Text rendering of diagnostics, rustc/ruff style: `path:line:col: error[TT201] name: message`,
the source line, a caret under the span, then `= help:`."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from tthc.dsl import Diagnostic


@cache
def _lines(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read().split("\n")
    except OSError:
        return []


def render_one(diagnostic: Diagnostic, lang: str) -> str:
    span = diagnostic.span
    head = (
        f"{span.path}:{span.line}:{span.column}: {diagnostic.severity.value}"
        f"[{diagnostic.code}] {diagnostic.name}: {diagnostic.message.text(lang)}"
    )
    out = [head]
    lines = _lines(span.path)
    if 1 <= span.line <= len(lines):
        text = lines[span.line - 1].replace("\t", " ")
        width = (
            (span.end_column - span.column)
            if span.end_line == span.line
            else len(text) - span.column + 1
        )
        gutter = f"{span.line:>4} | "
        out.append(gutter + text)
        out.append(" " * (len(gutter) + span.column - 1) + "^" * max(width, 1))
    if diagnostic.help is not None:
        out.append(f"  = help: {diagnostic.help.text(lang)}")
    for related in diagnostic.related:
        out.append(f"  = note: {related.span}: {related.message.text(lang)}")
    return "\n".join(out)


def render_text(diagnostics: Sequence[Diagnostic], lang: str) -> str:
    if not diagnostics:
        return ("Không có lỗi." if lang == "vi" else "No problems found.") + "\n"
    body = "\n\n".join(render_one(d, lang) for d in diagnostics)
    errors = sum(d.severity.value == "error" for d in diagnostics)
    warnings = sum(d.severity.value == "warning" for d in diagnostics)
    summary = (
        f"Tìm thấy {errors} lỗi, {warnings} cảnh báo."
        if lang == "vi"
        else f"Found {errors} error(s), {warnings} warning(s)."
    )
    return body + "\n\n" + summary + "\n"
