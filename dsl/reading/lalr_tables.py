"""What the fast parser needs of Lark's analysis of `grammar.lark`, as plain data.

Input: a `Lark` parser (LALR, contextual lexer, every token kept, no placeholders). Output:
`Tables`: the parse table (shift to a state, or reduce by a rule: how many children, which
transformer method, which rule, its symbols; numbered as the driver runs it, `lalr_actions`), and for each parser state the terminals its lexer tries, in
Lark's order, with the keywords Lark reads out of an identifier. `to_data`/`from_data` turn
them into lists, dicts and strings, so that the grammar cache stores them and a later run
loads them in about a millisecond, without importing Lark (it is imported when a text does not
parse, to word the error, and when the cache is built).

Lark's own functions make every decision (the order of terminals, which keywords hide in an
identifier); nothing of the grammar is restated. A parser whose shape this does not know (an
option or a lexer callback Lark's tree builder would apply) raises `TypeError`, and the caller
parses with Lark alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lark import Lark

    from tthc.dsl.reading.lalr_actions import Reduction

# The version of the data below; a cache key includes it.
FORMAT = 7

# A parse-table entry: (True, next state) to shift, or (False, (children, method, rule,
# expansion)) to reduce, where the method is `None` for a rule Lark splices into its parent
# (`_name`) and the expansion names the rule's symbols, in order.
Entry = tuple[bool, Any]
# One lexer: its terminals, in Lark's order (their regexes are in `Tables.patterns`), the
# keywords hidden in each terminal (identifier text → keyword terminal), the terminals that may
# hold a newline.
LexerSpec = tuple[tuple[str, ...], dict[str, dict[str, str]], tuple[str, ...]]


@dataclass(frozen=True)
class Tables:
    # Per state (Lark numbers them from 0), each symbol's action as the driver runs it, and the
    # reductions the actions name (`lalr_actions.numbered`).
    actions: list[dict[str, int]]
    reductions: list[Reduction]
    start_states: dict[str, int]
    end_states: dict[str, int]
    lexer_of: list[int]  # state → index in `lexers` (states accepting the same terminals share)
    lexers: list[LexerSpec]
    skip: str  # the ignored text (whitespace, comments), as one regex
    patterns: dict[str, str]  # terminal → its regex
    literals: dict[str, str]  # terminal → its text, for a terminal that is a plain string
    # terminal → the ASCII characters its match can begin with (`first_chars`), for a terminal
    # that is not a plain string and whose first characters are known
    firsts: dict[str, str]
    # terminal → for some of those first characters, the ASCII characters that can follow
    seconds: dict[str, dict[str, str]]

    def to_data(self) -> tuple[Any, ...]:
        return (
            FORMAT,
            self.actions,
            self.reductions,
            self.start_states,
            self.end_states,
            self.lexer_of,
            self.lexers,
            self.skip,
            self.patterns,
            self.literals,
            self.firsts,
            self.seconds,
        )

    @classmethod
    def from_data(cls, data: Any) -> Tables:
        if not isinstance(data, tuple) or len(data) != 12 or data[0] != FORMAT:
            raise ValueError("not tables of this format")
        return cls(*data[1:])

    def alternatives(self, lexer: int) -> str:
        """The terminals of one lexer as one regex of named groups, in order, as Lark's scanner
        has them."""
        names = self.lexers[lexer][0]
        return "|".join(f"(?P<{name}>{self._guard(name)}{self.patterns[name]})" for name in names)

    def scanner(self, lexer: int) -> str:
        """One regex for one lexer, as the driver matches it: the ignored text as group 1 (the
        token begins where it ends), then the terminals as `alternatives` has them, except that
        a plain string's first character stands before its group (`}(?P<RBRACE>)`).

        Why: `re` passes over an alternative that begins with a character or a set without
        entering it, but one that begins with a group is entered and left for each token; the
        header's lexers hold 20-40 keywords, and the `}` that closes a block cost 1.4 µs of
        trying them (0.36 µs so). It matches what `alternatives` matches, with the same
        `lastgroup`: a string's text is its first character and the rest."""
        names = self.lexers[lexer][0]
        literals = self.literals
        return (
            f"({self.skip})(?:"
            + "|".join(
                f"{re.escape(literals[name][0])}(?P<{name}>{re.escape(literals[name][1:])})"
                if name in literals
                else f"(?P<{name}>{self._guard(name)}{self.patterns[name]})"
                for name in names
            )
            + ")"
        )

    def _guard(self, name: str) -> str:
        """A look-ahead at the characters the terminal's match can begin with (`firsts`; any
        character outside ASCII may begin it), before a case-insensitive terminal.

        It only passes over an alternative that cannot match where the text is, so the regex
        matches what it would without it; but `re` tries alternatives one by one, and a
        case-insensitive Vietnamese terminal tried before `STEP_KIND` cost 2 µs of a step kind's
        2.4 µs (`cấp xã`… compared letter by letter under case folding). Before any other
        terminal the look-ahead costs more than it saves (`re` passes over an alternative that
        begins with a character or a set of them by itself): a tenth of the lexers' time."""
        first = self.firsts.get(name)
        if first is None or name in self.literals or not self.patterns[name].startswith("(?i"):
            return ""
        # (`[^\x00-\x7f]` rather than a range to U+10FFFF in the class: compiled 5x faster)
        return f"(?=[{''.join(map(re.escape, first))}]|[^\\x00-\\x7f])"


def tables_from(lark: Lark) -> Tables:
    from lark.parsers.lalr_analysis import Shift

    from tthc.dsl.reading.first_chars import first_ascii, second_ascii
    from tthc.dsl.reading.lalr_actions import numbered

    if lark.options.maybe_placeholders or lark.options.lexer != "contextual":
        raise TypeError("the fast parser needs the contextual lexer and no placeholders")
    frontend = lark.parser
    table = frontend.parser.parser.parse_table  # ParsingFrontend → LALR_Parser → _Parser
    # Lark names symbols with `Token`s, whose `__eq__` is slow in dictionary lookups: the
    # table is rebuilt with plain strings.
    states: list[dict[str, Entry]] = [{} for _ in range(max(table.states) + 1)]
    for state, actions in table.states.items():
        states[state] = {
            str(symbol): (True, arg) if action is Shift else (False, _reduction(arg))
            for symbol, (action, arg) in actions.items()
        }
    conf = lark.lexer_conf  # (a parser loaded from Lark's cache has no `ignore_tokens`)
    terminals = {t.name: t for t in conf.terminals}
    skip = "|".join(terminals[name].pattern.to_regexp() for name in conf.ignore)
    lexers: list[LexerSpec] = []
    patterns: dict[str, str] = {}
    literals: dict[str, str] = {}
    index: dict[int, int] = {}  # Lark's lexer objects are shared between states already
    lexer_of = [0] * len(states)
    for state, basic in frontend.lexer.lexers.items():
        if id(basic) not in index:
            index[id(basic)] = len(lexers)
            lexers.append(_lexer_spec(basic, patterns, literals))
        lexer_of[state] = index[id(basic)]
    firsts = {
        name: first
        for name, pattern in patterns.items()
        if name not in literals and (first := first_ascii(pattern)) is not None
    }
    return Tables(
        *numbered(states),
        dict(table.start_states),
        dict(table.end_states),
        lexer_of,
        lexers,
        # Possessive, so that a failed match never backtracks into a comment to find a token
        # (as an atomic group `(?>(?:…)*)` would do, at a tenth more of each token's match).
        f"(?:{skip})*+",
        patterns,
        literals,
        firsts,
        {name: seconds for name in firsts if (seconds := second_ascii(patterns[name]))},
    )


def _reduction(rule: Any) -> tuple[int, str | None, str, tuple[str, ...]]:
    """As Lark shapes a tree: a rule named `_…` (written inline, or a repetition Lark adds) is
    spliced into its parent; any other rule calls the transformer's method of its name (or of
    its alias)."""
    options = rule.options
    if not options.keep_all_tokens or options.expand1 or options.template_source:
        raise TypeError(f"rule {rule.origin.name} is shaped in a way the driver does not handle")
    name = str(rule.origin.name)
    method = None if name.startswith("_") else str(rule.alias or name)
    return len(rule.expansion), method, name, tuple(str(s.name) for s in rule.expansion)


def _lexer_spec(basic: Any, patterns: dict[str, str], literals: dict[str, str]) -> LexerSpec:
    """Lark's lexer for one set of acceptable terminals, as Lark builds its scanner; the regex
    of each of its terminals is added to `patterns`, the text of a plain string to `literals`
    (its regex is that text escaped: it matches where the text starts)."""
    from lark.lexer import PatternStr, UnlessCallback, _create_unless

    if basic.user_callbacks or basic.use_bytes or basic.g_regex_flags:
        raise TypeError("lexer callbacks, bytes and regex flags are not supported")
    terminals, callbacks = _create_unless(  # type: ignore[no-untyped-call]
        basic.terminals, basic.g_regex_flags, re, False
    )
    keywords: dict[str, dict[str, str]] = {}
    for name, callback in callbacks.items():
        if not isinstance(callback, UnlessCallback):
            raise TypeError(f"unexpected lexer callback on {name}")
        words = callback.scanner.terminals
        if any(not isinstance(w.pattern, PatternStr) or w.pattern.flags for w in words):
            raise TypeError(f"keywords of {name} are not plain strings")
        keywords[name] = {w.pattern.value: w.name for w in words}
    names = []
    for terminal in terminals:
        if terminal.name not in basic.ignore_types:
            regex = terminal.pattern.to_regexp()
            if patterns.setdefault(terminal.name, regex) != regex:
                raise TypeError(f"terminal {terminal.name} has two patterns")
            names.append(terminal.name)
            if isinstance(terminal.pattern, PatternStr) and not terminal.pattern.flags:
                literals[terminal.name] = terminal.pattern.value
    return tuple(names), keywords, tuple(sorted(basic.newline_types))
