"""The rule reference (docs/rules.md) is generated from the docstrings and is up to date, and
the documentation of the reading codes (TT0xx) shows examples that behave as it says."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tthc.dsl.code_docs import CODE_DOCS
from tthc.rules import Config, check_paths
from tthc.rules.report.catalogue import parse_doc
from tthc.rules.report.reference import markdown_reference

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "docs" / "rules.md"


def test_rule_reference_is_up_to_date() -> None:
    text = markdown_reference()
    if os.environ.get("TTHC_UPDATE_GOLDEN"):
        REFERENCE.write_text(text, encoding="utf-8")
    assert REFERENCE.read_text(encoding="utf-8") == text, (
        "docs/rules.md is stale: run `tthc rules --format markdown > docs/rules.md`"
    )


def test_every_code_has_an_anchor_for_sarif_help() -> None:
    text = markdown_reference()
    from tthc.dsl import CODES

    assert all(f'<a id="{code.lower()}"></a>' in text for code in CODES)


SNIPPETS = [(code, doc) for code, doc in CODE_DOCS.items() if "```tthc" in doc]


@pytest.mark.parametrize(("code", "doc"), SNIPPETS, ids=[c for c, _ in SNIPPETS])
def test_reading_code_examples_behave_as_documented(code: str, doc: str, tmp_path: Path) -> None:
    parsed = parse_doc(doc)
    results = {}
    for section in ("Example", "Use instead"):
        snippet = parsed.snippet(section)
        assert snippet is not None
        path = tmp_path / f"{section.replace(' ', '_')}.tthc"
        path.write_text(snippet, encoding="utf-8")
        _, diagnostics = check_paths([path], Config(), registry=[ROOT / "tests/rules/registry"])
        results[section] = {d.code for d in diagnostics if d.span.path == str(path)}
    assert code in results["Example"]
    assert code not in results["Use instead"]
