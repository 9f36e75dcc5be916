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
    return FORMATS[form](report)
