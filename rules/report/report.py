"""What every format renders: `Report` (the checked files, the rules that ran, the diagnostics,
the language); `render.py` picks the format.

Input: the result of a check. Output: the text of one format. Paths in a report are as the
person gave them; formats that need paths relative to a root (SARIF) compute them.
"""

from __future__ import annotations

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


# Formats people read; the others are for programs (English by default, no progress bar).
HUMAN_FORMATS = ("text", "concise")
