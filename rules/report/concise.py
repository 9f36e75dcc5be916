"""The concise format: one line per finding, `path:line:col: TT201 [error] message`
(`[Lỗi]` in Vietnamese)."""

from __future__ import annotations

from tthc.rules.report.colour import paint
from tthc.rules.report.frame import severity_word
from tthc.rules.report.neutral import line_start, one_line
from tthc.rules.report.report import Report
from tthc.rules.report.text import summary_line


def render_concise(report: Report) -> str:
    on = report.colour
    lines = [
        paint(f"{line_start(d.span.path)}:{d.span.line}:{d.span.column}:", "path", on)
        + " "
        + paint(d.code, "code", on)
        + " "
        + paint(f"[{severity_word(d.severity, report.lang)}]", d.severity.value, on)
        + f" {one_line(d.message.text(report.lang))}"
        for d in report.diagnostics
    ]
    if report.summary:
        lines.append(summary_line(report))
    return "".join(line + "\n" for line in lines)
