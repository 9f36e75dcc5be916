"""The JSON format, version 1 (documented in docs/json-format.md, schema in
docs/json-format.schema.json). Both languages are always present: a machine picks one. An undecodable byte of a file name is
written `\\xff` (`neutral.readable`): the output is always UTF-8."""

from __future__ import annotations

import json
from typing import Any

from tthc.dsl import Diagnostic, Message, Severity, Span
from tthc.rules.report.neutral import readable
from tthc.rules.report.report import Report

SCHEMA_VERSION = 1


def _span(span: Span) -> dict[str, Any]:
    return {
        "path": readable(span.path),
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
    }


def _message(message: Message | None) -> dict[str, str] | None:
    return None if message is None else {"vi": readable(message.vi), "en": readable(message.en)}


def diagnostic_data(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "code": diagnostic.code,
        "name": diagnostic.name,
        "severity": diagnostic.severity.value,
        "message": _message(diagnostic.message),
        "help": _message(diagnostic.help),
        "span": _span(diagnostic.span),
        "related": [
            {"span": _span(r.span), "message": _message(r.message)} for r in diagnostic.related
        ],
    }


def render_json(report: Report) -> str:
    data = {
        "version": SCHEMA_VERSION,
        "tool": {"name": "tthc", "version": report.tool_version},
        "summary": {
            "files": len(report.files),
            "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARNING),
            "infos": report.count(Severity.INFO),
        },
        "diagnostics": [diagnostic_data(d) for d in report.diagnostics],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
