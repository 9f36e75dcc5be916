"""A rule's identity is written once and held equal everywhere it appears: the code table
(`dsl/codes.py`), the function and the module named after the rule, its family's `RULES`
(`rules_of(...)`, which takes each code from the table by the function's name and the scope from
its context) and the index in the family's docstring. Each failure says what to add where."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator

import pytest

from tthc.dsl import CODES
from tthc.rules import RULES
from tthc.rules.base import Finding, ProcedureContext, ProjectContext, rules_of

# Codes no rule reports: reading and resolving (TT0xx) and a crashed check (TT999).
NOT_RULES = {code for code in CODES if code.startswith("TT0")} | {"TT999"}


def _python_name(code: str) -> str:
    return CODES[code].name.replace("-", "_")


def test_every_code_of_the_table_has_one_rule_and_every_rule_a_code() -> None:
    ruled = [rule.code for rule in RULES]
    missing = sorted(set(CODES) - NOT_RULES - set(ruled))
    assert missing == [], (
        f"codes in dsl/codes.py without a rule: {missing}; add the function to `rules_of(...)` "
        "in the family's `RULES` in rules/<family>/__init__.py"
    )
    unknown = sorted(set(ruled) - set(CODES))
    assert unknown == [], f"rules without a code: {unknown}; add each to _TABLE in dsl/codes.py"
    assert len(ruled) == len(set(ruled)), "a code is in two `RULES` tuples"


def test_each_rule_is_a_function_in_a_module_of_its_own_name() -> None:
    wrong = []
    for rule in RULES:
        name = _python_name(rule.code)
        family = rule.check.__module__.rsplit(".", 1)[0]
        expected = f"{family}.{name}"
        if rule.check.__name__ != name or rule.check.__module__ != expected:
            wrong.append(
                f"{rule.code}: `{rule.check.__module__}.{rule.check.__name__}` should be the "
                f"function `{name}` in {expected.removeprefix('tthc.').replace('.', '/')}.py"
            )
    assert wrong == []


def test_each_family_lists_its_rules_in_its_docstring_and_its_rules_tuple() -> None:
    wrong = []
    for rule in RULES:
        family_name = rule.check.__module__.rsplit(".", 1)[0]
        family = importlib.import_module(family_name)
        name = _python_name(rule.code)
        line = rf"^    {name}\.py +{rule.code} {re.escape(CODES[rule.code].name)}$"
        if not re.search(line, family.__doc__ or "", re.MULTILINE):
            wrong.append(
                f"{family_name}: its docstring lacks the index line "
                f"`    {name}.py  {rule.code} {CODES[rule.code].name}`"
            )
        if rule not in family.RULES:
            wrong.append(f"{family_name}.RULES lacks {name} (add it to `rules_of(...)`)")
    assert wrong == []


def test_a_family_takes_each_code_from_the_table_and_the_scope_from_the_context() -> None:
    def re_decentralization(context: ProjectContext) -> Iterator[Finding]:
        yield from ()

    def missing_reception(context: ProcedureContext) -> Iterator[Finding]:
        yield from ()

    rules = rules_of(missing_reception, re_decentralization)
    assert [(rule.code, rule.scope) for rule in rules] == [
        ("TT301", "procedure"),
        ("TT201", "project"),
    ]


def test_a_check_named_after_no_code_is_refused_with_its_name() -> None:
    def not_a_rule(context: ProcedureContext) -> Iterator[Finding]:
        yield from ()

    with pytest.raises(
        LookupError, match=re.escape("not_a_rule: no code of dsl/codes.py has this name")
    ):
        rules_of(not_a_rule)
