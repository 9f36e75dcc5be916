"""GitHub Actions workflow commands: `::error file=…,line=…,col=…,endColumn=…,title=…::message`.

Chosen automatically when `GITHUB_ACTIONS=true`. Values are escaped as the runner expects:
`%`, CR and LF everywhere, and also `:` and `,` inside properties; other control characters
and undecodable bytes of file names are written out first (`tthc.rules.report.neutral`).
"""

from __future__ import annotations

from tthc.dsl import CODES, Diagnostic, Severity
from tthc.rules.report.neutral import one_line
from tthc.rules.report.report import Report

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def title(diagnostic: Diagnostic, lang: str) -> str:
    """`TT501 deadline-exceeded`; in Vietnamese the code's Vietnamese title instead of the name."""
    code = CODES.get(diagnostic.code)
    if lang == "vi" and code is not None:
        return f"{diagnostic.code} {code.title.vi}"
    return f"{diagnostic.code} {diagnostic.name}"


def annotation(diagnostic: Diagnostic, lang: str) -> str:
    span = diagnostic.span
    properties = [
        f"file={escape_property(one_line(span.path))}",
        f"line={span.line}",
        f"col={span.column}",
    ]
    if span.end_line != span.line:
        properties.append(f"endLine={span.end_line}")
    else:
        properties.append(f"endColumn={span.end_column}")
    properties.append(f"title={escape_property(title(diagnostic, lang))}")
    message = one_line(diagnostic.message.text(lang))
    if diagnostic.help is not None:
        message += "\n" + one_line(diagnostic.help.text(lang))
    return f"::{COMMANDS[diagnostic.severity]} {','.join(properties)}::{escape_data(message)}"


def render_github(report: Report) -> str:
    return "".join(annotation(d, report.lang) + "\n" for d in report.diagnostics)
