"""Every citation a user reads can be followed: to the law itself (document number, article,
issuer) or to the project's own documentation, never to notes that are not in the repository
(the design notes the rules were written from). Checked on what a user sees: `tthc explain`
for every code in both languages, `tthc rules`, the JSON Schema, the documentation, the
README, the examples, the corpus (its registry ships in the package) and the shipped code (whose docstrings become `explain`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tthc.cli.main import main
from tthc.dsl import CODES

ROOT = Path(__file__).resolve().parent.parent
OUTSIDE = re.compile(r"BRIEF(\.md|\b)|LEGAL-TEXTS|/work/shared")
SHIPPED = sorted(
    [
        ROOT / "README.md",
        *(ROOT / "docs").rglob("*.md"),
        *(ROOT / "docs").rglob("*.json"),
        *(p for p in (ROOT / "examples").rglob("*") if p.is_file()),
        *(p for p in (ROOT / "procedures").rglob("*") if p.is_file()),  # the registry ships
        *(
            p
            for layer in ("dsl", "compiler", "rules", "cli", "namespace")
            for p in (ROOT / layer).rglob("*")
            if p.suffix in {".py", ".lark", ".md"}
        ),
    ]
)


def outside_citations(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if OUTSIDE.search(line)]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_explain_cites_no_file_outside_the_repository(lang: str) -> None:
    found = {}
    for code in CODES:
        result = CliRunner().invoke(main, ["explain", code, "--lang", lang])
        assert result.exit_code == 0, result.output
        if outside_citations(result.stdout):
            found[code] = outside_citations(result.stdout)
    assert found == {}


@pytest.mark.parametrize(
    "command", [["rules", "--format", "markdown"], ["rules", "--format", "json"], ["schema"]]
)
def test_generated_references_cite_no_file_outside_the_repository(command: list[str]) -> None:
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 0
    assert outside_citations(result.stdout) == []


def test_shipped_files_cite_no_file_outside_the_repository() -> None:
    found = {
        str(path.relative_to(ROOT)): lines
        for path in SHIPPED
        if (lines := outside_citations(path.read_text(encoding="utf-8", errors="replace")))
    }
    assert found == {}


def test_the_pattern_catches_the_forms_the_notes_were_cited_in() -> None:
    for cited in ("(BRIEF.md §3.1)", "BRIEF §6.4", "(LEGAL-TEXTS §4.2, P)", "LEGAL-TEXTS.md"):
        assert outside_citations(cited) == [cited]
    assert outside_citations("Decree 63/2010/NĐ-CP Art. 8(1); docs/rules.md") == []
