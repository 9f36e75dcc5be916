"""Output formats for diagnostics: each module turns a `Report` into text of one format.

    text     rustc/ruff style, with the source line and a caret (people)
    concise  one line per finding (people, grep)
    json     documented, versioned schema (docs/json-format.md)
    sarif    SARIF 2.1.0 for code-scanning tools
    junit    JUnit XML, one test case per file and rule (GitLab, Jenkins)
    github   GitHub Actions workflow commands (annotations)

The CLI picks one with `--format`; rendering never happens inside a click command.
"""

from tthc.rules.report.render import FORMATS, render
from tthc.rules.report.report import Report

__all__ = ["FORMATS", "Report", "render"]
