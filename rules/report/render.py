"""`render(report, format)`: a `Report` → the text of one format, the format's module imported
only when it is asked for (a run renders one format).

Input: a `Report` and a format name of `FORMATS`. Output: the text. The format modules import
`Report` from `report.py` and nothing imports this module back, so the reports have no cycle.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from tthc.rules.report.report import Report


def _lazy(module: str, function: str) -> Callable[[Report], str]:
    def render(report: Report) -> str:
        found: Callable[[Report], str] = getattr(
            importlib.import_module(f"tthc.rules.report.{module}"), function
        )
        return found(report)

    return render


FORMATS: dict[str, Callable[[Report], str]] = {
    "text": _lazy("text", "render_text"),
    "concise": _lazy("concise", "render_concise"),
    "json": _lazy("json_report", "render_json"),
    "sarif": _lazy("sarif", "render_sarif"),
    "junit": _lazy("junit", "render_junit"),
    "github": _lazy("github", "render_github"),
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
