"""What every format renders: `Report` (the checked files, the rules that ran, the diagnostics,
the language) and `render(report, format)`.

Input: the result of a check. Output: the text of one format. Paths in a report are as the
person gave them; formats that need paths relative to a root (SARIF) compute them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tthc.dsl import Diagnostic, Severity


@dataclass(frozen=True)
class Report:
    diagnostics: tuple[Diagnostic, ...]
    files: tuple[str, ...] = ()
    rule_codes: tuple[str, ...] = ()
    lang: str = "en"
    root: Path = field(default_factory=Path.cwd)
    tool_version: str = "0"
    summary: bool = True  # the closing "Checked N files" line of text and concise (--quiet)
    colour: bool = False  # ANSI styles in text and concise (`tthc check --color`)

    def count(self, severity: Severity) -> int:
        return sum(d.severity is severity for d in self.diagnostics)


def _text(report: Report) -> str:
    from tthc.rules.report.text import render_text

    return render_text(report)


def _concise(report: Report) -> str:
    from tthc.rules.report.concise import render_concise

    return render_concise(report)


def _json(report: Report) -> str:
    from tthc.rules.report.json_report import render_json

    return render_json(report)


def _sarif(report: Report) -> str:
    from tthc.rules.report.sarif import render_sarif

    return render_sarif(report)


def _junit(report: Report) -> str:
    from tthc.rules.report.junit import render_junit

    return render_junit(report)


def _github(report: Report) -> str:
    from tthc.rules.report.github import render_github

    return render_github(report)


FORMATS: dict[str, Callable[[Report], str]] = {
    "text": _text,
    "concise": _concise,
    "json": _json,
    "sarif": _sarif,
    "junit": _junit,
    "github": _github,
}


def render(report: Report, form: str) -> str:
    """The report in one format, always valid UTF-8: each format neutralises what it prints
    (`tthc.rules.report.neutral`); a string any of them missed is written out here as a last
    resort (JSON escapes it), never a crash when the report is written."""
    text = FORMATS[form](report)
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        if form in ("json", "sarif"):
            import json

            return json.dumps(json.loads(text), ensure_ascii=True, indent=2) + "\n"
        from tthc.rules.report.neutral import readable

        return readable(text)
    return text


# Formats people read; the others are for programs (English by default, no progress bar).
HUMAN_FORMATS = ("text", "concise")
