"""Every code of the catalogue that a rule must find has a rule in `RULES`: the families TT1
to TT7 and TT901/TT902. TT0xx are found while reading files and TT999 by the runner when a
check crashes, so they have no rule."""

from __future__ import annotations

from tthc.dsl import CODES
from tthc.rules import BY_CODE, RULES

FOUND_ELSEWHERE = {"TT999"}  # the runner reports a crashing check


def test_every_catalogue_code_of_the_rule_families_has_a_rule() -> None:
    wanted = [
        code
        for code in CODES
        if code[2] in "1234567" or (code[2] == "9" and code not in FOUND_ELSEWHERE)
    ]
    assert [code for code in wanted if code not in BY_CODE] == []


def test_every_rule_has_a_catalogue_code_once_in_catalogue_order() -> None:
    codes = [rule.code for rule in RULES]
    assert [code for code in codes if code not in CODES] == []
    assert len(codes) == len(set(codes))
    assert codes == sorted(codes), "families register in catalogue order (RULES-CONVENTIONS)"
