"""A lean LALR(1) driver over the tables Lark compiled for `grammar.lark`: the fast path of parsing.

Input: a `Lark` parser (LALR, contextual lexer, inline transformer) and a text. Output: what
`Lark.parse` returns for that text, or `None` when the text does not parse, in which case the
caller parses again with Lark itself to get its exception (syntax errors are worded from it).

Why: Lark's generic loop costs about 2 ms for a 20-step procedure, most of it per token (two
regex matches, a generator, a line counter object, a dictionary keyed by rule objects). This
loop uses Lark's own parse table, its per-state terminals (the contextual lexer) and its rule
callbacks (which shape the children and call the transformer), so the result is the same; a
token costs one regex match (whitespace and comments are skipped by the same match) and a
reduction one dictionary lookup. Nothing of the grammar is restated here.

It assumes what the grammar guarantees: no terminal other than the ignored ones (whitespace,
comments) starts with a space or `#`, and the lexer has no callbacks besides the keyword check.
When Lark's internals do not look as expected, `LalrDriver.create` returns `None` and the
caller keeps using Lark.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Any

from lark import Lark, Token
from lark.lexer import PatternStr, UnlessCallback, _create_unless
from lark.parsers.lalr_analysis import Shift

# A parse-table entry: (True, next state) to shift, or (False, (size, callback, rule name)).
Entry = tuple[bool, Any]


class _StateLexer:
    """The terminals one parser state accepts, as one regex that first skips ignored text."""

    __slots__ = ("keywords", "newline_types", "regex")

    def __init__(self, skip: str, basic: Any) -> None:
        terminals, callbacks = _create_unless(  # type: ignore[no-untyped-call]
            basic.terminals, basic.g_regex_flags, re, basic.use_bytes
        )
        self.keywords: dict[str, dict[str, str]] = {}
        for name, callback in callbacks.items():
            if not isinstance(callback, UnlessCallback):
                raise TypeError(f"unexpected lexer callback on {name}")
            words = callback.scanner.terminals
            if any(not isinstance(w.pattern, PatternStr) or w.pattern.flags for w in words):
                raise TypeError(f"keywords of {name} are not plain strings")
            self.keywords[name] = {w.pattern.value: w.name for w in words}
        if basic.user_callbacks:
            raise TypeError("lexer callbacks are not supported")
        alternatives = "|".join(
            f"(?P<{t.name}>{t.pattern.to_regexp()})"
            for t in terminals
            if t.name not in basic.ignore_types
        )
        self.regex = re.compile(f"{skip}(?:{alternatives})", basic.g_regex_flags)
        self.newline_types = basic.newline_types


def _reduction(rule: Any, transformer: Any) -> tuple[int, Callable[[list[Any]], Any] | None, str]:
    """How to reduce by a rule: the number of children, what to call on them, the rule name.

    As Lark shapes a tree: a rule named `_…` (written inline, or a repetition Lark adds) is
    spliced into its parent, so its value is the plain list of its children (`None` below);
    any other rule calls the transformer's method of that name (or of its alias)."""
    options = rule.options
    if not options.keep_all_tokens or options.expand1 or options.template_source:
        raise TypeError(f"rule {rule.origin.name} is shaped in a way the driver does not handle")
    name = str(rule.origin.name)
    if name.startswith("_"):
        if hasattr(transformer, name):
            raise TypeError(f"the transformer handles the inlined rule {name}")
        return len(rule.expansion), None, name
    callback = getattr(transformer, str(rule.alias or name), None)
    if callback is None:
        callback = partial(transformer.__default__, str(rule.alias or name), meta=None)
    return len(rule.expansion), callback, name


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
    def __init__(self, lark: Lark) -> None:
        transformer = lark.options.transformer
        if transformer is None or lark.options.maybe_placeholders:
            raise TypeError("the driver needs an inline transformer and no placeholders")
        frontend = lark.parser
        table = frontend.parser.parser.parse_table  # ParsingFrontend → LALR_Parser → _Parser
        # Lark names symbols with `Token`s, whose `__eq__` is slow in dictionary lookups: the
        # table is rebuilt with plain strings.
        # Indexed by state (Lark numbers them from 0), as lists are quicker than dictionaries.
        self.states: list[dict[str, Entry]] = [{} for _ in range(max(table.states) + 1)]
        for state, actions in table.states.items():
            self.states[state] = {
                str(symbol): (True, arg) if action is Shift else (False, _reduction(arg, transformer))
                for symbol, (action, arg) in actions.items()
            }
        self.start_states: dict[str, int] = table.start_states
        self.end_states: dict[str, int] = table.end_states
        self._contextual = frontend.lexer.lexers  # parser state → Lark's BasicLexer
        conf = lark.lexer_conf  # (a parser loaded from Lark's cache has no `ignore_tokens`)
        terminals = {t.name: t for t in conf.terminals}
        ignored = [terminals[name].pattern.to_regexp() for name in conf.ignore]
        # Atomic, so that a failed match never backtracks into a comment to find a token.
        self._skip = f"(?>(?:{'|'.join(ignored)})*)"
        self._rest = re.compile(self._skip)
        # Built for the states a text reaches (a regex compile each), shared by the states that
        # accept the same terminals, as Lark shares its lexers.
        self._shared: dict[int, _StateLexer] = {}
        self._lexers: list[_StateLexer | None] = [None] * len(self.states)

    @classmethod
    def create(cls, lark: Lark) -> LalrDriver | None:
        try:
            return cls(lark)
        except (AttributeError, KeyError, TypeError):  # another Lark version: use Lark itself
            return None

    def _lexer(self, state: int) -> _StateLexer:
        basic = self._contextual[state]
        lexer = self._shared.get(id(basic))
        if lexer is None:
            lexer = self._shared[id(basic)] = _StateLexer(self._skip, basic)
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
            token.type, token.value, token.start_pos = kind, value, begin
            token.line, token.column = line, begin - line_start + 1
            if kind in lexer.newline_types and "\n" in value:
                line += value.count("\n")
                line_start = begin + value.rindex("\n") + 1
            token.end_line, token.end_column, token.end_pos = line, after - line_start + 1, after
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
