"""Terminals of `grammar.lark` written for speed match exactly what their plain forms match.

`NAME` and `STRING` are the commonest tokens of a procedure; `re` matches their written forms
faster, which only holds if every text reads the same. Checked on every string of up to five
characters drawn from the characters that matter to each (all start positions), so a change to
either regex that reads one text differently fails here.
"""

from __future__ import annotations

import re
from itertools import product

import pytest

from tthc.dsl.reading.grammar import grammar_text

PLAIN = {
    "NAME": r"[a-z][a-z0-9_]*(-[a-z0-9_]+)*(\.[a-z][a-z0-9_]*(-[a-z0-9_]+)*)*",
    "STRING": r'"([^"\\\n]|\\.)*"',
}
# Each class of character the regexes tell apart, once.
ALPHABETS = {"NAME": "a0_-.A #", "STRING": 'a"\\\n .'}


def written(terminal: str) -> str:
    match = re.search(rf"^{terminal}: /(.*)/$", grammar_text(), re.MULTILINE)
    assert match is not None, terminal
    return match.group(1)


@pytest.mark.parametrize("terminal", sorted(PLAIN))
def test_the_fast_form_reads_every_text_as_the_plain_form(terminal: str) -> None:
    fast, plain = re.compile(written(terminal)), re.compile(PLAIN[terminal])
    assert fast.pattern != plain.pattern
    checked = 0
    for size in range(6):
        for letters in product(ALPHABETS[terminal], repeat=size):
            text = "".join(letters)
            for start in range(size + 1):
                one, other = fast.match(text, start), plain.match(text, start)
                assert (one and one.span()) == (other and other.span()), (text, start)
                checked += 1
    assert checked > 30_000


def test_an_escaped_quote_stays_inside_a_string_and_a_line_break_ends_none() -> None:
    string = re.compile(written("STRING"))
    assert string.fullmatch(r'"say \"hi\" \\"')
    assert string.match('"a\nb"') is None
    assert string.match(r'"a\"') is None
