"""A lean LALR(1) driver over the tables Lark computed for `grammar.lark`: the fast parse.

Input: `Tables` (`lalr_tables`), the transformer whose rule methods build the AST, a text and
its path. Output: what `Lark.parse` with that transformer returns for the text, or a refusal
when the text does not parse; the caller then asks Lark for the syntax error (errors are worded
from Lark's exception).

Why: Lark's generic loop costs about 2 ms for a 20-step procedure, most of it per token (two
regex matches, a generator, a line counter object, a dictionary keyed by rule objects). Here a
token costs one regex match (whitespace and comments are skipped by the same match; a lexer
met only a few times tries its terminals in turn instead, `_InTurn`) and a reduction one
dictionary lookup; the rule shapes Lark's tree builder would apply (a `_rule` is
spliced into its parent) are applied in `parse`, and a reduction that would only splice one
child into a `_rule` is skipped in the table (`lalr_actions.past_unit_splices`). Nothing of the grammar is
restated, and Lark itself is not imported.

What the transformer gives the driver (`transformer.ToAst` and its `rule` decorator):
- `terminals`: the terminals whose token carries a value, each with what the token becomes
  (`None`: its text; else a function of its text and place). The other tokens (keywords,
  braces, arrows) only mark a place: a rule's place runs from its first to its last token.
- for each rule, a method whose `fast` attribute takes `(where, values)`: the rule's place as
  `(path, line, column, end line, end column)` and the values of its children, in order (the
  children of spliced rules spread in place, keyword tokens left out). A child that is `None`
  (a declaration a callback dropped) has no place. This is what the method does with Lark's
  children itself, so both parsers give one result.

It assumes what the grammar guarantees: no terminal other than the ignored ones (whitespace,
comments) starts with a space or `#`. `tests/dsl/test_lalr_driver.py` holds it to Lark's own
result, spans and problems included.

Why ~520 lines in one module: `parse` is a single loop of ~250 lines with the lexing, shift and
reduce steps written out, because a Python call per token or per reduction costs ~1,000
instructions (docs/development.md, "Reading speed"); the small lexer classes it drives sit
beside it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tthc.dsl.reading.lalr_shapes import (
    APPEND,
    APPEND_AFTER_KEYWORD,
    APPEND_UNPLACED,
    KEYWORD_THEN_ONE,
    shapes,
)
from tthc.dsl.reading.lalr_tables import Tables
from tthc.dsl.span import Where

Converter = Callable[[str, Where], Any]
# A reduction: how many children, the callback (`None` for a spliced rule), the rule's name,
# its shape (`lalr_shapes`).
Rule = tuple[int, Callable[[Where, list[Any]], Any] | None, str, int]


class Token(str):
    """A token whose rule needs its terminal or place besides its text (the attributes of
    `lark.Token` that the transformer reads)."""

    __slots__ = ("column", "end_column", "end_line", "line", "type", "value")

    type: str
    value: str
    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def at(cls, kind: str, text: str, where: Where) -> Token:
        token = str.__new__(cls, text)
        token.type, token.value = kind, text
        _, token.line, token.column, token.end_line, token.end_column = where
        return token


class _Keyword:
    """The value of a token that carries none: it is left out of its rule's children."""

    __slots__ = ()


KEYWORD: Any = _Keyword()


class _Lexed:
    """What `_InTurn.match` gives: the attributes of `re.Match` the driver reads."""

    __slots__ = ("_begin", "_end", "lastgroup")

    def __init__(self, terminal: str, begin: int, end: int) -> None:
        self.lastgroup: str | None = terminal
        self._begin, self._end = begin, end

    def end(self, group: int = 0) -> int:
        """Where the match ends, or (group 1) where the ignored text before the token ends."""
        return self._begin if group else self._end


class _InTurn:
    """The terminals of a lexer tried one by one, in order, each by a regex of its own: what the
    lexer's one regex (`Tables.scanner`: `(skip)(?:(?P<A>a)|(?P<B>b)|…)`) matches, without
    compiling it.

    Why: a cold `tthc check` of one file meets about 60 lexers, a few tokens each, and
    compiling their regexes (1,000 characters of alternatives for some) was a third of the
    check after the imports; the terminals' own regexes are few and short, shared by all the
    lexers, and a keyword needs none (`str.startswith` matches what its escaped text does); a
    terminal whose match cannot begin with the characters at hand (`Tables.firsts`,
    `Tables.seconds`) is passed over uncompiled. After `PROMOTE` tokens the lexer's one regex is compiled and takes over,
    so a large run pays one match per token as before.

    Both give one result: the skip is possessive, so the terminal starts where the skip ends; an
    alternation takes its first alternative that matches there, with that alternative's own
    match (nothing follows it in the pattern); and `Pattern.match(text, pos)` sees the text
    before `pos`, as the whole regex does, for look-behinds and `\\b`.
    """

    PROMOTE = 128

    __slots__ = ("_driver", "_lexer", "_number", "_uses")

    def __init__(self, driver: LalrDriver, number: int, lexer: _StateLexer) -> None:
        self._driver, self._number, self._lexer, self._uses = driver, number, lexer, 0

    def match(self, text: str, pos: int) -> re.Match[str] | _Lexed | None:
        driver = self._driver
        self._uses += 1
        if self._uses > driver.promote_after:
            tables = driver._tables
            regex = re.compile(tables.scanner(self._number))
            self._lexer.regex = regex
            return regex.match(text, pos)
        begin = driver._rest.match(text, pos).end()  # type: ignore[union-attr]  # may be empty
        tables = driver._tables
        literals, firsts, seconds = tables.literals, tables.firsts, tables.seconds
        at, then = text[begin : begin + 1], text[begin + 1 : begin + 2]  # "" at the end
        for terminal in tables.lexers[self._number][0]:
            literal = literals.get(terminal)
            if literal is None:
                first = firsts.get(terminal)
                if first is not None:  # its match cannot begin here: not even compiled
                    if not at or (at < "\x80" and at not in first):
                        continue
                    after = seconds.get(terminal, {}).get(at)
                    if after is not None and (not then or (then < "\x80" and then not in after)):
                        continue
                found = driver._terminal(terminal).match(text, begin)
                if found is not None:
                    return _Lexed(terminal, begin, found.end())
            elif text.startswith(literal, begin):
                return _Lexed(terminal, begin, begin + len(literal))
        return None


class _StateLexer:
    """The terminals one parser state accepts, first skipping ignored text: tried in turn, then
    as one regex (`_InTurn`); and for each, what its token becomes (`converts`: as in
    `LalrDriver.terminals`, or for a terminal whose text may be a keyword a `_Words`)."""

    __slots__ = ("converts", "multiline", "regex")

    def __init__(
        self,
        driver: LalrDriver,
        number: int,
        keywords: dict[str, dict[str, str]],
        newline_types: tuple[str, ...],
    ) -> None:
        self.regex: re.Pattern[str] | _InTurn = _InTurn(driver, number, self)
        self.multiline = frozenset(newline_types)
        terminals = driver.terminals
        self.converts: dict[str, Any] = {
            name: _Words(keywords[name], terminals.get(name, KEYWORD), terminals)
            if name in keywords else terminals.get(name, KEYWORD)
            for name in driver._tables.lexers[number][0]
        }  # fmt: skip


class _Words(dict[str, tuple[str, Any]]):
    """What a terminal whose text may be a keyword becomes (Lark's `UnlessCallback`): each
    keyword's text → its terminal and what its token becomes; `plain`: what the token becomes
    when its text is none of them. One lookup of the text gives both."""

    __slots__ = ("plain",)

    def __init__(
        self, words: dict[str, str], plain: Any, terminals: dict[str, Converter | None]
    ) -> None:
        if any("\n" in word for word in words):  # its place is counted as a one-line token's
            raise TypeError("a keyword holds a line break")
        super().__init__(
            (word, (kind, terminals.get(kind, KEYWORD))) for word, kind in words.items()
        )
        self.plain = plain


class LalrDriver:
    def __init__(self, tables: Tables, transformer: Any) -> None:
        terminals: dict[str, Converter | None] = dict(transformer.terminals)
        # Actions as numbers (`lalr_actions`): a state to shift (or go) to, or `~index` of a
        # reduction in `rules`: (children, the callback or `None` for a spliced rule, the
        # rule's name, its shape).
        self.rules: list[Rule] = [
            (size, self._callback(transformer, method, origin), origin, shape)
            for (size, method, origin, _), shape in zip(
                tables.reductions, shapes(tables.reductions, terminals), strict=True
            )
        ]
        self.states = tables.actions
        self.terminals = terminals
        self.start_states, self.end_states = tables.start_states, tables.end_states
        self._tables = tables
        self._rest = re.compile(tables.skip)
        # Built for the states a text reaches, shared by the states that accept the same
        # terminals, as Lark shares its lexers.
        self._shared: dict[int, _StateLexer] = {}
        self._lexers: list[_StateLexer | None] = [None] * len(self.states)
        self._terminals: dict[str, re.Pattern[str]] = {}
        self.promote_after = _InTurn.PROMOTE

    def _terminal(self, name: str) -> re.Pattern[str]:
        regex = self._terminals.get(name)
        if regex is None:
            regex = self._terminals[name] = re.compile(self._tables.patterns[name])
        return regex

    @staticmethod
    def _callback(
        transformer: Any, method: str | None, rule: str
    ) -> Callable[[Where, list[Any]], Any] | None:
        if method is None:
            if hasattr(transformer, rule):
                raise TypeError(f"the transformer handles the inlined rule {rule}")
            return None
        fast = getattr(getattr(transformer, method), "fast")  # noqa: B009 (says what is needed)
        return fast.__get__(transformer)  # type: ignore[no-any-return]

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
            _, keywords, newline_types = self._tables.lexers[number]
            lexer = _StateLexer(self, number, keywords, newline_types)
            self._shared[number] = lexer
        self._lexers[state] = lexer
        return lexer

    def parse(self, text: str, start: str, path: str) -> tuple[bool, Any]:
        """(True, value) as Lark would give it, or (False, None) when the text does not parse.

        One loop, with the shift/reduce steps written out: this runs once per token."""
        states, rules, lexers = self.states, self.rules, self._lexers
        state = self.start_states[start]
        end_state = self.end_states[start]
        stack: list[int] = [state]
        values: list[Any] = []
        wheres: list[Where | None] = []  # the place of each value; `None`: it has none
        place: Where | None
        opening: Any  # (a child's place, `None` only where the code says so)
        closing: Any
        nowhere = (path, 1, 1, 1, 2)  # a rule with no child that has a place (Lark's empty meta)
        # `margin`: the offset just before the current line (a column is `offset - margin`).
        pos, line, margin = 0, 1, -1
        # Where the next line break at or after `pos` is (the end of the text if none): a
        # token that starts past it has a line break before it, one that ends past it holds
        # one; most tokens are on the line of the token before, and pay one comparison.
        size_of_text = len(text)
        next_break = text.find("\n")
        if next_break < 0:
            next_break = size_of_text
        while True:
            lexer = lexers[state] or self._lexer(state)
            match = lexer.regex.match(text, pos)
            if match is None:
                if self._rest.match(text, pos).end() != len(text):  # type: ignore[union-attr]
                    return False, None  # a character that no terminal of this state matches
                kind, token, where = "$END", KEYWORD, None
            else:
                kind = match.lastgroup  # type: ignore[assignment]  # every alternative is named
                begin, after = match.end(1), match.end()  # (group 1: the ignored text)
                while begin > next_break:  # a line break before the token (most often one)
                    line += 1
                    margin = next_break
                    next_break = text.find("\n", margin + 1)
                    if next_break < 0:
                        next_break = size_of_text
                pos = after
                if after <= next_break:
                    where = (path, line, begin - margin, line, after - margin)
                else:  # the token holds a line break: counted if its terminal may hold one
                    if kind in lexer.multiline:
                        value = text[begin:after]
                        first_line, column = line, begin - margin
                        line += value.count("\n")
                        margin = begin + value.rindex("\n")
                        where = (path, first_line, column, line, after - margin)
                    else:
                        where = (path, line, begin - margin, line, after - margin)
                    next_break = text.find("\n", after)
                    if next_break < 0:
                        next_break = size_of_text
                # What the token becomes, looked up once; its text is cut out only when that
                # needs it (a keyword or a brace needs only its place). A word that may be a
                # keyword is looked up once among them (no keyword holds a line break, so its
                # place above is right whichever terminal it turns out to be).
                convert = lexer.converts[kind]
                if convert is KEYWORD:
                    token = KEYWORD
                elif convert is None:
                    token = text[begin:after]
                elif type(convert) is _Words:
                    token = text[begin:after]
                    word = convert.get(token)
                    if word is None:
                        convert = convert.plain
                    else:
                        kind, convert = word
                    if convert is KEYWORD:
                        token = KEYWORD
                    elif convert is not None:
                        token = convert(token, where)
                else:
                    token = convert(text[begin:after], where)
            while True:  # reduce as long as the table says so, then shift the token
                try:
                    action = states[state][kind]
                except KeyError:
                    if kind == "$END" and state == end_state:
                        return True, values[-1]
                    return False, None
                if action >= 0:
                    state = action
                    stack.append(state)
                    values.append(token)
                    wheres.append(where)
                    break
                size, callback, origin, shape = rules[~action]
                # The children: keyword tokens left out, the lists of spliced rules (or that a
                # callback returned) spread in place; a first list is extended rather than
                # copied, as Lark does. The place: from the first to the last child that has
                # one. The shapes of `lalr_shapes` skip what their symbols make certain; rules
                # of one or two children (nine in ten) are written out. The three stacks are
                # indexed from their start (`top`: the last child's slot in `values` and
                # `wheres`, the state above it in `stack`): Python 3.11 specialises `list[i]`
                # for an `i >= 0` only, and a negative index cost ~5x (6.29 -> 6.1 M a file).
                # `first` is the slot the rule's value takes, the first child's.
                top = len(values) - 1
                if shape:
                    if shape <= APPEND_UNPLACED:  # a list grows by a child that is no keyword
                        first = top - 1
                        child = values.pop()
                        head = values[first]
                        if type(head) is list:
                            if type(child) is list:
                                head += child
                            else:
                                head.append(child)
                        elif type(child) is list:
                            values[first] = [head, *child]
                        else:
                            values[first] = [head, child]
                        closing = wheres.pop()
                        if shape == APPEND:  # (else the list's place never makes a span)
                            opening = wheres[first]
                            if opening is None:
                                wheres[first] = closing
                            elif closing is not None:
                                place = (path, opening[1], opening[2], closing[3], closing[4])
                                wheres[first] = place
                        stack.pop()
                        state = stack[top] = states[stack[first]][origin]
                        continue
                    if shape == APPEND_AFTER_KEYWORD:  # as above, a keyword between
                        first = top - 2
                        child = values.pop()
                        values.pop()
                        head = values[first]
                        if type(head) is list:
                            if type(child) is list:
                                head += child
                            else:
                                head.append(child)
                        elif type(child) is list:
                            values[first] = [head, *child]
                        else:
                            values[first] = [head, child]
                        closing = wheres.pop()
                        keyword_place = wheres.pop()
                        opening = wheres[first]
                        if opening is None:
                            opening = keyword_place
                        if closing is None:
                            closing = keyword_place
                        wheres[first] = (path, opening[1], opening[2], closing[3], closing[4])
                        del stack[-2:]
                        state = stack[top - 1] = states[stack[first]][origin]
                        continue
                    if shape == KEYWORD_THEN_ONE:
                        first = top - 1
                        child = values.pop()
                        children = child if type(child) is list else [child]
                        closing = wheres.pop()
                        opening = wheres[first]
                        if closing is not None:
                            place = (path, opening[1], opening[2], closing[3], closing[4])
                        else:
                            place = opening
                        stack.pop()
                    else:  # VALUES: tokens' values, the last child perhaps a rule's
                        first = top + 1 - size
                        children = values[first:]
                        tail = values[top]
                        del values[first + 1 :]  # (the first child's slot takes the rule's value)
                        if type(tail) is list:
                            children[-1:] = tail
                        opening, closing = wheres[first], wheres[top]
                        if closing is None:  # a dropped declaration or an empty list
                            closing = wheres[top - 1]
                        place = (path, opening[1], opening[2], closing[3], closing[4])
                        del wheres[first + 1 :]
                        del stack[first + 2 :]
                elif size == 2:
                    first = top - 1
                    child = values.pop()
                    head = values[first]
                    if head is KEYWORD:
                        if child is KEYWORD:
                            children = []
                        elif type(child) is list:
                            children = child
                        else:
                            children = [child]
                    else:
                        children = head if type(head) is list else [head]
                        if type(child) is list:
                            children += child
                        elif child is not KEYWORD:
                            children.append(child)
                    closing = wheres.pop()
                    opening = wheres[first]
                    if opening is None:
                        place = closing
                    elif closing is None:
                        place = opening
                    else:
                        place = (path, opening[1], opening[2], closing[3], closing[4])
                    stack.pop()  # (the first child's slot takes the rule's state)
                elif size == 1:
                    first = top
                    if callback is None:  # a spliced rule of one child: the child stands for it
                        state = stack[top + 1] = states[stack[top]][origin]
                        continue
                    head = values[top]
                    if type(head) is list:
                        children = head
                    elif head is KEYWORD:
                        children = []
                    else:
                        children = [head]
                    place = wheres[top]
                else:
                    place = None
                    children = []
                    if size:
                        first = top + 1 - size
                        popped = values[first:]
                        del values[first:]
                        head = popped[0]
                        if type(head) is list:
                            children = head
                        elif head is not KEYWORD:
                            children.append(head)
                        for child in popped[1:]:
                            if type(child) is list:
                                children += child
                            elif child is not KEYWORD:
                                children.append(child)
                        opening, closing = wheres[first], wheres[top]
                        if opening is None or closing is None:  # dropped at an end
                            present = [w for w in wheres[first:] if w is not None]
                            opening, closing = (
                                (present[0], present[-1]) if present else (None, None)
                            )
                        if opening is not None:
                            place = (path, opening[1], opening[2], closing[3], closing[4])
                        del wheres[first:]
                        del stack[first + 2 :]
                    else:
                        first = top + 1
                        stack.append(state)
                    values.append(None)  # the slot the rule's value takes, as above
                    wheres.append(None)
                if callback is None:
                    values[first] = children
                    wheres[first] = place
                else:
                    if place is None:
                        place = nowhere
                    node = callback(place, children)
                    values[first] = node
                    wheres[first] = None if node is None else place
                # The goto, from the state under the children, into the first child's slot.
                state = stack[first + 1] = states[stack[first]][origin]
