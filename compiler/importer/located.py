"""A printed draft's AST given the spans the parser would give it, without parsing the draft.

Input: the `ast.Procedure` the importer built (its own, never shared), the canonical text it was
printed to, and the path of the written file. Output: the `ast.Document` that `parse` reads from
that text, spans included, or None when the procedure holds a construct this module does not
place (the caller then parses the text). The check runs on it, so that a draft is read by no
parser at all (issue 11: a parse is most of a draft's check); `tests/importer/test_located.py`
holds every draft of the real record sets equal, spans included, to what the parser reads from
the written file.

How: the text is cut into tokens (strings, words, brackets and commas; comments and white space
skipped), and the procedure is walked in the order the canonical printer writes it
(`tthc.dsl.printer`), each node taking the tokens it was printed to. A node's span runs from its
first token to its last, as the grammar's rule for it does (`dsl/reading/grammar.lark`); where
that rule leaves a keyword out of the node (`deadline`, `takes`, `budget`), the walk does too.
The walk only counts tokens: the values are the importer's own. Every token is counted, so a
printer that writes something the walk does not expect (a construct added to the language
later) leaves a count that does not come out exact: None, and the text is parsed.

Why the spans are set in place: rebuilding the ~90 nodes of a draft costs as much as parsing
it. The nodes are frozen models, but these are the importer's own, built for this draft, not
yet hashed or seen by anything but the printer; each gets its span once, here. A procedure the
walk cannot place is not handed on: the caller parses the text instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

from tthc.dsl import ast
from tthc.dsl.reading.built_nodes import build
from tthc.dsl.reading.built_nodes import span as span_of

# A string, a comment (skipped), a word (identifier, keyword, number, `->`), a bracket/comma, or
# the end of a line (counted).
_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|#[^\n]*|[^\s{}(),"#]+|[{}(),]|\n')
Token = tuple[int, int, int]  # line, first column, column after the token
Item = TypeVar("Item", ast.Component, ast.Step, ast.Phase, ast.FlowLine)


class _Misplaced(Exception):
    """The procedure holds what the walk does not place: the caller parses instead."""


def located(procedure: ast.Procedure, text: str, path: str) -> ast.Document | None:
    tokens = _tokens(text)
    walk = _Walk(tokens, path)
    try:
        walk.procedure(procedure)
    except (_Misplaced, IndexError):
        return None
    if walk.at != len(tokens):
        return None
    return build(ast.Document, {"span": procedure.span, "procedures": (procedure,)})


def _tokens(text: str) -> list[Token]:
    """The tokens of the whole text in one pass; a newline is matched only to count lines,
    a comment (most of a draft's bytes) in one match, and neither is kept."""
    tokens: list[Token] = []
    append = tokens.append
    line, start = 1, 0  # the line and the offset where it starts
    for match in _TOKEN.finditer(text):
        begin, end = match.span()
        first = text[begin]
        if first == "\n":
            line, start = line + 1, end
        elif first != "#":
            append((line, begin - start + 1, end - start + 1))
    return tokens


class _Walk:
    def __init__(self, tokens: list[Token], path: str) -> None:
        self.tokens, self.path, self.at = tokens, path, 0

    def place(self, node: Any, first: int) -> None:
        """`node`'s span: from token `first` to the last one taken."""
        line, column, _ = self.tokens[first]
        end_line, _, end_column = self.tokens[self.at - 1]
        node.span = span_of((self.path, line, column, end_line, end_column))

    def skip(self, count: int) -> None:
        self.at += count

    def name(self, node: ast.Name) -> None:
        """A name is one token (`place` inlined: a third of a draft's nodes are names)."""
        line, column, end_column = self.tokens[self.at]
        self.at += 1
        node.span = span_of((self.path, line, column, line, end_column))

    def names(self, nodes: tuple[ast.Name, ...]) -> None:
        """`a, b, c`: each name, and the comma before each but the first."""
        for number, node in enumerate(nodes):
            self.skip(1 if number else 0)
            self.name(node)

    def duration(self, node: ast.Duration) -> None:
        first = self.at
        self.skip(2)  # amount, unit
        self.place(node, first)

    def citations(self, nodes: tuple[ast.Citation, ...]) -> None:
        for number, node in enumerate(nodes):
            if node.article is not None:
                raise _Misplaced
            self.skip(1 if number else 0)
            first = self.at
            self.name(node.instrument)
            self.place(node, first)

    # -- the procedure, in the printer's order ---------------------------------------------

    def procedure(self, node: ast.Procedure) -> None:
        if node.effective or node.until or node.power or node.moved or node.anywhere is not None:
            raise _Misplaced
        if node.day_rule is not None or node.links or node.two_persons:
            raise _Misplaced
        first = self.at
        self.skip(1)  # procedure
        self.skip(1)
        self.place(node.code, first + 1)
        self.skip(2)  # the name, {
        self.skip(2 if node.field is not None else 0)
        self.skip(2 if node.level is not None else 0)
        if node.basis:
            self.skip(1)
            self.citations(node.basis)
        self.skip(2 * len(node.applicants))
        if node.channels:
            self.skip(1)
            self.channels(node.channels)
        for deadline in node.deadlines:
            self.deadline(deadline)
        self.skip(2 * len(node.results))
        for fee in node.fees:
            self.fee(fee)
        self.skip(2 * len(node.unstated))
        self.block(node.dossier, self.component)
        self.block(node.steps, self.step)
        self.block(node.phases, self.phase)
        self.block(node.flow, self.flow_line)
        self.skip(1)  # }
        self.place(node, first)

    def block(self, items: tuple[Item, ...], each: Callable[[Item], None]) -> None:
        """`word { … }`, each item in it; nothing when there is no item."""
        if items:
            self.skip(2)  # the word, {
            for item in items:
                each(item)
            self.skip(1)  # }

    def channels(self, nodes: tuple[ast.Channel, ...]) -> None:
        for number, node in enumerate(nodes):
            self.skip(1 if number else 0)
            first = self.at
            self.skip(1 if node.online is None else 2)
            self.place(node, first)

    def deadline(self, node: ast.Deadline) -> None:
        if node.extension:
            raise _Misplaced
        self.skip(1)  # deadline: the keyword is outside the node
        first = self.at
        self.skip(2 if node.least is not None else 0)  # `17 to` of `17 to 20 days`
        if node.immediate or node.duration is None:
            self.skip(1)
        else:
            self.duration(node.duration)
            self.skip(2 if node.condition is not None else 0)
        self.place(node, first)

    def fee(self, node: ast.Fee) -> None:
        if node.basis:
            raise _Misplaced
        first = self.at
        self.skip(3)  # fee, amount, description: the keyword is inside the node
        self.place(node, first)

    def component(self, node: ast.Component) -> None:
        first = self.at
        self.name(node.id)
        form = 2 if node.form is not None else 0
        self.skip(1 + form + 2 + 1 + (1 if node.personal else 0))  # title … copies N required
        self.place(node, first)

    def step(self, node: ast.Step) -> None:
        if node.signs is not None or node.basis or node.day_rule is not None or not node.counted:
            raise _Misplaced
        first = self.at
        self.name(node.id)
        self.skip(2)  # kind, title
        if node.actor is not None:
            self.skip(3 if node.head else 1)  # by (head of)
            self.name(node.actor)
            for alternative in node.alternatives:
                self.skip(1)  # or
                self.name(alternative)
        if node.duration is not None:
            self.skip(1)  # takes
            self.duration(node.duration)
        if node.reads:
            self.skip(1)
            self.names(node.reads)
        self.skip(2 if node.notifies else 0)
        if node.counterpart is not None:
            self.skip(1)
            self.name(node.counterpart)
        if node.coordinates:
            self.skip(1)
            self.coordinates(node.coordinates)
        self.place(node, first)

    def coordinates(self, nodes: tuple[ast.Coordination, ...]) -> None:
        for number, node in enumerate(nodes):
            self.skip(1 if number else 0)
            first = self.at
            self.name(node.authority)
            if node.duration is not None:
                self.skip(1)  # for
                self.duration(node.duration)
            self.place(node, first)

    def phase(self, node: ast.Phase) -> None:
        first = self.at
        self.name(node.id)
        self.skip(1)  # title
        if node.budget is not None:
            self.skip(1)  # budget
            self.duration(node.budget)
        if node.steps:
            self.skip(1)
            self.names(node.steps)
        self.place(node, first)

    def flow_line(self, node: ast.FlowLine) -> None:
        if node.when is not None or node.otherwise or node.paused:
            raise _Misplaced
        first = self.at
        for number, endpoint in enumerate(node.path):
            if endpoint.parallel or len(endpoint.steps) != 1:
                raise _Misplaced
            self.skip(1 if number else 0)  # ->
            self.name(endpoint.steps[0])
            endpoint.span = endpoint.steps[0].span  # a single endpoint is its name
        self.place(node, first)
