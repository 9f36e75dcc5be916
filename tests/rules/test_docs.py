"""Every rule's docstring is its documentation (RULES-CONVENTIONS): a one-line summary and four
sections; *Why it matters* cites a legal source; the *Example* snippet, checked together with
the test registry, produces the rule's code and the *Use instead* snippet does not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tthc.rules import RULES, Config, Rule, check_paths
from tthc.rules.report.catalogue import SECTIONS, parse_doc

HERE = Path(__file__).resolve().parent
REGISTRY = HERE / "registry"
# A law, decree, circular, resolution or decision with its number, an article, or a document
# number such as 118/2025/NĐ-CP.
LEGAL_SOURCE = re.compile(
    r"\b(?:Law|Decree|Circular|Resolution|Decision|Labour Code|Luật|Nghị định|Thông tư"
    r"|Nghị quyết|Quyết định)\b[^.\n]{0,40}?\d+"
    r"|\bArt(?:icle|s?\.)\s*\d+"
    r"|\b\d+/\d{4}/[A-ZĐ]"
)
SUFFIX = {"tthc": ".tthc", "yaml": ".yaml", "yml": ".yml"}


def by_code(rule: Rule) -> str:
    return rule.code


@pytest.mark.parametrize("rule", RULES, ids=by_code)
def test_the_docstring_has_a_summary_and_the_four_sections(rule: Rule) -> None:
    doc = parse_doc(rule.doc)
    assert doc.summary, "the first line says the bad thing"
    missing = [name for name, _ in SECTIONS if not doc.sections.get(name)]
    assert missing == []


@pytest.mark.parametrize("rule", RULES, ids=by_code)
def test_why_it_matters_cites_a_legal_source(rule: Rule) -> None:
    assert LEGAL_SOURCE.search(parse_doc(rule.doc).sections.get("Why it matters", ""))


def codes_of(rule: Rule, section: str, folder: Path) -> set[str]:
    doc = parse_doc(rule.doc)
    text = doc.sections.get(section, "")
    language = re.search(r"```(\w+)", text)
    snippet = doc.snippet(section)
    assert language is not None and snippet is not None, f"no fenced snippet in {section}"
    path = folder / f"{rule.code}{SUFFIX[language.group(1)]}"
    path.write_text(snippet, encoding="utf-8")
    _, diagnostics = check_paths([path], Config(), registry=[REGISTRY])
    return {d.code for d in diagnostics}


@pytest.mark.parametrize("rule", RULES, ids=by_code)
def test_the_example_produces_the_code(rule: Rule, tmp_path: Path) -> None:
    assert rule.code in codes_of(rule, "Example", tmp_path)


@pytest.mark.parametrize("rule", RULES, ids=by_code)
def test_use_instead_does_not_produce_the_code(rule: Rule, tmp_path: Path) -> None:
    assert rule.code not in codes_of(rule, "Use instead", tmp_path)
