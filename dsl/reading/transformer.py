"""Parse callbacks → AST nodes, applied while the LALR parser runs (no tree is built).

Input: the rules of `grammar.lark` as they are reduced, with the values of their children and
their place (from `lalr_driver`, or from Lark's tokens when Lark parses a text itself). Output: `ast.Document`. Values that the grammar
cannot check (an impossible date, a field given twice) become diagnostics, collected in
`problems`; the node is then built without the bad value. Nodes are built by `built_nodes`,
without validating again the types the grammar fixes.

Why over 400 lines: `ToAst` holds one short method per rule of `grammar.lark`, named after
it, which Lark and the fast driver both find by name on the one class; split across modules the
mapping from grammar to AST would no longer read beside the grammar. Node building is already
apart (`built_nodes`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from functools import partial
from sys import intern
from typing import Any, TypeVar

from tthc.dsl import ast
from tthc.dsl.codes import make_diagnostic
from tthc.dsl.diagnostics import Diagnostic, Message, Related
from tthc.dsl.reading.aliases import ALIASES, converter
from tthc.dsl.reading.built_nodes import build, given, made, whole
from tthc.dsl.reading.built_nodes import duration as duration_at
from tthc.dsl.reading.built_nodes import flow_line as flow_line_at
from tthc.dsl.reading.built_nodes import name as name_at
from tthc.dsl.reading.built_nodes import single as single_at
from tthc.dsl.reading.built_nodes import span as span_at
from tthc.dsl.reading.lalr_driver import KEYWORD, Converter, Token
from tthc.dsl.reading.numbers import (
    MAX_FRACTION_DIGITS,
    MAX_WHOLE_DIGITS,
    bounded,
    number_problem,
)
from tthc.dsl.span import Span, Where

_new = object.__new__

# Header fields that may appear more than once; their values are concatenated in order.
REPEATABLE = {
    "basis", "applicants", "channels", "deadlines", "results", "fees", "links",
    "dossier", "steps", "flow", "reads", "replaces", "phases", "coordinates", "alternatives",
    "aliases",
}  # fmt: skip


class Item:
    """One `key value` line inside a block, before the block's node is assembled.

    It has a place (`where`) as a token has; its `Span` is built only when a message needs it
    (a line given twice)."""

    __slots__ = ("key", "value", "where")

    def __init__(self, key: str, value: Any, where: Where) -> None:
        self.key, self.value, self.where = key, value, where

    @property
    def span(self) -> Span:
        return span_at(self.where)


def _item(key: str, value: Any, where: Where) -> Item:
    """`Item(key, value, where)` as a plain call, which costs half a class's call (~90 items a
    procedure of 20 steps)."""
    made: Item = _new(Item)
    made.key, made.value, made.where = key, value, where
    return made


def _tie(rest: list[Any]) -> dict[str, Any]:
    """The condition and the flow tie (`through`, `via`, `avoiding`) after a deadline's amount."""
    fields: dict[str, Any] = {"condition": None}
    for child in rest:
        if isinstance(child, Item):
            fields[child.key] = child.value
        else:
            fields["condition"] = _unquote(child)
    return fields


def _unquote(token: str) -> str:
    """The text of a string, interned: titles repeat across a corpus ("Trả kết quả")."""
    body = token[1:-1]
    if "\\" in body:
        body = body.replace('\\"', '"').replace("\\\\", "\\")
    return intern(body)


# Terminals that carry a value, and what a rule gets for each (`None`: the text). Every other
# token (keywords, braces, arrows) only marks a place: the parser keeps all tokens so that a
# node's span covers its keywords too. An identifier is a `Name` node at once; a flag is the
# item it sets; a date stays a `Token`, whose place a message about an impossible date needs.
_TEXT = ("STRING", "NUMBER", "INT", "ARTICLE", "LEVEL", "CHANNEL", "ONLINE_LEVEL", "BOOL",
         "IMMEDIATELY", "DAY_RULE", "STEP_KIND", "SIGNATURE", "AUTHORITY_KIND",
         "INSTRUMENT_KIND", "GRANT_MODE", "CONFIDENCE", "DURATION_UNIT", "UNSTATED")  # fmt: skip


def _flag(key: str, value: bool) -> Converter:
    def item(text: str, where: Where) -> Item:
        return _item(key, value, where)

    return item


TERMINALS: dict[str, Converter | None] = {
    "NAME": name_at,
    "DATE": partial(Token.at, "DATE"),
    "REQUIRED": _flag("required", True),
    "OPTIONAL": _flag("required", False),
    "PERSONAL": _flag("personal", True),
    "NOTIFIES_APPLICANT": _flag("notifies", True),
    "NOT_COUNTED": _flag("counted", False),
    "HEAD_OF": _flag("head", True),
    "OTHERWISE": _flag("otherwise", True),
    "CLOCK_PAUSED": _flag("paused", True),
    **dict.fromkeys(_TEXT),
    # A value written as its Vietnamese word (`cấp xã`) becomes the value's text (`commune`).
    **{f"{terminal}_VI": converter(terminal) for terminal in ALIASES},
}
Member = TypeVar("Member", bound=Enum)


def _members(enum: type[Member]) -> dict[str, Member]:
    """An enumeration by value: the grammar admits only its values, and a lookup here costs
    a tenth of calling the enumeration."""
    return {member.value: member for member in enum}


LEVELS = _members(ast.Level)
CHANNEL_KINDS = _members(ast.ChannelKind)
ONLINE_LEVELS = _members(ast.OnlineLevel)
DAY_RULES = _members(ast.DayRule)
UNSTATED = _members(ast.Unstated)
STEP_KINDS = _members(ast.StepKind)
SIGNATURE_KINDS = _members(ast.SignatureKind)
AUTHORITY_KINDS = _members(ast.AuthorityKind)
INSTRUMENT_KINDS = _members(ast.InstrumentKind)
GRANT_MODES = _members(ast.GrantMode)
CONFIDENCES = _members(ast.Confidence)
DURATION_UNITS = _members(ast.DurationUnit)


# Digits no longer than this are within both bounds of `numbers`, and need no check.
SURELY_SHORT = min(MAX_FRACTION_DIGITS, MAX_WHOLE_DIGITS)

# The fields given in nodes of one shape (the others keep their defaults).
_IMMEDIATE = given("span", "immediate")
_WITHIN = given("span", "duration", "condition")
# A deadline that is neither a range nor an extension, and tied to no path of the flow.
_PLAIN = {"least": None, "extension": False, "through": (), "via": (), "avoiding": ()}

Callback = Callable[[Any, Where, list[Any]], Any]
Declaration = TypeVar("Declaration", ast.Grant, ast.Transfer)


def rule(method: Callback) -> Callable[[Any, list[Any]], Any]:
    """A rule's method: `method(self, where, values)` gets where its text is and only the
    children that carry values.

    The fast parser calls `method` itself (the `fast` attribute), giving it what `lalr_driver`
    says. Lark calls the returned callback with every token, so that a span covers the keywords
    of its rule too: the children are tokens, nodes and `Item`s (each with a place), or `None`
    where a callback dropped a bad declaration."""

    def callback(self: ToAst, children: list[Any]) -> Any:
        values: list[Any] = []
        for child in children:
            if isinstance(child, str):  # a token: Lark's
                convert = TERMINALS.get(child.type, KEYWORD)  # type: ignore[attr-defined]
                if convert is None:
                    values.append(child)
                elif convert is not KEYWORD:
                    values.append(convert(child.value, self.token_where(child)))  # type: ignore[attr-defined,arg-type]
            else:
                values.append(child)
        return method(self, self.where(children), values)

    callback.__name__ = method.__name__
    setattr(callback, "fast", method)  # noqa: B010 (a function attribute mypy would refuse)
    return callback


def _place_of(child: Any) -> tuple[int, int, int, int]:
    if type(child) is Item:
        return child.where[1:]
    if not isinstance(child, str):
        child = child.span
    return (child.line, child.column, child.end_line, child.end_column)


class ToAst:
    """Builds AST nodes. `path` is set before each parse; one instance serves one thread.

    The fast parser (`lalr_driver`) calls the rule methods; Lark calls them too when it parses
    a text itself (it passes its own tokens, with the same attributes)."""

    terminals = TERMINALS

    def __init__(self) -> None:
        self.path = "<string>"
        self.problems: list[Diagnostic] = []

    def __default__(self, data: str, children: list[Any], meta: Any) -> Any:
        """Lark's tree for a rule with no method here (the `_…` rules it splices itself)."""
        from lark import Tree

        return Tree(data, children, meta)

    # -- helpers ---------------------------------------------------------------------------

    def where(self, children: list[Any]) -> Where:
        """From the first to the last child that has a place (a point when there is none), as
        Lark gives them: tokens carry their position, items their place, nodes a span."""
        if children and children[0] is not None and children[-1] is not None:
            first, last = children[0], children[-1]
        else:
            present = [c for c in children if c is not None]
            if not present:
                return (self.path, 1, 1, 1, 2)
            first, last = present[0], present[-1]
        start = _place_of(first)
        end = _place_of(last)
        return (self.path, start[0], start[1], end[2], end[3])

    def token_where(self, token: Token) -> Where:
        line, column = token.line or 1, token.column or 1
        return (self.path, line, column, token.end_line or line, token.end_column or column + 1)

    def token_span(self, token: Token) -> Span:
        return span_at(self.token_where(token))

    def number(self, where: Where, digits: str) -> str:
        """The digits, bounded (`tthc.dsl.reading.numbers`): a number too long is reported."""
        if len(digits) <= SURELY_SHORT:
            return digits
        problem = number_problem(digits, span_at(where))
        if problem is None:
            return digits
        self.problems.append(problem)
        return bounded(digits)

    def date(self, token: Token) -> dt.date | None:
        known = _DATES.get(token)
        if known is not None:
            return known
        try:
            value = dt.date.fromisoformat(str(token))
        except ValueError:
            self.problems.append(
                make_diagnostic(
                    "TT003",
                    self.token_span(token),
                    Message(
                        vi=f"'{token}' không phải là một ngày có thật",
                        en=f"'{token}' is not a real date",
                    ),
                    Message(
                        vi="Viết ngày theo dạng năm-tháng-ngày, ví dụ 2025-07-01",
                        en="Write dates as year-month-day, for example 2025-07-01",
                    ),
                )
            )
            return None
        if len(_DATES) < _KEPT:
            _DATES[str(token)] = value
        return value

    def assemble(self, where: Where, items: list[Any], fields: dict[str, Any]) -> dict[str, Any]:
        """Adds block items to the fields the rule fixed (an identifier, a title), and the span:
        the constructor arguments. A repeated scalar is TT004 (no item has the key of a fixed
        field, so a key already there was given by an item before)."""
        for item in items:
            if type(item) is list:  # one rule that sets several fields (`by head of a or b`)
                self.assemble(where, item, fields)
                continue
            if type(item) is not Item or item.value is None:
                continue
            key = item.key
            if key in REPEATABLE:
                before = fields.get(key)
                fields[key] = item.value if before is None else (*before, *item.value)
            elif key in fields:
                first = next(
                    i for i in items if type(i) is Item and i.key == key and i.value is not None
                )
                self.problems.append(_repeated(item, first.span))
            else:
                fields[key] = item.value
        fields["span"] = span_at(where)
        return fields

    # -- declarations ----------------------------------------------------------------------

    @rule
    def start(self, where: Where, children: list[Any]) -> ast.Document:
        groups: dict[str, list[Any]] = {
            "authorities": [], "instruments": [], "grants": [], "transfers": [], "procedures": [],
        }  # fmt: skip
        kinds: dict[type, str] = {
            ast.Authority: "authorities", ast.Instrument: "instruments", ast.Grant: "grants",
            ast.Transfer: "transfers", ast.Procedure: "procedures",
        }  # fmt: skip
        for child in children:
            if child is not None:
                groups[kinds[type(child)]].append(child)
        fields = {k: tuple(v) for k, v in groups.items()}
        return build(ast.Document, {"span": span_at(where), **fields})

    @rule
    def procedure(self, where: Where, children: list[Any]) -> ast.Procedure:
        code, name, *items = children
        return build(
            ast.Procedure, self.assemble(where, items, {"code": code, "name": _unquote(name)})
        )

    @rule
    def authority(self, where: Where, children: list[Any]) -> ast.Authority:
        ident, title, *items = children
        return build(
            ast.Authority, self.assemble(where, items, {"id": ident, "title": _unquote(title)})
        )

    @rule
    def instrument(self, where: Where, children: list[Any]) -> ast.Instrument:
        ident, kind, number, *items = children
        fixed = {"id": ident, "kind": INSTRUMENT_KINDS[kind], "number": _unquote(number)}
        return build(ast.Instrument, self.assemble(where, items, fixed))

    @rule
    def grant(self, where: Where, children: list[Any]) -> ast.Grant | None:
        ident, *items = children
        fields = self.assemble(where, items, {"id": ident})
        return self.required(ast.Grant, fields, ("power", "receiver", "mode"), "grant")

    @rule
    def transfer(self, where: Where, children: list[Any]) -> ast.Transfer | None:
        ident, *items = children
        fields = self.assemble(where, items, {"id": ident})
        return self.required(ast.Transfer, fields, ("power", "giver", "receiver"), "transfer")

    def required(
        self, model: type[Declaration], fields: dict[str, Any], keys: tuple[str, ...], word: str
    ) -> Declaration | None:
        missing = [key for key in keys if key not in fields]
        if not missing:
            return build(model, fields)
        words = ", ".join(KEYWORD_OF.get(key, key) for key in missing)
        self.problems.append(
            make_diagnostic(
                "TT003",
                fields["id"].span,
                Message(
                    vi=f"Khai báo {word} '{fields['id'].value}' thiếu: {words}",
                    en=f"The {word} '{fields['id'].value}' is missing: {words}",
                ),
                Message(vi=f"Thêm dòng {words} vào khối", en=f"Add a {words} line to the block"),
            )
        )
        return None

    # -- header items ----------------------------------------------------------------------

    @rule
    def code(self, where: Where, children: list[Any]) -> ast.Text:
        fields = {"span": span_at(where), "value": _unquote(children[0])}
        return whole(ast.Text, fields)

    @rule
    def text(self, where: Where, children: list[Any]) -> ast.Text:
        fields = {"span": span_at(where), "value": _unquote(children[0])}
        return whole(ast.Text, fields)

    @rule
    def field(self, where: Where, c: list[Any]) -> Item:
        return _item("field", _unquote(c[0]), where)

    @rule
    def level(self, where: Where, c: list[Any]) -> Item:
        return _item("level", LEVELS[c[0]], where)

    @rule
    def effective(self, where: Where, c: list[Any]) -> Item:
        return _item("effective", self.date(c[0]), where)

    @rule
    def until(self, where: Where, c: list[Any]) -> Item:
        return _item("until", self.date(c[0]), where)

    @rule
    def starts(self, where: Where, c: list[Any]) -> Item:
        return _item("starts", self.date(c[0]), where)

    @rule
    def signed(self, where: Where, c: list[Any]) -> Item:
        return _item("signed", self.date(c[0]), where)

    @rule
    def in_force(self, where: Where, c: list[Any]) -> Item:
        return _item("in_force", self.date(c[0]), where)

    @rule
    def power(self, where: Where, c: list[Any]) -> Item:
        return _item("power", c[0], where)

    @rule
    def moved(self, where: Where, c: list[Any]) -> Item | None:
        fields = self.assemble(where, c, {})
        if "level" not in fields:
            self.problems.append(
                make_diagnostic(
                    "TT003",
                    fields["span"],
                    Message(vi="Khối 'moved' thiếu dòng 'from'", en="'moved' has no 'from' line"),
                    Message(
                        vi="Ghi cấp cũ, ví dụ: from district",
                        en="Name the former level, for example: from district",
                    ),
                )
            )
            return None
        return _item("moved", build(ast.Moved, fields), where)

    @rule
    def moved_from(self, where: Where, c: list[Any]) -> Item:
        return _item("level", LEVELS[c[0]], where)

    @rule
    def moved_deadline(self, where: Where, c: list[Any]) -> Item:
        return _item("deadline", c[0], where)

    @rule
    def basis(self, where: Where, c: list[Any]) -> Item:
        return _item("basis", tuple(c), where)

    step_basis = basis

    @rule
    def applicants(self, where: Where, c: list[Any]) -> Item:
        return _item("applicants", tuple(_unquote(s) for s in c), where)

    @rule
    def channels(self, where: Where, c: list[Any]) -> Item:
        return _item("channels", tuple(c), where)

    @rule
    def channel(self, where: Where, c: list[Any]) -> ast.Channel:
        online = ONLINE_LEVELS[c[1]] if len(c) > 1 else None
        fields = {"span": span_at(where), "kind": CHANNEL_KINDS[c[0]], "online": online}
        return whole(ast.Channel, fields)

    @rule
    def anywhere(self, where: Where, c: list[Any]) -> Item:
        return _item("anywhere", c[0] == "yes", where)

    @rule
    def deadline(self, where: Where, c: list[Any]) -> Item:
        return _item("deadlines", c[0].value, where)

    @rule
    def deadline_immediate(self, where: Where, c: list[Any]) -> Item:
        fields = {"span": span_at(where), "immediate": True, "duration": None, "condition": None}
        node = made(ast.Deadline, {**fields, **_PLAIN}, _IMMEDIATE)
        return _item("deadlines", (node,), where)

    @rule
    def deadline_duration(self, where: Where, c: list[Any]) -> Item:
        if isinstance(c[-1], Item):  # tied to the flow: built with its paths
            fields = {"span": span_at(where), "duration": c[0], **_tie(c[1:])}
            return _item("deadlines", (build(ast.Deadline, fields),), where)
        condition = _unquote(c[1]) if len(c) > 1 else None
        fields = {"span": span_at(where), "immediate": False, "duration": c[0]}
        fields["condition"] = condition
        node = made(ast.Deadline, {**fields, **_PLAIN}, _WITHIN)
        return _item("deadlines", (node,), where)

    @rule
    def deadline_range(self, where: Where, c: list[Any]) -> Item:
        least = amount(self.number(where, c[0]))
        upper: ast.Duration = c[1]
        if least > upper.amount:
            self.problems.append(
                make_diagnostic(
                    "TT003",
                    span_at(where),
                    Message(
                        vi=f"Khoảng thời hạn bắt đầu ở {c[0]}, lớn hơn mức cuối {upper.amount}",
                        en=f"The range starts at {c[0]}, above its end {upper.amount}",
                    ),
                    Message(
                        vi="Viết mức thấp trước: 30 to 35 days",
                        en="Write the lower amount first: 30 to 35 days",
                    ),
                )
            )
            least = upper.amount
        fields = {"span": span_at(where), "duration": upper, **_tie(c[2:])}
        node = build(ast.Deadline, {**fields, "least": least})
        return _item("deadlines", (node,), where)

    @rule
    def deadline_extension(self, where: Where, c: list[Any]) -> Item:
        fields = {"span": span_at(where), "duration": c[0], **_tie(c[1:])}
        node = build(ast.Deadline, {**fields, "extension": True})
        return _item("deadlines", (node,), where)

    @rule
    def tie_through(self, where: Where, c: list[Any]) -> Item:
        return _item("through", tuple(c), where)

    @rule
    def tie_via(self, where: Where, c: list[Any]) -> Item:
        return _item("via", tuple(c), where)

    @rule
    def tie_avoiding(self, where: Where, c: list[Any]) -> Item:
        return _item("avoiding", tuple(c), where)

    @rule
    def day_rule(self, where: Where, c: list[Any]) -> Item:
        return _item("day_rule", DAY_RULES[c[0]], where)

    @rule
    def result(self, where: Where, c: list[Any]) -> Item:
        return _item("results", (_unquote(c[0]),), where)

    @rule
    def fee(self, where: Where, c: list[Any]) -> Item:
        amount, description, *basis = c
        fields = {
            "span": span_at(where),
            "amount": int(self.number(where, amount)),
            "description": _unquote(description),
            "basis": tuple(basis),
        }
        return _item("fees", (whole(ast.Fee, fields),), where)

    @rule
    def links(self, where: Where, c: list[Any]) -> Item:
        return _item("links", tuple(c), where)

    @rule
    def two_persons(self, where: Where, c: list[Any]) -> Item:
        return _item("two_persons", c[0] == "yes", where)

    @rule
    def unstated(self, where: Where, c: list[Any]) -> Item:
        return _item("unstated", tuple(dict.fromkeys(UNSTATED[word] for word in c)), where)

    # -- dossier, steps, flow --------------------------------------------------------------

    @rule
    def dossier(self, where: Where, c: list[Any]) -> Item:
        return _item("dossier", tuple(c), where)

    @rule
    def component(self, where: Where, c: list[Any]) -> ast.Component:
        ident, title, *items = c  # `form`, `copies` and the flags (`required`, `personal`…)
        fixed = {"id": ident, "title": _unquote(title)}
        return ast.Component(**self.assemble(where, items, fixed))

    @rule
    def form(self, where: Where, c: list[Any]) -> Item:
        return _item("form", _unquote(c[0]), where)

    @rule
    def copies(self, where: Where, c: list[Any]) -> Item:
        return _item("copies", int(self.number(where, c[0])), where)

    @rule
    def steps(self, where: Where, c: list[Any]) -> Item:
        return _item("steps", tuple(c), where)

    @rule
    def step(self, where: Where, c: list[Any]) -> ast.Step:
        ident, kind, title, *items = c
        fixed = {"id": ident, "kind": STEP_KINDS[kind], "title": _unquote(title)}
        return ast.Step(**self.assemble(where, items, fixed))

    @rule
    def actor(self, where: Where, c: list[Any]) -> Item | list[Item]:
        if len(c) == 1:
            return _item("actor", c[0], where)
        items = [x for x in c if type(x) is Item]  # `head of`
        names = [x for x in c if type(x) is not Item]
        items.append(_item("actor", names[0], where))
        if len(names) > 1:
            items.append(_item("alternatives", tuple(names[1:]), where))
        return items

    @rule
    def takes(self, where: Where, c: list[Any]) -> Item:
        return _item("duration", c[0], where)

    @rule
    def reads(self, where: Where, c: list[Any]) -> Item:
        return _item("reads", tuple(c), where)

    @rule
    def signs(self, where: Where, c: list[Any]) -> Item:
        return _item("signs", SIGNATURE_KINDS[c[0]], where)

    @rule
    def counterpart(self, where: Where, c: list[Any]) -> Item:
        return _item("counterpart", c[0], where)

    @rule
    def phases(self, where: Where, c: list[Any]) -> Item:
        return _item("phases", tuple(c), where)

    @rule
    def phase(self, where: Where, c: list[Any]) -> ast.Phase:
        ident, title, *items = c
        fixed = {"id": ident, "title": _unquote(title)}
        return build(ast.Phase, self.assemble(where, items, fixed))

    @rule
    def budget(self, where: Where, c: list[Any]) -> Item:
        return _item("budget", c[0], where)

    @rule
    def phase_steps(self, where: Where, c: list[Any]) -> Item:
        return _item("steps", tuple(c), where)

    @rule
    def coordinates(self, where: Where, c: list[Any]) -> Item:
        return _item("coordinates", tuple(c), where)

    @rule
    def coordination(self, where: Where, c: list[Any]) -> ast.Coordination:
        duration = c[1] if len(c) > 1 else None
        fields = {"span": span_at(where), "authority": c[0], "duration": duration}
        return whole(ast.Coordination, fields)

    @rule
    def flow(self, where: Where, c: list[Any]) -> Item:
        return _item("flow", tuple(c), where)

    @rule
    def flow_line(self, where: Where, c: list[Any]) -> ast.FlowLine:
        path = []
        when, otherwise, paused = None, False, False
        for x in c:  # endpoints, then the items `when x` or `otherwise`, then `clock paused`
            if type(x) is ast.Endpoint:
                path.append(x)
            elif x.key == "when":
                when = x.value
            elif x.key == "otherwise":
                otherwise = x.value
            else:  # the grammar gives no other item here
                paused = x.value
        return flow_line_at(where, tuple(path), when, otherwise, paused)

    @rule
    def when(self, where: Where, c: list[Any]) -> Item:
        return _item("when", c[0], where)

    @rule
    def single(self, where: Where, c: list[Any]) -> ast.Endpoint:
        return single_at(c[0])  # the endpoint is its name, and has the same span

    @rule
    def parallel(self, where: Where, c: list[Any]) -> ast.Endpoint:
        fields = {"span": span_at(where), "steps": tuple(c), "parallel": True}
        return whole(ast.Endpoint, fields)

    # -- registry items --------------------------------------------------------------------

    @rule
    def authority_kind(self, where: Where, c: list[Any]) -> Item:
        return _item("kind", AUTHORITY_KINDS[c[0]], where)

    @rule
    def of(self, where: Where, c: list[Any]) -> Item:
        return _item("of", c[0], where)

    @rule
    def one_stop(self, where: Where, c: list[Any]) -> Item:
        return _item("one_stop", c[0] == "yes", where)

    @rule
    def staff(self, where: Where, c: list[Any]) -> Item:
        return _item("staff", int(self.number(where, c[0])), where)

    @rule
    def aliases(self, where: Where, c: list[Any]) -> Item:
        return _item("aliases", tuple(_unquote(s) for s in c), where)

    @rule
    def title(self, where: Where, c: list[Any]) -> Item:
        return _item("title", _unquote(c[0]), where)

    @rule
    def issuer(self, where: Where, c: list[Any]) -> Item:
        return _item("issuer", _unquote(c[0]), where)

    @rule
    def replaces(self, where: Where, c: list[Any]) -> Item:
        return _item("replaces", tuple(c), where)

    @rule
    def confidence(self, where: Where, c: list[Any]) -> Item:
        return _item("confidence", CONFIDENCES[c[0]], where)

    @rule
    def source(self, where: Where, c: list[Any]) -> Item:
        return _item("source", _unquote(c[0]), where)

    @rule
    def giver(self, where: Where, c: list[Any]) -> Item:
        return _item("giver", c[0], where)

    @rule
    def receiver(self, where: Where, c: list[Any]) -> Item:
        return _item("receiver", c[0], where)

    @rule
    def mode(self, where: Where, c: list[Any]) -> Item:
        return _item("mode", GRANT_MODES[c[0]], where)

    @rule
    def conditions(self, where: Where, c: list[Any]) -> Item:
        return _item("conditions", _unquote(c[0]), where)

    @rule
    def resources(self, where: Where, c: list[Any]) -> Item:
        return _item("resources", _unquote(c[0]), where)

    # -- shared pieces ---------------------------------------------------------------------

    @rule
    def citation(self, where: Where, c: list[Any]) -> ast.Citation:
        article = str(c[1]) if len(c) > 1 else None
        clause = str(c[2]) if len(c) > 2 else None
        fields = {"span": span_at(where), "instrument": c[0], "article": article, "clause": clause}
        return whole(ast.Citation, fields)

    @rule
    def duration(self, where: Where, c: list[Any]) -> ast.Duration:
        digits = c[0]
        # (the commonest amounts are known and short: no call to bound or make them)
        value = _AMOUNTS.get(digits) if len(digits) <= SURELY_SHORT else None
        if value is None:
            value = amount(self.number(where, digits))
        return duration_at(where, value, DURATION_UNITS[c[1]])


def amount(digits: str) -> Decimal:
    """A duration's amount as one value however it is written: `3.0`, `3` and `03` give
    `Decimal("3")`, `0.50` gives `Decimal("0.5")` (the grammar allows digits with an optional
    fraction). Not `Decimal.normalize()`, which turns `10` into `1E+1`.

    One object per amount as written (a `Decimal` cannot change): a corpus writes few."""
    value = _AMOUNTS.get(digits)
    if value is None:
        value = Decimal(digits.rstrip("0").rstrip(".") if "." in digits else digits)
        if len(_AMOUNTS) < _KEPT:
            _AMOUNTS[digits] = value
    return value


# Values made from the text, shared by every place that writes them alike (at most `_KEPT`
# of each kind, so that a long run over odd input does not grow them without end).
_KEPT = 10_000
_AMOUNTS: dict[str, Decimal] = {}
_DATES: dict[str, dt.date] = {}


# The DSL keyword that sets each AST field, for messages about missing or repeated lines.
KEYWORD_OF = {
    "giver": "from", "receiver": "to", "duration": "takes", "actor": "by",
    "counterpart": "with", "deadlines": "deadline", "results": "result", "fees": "fee",
    "notifies": "notifies applicant", "level": "level", "counted": "not counted",
}  # fmt: skip


def _repeated(item: Item, first: Span) -> Diagnostic:
    word = KEYWORD_OF.get(item.key, item.key)
    return make_diagnostic(
        "TT004",
        item.span,
        Message(vi=f"Dòng '{word}' được khai báo hai lần", en=f"'{word}' is given twice"),
        Message(vi=f"Giữ một dòng '{word}' và xóa dòng còn lại", en=f"Keep one '{word}' line"),
        related=(
            Related(
                span=first, message=Message(vi="Khai báo lần đầu ở đây", en="First given here")
            ),
        ),
    )
