"""The text format, rustc/ruff style: `path:line:col: error[TT201] name: message`, the source
line with a caret under the span, then `= help:` and `= note:` lines for related places. In
Vietnamese the frame is the official's (`Lỗi [TT201]:`, `= Cách sửa:`, `= Chi tiết:`; `frame.py`)."""

from __future__ import annotations

from collections.abc import Sequence

from tthc.dsl import Diagnostic, Severity
from tthc.rules.report.colour import paint
from tthc.rules.report.frame import HELP, NOTE, SEVERITY_VI, counts_vi
from tthc.rules.report.neutral import line_start, one_line
from tthc.rules.report.report import Report
from tthc.rules.report.source_lines import source_line


def render_diagnostic(diagnostic: Diagnostic, lang: str, colour: bool = False) -> str:
    span = diagnostic.span
    severity = diagnostic.severity.value
    severity_vi = SEVERITY_VI[diagnostic.severity]  # the Vietnamese frame hides the rule name
    out = [
        paint(f"{line_start(span.path)}:{span.line}:{span.column}:", "path", colour)
        + " "
        + paint(f"{severity_vi} [{diagnostic.code}]", severity, colour)
        + f": {one_line(diagnostic.message.text(lang))}"
        if lang == "vi"
        else paint(f"{line_start(span.path)}:{span.line}:{span.column}:", "path", colour)
        + " "
        + paint(f"{severity}[{diagnostic.code}]", severity, colour)
        + f" {diagnostic.name}: {one_line(diagnostic.message.text(lang))}"
    ]
    text = source_line(span.path, span.line)
    if text is not None:
        text = text.replace("\t", " ")
        if span.end_line == span.line:
            width = span.end_column - span.column
        else:
            width = len(text) - span.column + 1
        gutter = f"{span.line:>4} | "
        out.append(paint(gutter, "gutter", colour) + one_line(text))
        caret = "^" * max(width, 1)
        out.append(" " * (len(gutter) + span.column - 1) + paint(caret, "caret", colour))
    if diagnostic.help is not None:
        help_text = one_line(diagnostic.help.text(lang))
        out.append(paint(f"  = {HELP[lang]}:", "help", colour) + f" {help_text}")
    for related in diagnostic.related:
        note = f"{related.span}: {related.message.text(lang)}"
        out.append(f"  = {NOTE[lang]}: {one_line(note)}")
    return "\n".join(out)


def summary_line(report: Report) -> str:
    errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
    infos = report.count(Severity.INFO)
    files = len(report.files)
    if report.lang == "vi":
        return counts_vi(files, errors, warnings, infos)
    if not report.diagnostics:
        return f"Checked {files} file(s): no problems found."
    return f"Checked {files} file(s): {errors} error(s), {warnings} warning(s), {infos} note(s)."


def render_text(report: Report) -> str:
    blocks = [render_diagnostic(d, report.lang, report.colour) for d in report.diagnostics]
    if report.summary:
        blocks.append(summary_line(report))
    return "".join(block + "\n\n" for block in blocks[:-1]) + (blocks[-1] + "\n" if blocks else "")


def render_diagnostics(diagnostics: Sequence[Diagnostic], lang: str, colour: bool = False) -> str:
    """Diagnostics of one stage (a configuration, a file to convert) without the summary."""
    return "".join(render_diagnostic(d, lang, colour) + "\n\n" for d in diagnostics)
