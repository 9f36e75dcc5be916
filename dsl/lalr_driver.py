"""A lean LALR(1) driver over the tables Lark computed for `grammar.lark`: the fast parse.

Input: `Tables` (`lalr_tables`), the transformer whose methods build the AST, and a text.
Output: what `Lark.parse` with that transformer returns for the text, or a refusal when the
text does not parse; the caller then asks Lark for the syntax error (errors are worded from
Lark's exception).

Why: Lark's generic loop costs about 2 ms for a 20-step procedure, most of it per token (two
regex matches, a generator, a line counter object, a dictionary keyed by rule objects). Here a
token costs one regex match (whitespace and comments are skipped by the same match) and a
reduction one dictionary lookup; the rule shapes Lark's tree builder would apply (a `_rule` is
spliced into its parent) are applied in `_pop`. Nothing of the grammar is restated, and Lark
itself is not imported.

It assumes what the grammar guarantees: no terminal other than the ignored ones (whitespace,
comments) starts with a space or `#`. `tests/dsl/test_lalr_driver.py` holds it to Lark's own
result, spans and problems included.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Any

from tthc.dsl.lalr_tables import Tables


class Token(str):
    """A token: its text, its terminal and where it is (the attributes of `lark.Token` that
    the transformer reads; the character offsets are left out, nothing here uses them)."""

    __slots__ = ("column", "end_column", "end_line", "line", "type", "value")

    type: str
    value: str
    line: int
    column: int
    end_line: int
    end_column: int


class _StateLexer:
    """The terminals one parser state accepts, as one regex that first skips ignored text."""

    __slots__ = ("keywords", "newline_types", "regex")

    def __init__(
        self,
        skip: str,
        alternatives: str,
        keywords: dict[str, dict[str, str]],
        newline_types: tuple[str, ...],
    ) -> None:
        self.regex = re.compile(f"{skip}(?:{alternatives})")
        self.keywords = keywords
        self.newline_types = frozenset(newline_types)


def _pop(values: list[Any], stack: list[int], size: int) -> list[Any]:
    """The children of a reduction, with the lists of spliced rules spread in place.

    Callbacks never return a list, so a list on the value stack is always a spliced rule. The
    first list is extended rather than copied (repetitions recurse on the left), as Lark does."""
    if not size:
        return []
    popped = values[-size:]
    del values[-size:]
    del stack[-size:]
    head = popped[0]
    children = head if type(head) is list else [head]
    for child in popped[1:]:
        if type(child) is list:
            children += child
        else:
            children.append(child)
    return children


class LalrDriver:
    def __init__(self, tables: Tables, transformer: Any) -> None:
        methods: dict[str, Callable[[list[Any]], Any] | None] = {}
        for state in tables.states:
            for shift, action in state.values():
                if shift:
                    continue
                method, rule = action[1], action[2]
                if method is None and hasattr(transformer, rule):
                    raise TypeError(f"the transformer handles the inlined rule {rule}")
                if method is not None and method not in methods:
                    found = getattr(transformer, method, None)
                    methods[method] = found or partial(transformer.__default__, method, meta=None)
        # Each reduction carries the bound method itself, so the loop calls it directly.
        self.states: list[dict[str, tuple[bool, Any]]] = [
            {
                symbol: (True, action)
                if shift
                else (
                    False,
                    (action[0], None if action[1] is None else methods[action[1]], action[2]),
                )
                for symbol, (shift, action) in state.items()
            }
            for state in tables.states
        ]
        self.start_states, self.end_states = tables.start_states, tables.end_states
        self._tables = tables
        self._rest = re.compile(tables.skip)
        # Built for the states a text reaches (a regex compile each), shared by the states that
        # accept the same terminals, as Lark shares its lexers.
        self._shared: dict[int, _StateLexer] = {}
        self._lexers: list[_StateLexer | None] = [None] * len(self.states)

    @classmethod
    def create(cls, tables: Tables | None, transformer: Any) -> LalrDriver | None:
        if tables is None:
            return None
        try:
            return cls(tables, transformer)
        except (AttributeError, KeyError, TypeError):  # a transformer of another shape
            return None

    def _lexer(self, state: int) -> _StateLexer:
        number = self._tables.lexer_of[state]
        lexer = self._shared.get(number)
        if lexer is None:
            alternatives, keywords, newline_types = self._tables.lexers[number]
            lexer = _StateLexer(self._tables.skip, alternatives, keywords, newline_types)
            self._shared[number] = lexer
        self._lexers[state] = lexer
        return lexer

    def parse(self, text: str, start: str) -> tuple[bool, Any]:
        """(True, value) as Lark would give it, or (False, None) when the text does not parse.

        One loop, with the shift/reduce steps written out: this runs once per token."""
        states, lexers = self.states, self._lexers
        state = self.start_states[start]
        stack: list[int] = [state]
        values: list[Any] = []
        push_state, push_value = stack.append, values.append
        pos, line, line_start = 0, 1, 0
        new_token: Callable[..., Token] = str.__new__
        while True:
            lexer = lexers[state] or self._lexer(state)
            match = lexer.regex.match(text, pos)
            if match is None:
                break
            kind: str = match.lastgroup  # type: ignore[assignment]  # every alternative is named
            value = match.group(kind)
            after = match.end()
            begin = after - len(value)
            if "\n" in text[pos:begin]:
                line += text.count("\n", pos, begin)
                line_start = text.rindex("\n", pos, begin) + 1
            retype = lexer.keywords.get(kind)
            if retype is not None:
                kind = retype.get(value, kind)
            token = new_token(Token, value)
            token.type, token.value = kind, value
            token.line, token.column = line, begin - line_start + 1
            if kind in lexer.newline_types and "\n" in value:
                line += value.count("\n")
                line_start = begin + value.rindex("\n") + 1
            token.end_line, token.end_column = line, after - line_start + 1
            pos = after
            while True:  # reduce as long as the table says so, then shift the token
                try:
                    shift, action = states[state][kind]
                except KeyError:
                    return False, None
                if shift:
                    state = action
                    push_state(state)
                    push_value(token)
                    break
                size, callback, origin = action
                if callback is None and size == 1:
                    del stack[-1]  # a spliced rule of one child: the child stands for it
                else:
                    children = _pop(values, stack, size)
                    push_value(children if callback is None else callback(children))
                state = states[stack[-1]][origin][1]
                push_state(state)
        if self._rest.match(text, pos).end() != len(text):  # type: ignore[union-attr]
            return False, None  # a character that no terminal of this state matches
        end_state = self.end_states[start]
        while True:
            entry = states[stack[-1]].get("$END")
            if entry is None or entry[0]:
                return False, None
            size, callback, origin = entry[1]
            children = _pop(values, stack, size)
            values.append(children if callback is None else callback(children))
            stack.append(states[stack[-1]][origin][1])
            if stack[-1] == end_state:
                return True, values[-1]
