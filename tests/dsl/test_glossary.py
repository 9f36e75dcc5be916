"""The glossary (docs/thuat-ngu.md) gives every keyword and every value its Vietnamese term,
from the one table messages and the reader use (`tthc.dsl.glossary`, `…reading.aliases`)."""

from __future__ import annotations

from pathlib import Path

from tthc.dsl.glossary import KEYWORDS, glossary_markdown, keywords_for, term
from tthc.dsl.reading.aliases import ALIASES
from tthc.dsl.reading.syntax_errors import terminal_values
from tthc.dsl.yaml.keys import KEYS, TOP_LEVEL_KEYS

PAGE = Path(__file__).resolve().parents[2] / "docs" / "thuat-ngu.md"
MARK = "<!-- các bảng sinh từ tthc.dsl.glossary.glossary_markdown() -->\n"


def test_the_page_shows_the_tables_of_the_code() -> None:
    page = PAGE.read_text(encoding="utf-8")
    assert page.split(MARK, 1)[1] == glossary_markdown(), (
        "regenerate the part of docs/thuat-ngu.md after the mark from glossary_markdown()"
    )


def test_every_keyword_of_the_grammar_has_a_term() -> None:
    keywords = {
        words[0]
        for words in terminal_values().values()
        if len(words) == 1 and words[0][:1].isalpha()
    }
    assert keywords - set(KEYWORDS) == set()


def test_every_yaml_key_has_a_term() -> None:
    keys = {key for table in KEYS.values() for key in table} | set(TOP_LEVEL_KEYS)
    assert keys - set(KEYWORDS) == set()


def test_every_value_of_the_grammar_has_a_term() -> None:
    values = terminal_values()
    for terminal, table in ALIASES.items():
        assert set(table) == set(values[terminal]), terminal


def test_a_typed_term_leads_back_to_its_keyword() -> None:
    for keyword, words in KEYWORDS.items():
        assert term(keyword) == words[0]
        for word in words:
            assert keyword in [k for k, _ in keywords_for(word)], word
