"""What the fast driver may take for granted about a reduction (`tthc.dsl.reading.lalr_shapes`).

A shape lets the driver skip the checks of the general case, so a shape given to a rule it does
not fit would build wrong children or places: here each shape is held to the rules of
`grammar.lark` it must (and must not) fit, and to small grammars written out by hand. That the
driver with these shapes gives Lark's own result is `test_lalr_driver.py`'s.
"""

from __future__ import annotations

import pytest

from tthc.dsl.reading.lalr_actions import Reduction
from tthc.dsl.reading.lalr_shapes import (
    APPEND,
    APPEND_AFTER_KEYWORD,
    APPEND_UNPLACED,
    GENERAL,
    KEYWORD_THEN_ONE,
    VALUES,
    placed_lists,
    shapes,
)
from tthc.dsl.reading.parser import _tables
from tthc.dsl.reading.transformer import TERMINALS


def grammar_shapes() -> dict[tuple[str, tuple[str, ...]], int]:
    tables = _tables()
    assert tables is not None
    found = shapes(tables.reductions, TERMINALS)
    return {
        (origin, expansion): shape
        for (_, _, origin, expansion), shape in zip(tables.reductions, found, strict=True)
    }


@pytest.mark.parametrize(
    ("origin", "expansion", "shape"),
    [
        # keyword then one child, whether the rule has a method or is spliced
        ("takes", ("TAKES", "duration"), KEYWORD_THEN_ONE),
        ("actor", ("BY", "NAME"), KEYWORD_THEN_ONE),
        # values of tokens, the last child perhaps a list of attributes
        ("duration", ("NUMBER", "DURATION_UNIT"), VALUES),
        ("step", ("NAME", "STEP_KIND", "STRING", "__step_star_12"), VALUES),
        # rules whose children may be anything stay general
        ("flow_line", ("endpoint", "__flow_line_plus_18"), GENERAL),
    ],
)
def test_rules_of_the_grammar_get_the_shape_their_symbols_allow(
    origin: str, expansion: tuple[str, ...], shape: int
) -> None:
    by_rule = grammar_shapes()
    matching = [s for (o, e), s in by_rule.items() if o == origin and e == expansion]
    if not matching:  # Lark's own numbering of its lists may differ: the rule by its prefix
        matching = [
            s
            for (o, e), s in by_rule.items()
            if o == origin and len(e) == len(expansion) and e[:-1] == expansion[:-1]
        ]
    assert matching == [shape]


def test_a_list_between_tokens_grows_without_a_place_one_at_a_rule_end_with_one() -> None:
    by_rule = grammar_shapes()
    # `steps: "steps" "{" step* "}"`: the list of steps is always between two tokens
    steps = [s for (o, e), s in by_rule.items() if o.startswith("__steps_star") and len(e) == 2]
    assert steps == [APPEND_UNPLACED]
    # `step: NAME STEP_KIND STRING _step_attr*`: the attributes end the step's span
    attributes = [s for (o, e), s in by_rule.items() if o.startswith("__step_star") and len(e) == 2]
    assert attributes == [APPEND]
    # `flow_line: endpoint ("->" endpoint)+ …`: the arrows' list grows past a keyword
    arrows = [
        s
        for (o, e), s in by_rule.items()
        if o.startswith("__flow_line_plus") and len(e) == 3 and e[0] == o
    ]
    assert arrows == [APPEND_AFTER_KEYWORD]


def test_every_shape_serves_the_grammar() -> None:
    assert set(grammar_shapes().values()) == {
        GENERAL,
        APPEND,
        APPEND_UNPLACED,
        APPEND_AFTER_KEYWORD,
        KEYWORD_THEN_ONE,
        VALUES,
    }


def test_a_child_that_may_be_a_keyword_keeps_the_general_checks() -> None:
    # `_flag: "on" | VALUE`, `__list: _flag | __list _flag`, `rule: "kw" _flag`, `pair: A _flag`
    reductions: list[Reduction] = [
        (1, None, "_flag", ("ON",)),
        (1, None, "_flag", ("VALUE",)),
        (1, None, "__list", ("_flag",)),
        (2, None, "__list", ("__list", "_flag")),
        (2, "rule", "rule", ("KW", "_flag")),
        (2, "pair", "pair", ("VALUE", "_flag")),
        (2, "plain", "plain", ("VALUE", "VALUE")),
    ]
    found = shapes(reductions, {"VALUE"})
    assert found == [GENERAL, GENERAL, GENERAL, GENERAL, GENERAL, GENERAL, VALUES]


def test_a_list_needs_a_place_unless_tokens_stand_on_both_sides_of_it() -> None:
    reductions: list[Reduction] = [
        (3, "block", "block", ("LBRACE", "__items", "RBRACE")),
        (2, "tail", "tail", ("KW", "__tail_items")),
        (2, None, "__items", ("__items", "item")),
        (2, None, "__tail_items", ("__tail_items", "item")),
    ]
    assert placed_lists(reductions) == {"__tail_items"}
    assert shapes(reductions, set()) == [GENERAL, KEYWORD_THEN_ONE, APPEND_UNPLACED, APPEND]
