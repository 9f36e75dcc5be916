"""SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure DevOps, SonarQube).

Stable `ruleId` (the code), rule metadata from the code table and the rule docstrings (the
whole of `tthc explain` as the rule's `help`; no `helpUri` nor `informationUri`: the project
has no published address to point to, and a link nothing confirms would lead nowhere), regions with start/end line and column (Unicode code points, as we count),
`partialFingerprints` that survive unrelated edits, and paths relative to `%SRCROOT%`.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

from tthc.dsl import CODES, Diagnostic, Severity, Span
from tthc.rules.report.neutral import path_uri, readable
from tthc.rules.report.report import Report
from tthc.rules.report.source_lines import source_line

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rule_descriptor(code: str) -> dict[str, Any]:
    from tthc.rules.registry import BY_CODE

    entry = CODES[code]
    rule = BY_CODE.get(code)
    doc = rule.doc if rule is not None else ""
    summary = doc.strip().split("\n", 1)[0] if doc else entry.title.en
    return {
        "id": code,
        "name": entry.name,
        "shortDescription": {"text": entry.title.en},
        "fullDescription": {"text": summary},
        "help": {"text": _plain(doc) or entry.title.en},
        "defaultConfiguration": {"level": LEVELS[entry.severity]},
        "properties": {"tags": [entry.family], "title-vi": entry.title.vi},
    }


def _plain(doc: str) -> str:
    """The docstring flush left; examples written as fragments are followed by the base
    procedure they apply to, as in `tthc explain`."""
    from tthc.rules.report.catalogue import BASE_NOTE, parse_doc
    from tthc.rules.report.fragments import BASE

    lines = [line.strip() for line in doc.strip().splitlines()]
    if doc and parse_doc(doc).has_fragment:
        lines += ["", "The base procedure:", BASE_NOTE.en, "```tthc", *BASE.splitlines(), "```"]
    return "\n".join(lines)


def _uri(path: str, root: Path) -> dict[str, str]:
    absolute = Path(path).resolve()
    try:
        relative = absolute.relative_to(root.resolve()).as_posix()
        return {"uri": path_uri(relative), "uriBaseId": "%SRCROOT%"}
    except ValueError:
        return {"uri": absolute.as_uri()}


def _location(span: Span, root: Path, message: str | None = None) -> dict[str, Any]:
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": _uri(span.path, root),
            "region": {
                "startLine": span.line,
                "startColumn": span.column,
                "endLine": span.end_line,
                "endColumn": span.end_column,
            },
        }
    }
    if message is not None:
        location["message"] = {"text": readable(message)}
    return location


def _fingerprint(diagnostic: Diagnostic, root: Path, seen: Counter[str]) -> str:
    """Hash of the code, the file and the text of the line, plus an occurrence number: it stays
    the same when lines are added above, and changes when the line itself changes."""
    span = diagnostic.span
    line = (source_line(span.path, span.line) or "").strip()
    uri = _uri(span.path, root)["uri"]
    digest = hashlib.sha256(f"{diagnostic.code}\0{uri}\0{line}".encode()).hexdigest()[:32]
    seen[digest] += 1
    return f"{digest}:{seen[digest]}"


def sarif_data(report: Report) -> dict[str, Any]:
    # The rules of the results only: code scanning needs no more, and the file stays small.
    codes = sorted({d.code for d in report.diagnostics})
    index = {code: number for number, code in enumerate(codes)}
    seen: Counter[str] = Counter()
    results = []
    for diagnostic in report.diagnostics:
        result: dict[str, Any] = {
            "ruleId": diagnostic.code,
            "ruleIndex": index[diagnostic.code],
            "level": LEVELS[diagnostic.severity],
            "message": {"text": _message_text(diagnostic, report.lang)},
            "locations": [_location(diagnostic.span, report.root)],
            "partialFingerprints": {
                "primaryLocationLineHash": _fingerprint(diagnostic, report.root, seen)
            },
        }
        if diagnostic.related:
            result["relatedLocations"] = [
                {"id": number, **_location(r.span, report.root, r.message.text(report.lang))}
                for number, r in enumerate(diagnostic.related, start=1)
            ]
        results.append(result)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "tthc",
                        "version": report.tool_version,
                        "semanticVersion": report.tool_version,
                        "rules": [_rule_descriptor(code) for code in codes],
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": report.root.resolve().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _message_text(diagnostic: Diagnostic, lang: str) -> str:
    text = diagnostic.message.text(lang)
    if diagnostic.help is not None:
        text += "\n" + ("Gợi ý: " if lang == "vi" else "Help: ") + diagnostic.help.text(lang)
    return readable(text)


def render_sarif(report: Report) -> str:
    return json.dumps(sarif_data(report), ensure_ascii=False, indent=2) + "\n"
