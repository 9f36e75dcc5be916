"""The rule reference as Markdown (`docs/rules.md`), generated from the code table and the rule
docstrings, so the documentation can never drift from the checks; each code has an anchor
(`#tt201`).

Input: `CODES`, `RULES`. Output: one Markdown page, English, with each title in Vietnamese too.
"""

from __future__ import annotations

from tthc.dsl import CODES, Code
from tthc.rules.report.catalogue import BASE_NOTE, FAMILIES, SECTIONS, documentation, parse_doc
from tthc.rules.report.fragments import BASE

HEADER = """# Rule reference

Generated from the rule docstrings by `tthc rules --format markdown`; do not edit by hand.
Every code is stable: it never changes meaning once released. `tthc explain CODE` prints one
entry in the terminal, in Vietnamese (`--lang vi`) or English.
"""


def markdown_reference() -> str:
    parts = [HEADER, _base(), _index()]
    for family in FAMILIES:
        codes = [code for code in CODES.values() if code.code.startswith(family)]
        _, title = FAMILIES[family]
        parts.append(f"## {family}xx — {title.en} ({title.vi})\n")
        parts.extend(_entry(code) for code in codes)
    return "\n".join(parts).rstrip("\n") + "\n"


def _base() -> str:
    """The base procedure, shown once: the examples marked `tthc fragment` apply to it."""
    return (
        '<a id="base-procedure"></a>\n\n'
        f"**The base procedure.** {BASE_NOTE.en} ({BASE_NOTE.vi})\n\n"
        f"```tthc\n{BASE}```\n"
    )


def _index() -> str:
    rows = ["| code | name | severity | title | tiêu đề |", "|---|---|---|---|---|"]
    rows += [
        f"| [{c.code}](#{c.code.lower()}) | `{c.name}` | {c.severity.value} | {c.title.en} "
        f"| {c.title.vi} |"
        for c in CODES.values()
    ]
    return "\n".join(rows) + "\n"


def _entry(code: Code) -> str:
    out = [
        f'<a id="{code.code.lower()}"></a>',
        f"### {code.code} `{code.name}` ({code.severity.value})\n",
        f"**{code.title.en}** — *{code.title.vi}*\n",
    ]
    text = documentation(code.code)
    if text is None:
        out.append("No rule checks this code in this version.\n")
        return "\n".join(out)
    doc = parse_doc(text)
    out.append(doc.summary + "\n")
    for section, _ in SECTIONS:
        text = doc.sections.get(section)
        if text:
            out += [f"**{section}**\n", _fences(text) + "\n"]
            if "```tthc fragment" in text:
                out.append("*Applied to the [base procedure](#base-procedure).*\n")
    return "\n".join(out)


def _fences(text: str) -> str:
    """Docstring snippets are indented fenced blocks; Markdown wants them flush left."""
    lines, inside = [], False
    for line in text.split("\n"):
        if line.strip().startswith("```"):
            inside = not inside
            lines.append(line.strip())
        else:
            lines.append(line)
    return "\n".join(lines)
