"""A terminal's first characters (`tthc.dsl.reading.first_chars`): the ASCII characters its match
can begin with, so that a lexer passes over, uncompiled, a terminal that cannot match where it
stands. The answer may hold too many characters, never too few: a terminal passed over could
never have matched, so the parse is the same (tests/dsl/test_lalr_driver.py holds the driver
to Lark's result on every file, terminals tried in turn)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc.dsl.reading.first_chars import first_ascii
from tthc.dsl.reading.parser import _tables

ROOT = Path(__file__).resolve().parents[2]
TEXTS = sorted(
    {
        *(ROOT / "tests" / "dsl" / "constructs").glob("*.tthc"),
        *(ROOT / "tests" / "dsl" / "twins").glob("*.tthc"),
        *(ROOT / "examples").rglob("*.tthc"),
        *(ROOT / "procedures").rglob("*.tthc"),
    }
)


@pytest.mark.parametrize(
    ("pattern", "first"),
    [
        ("(?:collective|person|unit)", "cpu"),
        ("a*b", "ab"),  # what may be skipped adds its own
        ("(?:x|)y", "xy"),
        (r"\bfoo(?!\w)", "f"),  # assertions consume nothing
        ("(?=x)y", "y"),  # a look-ahead only narrows: y is kept
        (r"\d+", "0123456789"),
        ("[a-c\\-]x", "-abc"),
        (r"(a)\1", "a"),  # a back-reference after a character is never reached
        # Case-insensitive, as `re` has it: K and k for the Kelvin sign, S and s for the long s.
        ("(?i:(?:khong|không|co|có)(?!\\w))", "CKck"),
        ("(?i:\u212a)", "Kk"),
        ("(?i:\u017f)", "Ss"),
        ("(?i:(?:điều)(?!\\w))", ""),  # only a character outside ASCII can begin it
    ],
)
def test_the_first_characters_of_a_pattern(pattern: str, first: str) -> None:
    assert first_ascii(pattern) == first


@pytest.mark.parametrize(
    "pattern",
    ["a*", "(?:x|)", r"\b", "(a)?", r"(a)?\1b", "(?(1)a|b)", "[^\x80-\uffff]"],
    ids=[
        "may-be-empty",
        "empty-branch",
        "assertion",
        "optional",
        "back-reference",
        "conditional",
        "every-ascii",
    ],
)
def test_no_answer_when_a_match_may_be_empty_or_begin_with_any_ascii_character(
    pattern: str,
) -> None:
    assert first_ascii(pattern) is None


def test_every_match_of_a_terminal_in_the_procedures_begins_with_one_of_its_characters() -> None:
    tables = _tables()
    assert tables is not None
    assert len(tables.firsts) > 20  # the keywords of both languages, names, numbers, strings
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in TEXTS]
    for name, first in tables.firsts.items():
        regex = re.compile(tables.patterns[name])
        for text in texts:
            for found in regex.finditer(text):
                begins = found.group()[:1]
                assert begins >= "\x80" or begins in first, (name, found.group())


ALPHABET = st.sampled_from([*"abcdhkmnpstxyzACDKNST019 -_\"'\t", "ſ", "\u212a", "İ", "đ", "ấ"])


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_terminal_never_matches_a_text_that_begins_outside_its_characters(
    data: st.DataObject,
) -> None:
    tables = _tables()
    assert tables is not None
    name = data.draw(st.sampled_from(sorted(tables.firsts)))
    words = [w for w in re.findall(r"[^\W\d_]+", tables.patterns[name])] or ["x"]
    rest = data.draw(st.one_of(st.sampled_from(words), st.text(ALPHABET, max_size=8)))
    text = data.draw(ALPHABET) + rest
    if re.match(tables.patterns[name], text):
        assert text[0] >= "\x80" or text[0] in tables.firsts[name]
