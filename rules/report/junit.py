"""JUnit XML: one test suite per file, one test case per file and rule that ran on it; a
rule with findings on the file is a failed test case listing them (GitLab, Jenkins). On a file
that could not be read (`STOPS_READING`: no document came out of it), the rules past reading
(TT1xx and up) never ran: their test cases are skipped, not passed. Characters XML forbids
(NUL, ESC, an undecodable byte of a file name) are written out (`neutral.xml_text`), and each
finding stays on its line of the failure's text (no line of it starts a workflow command)."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections import defaultdict

from tthc.dsl import Diagnostic, Severity
from tthc.rules.report.neutral import line_start, one_line, xml_text
from tthc.rules.report.report import Report

# Reading codes after which a file yields no document (syntax error, unknown keyword, a YAML
# bomb or size limit, unreadable bytes). TT003 is not among them: a DSL file with a wrong
# value is still read and checked.
STOPS_READING = frozenset({"TT001", "TT002", "TT006", "TT008"})


def render_junit(report: Report) -> str:
    by_file: dict[str, dict[str, list[Diagnostic]]] = defaultdict(lambda: defaultdict(list))
    for diagnostic in report.diagnostics:
        by_file[diagnostic.span.path][diagnostic.code].append(diagnostic)
    files = list(dict.fromkeys([*report.files, *by_file]))
    suites = ElementTree.Element("testsuites", name="tthc")
    total_tests = total_failures = total_skipped = 0
    for file in files:
        findings, path = by_file.get(file, {}), xml_text(file)
        codes = sorted({*report.rule_codes, *findings})
        suite = ElementTree.SubElement(suites, "testsuite", name=path)
        failures = skipped = 0
        unread = any(
            d.severity is Severity.ERROR for code in STOPS_READING for d in findings.get(code, [])
        )
        for code in codes:
            case = ElementTree.SubElement(suite, "testcase", classname=path, name=code, file=path)
            if unread and not code.startswith("TT0") and code not in findings:
                skipped += 1
                ElementTree.SubElement(case, "skipped", message=_NOT_RUN[report.lang == "vi"])
                continue
            failing = [d for d in findings.get(code, []) if d.severity is not Severity.INFO]
            if failing:
                failures += 1
                failure = ElementTree.SubElement(
                    case,
                    "failure",
                    message=xml_text(failing[0].message.text(report.lang)),
                    type=failing[0].severity.value,
                )
                failure.text = xml_text(
                    "\n".join(
                        f"{line_start(d.span.path)}:{d.span.line}:{d.span.column}: {d.severity.value}"
                        f"[{d.code}] {d.name}: {one_line(d.message.text(report.lang))}"
                        for d in failing
                    )
                )
        suite.set("tests", str(len(codes)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", str(skipped))
        total_tests += len(codes)
        total_failures += failures
        total_skipped += skipped
    suites.set("tests", str(total_tests))
    suites.set("failures", str(total_failures))
    suites.set("errors", "0")
    suites.set("skipped", str(total_skipped))
    ElementTree.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + ElementTree.tostring(suites, encoding="unicode")
        + "\n"
    )


_NOT_RUN = (
    "Not run: the file could not be read (see the reading test cases)",
    "Không chạy: tệp không đọc được (xem các mục kiểm tra đọc tệp)",
)
