"""Syntax errors read like advice: the catalogue of common mistakes, lexical mistakes, and the
plain-words list of what was expected.

Each file under `mistakes/` is a realistic file with one mistake; `EXPECTED` says which code,
where, and which entry of the catalogue words it. The catalogue's own examples are checked too:
each must fail, and fail in a way that Lark's `match_examples` ties to its own entry.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lark.exceptions import UnexpectedInput

from tthc.dsl import Diagnostic, parse_path
from tthc.dsl.reading.grammar import tree_parser
from tthc.dsl.reading.parser import parse_dsl, parse_fragment
from tthc.dsl.reading.syntax_catalogue import CATALOGUE, LEXICAL, Mistake
from tthc.dsl.reading.syntax_errors import expected_words, match_catalogue, terminal_values

HERE = Path(__file__).resolve().parent
MISTAKES = HERE / "mistakes"

# file (= entry label) → code, line, column of the diagnostic
EXPECTED: dict[str, tuple[str, int, int]] = {
    "missing-closing-brace": ("TT001", 15, 4),
    "missing-opening-brace": ("TT001", 4, 5),
    "outside-declaration": ("TT001", 5, 3),
    "extra-closing-brace": ("TT001", 7, 1),
    "unknown-keyword": ("TT002", 4, 3),
    "by-without-authority": ("TT001", 3, 46),
    "missing-value": ("TT001", 4, 3),
    "unquoted-text": ("TT001", 3, 10),
    "unquoted-code": ("TT001", 2, 11),
    "date-format": ("TT003", 4, 13),
    "duration-without-unit": ("TT001", 5, 5),
    "decimal-comma": ("TT001", 4, 22),
    "unit-without-number": ("TT001", 3, 12),
    "missing-comma": ("TT001", 3, 34),
    "arrow-without-target": ("TT001", 6, 3),
    "flow-without-arrow": ("TT001", 4, 15),
    "when-without-outcome": ("TT001", 4, 32),
    "all-not-closed": ("TT001", 4, 5),
    "step-without-kind": ("TT001", 4, 15),
    "step-kind-misspelled": ("TT003", 4, 15),
    "step-without-title": ("TT001", 3, 25),
    "art-without-number": ("TT001", 3, 31),
    "fee-amount-format": ("TT001", 3, 9),
    "block-not-closed-before-next": ("TT001", 6, 8),
    "smart-quotes": ("TT001", 3, 10),
    "single-quotes": ("TT001", 2, 14),
    "unterminated-string": ("TT001", 2, 10),
    "wrong-arrow": ("TT001", 4, 15),
    "identifier-not-ascii": ("TT001", 4, 5),
    "unquoted-words": ("TT001", 2, 9),
    "keyword-case": ("TT002", 3, 3),
    "value-case": ("TT003", 3, 9),
    "colon-after-keyword": ("TT001", 2, 8),
    "slash-comment": ("TT001", 2, 21),
    "stray-character": ("TT001", 2, 18),
    "tie-order": ("TT001", 3, 72),
    "misspelled-keyword": ("TT002", 3, 3),
    "misspelled-value": ("TT003", 3, 9),
    "quoted-citation": ("TT001", 3, 9),
    "citation-order": ("TT001", 3, 9),
    "citation-not-identifier": ("TT001", 3, 9),
}
# Mistakes told by difflib rather than by an entry: a keyword or a value close to the word.
SUGGESTIONS = {
    "misspelled-keyword": r"Unknown keyword 'aplicants'",
    "misspelled-value": r"Invalid value 'comune'",
}
FILES = sorted(MISTAKES.glob("*.tthc"))


def _only(diagnostics: list[Diagnostic]) -> Diagnostic:
    assert len(diagnostics) == 1, [f"{d.span} {d.code} {d.message.en}" for d in diagnostics]
    return diagnostics[0]


def _pattern(mistake: Mistake) -> str:
    """The entry's English message as a regular expression: placeholders match any words."""
    return re.sub(r"\\\{\w+\\\}", ".+", re.escape(mistake.en))


def test_every_entry_has_a_realistic_file() -> None:
    labels = {*CATALOGUE, *LEXICAL, *SUGGESTIONS}
    assert {p.stem for p in FILES} == labels == set(EXPECTED)
    assert len(CATALOGUE) + len(LEXICAL) >= 20


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_realistic_mistake_is_worded_by_its_entry(path: Path) -> None:
    code, line, column = EXPECTED[path.stem]
    diagnostic = _only(parse_path(path).diagnostics)
    assert (diagnostic.code, diagnostic.span.line, diagnostic.span.column) == (code, line, column)
    mistake = CATALOGUE.get(path.stem) or LEXICAL.get(path.stem)
    pattern = SUGGESTIONS[path.stem] if mistake is None else _pattern(mistake)
    assert re.match(pattern, diagnostic.message.en), diagnostic.message.en
    assert diagnostic.help is not None and diagnostic.help.vi and diagnostic.help.en
    if mistake is None or mistake.lists_expected:
        assert "Expected: " in diagnostic.help.en and "Cần: " in diagnostic.help.vi


@pytest.mark.parametrize("label", sorted(CATALOGUE))
def test_realistic_file_is_matched_by_match_examples(label: str) -> None:
    text = (MISTAKES / f"{label}.tthc").read_text(encoding="utf-8")
    with pytest.raises(UnexpectedInput) as caught:
        tree_parser().parse(text, start="start")
    assert match_catalogue(caught.value) == label


@pytest.mark.parametrize("label", sorted(CATALOGUE))
def test_catalogue_examples_fail_as_their_own_entry(label: str) -> None:
    for example in CATALOGUE[label].examples:
        with pytest.raises(UnexpectedInput) as caught:
            tree_parser().parse(example, start="start")
        assert match_catalogue(caught.value) == label, example
    for start, fragment in CATALOGUE[label].fragments:
        with pytest.raises(UnexpectedInput) as caught:
            tree_parser().parse(fragment, start=start)
        assert match_catalogue(caught.value) == label, fragment


@pytest.mark.parametrize("label", sorted(LEXICAL))
def test_lexical_examples_are_worded_by_their_entry(label: str) -> None:
    mistake = LEXICAL[label]
    for example in mistake.examples:
        diagnostic = _only(parse_dsl("example.tthc", example).diagnostics)
        assert diagnostic.code == mistake.code
        assert re.match(_pattern(mistake), diagnostic.message.en), (example, diagnostic.message.en)


def test_entries_are_bilingual_with_a_help() -> None:
    for mistake in [*CATALOGUE.values(), *LEXICAL.values()]:
        assert mistake.vi and mistake.en and mistake.help_vi and mistake.help_en
        assert mistake.vi != mistake.en and mistake.examples


def test_missing_brace_points_at_the_block_left_open() -> None:
    diagnostic = _only(parse_path(MISTAKES / "missing-closing-brace.tthc").diagnostics)
    assert [(r.span.line, r.span.column) for r in diagnostic.related] == [(2, 40)]


def test_inner_block_left_open_is_found_by_indentation() -> None:
    text = (
        'procedure "1.000656" "Đăng ký khai tử" {\n'
        "  steps {\n"
        '    tiep_nhan reception "Tiếp nhận hồ sơ"\n'
        "}\n"
    )
    diagnostic = _only(parse_dsl("open.tthc", text).diagnostics)
    assert diagnostic.message.en.startswith("A block is not closed")
    assert [(r.span.line, r.span.column) for r in diagnostic.related] == [(2, 9)]


def test_expected_tokens_are_listed_in_plain_words() -> None:
    diagnostic = _only(parse_path(MISTAKES / "step-without-kind.tthc").diagnostics)
    assert diagnostic.help is not None
    assert "a kind of step (apology, consultation, decision" in diagnostic.help.en
    assert "loại bước (apology" in diagnostic.help.vi
    words = expected_words({"RBRACE", "FIELD", "__ANON_0", "NAME", "NOTIFIES_APPLICANT"}, "en")
    assert words == ["an identifier (e.g. tiep_nhan)", "'}'", "'field'", "'level'",
                     "'notifies applicant'"]  # fmt: skip


def test_every_terminal_has_plain_words() -> None:
    names = {terminal.name for terminal in tree_parser().terminals} - {"WS", "COMMENT"}
    for name in names:
        assert expected_words({name}, "en"), name
        assert not re.search(r"[A-Z_]{3,}", expected_words({name}, "vi")[0]), name
    assert terminal_values()["STEP_KIND"][:2] == ("apology", "consultation")


def test_end_of_a_yaml_value_is_not_called_end_of_file() -> None:
    value, problems = parse_fragment("3", "duration", "p.yaml", 7, 12)
    assert value is None
    diagnostic = _only(problems)
    assert diagnostic.message.en.startswith("A duration has no unit")
    assert (diagnostic.span.line, diagnostic.span.column) == (7, 13)


def test_misspelled_step_kind_suggests_the_closest_kind() -> None:
    text = (
        'procedure "1.000656" "Đăng ký khai tử" {\n  steps {\n'
        '    tiep_nhan recepton "Tiếp nhận hồ sơ"\n  }\n}\n'
    )
    diagnostic = _only(parse_dsl("kind.tthc", text).diagnostics)
    assert diagnostic.code == "TT003"
    assert diagnostic.message.en == "'recepton' is not a kind of step"
    assert diagnostic.help is not None and diagnostic.help.en.startswith(
        "Did you mean 'reception'?"
    )


def test_identifier_with_accents_suggests_its_ascii_spelling() -> None:
    diagnostic = _only(parse_path(MISTAKES / "identifier-not-ascii.tthc").diagnostics)
    assert diagnostic.help is not None and "ky_trich_luc" in diagnostic.help.en
    assert (diagnostic.span.end_line, diagnostic.span.end_column) == (4, 17)


def test_date_in_day_month_year_form_is_read_whole() -> None:
    diagnostic = _only(parse_path(MISTAKES / "date-format.tthc").diagnostics)
    assert diagnostic.message.en.endswith("(found '15/08/2025')")
