"""`--statistics`: how many findings of each code, most frequent first, instead of each finding.

Input: a `Report`. Output: one line per code, `  12  TT201  re-decentralization  error`, then the
summary line (people read it; a program reads the JSON format's diagnostics instead).
"""

from __future__ import annotations

from collections import Counter

from tthc.dsl import CODES, Diagnostic
from tthc.rules.report.frame import severity_word
from tthc.rules.report.report import Report
from tthc.rules.report.text import summary_line


def _label(diagnostic: Diagnostic, lang: str) -> str:
    """`re-decentralization  error`; in Vietnamese `Lỗi  <the code's Vietnamese title>`."""
    code = CODES.get(diagnostic.code)
    if lang == "vi" and code is not None:
        return f"{severity_word(diagnostic.severity, lang)}  {code.title.vi}"
    return f"{diagnostic.name}  {diagnostic.severity.value}"


def render_statistics(report: Report) -> str:
    counts = Counter(d.code for d in report.diagnostics)
    first: dict[str, Diagnostic] = {}
    for diagnostic in report.diagnostics:
        first.setdefault(diagnostic.code, diagnostic)
    width = max((len(str(n)) for n in counts.values()), default=1)
    lines = [
        f"{count:>{width}}  {code}  {_label(first[code], report.lang)}"
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    if report.summary:
        lines.append(summary_line(report))
    return "".join(line + "\n" for line in lines)
